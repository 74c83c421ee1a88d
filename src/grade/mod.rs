//! `dlint grade`: scores each student's Dockerfile against a rubric, explains every lost point, and
//! reports the class. Layers: rubric (data), submission (reading the hand-ins), this module (scoring,
//! pure), feedback and report (text out).

pub mod feedback;
pub mod report;
pub mod rubric;
#[cfg(feature = "docker")]
pub mod runtime;
pub mod submission;

use crate::lint::dockerignore::Dockerignore;
use crate::lint::{Diagnostic, Settings};
use crate::semantic::Model;
use crate::syntax::{Body, Keyword};
use crate::text::{LineIndex, Span};
use rubric::{Check, Requirement, Rubric, Select};
use submission::{Content, Submission};

/// One student's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    pub id: String,
    /// The Dockerfile as feedback names it (`alice/Dockerfile`); empty when nothing was handed in.
    pub shown: String,
    /// Why the submission scored 0 without grading (missing, late, not a Dockerfile).
    pub zero: Option<String>,
    pub score: f64,
    pub max_score: f64,
    pub items: Vec<ItemResult>,
    /// Penalties that applied, with the points they took.
    pub penalties: Vec<ItemResult>,
    /// Every finding, for the class's most frequent ones.
    pub findings: Vec<Finding>,
}

/// The points an item (or penalty) gave, and why any were lost.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult {
    pub id: String,
    pub title: String,
    /// Points kept (for a penalty: points taken, as a positive number).
    pub points: f64,
    pub max_points: f64,
    pub reasons: Vec<Reason>,
}

impl ItemResult {
    /// Whether some of the item's points were lost.
    pub fn lost(&self) -> bool {
        self.points < self.max_points
    }
}

/// Why points were lost, at a place in the Dockerfile when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub text: String,
    pub code: Option<&'static str>,
    /// 1-based line and the line's text.
    pub line: Option<(usize, String)>,
    /// How to put it right.
    pub help: Option<String>,
}

/// A finding of the linter (or the build-and-run checker) in a submission.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    pub line: usize,
    pub quote: String,
}

/// What the build-and-run checker made of a submission (`dlint grade --run`).
#[derive(Clone, Debug, PartialEq)]
pub enum Runtime {
    /// Its findings (DR codes); none when the image built and ran as it should.
    Findings(Vec<Diagnostic>),
    /// The check could not finish (the engine failed): the items that need it are lost, saying why.
    Failed(String),
}

impl Runtime {
    /// In a few words, for progress lines.
    pub fn verdict(&self) -> String {
        match self {
            Runtime::Failed(message) => format!("the check could not finish: {message}"),
            Runtime::Findings(found) if found.is_empty() => "built and ran, no findings".to_owned(),
            Runtime::Findings(found) => {
                let mut codes: Vec<&str> = found.iter().map(|d| d.code).collect();
                codes.sort_unstable();
                codes.dedup();
                let built = if codes.contains(&"DR001") { "did not build" } else { "built and ran" };
                format!("{built} ({})", codes.join(", "))
            }
        }
    }
}

/// Lint settings for grading: the defaults, every rule the rubric names, and no suppression
/// comments (a student's `ignore=` must not hide a lost point).
pub fn settings(rubric: &Rubric) -> Settings {
    let mut settings = Settings { suppressions: false, ..Settings::default() };
    settings.extend_select.extend(rubric.codes().map(str::to_owned));
    // The non-root requirement is decided by these rules.
    settings.extend_select.extend(NON_ROOT_CODES.iter().map(|c| (*c).to_owned()));
    settings
}

const NON_ROOT_CODES: [&str; 2] = ["DF001", "DL3002"];

/// Scores a submission. `with_runtime`: the class was graded with `--run`, and `runtime` holds what
/// the checker made of this submission; without it, items only a build can decide are left out.
pub fn grade(
    rubric: &Rubric,
    settings: &Settings,
    submission: &Submission,
    with_runtime: bool,
    runtime: Option<&Runtime>,
) -> Graded {
    let included = || rubric.items.iter().filter(move |i| with_runtime || !i.check.is_runtime());
    let max_score = rubric.max_score(with_runtime);
    let zero = |reason: String| Graded {
        id: submission.id.clone(),
        shown: submission.shown.clone(),
        zero: Some(reason),
        score: 0.0,
        max_score,
        items: included()
            .map(|item| ItemResult {
                id: item.id.clone(),
                title: item.title.clone(),
                points: 0.0,
                max_points: item.points,
                reasons: Vec::new(),
            })
            .collect(),
        penalties: Vec::new(),
        findings: Vec::new(),
    };
    let source = match &submission.content {
        Content::Zero(reason) => return zero(reason.clone()),
        Content::Dockerfile { source, .. } => source,
    };
    let file = crate::syntax::parse(source);
    let model = Model::build(source, &file);
    let mut settings = settings.clone();
    settings.options.dockerignore = submission.dockerignore.as_deref().map(Dockerignore::parse);
    let external = match runtime {
        Some(Runtime::Findings(found)) => found.clone(),
        _ => Vec::new(),
    };
    let found = crate::lint_model(&model, &settings, &|_| external.clone());
    let failed = match runtime {
        Some(Runtime::Failed(message)) => Some(message.as_str()),
        _ => None,
    };
    let evidence = Evidence { source, lines: LineIndex::new(source), model: &model, found: &found, submission, failed };
    let items: Vec<ItemResult> = included().map(|item| evidence.score_item(item)).collect();
    let penalties: Vec<ItemResult> = rubric
        .penalties
        .iter()
        .filter_map(|penalty| {
            let reasons = evidence.reasons_for(&penalty.select);
            // One deduction per line: a secret in an ENV is also found in the built image (DR007).
            let mut lines: Vec<Option<usize>> =
                reasons.iter().map(|r| r.line.as_ref().map(|(line, _)| *line)).collect();
            lines.sort();
            lines.dedup_by(|a, b| a.is_some() && a == b);
            let taken = penalty.points * lines.len() as f64;
            (!reasons.is_empty()).then(|| ItemResult {
                id: penalty.id.clone(),
                title: penalty.title.clone(),
                points: penalty.cap.map_or(taken, |cap| taken.min(cap)),
                max_points: penalty.cap.unwrap_or(taken),
                reasons,
            })
        })
        .collect();
    let kept: f64 = items.iter().map(|i| i.points).sum();
    let taken: f64 = penalties.iter().map(|p| p.points).sum();
    Graded {
        id: submission.id.clone(),
        shown: submission.shown.clone(),
        zero: None,
        score: round((kept - taken).max(0.0)),
        max_score,
        items,
        penalties,
        findings: found.iter().map(|d| evidence.finding(d)).collect(),
    }
}

/// Points to two decimals, so that sums of halves and quarters print and compare exactly.
fn round(points: f64) -> f64 {
    (points * 100.0).round() / 100.0
}

/// What the score of one submission is decided from.
struct Evidence<'a> {
    source: &'a str,
    lines: LineIndex,
    model: &'a Model<'a>,
    found: &'a [Diagnostic],
    submission: &'a Submission,
    /// Why the build-and-run check did not finish, when it did not.
    failed: Option<&'a str>,
}

impl Evidence<'_> {
    fn score_item(&self, item: &rubric::Item) -> ItemResult {
        let (points, reasons) = match &item.check {
            check if check.is_runtime() && self.failed.is_some() => {
                let text = format!("the image could not be built and run: {}", self.failed.unwrap_or_default());
                let help = "ask your teacher: this is a problem of the grading machine, not of your Dockerfile";
                (0.0, vec![Reason { text, code: None, line: None, help: Some(help.to_owned()) }])
            }
            Check::Findings { select, per_finding } => {
                let reasons = self.reasons_for(select);
                let lost = match per_finding {
                    _ if reasons.is_empty() => 0.0,
                    Some(each) => (each * reasons.len() as f64).min(item.points),
                    None => item.points,
                };
                (round(item.points - lost), reasons)
            }
            Check::Require(requirement) => {
                let reasons = self.unmet(requirement);
                (if reasons.is_empty() { item.points } else { 0.0 }, reasons)
            }
        };
        ItemResult { id: item.id.clone(), title: item.title.clone(), points, max_points: item.points, reasons }
    }

    fn reasons_for(&self, select: &Select) -> Vec<Reason> {
        self.found.iter().filter(|d| select.matches(d.code)).map(|d| self.reason(d)).collect()
    }

    fn reason(&self, diagnostic: &Diagnostic) -> Reason {
        let finding = self.finding(diagnostic);
        Reason {
            text: diagnostic.message.clone(),
            code: Some(diagnostic.code),
            line: Some((finding.line, finding.quote)),
            help: diagnostic.help.clone(),
        }
    }

    fn finding(&self, diagnostic: &Diagnostic) -> Finding {
        let (line, quote) = self.line_of(diagnostic.span);
        Finding { code: diagnostic.code, message: diagnostic.message.clone(), line, quote }
    }

    fn line_of(&self, span: Span) -> (usize, String) {
        let line = self.lines.line_of(span.start.min(self.source.len()));
        (line + 1, self.lines.line_span(self.source, line).slice(self.source).trim_end().to_owned())
    }

    /// A reason at the final stage's FROM line.
    fn at_final_from(&self, text: &str, help: &str) -> Reason {
        let from = self.model.final_stage().map_or(0, |s| self.model.instruction(s.from).span.start);
        Reason {
            text: text.to_owned(),
            code: None,
            line: Some(self.line_of(Span::empty(from))),
            help: Some(help.to_owned()),
        }
    }

    /// Why the requirement is not met; empty when it is.
    fn unmet(&self, requirement: &Requirement) -> Vec<Reason> {
        let model = self.model;
        let Some(last) = model.final_stage() else { return Vec::new() };
        let codes = |codes: &[&str]| -> Vec<Reason> {
            self.found.iter().filter(|d| codes.contains(&d.code)).map(|d| self.reason(d)).collect()
        };
        match requirement {
            Requirement::NonRootUser => codes(&NON_ROOT_CODES),
            Requirement::MultiStage if model.stages.len() < 2 => vec![self.at_final_from(
                "the Dockerfile has a single stage, so the build tools end up in the image",
                "build in a first stage (`FROM ... AS build`) and `COPY --from=build` only the result into a small final stage",
            )],
            Requirement::MultiStage => {
                let copies_from_stage = model.instructions_of(last).any(|(_, instruction)| {
                    instruction.keyword == Keyword::Copy
                        && instruction
                            .flag_value("from")
                            .and_then(|from| model.find_stage(from.trim_matches('"')))
                            .is_some_and(|stage| stage.index != last.index)
                });
                if copies_from_stage {
                    Vec::new()
                } else {
                    vec![self.at_final_from(
                        "the final stage copies nothing from the other stages",
                        "end with a small stage that takes only the built result: `COPY --from=build /app /app`",
                    )]
                }
            }
            Requirement::Healthcheck => {
                let last_healthcheck = model
                    .ancestry(last)
                    .find_map(|stage| model.instructions_of(stage).filter(|(_, i)| i.keyword == Keyword::Healthcheck).last());
                match last_healthcheck.map(|(_, i)| &i.body) {
                    Some(Body::Healthcheck(Some(_))) => Vec::new(),
                    Some(_) => vec![self.at_final_from(
                        "`HEALTHCHECK NONE` turns the health check off",
                        "add `HEALTHCHECK CMD <command that fails when the service is down>`",
                    )],
                    None => vec![self.at_final_from(
                        "the final stage has no HEALTHCHECK, so nothing tells when the container stops working",
                        "add `HEALTHCHECK CMD <command that fails when the service is down>`, e.g. `curl -f http://localhost/`",
                    )],
                }
            }
            Requirement::Dockerignore { excludes } => match &self.submission.dockerignore {
                None if self.submission.context.is_none() => vec![Reason {
                    text: "a Dockerfile handed in alone has no build context, so no .dockerignore".to_owned(),
                    code: None,
                    line: None,
                    help: Some("hand in the whole folder with its `.dockerignore`".to_owned()),
                }],
                None => vec![Reason {
                    text: "there is no .dockerignore beside the Dockerfile, so everything in the folder is sent to the build".to_owned(),
                    code: None,
                    line: None,
                    help: Some(format!(
                        "add a `.dockerignore` listing what the image does not need{}",
                        if excludes.is_empty() { String::new() } else { format!(", such as `{}`", excludes.join("`, `")) }
                    )),
                }],
                Some(text) => {
                    let ignore = Dockerignore::parse(text);
                    excludes
                        .iter()
                        .filter(|path| !ignore.excludes(path.trim_start_matches('/')))
                        .map(|path| Reason {
                            text: format!("the .dockerignore does not exclude `{path}`"),
                            code: None,
                            line: None,
                            help: Some(format!("add a line `{path}` to the `.dockerignore`")),
                        })
                        .collect()
                }
            },
            Requirement::Builds => codes(&["DR001"]),
            Requirement::Healthy => {
                let failed = codes(&["DR001", "DR002", "DR003", "DR011"]);
                if !failed.is_empty() {
                    return failed;
                }
                match self.unmet(&Requirement::Healthcheck) {
                    none if none.is_empty() => Vec::new(),
                    _ => vec![self.at_final_from(
                        "without a HEALTHCHECK the container can never report healthy",
                        "add `HEALTHCHECK CMD <command that fails when the service is down>`",
                    )],
                }
            }
            Requirement::MaxSize { mb } => self
                .found
                .iter()
                .filter(|d| d.code == "DR008" && d.severity == crate::Severity::Error)
                .map(|d| Reason { text: format!("{} (the limit is {mb} MB)", d.message), ..self.reason(d) })
                .chain(codes(&["DR001"]))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::runtime::{BUILD_FAILED, IMAGE_SIZE, UNHEALTHY};
    use crate::Severity;

    const RUBRIC: &str = "[[item]]\nid = \"builds\"\npoints = 2\nrequire = \"builds\"\n\n\
                          [[item]]\nid = \"healthy\"\npoints = 1\nrequire = \"healthy\"\n\n\
                          [[item]]\nid = \"small\"\npoints = 1\nrequire = \"max-size\"\nmax_mb = 50\n";
    const SOURCE: &str = "FROM busybox:1\nHEALTHCHECK CMD true\nCMD [\"sh\"]\n";

    fn points(runtime: Option<&Runtime>) -> Vec<(String, f64, usize)> {
        let rubric = Rubric::parse(RUBRIC, std::path::Path::new("r.toml")).unwrap();
        let submission = Submission {
            id: "a".to_owned(),
            context: None,
            shown: "a.Dockerfile".to_owned(),
            content: Content::Dockerfile { path: "a.Dockerfile".into(), source: SOURCE.to_owned() },
            dockerignore: None,
        };
        let graded = grade(&rubric, &settings(&rubric), &submission, runtime.is_some(), runtime);
        graded.items.into_iter().map(|i| (i.id, i.points, i.reasons.len())).collect()
    }

    fn finding(meta: &'static crate::lint::RuleMeta, severity: Severity) -> Diagnostic {
        Diagnostic::new(meta, severity, Span::new(0, 4), "found".to_owned())
    }

    #[test]
    fn build_items_follow_the_checkers_findings() {
        assert!(points(None).is_empty(), "without a build the build items are left out");
        let clean = Runtime::Findings(vec![finding(&IMAGE_SIZE, Severity::Info)]);
        assert_eq!(
            points(Some(&clean)),
            [("builds".into(), 2.0, 0), ("healthy".into(), 1.0, 0), ("small".into(), 1.0, 0)]
        );
        let unhealthy = Runtime::Findings(vec![finding(&UNHEALTHY, Severity::Error)]);
        assert_eq!(points(Some(&unhealthy))[1], ("healthy".into(), 0.0, 1));
        let too_big = Runtime::Findings(vec![finding(&IMAGE_SIZE, Severity::Error)]);
        assert_eq!(points(Some(&too_big))[2], ("small".into(), 0.0, 1));
        let broken = Runtime::Findings(vec![finding(&BUILD_FAILED, Severity::Error)]);
        assert_eq!(
            points(Some(&broken)),
            [("builds".into(), 0.0, 1), ("healthy".into(), 0.0, 1), ("small".into(), 0.0, 1)]
        );
        let failed = Runtime::Failed("the engine stopped answering".to_owned());
        assert!(points(Some(&failed)).iter().all(|(_, points, reasons)| *points == 0.0 && *reasons == 1));
    }
}
