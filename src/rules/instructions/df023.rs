use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{tools, ShellCommand, ShellWord};
use crate::syntax::{Body, Keyword};

pub struct CreatedUserUnused;

static META: RuleMeta = RuleMeta {
    code: "DF023",
    name: "created-user-unused",
    summary: "A user is created in the final stage but no later `USER` switches to it",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Options of useradd and adduser (shadow, Debian and BusyBox) that take a value.
const VALUE_OPTIONS: [&str; 30] = [
    "-b",
    "-c",
    "-d",
    "-e",
    "-f",
    "-g",
    "-G",
    "-h",
    "-k",
    "-K",
    "-p",
    "-P",
    "-R",
    "-s",
    "-u",
    "-Z",
    "--base-dir",
    "--comment",
    "--home-dir",
    "--home",
    "--gid",
    "--groups",
    "--shell",
    "--uid",
    "--gecos",
    "--ingroup",
    "--password",
    "--root",
    "--prefix",
    "--firstuid",
];

/// Programs that drop to another user at run time: an image using them may stay root on purpose.
const PRIVILEGE_DROPPERS: [&str; 6] = ["gosu", "su-exec", "setpriv", "runuser", "chpst", "s6-setuidgid"];

impl Rule for CreatedUserUnused {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        let Some(last) = model.final_stage() else { return };
        // No USER at all is DF001's finding, a final root USER is DL3002's.
        let Some((_, effective)) = model.effective_user(last) else { return };
        if matches!(effective.text.split(':').next(), Some("root" | "0")) {
            return;
        }
        let drops_privileges = model.ancestry(last).flat_map(|s| model.instructions_of(s)).any(|(_, i)| {
            matches!(i.keyword, Keyword::Entrypoint | Keyword::Cmd)
                && PRIVILEGE_DROPPERS.iter().any(|p| i.span.slice(model.source).contains(p))
        });
        if drops_privileges {
            return;
        }
        for (index, instruction) in model.instructions_of(last) {
            let Some(script) = model.script(index).filter(|_| instruction.keyword == Keyword::Run) else { continue };
            for command in script.commands.iter().filter(|c| c.is("useradd") || c.is("adduser")) {
                let Some((name, uid)) = created_user(command) else { continue };
                let switched = model.instructions_of(last).skip_while(|(i, _)| *i <= index).any(|(i, inst)| {
                    let Body::User { user, .. } = &inst.body else { return false };
                    let value = model.expand_at(i, &user.unquoted()).text;
                    let value = value.split(':').next().unwrap_or("");
                    value == name || Some(value) == uid
                });
                if !switched {
                    cx.report(command.span, format!("user `{name}` is created, but no later `USER` switches to it"))
                        .with_help(format!("add `USER {name}` after the files it needs are in place"));
                }
            }
        }
    }
}

/// Non-option words; a short-option group ending in an option that takes a value (`-ms /bin/bash`)
/// consumes the next word.
fn operands(args: &[ShellWord]) -> Vec<&ShellWord> {
    let mut out = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let text = word.text.as_str();
        let last_short = text.strip_prefix('-').filter(|r| !r.starts_with('-')).and_then(|r| r.chars().last());
        let takes_value = VALUE_OPTIONS.contains(&text)
            || last_short.is_some_and(|c| VALUE_OPTIONS.contains(&format!("-{c}").as_str()));
        if text.starts_with('-') {
            if takes_value {
                words.next();
            }
            continue;
        }
        out.push(word);
    }
    out
}

/// The login name a useradd/adduser creates, and its uid when given.
fn created_user(command: &ShellCommand) -> Option<(&str, Option<&str>)> {
    // BusyBox `adduser -S` and Debian `adduser --system` take the same operand.
    let name = operands(&command.args).first().filter(|w| !w.dynamic)?.text.as_str();
    let uid = tools::option_values(&command.args, "-u", "--uid").first().copied();
    Some((name, uid))
}
