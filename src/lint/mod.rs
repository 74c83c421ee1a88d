//! The rule engine: the rule trait and its three hooks, the per-file context rules report into,
//! suppressions, settings and the diagnostic model.

pub mod builtin;
pub mod diagnostic;
pub mod dockerignore;
pub mod meta;
pub mod settings;
pub mod suppress;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use meta::{Category, FixAvailability, RuleMeta};
pub use settings::{RuleOptions, Settings};

use crate::semantic::{Model, Stage};
use crate::shell::{Script, ShellCommand};
use crate::syntax::{Body, Instruction};
use crate::text::{whole_lines, Span};

/// Where a per-instruction or per-command hook is looking.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// Index of the instruction in the file (for ONBUILD triggers, of the ONBUILD).
    pub index: usize,
    pub instruction: &'a Instruction,
    pub stage: Option<&'a Stage>,
    /// The instruction is an ONBUILD trigger, run by images built on this one.
    pub onbuild: bool,
}

/// A lint rule. All hooks are optional; cross-instruction facts come from the model.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// Called for every instruction, and again for the instruction inside each ONBUILD.
    fn check_instruction(&self, _cx: &mut Context, _at: At) {}

    /// Called for every simple command of every shell-form RUN (heredoc scripts included).
    fn check_command(&self, _cx: &mut Context, _at: At, _script: &Script, _command: &ShellCommand) {}

    /// Called once per file, after the other hooks.
    fn check_file(&self, _cx: &mut Context) {}
}

/// What rules see of the file and where they report.
pub struct Context<'a> {
    pub model: &'a Model<'a>,
    pub source: &'a str,
    pub options: &'a RuleOptions,
    rule: Option<(&'static RuleMeta, Severity)>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub fn new(model: &'a Model<'a>, options: &'a RuleOptions) -> Self {
        Context { model, source: model.source, options, rule: None, diagnostics: Vec::new() }
    }

    fn set_rule(&mut self, meta: &'static RuleMeta, severity: Severity) {
        self.rule = Some((meta, severity));
    }

    /// Reports a finding of the current rule; the returned diagnostic can take a help text and a fix.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let (meta, severity) = self.rule.expect("report is called from a rule hook");
        self.diagnostics.push(Diagnostic::new(meta, severity, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl Diagnostic {
    pub fn new(meta: &'static RuleMeta, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: meta.code,
            name: meta.name,
            severity,
            span,
            message: message.into(),
            help: None,
            fix: None,
            related: Vec::new(),
        }
    }

    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push(Related { span, message: message.into() });
        self
    }

    pub fn with_fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}

/// Looks a code, rule name or BuildKit check name up in the rule table.
pub type FindRule<'r> = &'r dyn Fn(&str) -> Option<&'static RuleMeta>;

/// Runs `rules` over a model, adds syntax errors and `external` findings (from tools the front end
/// ran), applies suppressions. Sorted by position, then code.
pub fn run(
    model: &Model,
    rules: &[&dyn Rule],
    settings: &Settings,
    find: FindRule,
    external: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let file = model.file;
    let all_rules = rules;
    // `# check=error=true` makes BuildKit's checks fail the build.
    let errors = buildkit_errors(file);
    let severity = |meta: &RuleMeta| match errors && !meta.aliases.is_empty() {
        true => Severity::Error,
        false => settings.severity_of(meta),
    };
    // Settings are resolved once per file, not once per hook call.
    let rules: Vec<(&dyn Rule, Severity)> =
        rules.iter().filter(|r| settings.is_enabled(r.meta())).map(|r| (*r, severity(r.meta()))).collect();
    let mut cx = Context::new(model, &settings.options);
    let run = |cx: &mut Context, hook: &dyn Fn(&dyn Rule, &mut Context)| {
        for &(rule, severity) in &rules {
            cx.set_rule(rule.meta(), severity);
            hook(rule, cx);
        }
    };
    for (index, instruction) in file.instructions.iter().enumerate() {
        let stage = model.stage_of(index);
        let at = At { index, instruction, stage, onbuild: false };
        run(&mut cx, &|rule, cx| rule.check_instruction(cx, at));
        let trigger = match &instruction.body {
            Body::Onbuild(inner) => Some(At { index, instruction: inner, stage, onbuild: true }),
            _ => None,
        };
        if let Some(trigger) = trigger {
            run(&mut cx, &|rule, cx| rule.check_instruction(cx, trigger));
        }
        if let Some(script) = model.script(index) {
            let command_at = trigger.unwrap_or(at);
            for command in &script.commands {
                run(&mut cx, &|rule, cx| rule.check_command(cx, command_at, script, command));
            }
        }
    }
    run(&mut cx, &|rule, cx| rule.check_file(cx));
    if settings.is_enabled(&builtin::SYNTAX_ERROR) {
        cx.set_rule(&builtin::SYNTAX_ERROR, settings.severity_of(&builtin::SYNTAX_ERROR));
        for error in &file.errors {
            cx.report(error.span, error.message.clone());
        }
    }
    let mut diagnostics = cx.into_diagnostics();
    diagnostics.extend(external.into_iter().filter_map(|mut d| match find(d.code) {
        // Findings of registered rules made outside the hooks (the build checker's) obey the settings;
        // a finding raised above its rule's default severity (a budget exceeded) keeps its severity.
        Some(meta) => {
            if d.severity == meta.severity {
                d.severity = severity(meta);
            }
            settings.is_enabled(meta).then_some(d)
        }
        // Outside tools' codes (ShellCheck's) are not rules, so only an exact `ignore` entry turns them off.
        None => (!settings.ignore.contains(d.code)).then_some(d),
    }));
    apply_suppressions(model, settings, find, all_rules, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    diagnostics
}

/// Whether the file says `# check=error=true` (alone or after `skip=...;`).
fn buildkit_errors(file: &crate::syntax::Dockerfile) -> bool {
    file.directives.check.as_ref().is_some_and(|check| {
        check
            .text
            .split(';')
            .filter_map(|part| part.split_once('='))
            .any(|(key, value)| key.trim().eq_ignore_ascii_case("error") && value.trim().eq_ignore_ascii_case("true"))
    })
}

/// `rules` are every registered rule, for suggesting a code in place of an unknown one.
fn apply_suppressions(
    model: &Model,
    settings: &Settings,
    find: FindRule,
    rules: &[&dyn Rule],
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !settings.suppressions {
        return;
    }
    let mut suppressions = suppress::collect(model.file, model.source);
    if !settings.hadolint_pragmas {
        suppressions.retain(|s| s.origin != suppress::Origin::Hadolint);
    }
    if suppressions.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = suppressions.iter().map(|s| vec![false; s.codes.len()]).collect();
    diagnostics.retain(|d| {
        let mut keep = true;
        for (s, suppression) in suppressions.iter().enumerate() {
            if !suppression.covers(d.span) {
                continue;
            }
            for (c, (code, _)) in suppression.codes.iter().enumerate() {
                let names_it = code.eq_ignore_ascii_case(d.code)
                    || code == d.name
                    || (suppression.origin == suppress::Origin::BuildKit && code.eq_ignore_ascii_case("all"))
                    // A BuildKit check name may stand for several rules (MultipleInstructionsDisallowed).
                    || find(d.code).is_some_and(|meta| meta.aliases.iter().any(|a| a.eq_ignore_ascii_case(code)));
                if names_it {
                    used[s][c] = true;
                    keep = false;
                }
            }
        }
        keep
    });
    let mut cx = Context::new(model, &settings.options);
    for (s, suppression) in suppressions.iter().enumerate() {
        for (c, (code, span)) in suppression.codes.iter().enumerate() {
            let known = find(code);
            // hadolint pragmas may name ShellCheck codes; BuildKit's may say `all` or name any check.
            let foreign = code.starts_with("SC")
                || settings.external.contains(code)
                || (suppression.origin == suppress::Origin::BuildKit
                    && (code.eq_ignore_ascii_case("all") || suppress::BUILDKIT_CHECKS.contains(&code.as_str())));
            if known.is_none() && !foreign && settings.is_enabled(&builtin::UNKNOWN_SUPPRESSION) {
                cx.set_rule(&builtin::UNKNOWN_SUPPRESSION, settings.severity_of(&builtin::UNKNOWN_SUPPRESSION));
                let names = rules.iter().flat_map(|rule| {
                    let meta = rule.meta();
                    [meta.code, meta.name].into_iter().chain(meta.aliases.iter().copied())
                });
                let finding = cx.report(*span, format!("unknown rule code `{code}` in suppression"));
                if let Some(near) = crate::text::suggest::closest(code, names) {
                    // A near miss is likely a typo, but another code is a guess: the fix is unsafe.
                    finding.with_help(format!("did you mean `{near}`?")).with_fix(Fix {
                        title: format!("Replace with `{near}`"),
                        applicability: Applicability::Unsafe,
                        edits: vec![Edit { span: *span, replacement: near.to_owned() }],
                    });
                } else {
                    finding.with_help("`dlint rules` lists every code");
                }
            }
            // Runtime findings depend on a build that may not have run, so their suppressions never count as unused.
            let unused = !used[s][c]
                && suppression.origin == suppress::Origin::Dlint
                && known.is_none_or(|meta| meta.category != Category::Runtime);
            if let (true, Some(meta)) = (unused, known) {
                if settings.is_enabled(meta) && settings.is_enabled(&builtin::UNUSED_SUPPRESSION) {
                    cx.set_rule(&builtin::UNUSED_SUPPRESSION, settings.severity_of(&builtin::UNUSED_SUPPRESSION));
                    let fix = remove_code_fix(model.source, suppression, c);
                    cx.report(*span, format!("suppression of `{code}` is unused")).with_fix(fix);
                }
            }
        }
    }
    diagnostics.extend(cx.into_diagnostics());
}

/// Removes one code from a suppression list, or the whole comment line when it is the only one.
fn remove_code_fix(source: &str, suppression: &suppress::Suppression, index: usize) -> Fix {
    let codes = &suppression.codes;
    let span = if codes.len() == 1 {
        whole_lines(source, suppression.comment)
    } else if index + 1 < codes.len() {
        Span::new(codes[index].1.start, codes[index + 1].1.start)
    } else {
        Span::new(codes[index - 1].1.end, codes[index].1.end)
    };
    Fix::safe(format!("Remove the unused suppression of `{}`", codes[index].0), vec![Edit::delete(span)])
}
