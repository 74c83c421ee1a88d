use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(dlint::cli::run(dlint::cli::parse_args()))
}
