//! `dlint rules` and `dlint rule CODE`.

use super::{write_stdout, RulesFormat, FAILURE};
use crate::rules::{self, RuleInfo};
use crate::text::suggest;
use serde::Serialize;

#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    name: &'static str,
    category: &'static str,
    severity: &'static str,
    enabled_by_default: bool,
    fix: &'static str,
    summary: &'static str,
}

pub fn list(format: RulesFormat) -> u8 {
    let all: Vec<RuleInfo> = rules::all().collect();
    match format {
        RulesFormat::Json => {
            let rows: Vec<JsonRule> = all
                .iter()
                .map(|info| JsonRule {
                    code: info.meta.code,
                    name: info.meta.name,
                    category: info.meta.category.as_str(),
                    severity: info.meta.severity.as_str(),
                    enabled_by_default: info.meta.enabled_by_default,
                    fix: info.meta.fix.as_str(),
                    summary: info.meta.summary,
                })
                .collect();
            write_stdout(&format!("{}\n", serde_json::to_string_pretty(&rows).expect("rules serialise")))
        }
        RulesFormat::Tty => write_stdout(&table(&all)),
    }
}

fn table(all: &[RuleInfo]) -> String {
    let header = ["CODE", "NAME", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"];
    let mut rows = vec![header.map(str::to_owned)];
    rows.extend(all.iter().map(|info| {
        let meta = info.meta;
        [
            meta.code.to_owned(),
            meta.name.to_owned(),
            meta.severity.to_string(),
            (if meta.enabled_by_default { "on" } else { "off" }).to_owned(),
            meta.fix.as_str().to_owned(),
            meta.summary.to_owned(),
        ]
    }));
    let mut widths = [0; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row.iter().zip(widths).map(|(cell, width)| format!("{cell:width$}")).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn explain(code: &str) -> u8 {
    if let Some(info) = rules::find(code) {
        let newline = if info.doc.ends_with('\n') { "" } else { "\n" };
        return write_stdout(&format!("{}{newline}", info.doc));
    }
    let names = rules::all().flat_map(|info| [info.meta.code, info.meta.name]);
    match suggest::closest(code, names) {
        Some(near) => eprintln!("error: unknown rule `{code}`; did you mean `{near}`?"),
        None => eprintln!("error: unknown rule `{code}` (`dlint rules` lists them all)"),
    }
    FAILURE
}
