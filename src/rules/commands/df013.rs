use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct WorldWritable;

static META: RuleMeta = RuleMeta {
    code: "DF013",
    name: "world-writable",
    summary: "Do not make files writable by everyone",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Whether a chmod mode gives "others" write access: an octal mode whose last digit has the write
/// bit (`777`, `0666`) but not the sticky bit (`1777` is the usual shared /tmp), or a symbolic clause
/// for `a` or `o` that adds or sets `w` (`a+rwx`, `o=rw`).
fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.chars().all(|c| c.is_digit(8)) {
        let digits: Vec<u32> = mode.chars().filter_map(|c| c.to_digit(8)).collect();
        let others = digits.last().copied().unwrap_or(0);
        let sticky = digits.len() == 4 && digits[0] & 1 == 1;
        return others & 2 != 0 && !sticky;
    }
    mode.split(',').any(|clause| {
        let Some(op) = clause.find(['+', '=']) else { return false };
        let who = &clause[..op];
        (who.contains('a') || who.contains('o')) && clause[op..].contains('w')
    })
}

impl Rule for WorldWritable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if !command.is("chmod") {
            return;
        }
        // The mode is the first operand: `chmod -R 777 /app`.
        let Some(mode) = command.operands().next().filter(|m| world_writable(&m.text)) else { return };
        cx.report(mode.span, format!("`chmod {}` lets every user write", mode.text))
            .with_help("grant write access to the owner (or a group) only, e.g. `755` or `u+w`");
    }
}
