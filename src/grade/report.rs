//! The class report: CSV and JSON for import into a learning platform (byte-identical for the same
//! inputs), a markdown or terminal summary, and one self-contained HTML page.

mod html;

use super::feedback::points;
use super::rubric::{Check, Rubric};
use super::Graded;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub use html::render as html;

/// One CSV row per student (sorted by id), one column per rubric item.
pub fn csv(rubric: &Rubric, class: &[Graded]) -> String {
    let items = graded_items(class, rubric);
    let mut header = vec!["id".to_owned(), "score".to_owned(), "max_score".to_owned()];
    header.extend(items.iter().map(|(id, _)| (*id).to_owned()));
    header.extend(rubric.penalties.iter().map(|p| format!("penalty:{}", p.id)));
    header.push("note".to_owned());
    let mut out = csv_line(&header);
    for graded in class {
        let mut row = vec![graded.id.clone(), points(graded.score), points(graded.max_score)];
        for (id, _) in &items {
            row.push(graded.items.iter().find(|i| i.id == *id).map_or(String::new(), |i| points(i.points)));
        }
        for penalty in &rubric.penalties {
            row.push(graded.penalties.iter().find(|p| p.id == penalty.id).map_or("0".to_owned(), |p| points(p.points)));
        }
        row.push(graded.zero.clone().unwrap_or_default());
        out.push_str(&csv_line(&row));
    }
    out
}

fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| match f.contains([',', '"', '\n', '\r']) {
            true => format!("\"{}\"", f.replace('"', "\"\"")),
            false => f.clone(),
        })
        .collect();
    quoted.join(",") + "\n"
}

/// The items graded in this run (runtime items only with `--run`), with their titles.
fn graded_items<'r>(class: &[Graded], rubric: &'r Rubric) -> Vec<(&'r str, &'r str)> {
    rubric
        .items
        .iter()
        .filter(|item| match class.first() {
            Some(graded) => graded.items.iter().any(|i| i.id == item.id),
            None => !item.check.is_runtime(),
        })
        .map(|item| (item.id.as_str(), item.title.as_str()))
        .collect()
}

/// A whole number of points as an integer, else a decimal.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// `{"submissions": [...], "rubric": {...}}`, submissions sorted by id.
pub fn json(rubric: &Rubric, class: &[Graded]) -> String {
    let reasons = |reasons: &[super::Reason]| -> Vec<Value> {
        reasons
            .iter()
            .map(|r| {
                let mut reason = json!({ "text": r.text });
                if let Some(code) = r.code {
                    reason["code"] = json!(code);
                }
                if let Some((line, quote)) = &r.line {
                    reason["line"] = json!(line);
                    reason["source"] = json!(quote);
                }
                if let Some(help) = &r.help {
                    reason["help"] = json!(help);
                }
                reason
            })
            .collect()
    };
    let submissions: Vec<Value> = class
        .iter()
        .map(|g| {
            let mut submission = json!({
                "id": g.id,
                "score": number(g.score),
                "max_score": number(g.max_score),
                "items": g.items.iter().map(|i| json!({
                    "id": i.id,
                    "points": number(i.points),
                    "max_points": number(i.max_points),
                    "reasons": reasons(&i.reasons),
                })).collect::<Vec<_>>(),
                "penalties": g.penalties.iter().map(|p| json!({
                    "id": p.id,
                    "points": number(-p.points),
                    "reasons": reasons(&p.reasons),
                })).collect::<Vec<_>>(),
            });
            if !g.shown.is_empty() {
                submission["file"] = json!(g.shown);
            }
            if let Some(zero) = &g.zero {
                submission["note"] = json!(zero);
            }
            submission
        })
        .collect();
    let items: Vec<Value> = rubric
        .items
        .iter()
        .map(|item| {
            let mut value = json!({ "id": item.id, "title": item.title, "points": number(item.points) });
            match &item.check {
                Check::Findings { select, per_finding } => {
                    value["codes"] = json!(select.codes);
                    value["categories"] = json!(select.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>());
                    if let Some(each) = per_finding {
                        value["per_finding"] = number(*each);
                    }
                }
                Check::Require(requirement) => value["require"] = json!(format!("{requirement:?}")),
            }
            value["runtime"] = json!(item.check.is_runtime());
            value
        })
        .collect();
    let penalties: Vec<Value> = rubric
        .penalties
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "title": p.title, "points": number(p.points),
                "cap": p.cap.map(number), "codes": p.select.codes,
            })
        })
        .collect();
    let max_score = class.first().map_or(rubric.max_score(false), |g| g.max_score);
    let report = json!({
        "submissions": submissions,
        "rubric": { "title": rubric.title, "max_score": number(max_score), "items": items, "penalties": penalties },
    });
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

/// What the class did, for the summaries.
pub struct ClassSummary<'a> {
    pub graded: usize,
    pub mean: f64,
    pub median: f64,
    /// Per graded item: id, title, how many students kept all its points.
    pub items: Vec<(&'a str, &'a str, usize)>,
    /// The most frequent finding codes: code, students, findings, an example (student, line, text).
    pub findings: Vec<FrequentFinding<'a>>,
}

pub struct FrequentFinding<'a> {
    pub code: &'static str,
    pub students: usize,
    pub count: usize,
    pub example: &'a super::Finding,
    pub example_student: &'a str,
}

pub fn summarize<'a>(rubric: &'a Rubric, class: &'a [Graded]) -> ClassSummary<'a> {
    let graded: Vec<&Graded> = class.iter().filter(|g| g.zero.is_none()).collect();
    let mut scores: Vec<f64> = class.iter().map(|g| g.score).collect();
    scores.sort_by(f64::total_cmp);
    let mean = if scores.is_empty() { 0.0 } else { scores.iter().sum::<f64>() / scores.len() as f64 };
    let median = match scores.len() {
        0 => 0.0,
        n if n % 2 == 1 => scores[n / 2],
        n => (scores[n / 2 - 1] + scores[n / 2]) / 2.0,
    };
    let items = graded_items(class, rubric)
        .into_iter()
        .map(|(id, title)| {
            let kept = class.iter().filter(|g| g.items.iter().any(|i| i.id == id && !i.lost())).count();
            (id, title, kept)
        })
        .collect();
    let mut by_code: BTreeMap<&'static str, FrequentFinding> = BTreeMap::new();
    for g in &graded {
        let mut seen = Vec::new();
        for finding in &g.findings {
            let entry = by_code.entry(finding.code).or_insert(FrequentFinding {
                code: finding.code,
                students: 0,
                count: 0,
                example: finding,
                example_student: &g.id,
            });
            entry.count += 1;
            if !seen.contains(&finding.code) {
                seen.push(finding.code);
                entry.students += 1;
            }
        }
    }
    let mut findings: Vec<FrequentFinding> = by_code.into_values().collect();
    findings.sort_by(|a, b| b.students.cmp(&a.students).then(b.count.cmp(&a.count)).then(a.code.cmp(b.code)));
    findings.truncate(10);
    ClassSummary { graded: graded.len(), mean, median, items, findings }
}

/// The class as a markdown page: scores, item pass rates, frequent findings.
pub fn markdown(rubric: &Rubric, class: &[Graded], feedback: Option<&str>) -> String {
    let summary = summarize(rubric, class);
    let mut out = format!("# {}: class report\n\n", rubric.title);
    out.push_str(&format!(
        "{} submissions, {} graded; mean score {}, median {}.\n\n",
        class.len(),
        summary.graded,
        points(summary.mean),
        points(summary.median)
    ));
    out.push_str("| Student | Score | Note |\n|---|---:|---|\n");
    for g in class {
        let name = match feedback {
            Some(dir) => format!("[{}]({dir}/{}.md)", g.id, g.id),
            None => g.id.clone(),
        };
        out.push_str(&format!(
            "| {name} | {} / {} | {} |\n",
            points(g.score),
            points(g.max_score),
            g.zero.as_deref().unwrap_or("")
        ));
    }
    out.push_str("\n## Items\n\n| Item | Kept by |\n|---|---:|\n");
    for (_, title, kept) in &summary.items {
        out.push_str(&format!("| {title} | {kept} of {} |\n", class.len()));
    }
    if !summary.findings.is_empty() {
        out.push_str("\n## Most frequent findings\n\n| Code | Students | Findings | Example |\n|---|---:|---:|---|\n");
        for f in &summary.findings {
            out.push_str(&format!(
                "| {} | {} | {} | {} line {}: {} |\n",
                f.code,
                f.students,
                f.count,
                f.example_student,
                f.example.line,
                super::feedback::code_span(f.example.quote.trim()).replace('|', "\\|")
            ));
        }
    }
    out
}

/// One line per student, for the terminal.
pub fn tty(rubric: &Rubric, class: &[Graded]) -> String {
    let width = class.iter().map(|g| g.id.chars().count()).max().unwrap_or(2).max(7);
    let mut out = String::new();
    for g in class {
        let detail = match &g.zero {
            Some(reason) => reason.clone(),
            None => {
                let lost: Vec<&str> = g.items.iter().filter(|i| i.lost()).map(|i| i.id.as_str()).collect();
                let penalties: Vec<String> = g.penalties.iter().map(|p| format!("penalty {}", p.id)).collect();
                let all: Vec<String> = lost.iter().map(|s| (*s).to_owned()).chain(penalties).collect();
                if all.is_empty() {
                    "all items met".to_owned()
                } else {
                    format!("lost: {}", all.join(", "))
                }
            }
        };
        out.push_str(&format!("{:<width$}  {:>6} / {:<6} {detail}\n", g.id, points(g.score), points(g.max_score)));
    }
    let summary = summarize(rubric, class);
    out.push_str(&format!(
        "{} submissions, {} graded, mean {}, median {}\n",
        class.len(),
        summary.graded,
        points(summary.mean),
        points(summary.median)
    ));
    out
}
