use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::ShellCommand;
use crate::syntax::{Keyword, Word};

pub struct CopyThenExtract;

static META: RuleMeta = RuleMeta {
    code: "DL3010",
    name: "copy-then-extract",
    summary: "Use `ADD` to extract a local tar archive into an image",
    category: Category::Performance,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// The tar archives `ADD` unpacks by itself (plain, gzip, bzip2, xz and zstd compressed).
const TAR_SUFFIXES: [&str; 12] =
    [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".taz"];

/// Programs that decompress an archive named as an operand.
const DECOMPRESSORS: [&str; 7] = ["gunzip", "bunzip2", "unxz", "unzstd", "zcat", "bzcat", "xzcat"];

impl Rule for CopyThenExtract {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for stage in &model.stages {
            // Each archive a COPY put in the image: the word naming it, and its file name.
            let mut copied: Vec<(&Word, String)> = Vec::new();
            let mut reported: Vec<usize> = Vec::new();
            for (index, instruction) in model.instructions_of(stage) {
                if let Some((sources, destination)) = super::copy_paths(instruction) {
                    if instruction.flag("from").is_some() {
                        continue;
                    }
                    if is_tar(&destination.unquoted()) {
                        copied.push((destination, base_name(&destination.unquoted()).to_string()));
                    } else {
                        copied.extend(
                            sources
                                .iter()
                                .filter(|s| is_tar(&s.unquoted()))
                                .map(|s| (s, base_name(&s.unquoted()).to_string())),
                        );
                    }
                    continue;
                }
                if instruction.keyword != Keyword::Run {
                    continue;
                }
                let Some(script) = model.script(index) else { continue };
                for (position, (word, name)) in copied.iter().enumerate() {
                    if reported.contains(&position) {
                        continue;
                    }
                    if script.commands.iter().any(|c| extracts(c, name)) {
                        reported.push(position);
                        cx.report(word.span, format!("archive `{name}` is copied, then extracted by a later `RUN`"))
                            .with_help("`ADD` unpacks a local tar archive itself, in one layer without the archive");
                    }
                }
            }
        }
    }
}

fn is_tar(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    TAR_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Whether the command unpacks or decompresses the file `name`.
fn extracts(command: &ShellCommand, name: &str) -> bool {
    let names_it = command.args.iter().any(|a| base_name(&a.text) == name);
    if !names_it {
        return false;
    }
    if command.is("tar") {
        return command.args.iter().enumerate().any(|(i, a)| {
            let text = a.text.as_str();
            text == "--extract"
                || text == "--get"
                || (text.starts_with('-') && !text.starts_with("--") && text.contains('x'))
                // Old-style options: `tar xzf file`.
                || (i == 0 && text.chars().all(|c| c.is_ascii_alphabetic()) && text.contains('x'))
        });
    }
    DECOMPRESSORS.iter().any(|d| command.is(d))
}
