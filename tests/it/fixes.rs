//! Fixes keep the form they edit: an argument added to an exec-form RUN is a JSON string.

use dlint::fix::{fix_source, FixOptions};
use dlint::lint::Settings;

fn fixed(source: &str, codes: &[&str]) -> String {
    let settings = Settings { select: Some(codes.iter().map(|c| c.to_string()).collect()), ..Settings::default() };
    fix_source(source, &settings, &FixOptions::default()).text
}

#[test]
fn exec_form_gets_json_arguments() {
    let cases = [
        ("RUN [\"apt-get\", \"install\", \"curl=1\"]", "DL3014", "RUN [\"apt-get\", \"install\", \"-y\", \"curl=1\"]"),
        ("RUN [\"apk\", \"add\", \"curl=1\"]", "DL3019", "RUN [\"apk\", \"add\", \"--no-cache\", \"curl=1\"]"),
        (
            "RUN [\"pip\", \"install\", \"flask==3\"]",
            "DL3042",
            "RUN [\"pip\", \"install\", \"--no-cache-dir\", \"flask==3\"]",
        ),
        (
            "RUN [\"useradd\", \"-u\", \"1000000\", \"app\"]",
            "DL3046",
            "RUN [\"useradd\", \"-l\", \"-u\", \"1000000\", \"app\"]",
        ),
        ("RUN apt-get \"install\" curl=1", "DL3014", "RUN apt-get \"install\" -y curl=1"),
    ];
    for (run, code, expected) in cases {
        let source = format!("FROM debian:12\n{run}\n");
        let result = fixed(&source, &[code]);
        assert_eq!(result, format!("FROM debian:12\n{expected}\n"), "{code}");
        let file = dlint::syntax::parse(&result);
        let is_exec = matches!(file.instructions[1].command(), Some(dlint::syntax::Command::Exec { .. }));
        assert_eq!(is_exec, run.contains('['), "{code}: the fixed RUN keeps its form");
    }
}
