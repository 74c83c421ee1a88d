//! GitHub Actions workflow commands (`::warning file=...,line=...::message`): printed in a workflow
//! step, each finding becomes an annotation on its file and lines in the run and the pull request.

use super::SortedFile;
use crate::lint::Severity;

/// GitHub has three annotation levels; info and style findings are notices.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => "notice",
    }
}

/// A command's message: `%` and line breaks are escaped, so the command stays on one line.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: as the message, and `:` and `,`, which would end the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding.
pub fn entries(file: &SortedFile) -> Vec<String> {
    file.diagnostics
        .iter()
        .map(|d| {
            let (start, end) = file.range(d.span);
            let mut properties = vec![
                ("file", escape_property(file.path)),
                ("line", start.line.to_string()),
                ("endLine", end.line.to_string()),
            ];
            // GitHub takes columns only for an annotation within one line.
            if start.line == end.line {
                properties.push(("col", start.column.to_string()));
                properties.push(("endColumn", end.column.to_string()));
            }
            properties.push(("title", escape_property(&format!("{} {}", d.code, d.name))));
            let properties: Vec<String> = properties.iter().map(|(key, value)| format!("{key}={value}")).collect();
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            format!("::{} {}::{}\n", command(d.severity), properties.join(","), escape_data(&message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("100% a:b,c\r\nd"), "100%25 a%3Ab%2Cc%0D%0Ad");
    }
}
