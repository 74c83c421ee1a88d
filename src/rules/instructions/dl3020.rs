use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{unquote, Body, Keyword, Word};

pub struct AddForLocalFiles;

static META: RuleMeta = RuleMeta {
    code: "DL3020",
    name: "add-for-local-files",
    summary: "Use COPY instead of ADD for local files and folders",
    category: Category::Style,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

/// Names ADD may unpack: Docker looks at the content, so the name is the best guess a linter has.
/// Docker unpacks tar, plain or compressed with gzip, bzip2, xz or zstd.
const ARCHIVES: [&str; 11] = [".tar", ".tgz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst"];

/// Flags only ADD understands: with them the instruction is not a plain copy.
const ADD_ONLY_FLAGS: [&str; 3] = ["checksum", "keep-git-dir", "unpack"];

#[derive(PartialEq)]
enum Source {
    Local,
    /// A URL, a git repository or an archive: what ADD is for.
    Special,
    /// Built from variables whose value is not known here.
    Unknown,
}

impl Rule for AddForLocalFiles {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let instruction = at.instruction;
        let Body::Files { paths, json, .. } = &instruction.body else { return };
        if instruction.keyword != Keyword::Add {
            return;
        }
        let sources = &paths[..paths.len() - 1];
        let kinds: Vec<Source> = sources.iter().map(|s| classify(cx, at.index, s, *json)).collect();
        let local: Vec<&str> =
            sources.iter().zip(&kinds).filter(|(_, k)| **k == Source::Local).map(|(s, _)| s.text.as_str()).collect();
        if local.is_empty() {
            return;
        }
        let listed = local.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
        let all_local = local.len() == sources.len();
        // A source from a build argument could be given a URL at build time.
        let plain = all_local
            && !sources.iter().any(|s| s.text.contains('$'))
            && !instruction.flags.iter().any(|f| ADD_ONLY_FLAGS.contains(&f.name.as_str()));
        let keyword = instruction.keyword_span;
        let copy = super::keyword_like(keyword.slice(cx.source), "COPY");
        let help = if all_local {
            "use COPY; keep ADD for URLs, git repositories and archives it should unpack"
        } else {
            "copy the local files with a separate COPY; keep ADD for the URLs and archives"
        };
        let diagnostic = cx.report(keyword, format!("ADD used to copy local files ({listed})")).with_help(help);
        if at.onbuild {
            // The trigger runs in builds of other projects, from their contexts: a hint, not a failure.
            diagnostic.severity = diagnostic.severity.min(Severity::Info);
        }
        if plain {
            diagnostic.with_fix(Fix::safe("Replace `ADD` with `COPY`", vec![Edit::replace(keyword, copy)]));
        }
    }
}

fn classify(cx: &Context, index: usize, source: &Word, json: bool) -> Source {
    if source.text.starts_with("<<") {
        return Source::Local;
    }
    let expanded = cx.model.expand_at(index, &source.text);
    if !expanded.is_resolved() {
        return Source::Unknown;
    }
    let value = if json { expanded.text } else { unquote(&expanded.text) };
    let lower = value.to_ascii_lowercase();
    let remote = lower.contains("://") || lower.starts_with("git@");
    if remote || ARCHIVES.iter().any(|ext| lower.ends_with(ext)) {
        Source::Special
    } else {
        Source::Local
    }
}
