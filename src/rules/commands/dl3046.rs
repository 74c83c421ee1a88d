use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand, ShellWord};

pub struct UseraddHighUid;

static META: RuleMeta = RuleMeta {
    code: "DL3046",
    name: "useradd-high-uid",
    summary: "Use `useradd -l` with a high UID",
    category: Category::Performance,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

/// Six digits or more, as hadolint counts: the lastlog file grows with the UID.
fn is_high_uid(text: &str) -> bool {
    text.len() > 5 && text.chars().all(|c| c.is_ascii_digit())
}

/// The word giving the UID and the UID: `-u 1000`, `-u1000`, `--uid 1000`, `--uid=1000`.
fn uid_value(command: &ShellCommand) -> Option<(&ShellWord, &str)> {
    let mut args = command.args.iter().take_while(|a| a.text != "--");
    while let Some(arg) = args.next() {
        let text = arg.text.as_str();
        if text == "-u" || text == "--uid" {
            return args.next().map(|v| (v, v.text.as_str()));
        }
        let inline = text.strip_prefix("--uid=").or_else(|| text.strip_prefix("-u").filter(|v| !v.is_empty()));
        if let Some(uid) = inline {
            return Some((arg, uid));
        }
    }
    None
}

impl Rule for UseraddHighUid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if !command.is("useradd") || command.has_any_flag(&["-l", "--no-log-init"]) {
            return;
        }
        let Some((word, uid)) = uid_value(command).filter(|(_, uid)| is_high_uid(uid)) else { return };
        let (at, text) = command.name.argument_after("-l");
        cx.report(word.span, format!("`useradd` with UID {uid} and without `-l` writes a huge sparse lastlog"))
            .with_help("pass `-l` (`--no-log-init`) so the user is not added to lastlog and faillog")
            .with_fix(Fix::safe("Add `-l`", vec![Edit::insert(at, text)]));
    }
}
