use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::ShellCommand;
use crate::syntax::Keyword;

pub struct CurlAndWget;

static META: RuleMeta = RuleMeta {
    code: "DL4001",
    name: "curl-and-wget",
    summary: "Use either `wget` or `curl`, not both",
    category: Category::Performance,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CurlAndWget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for stage in &model.stages {
            let uses: Vec<&ShellCommand> = model
                .instructions_of(stage)
                // ONBUILD triggers run in other images.
                .filter(|(_, instruction)| instruction.keyword == Keyword::Run)
                .filter_map(|(index, _)| model.script(index))
                .flat_map(|script| script.commands.iter())
                .filter(|c| c.is("curl") || c.is("wget"))
                .collect();
            let Some(first) = uses.first().map(|c| c.program()) else { continue };
            // The tool the stage started with stays; each use of the other one is reported.
            let other = if first == "curl" { "wget" } else { "curl" };
            for command in uses.iter().filter(|c| c.is(other)) {
                cx.report(command.name.span, format!("`{other}` is used in a stage that already uses `{first}`"))
                    .with_help(format!("download with `{first}` here too, so the image needs only one of them"));
            }
        }
    }
}
