use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::path_is_under;
use crate::shell::tools::{is_apt, is_apt_update, package_command, Manager};
use crate::shell::{brace_expand, ShellCommand, SHELLS};
use crate::syntax::Keyword;

pub struct AptListsKept;

static META: RuleMeta = RuleMeta {
    code: "DL3009",
    name: "apt-lists-kept",
    summary: "Delete the apt lists after installing something",
    category: Category::Packages,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const LISTS: &str = "/var/lib/apt/lists";
const CLEANUP: &str = "rm -rf /var/lib/apt/lists/*";

impl Rule for AptListsKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if at.instruction.keyword != Keyword::Run {
            return;
        }
        // Lists left in a stage that is not shipped cost nothing; a cache mount keeps them out of the layer.
        if !at.stage.is_some_and(|s| super::is_shipped(cx.model, s)) || super::mounts_cache(&at, &[LISTS]) {
            return;
        }
        let Some(script) = cx.model.script(at.index) else { return };
        // Unsafe: a later RUN that installs without updating first would then fail.
        let mut fix = super::append_to_run(&at, script, cx.source, |last| is_apt(last).then(|| CLEANUP.to_string()));
        for update in script.commands.iter().filter(|c| is_apt_update(c)) {
            if script.commands.iter().any(|c| c.span.start > update.span.start && removes_lists(c, cx.source)) {
                continue;
            }
            let diagnostic = cx
                .report(update.span, format!("lists fetched by `{} update` are left in the layer", update.program()))
                .with_help(format!("end the RUN with `rm -rf {LISTS}/*`, or mount a cache at `{LISTS}`"));
            if let Some(fix) = fix.take() {
                diagnostic.with_fix(fix);
            }
        }
    }
}

/// `rm -rf /var/lib/apt/lists/*` (or the directory, or `/var/lib/apt`), or `apt-get distclean` (also
/// spelt `dist-clean`); `{a,b}` lists in the paths are expanded.
/// A `sh -c "..."` script the shell layer could not read counts when its text removes the lists.
fn removes_lists(command: &ShellCommand, source: &str) -> bool {
    let shell = SHELLS.contains(&command.program());
    if shell && command.args.iter().any(|a| a.text.contains("rm ") && a.text.contains(LISTS)) {
        return true;
    }
    if command.is("rm") {
        let paths = command.operands().flat_map(|w| match w.span.slice(source) == w.text {
            true => brace_expand(&w.text),
            false => vec![w.text.clone()],
        });
        return paths.into_iter().any(|path| {
            let path = path.trim_end_matches('*').trim_end_matches('/');
            path.len() >= "/var/lib/apt".len() && path_is_under(LISTS, path)
        });
    }
    package_command(command)
        .is_some_and(|p| p.manager == Manager::Apt && matches!(p.verb(), "distclean" | "dist-clean"))
}
