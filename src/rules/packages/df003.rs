use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{is_build_toolchain, package_command, package_name, Manager, PackageCommand};
use crate::shell::{Script, ShellCommand};

pub struct BuildToolsInFinalStage;

static META: RuleMeta = RuleMeta {
    code: "DF003",
    name: "build-tools-in-final-stage",
    summary: "Compilers and build toolchains are installed in the image that ships",
    category: Category::Performance,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for BuildToolsInFinalStage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, script: &Script, command: &ShellCommand) {
        // With an earlier stage the author already builds elsewhere; ONBUILD runs in images we cannot see.
        if at.onbuild || at.stage.is_none() || cx.model.stages.len() != 1 {
            return;
        }
        let Some(install) = package_command(command) else { return };
        if !install.installs() {
            return;
        }
        for word in install.packages.iter().filter(|w| !w.dynamic) {
            let name = package_name(install.manager, &word.text);
            if is_build_toolchain(name) && !removed_later(script, &install, name) {
                cx.report(word.span, format!("build tool `{name}` is installed in the only stage and ships with the image"))
                    .with_help("build in an earlier stage and copy only the results into the final one (a multi-stage build), or remove it in the same RUN");
            }
        }
    }
}

/// Whether a later command of the same RUN uninstalls the package: by name, by the `apk add --virtual`
/// group it was installed in, or by `apt-mark auto` followed by an autoremove.
fn removed_later(script: &Script, install: &PackageCommand, name: &str) -> bool {
    let after = |start: usize| script.commands.iter().filter(move |c| c.span.start > start);
    let group = install.apk_virtual().filter(|_| install.manager == Manager::Apk);
    let named = after(install.command.span.start).filter_map(package_command).any(|c| {
        c.manager == install.manager
            && c.removes()
            && c.packages.iter().any(|p| package_name(c.manager, &p.text) == name || Some(p.text.as_str()) == group)
    });
    let marked_auto = after(install.command.span.start)
        .find(|c| c.is("apt-mark") && c.subcommand() == Some("auto"))
        .is_some_and(|mark| {
            after(mark.span.start).filter_map(package_command).any(|c| {
                c.manager == Manager::Apt
                    && (c.verb() == "autoremove"
                        || (c.removes() && c.command.has_any_flag(&["--auto-remove", "--autoremove"])))
            })
        });
    named || (install.manager == Manager::Apt && marked_auto)
}
