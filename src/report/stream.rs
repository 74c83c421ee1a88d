//! Reports written file by file. Each file's part is rendered on its own, on any thread; a `Writer` writes
//! the parts in the order it gets them between the format's opening and closing text, so a run over
//! thousands of files never holds more than the files in flight. Only JUnit, whose opening element counts
//! the whole run, keeps its parts until the end.

use super::{checkstyle, concise, github, gitlab, gnu, json, junit, sarif, tty, FileReport, SortedFile, Totals};
use std::io::{self, Write};

/// The output formats of `dlint check` and `dlint run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code snippets and a summary, for people
    Tty,
    /// One JSON array of findings
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, SonarQube)
    Sarif,
    /// Checkstyle XML
    Checkstyle,
    /// GitLab Code Quality JSON
    Gitlab,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// JUnit XML, for CI test reports
    Junit,
    /// `file:line:column: severity: message [CODE]`
    Gnu,
    /// One line per finding
    Concise,
}

/// One file's share of a report: its entries (findings, or the file's element) and its counts.
pub struct Part {
    entries: Vec<String>,
    totals: Totals,
}

impl Format {
    /// One file's part, independent of every other file.
    pub fn part(self, report: &FileReport, style: tty::Style) -> Part {
        let file = SortedFile::new(report);
        let entries = match self {
            Format::Tty => tty::entries(&file, style),
            Format::Json => json::entries(&file),
            Format::Sarif => sarif::entries(&file),
            Format::Checkstyle => vec![checkstyle::entry(&file)],
            Format::Gitlab => gitlab::entries(&file),
            Format::Github => github::entries(&file),
            Format::Junit => vec![junit::entry(&file)],
            Format::Gnu => gnu::entries(&file),
            Format::Concise => concise::entries(&file),
        };
        Part { entries, totals: Totals::of_file(report) }
    }

    /// The text before the first entry; JUnit's counts the run, so it is written last.
    fn head(self, totals: &Totals) -> String {
        match self {
            Format::Json | Format::Gitlab => "[".to_owned(),
            Format::Sarif => sarif::head(),
            Format::Checkstyle => checkstyle::head(),
            Format::Junit => junit::head(totals),
            Format::Tty | Format::Github | Format::Gnu | Format::Concise => String::new(),
        }
    }

    /// The text after the last entry.
    fn tail(self, totals: &Totals, style: tty::Style) -> String {
        match self {
            Format::Json | Format::Gitlab => "\n".to_owned(),
            Format::Sarif => sarif::tail(totals),
            Format::Checkstyle => checkstyle::tail(),
            Format::Junit => junit::tail(),
            Format::Tty if style.summary => tty::summary(totals) + "\n",
            Format::Tty | Format::Github | Format::Gnu | Format::Concise => String::new(),
        }
    }

    /// For formats whose entries are the elements of a pretty-printed JSON array, how deep the array
    /// stands: entries are separated by commas and the closing bracket is indented to match.
    fn array_depth(self) -> Option<usize> {
        match self {
            Format::Json | Format::Gitlab => Some(0),
            Format::Sarif => Some(3),
            _ => None,
        }
    }
}

/// Writes parts as they come, and the format's closing text at the end.
pub struct Writer<W: Write> {
    format: Format,
    style: tty::Style,
    out: W,
    totals: Totals,
    entries: usize,
    /// JUnit's parts, held until the counts for its opening element are known.
    held: Vec<String>,
}

impl<W: Write> Writer<W> {
    pub fn new(format: Format, style: tty::Style, mut out: W) -> io::Result<Self> {
        if format != Format::Junit {
            out.write_all(format.head(&Totals::default()).as_bytes())?;
        }
        Ok(Writer { format, style, out, totals: Totals::default(), entries: 0, held: Vec::new() })
    }

    pub fn write(&mut self, part: Part) -> io::Result<()> {
        self.totals.add(&part.totals);
        for entry in part.entries {
            if self.format == Format::Junit {
                self.held.push(entry);
                continue;
            }
            if let Some(depth) = self.format.array_depth() {
                self.out.write_all(if self.entries == 0 { b"\n" } else { b",\n" })?;
                self.out.write_all("  ".repeat(depth + 1).as_bytes())?;
                write_shifted(&mut self.out, &entry, depth + 1)?;
            } else {
                self.out.write_all(entry.as_bytes())?;
            }
            self.entries += 1;
        }
        Ok(())
    }

    /// Writes the closing text and hands back the output and the run's counts.
    pub fn finish(mut self) -> io::Result<(W, Totals)> {
        if self.format == Format::Junit {
            self.out.write_all(self.format.head(&self.totals).as_bytes())?;
            for entry in &self.held {
                self.out.write_all(entry.as_bytes())?;
            }
        }
        if let Some(depth) = self.format.array_depth() {
            if self.entries > 0 {
                write!(self.out, "\n{}", "  ".repeat(depth))?;
            }
            self.out.write_all(b"]")?;
        }
        self.out.write_all(self.format.tail(&self.totals, self.style).as_bytes())?;
        self.out.flush()?;
        Ok((self.out, self.totals))
    }
}

/// A whole report of files given together, in path order.
pub fn render(format: Format, style: tty::Style, reports: &[FileReport]) -> String {
    let mut sorted: Vec<&FileReport> = reports.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut writer = Writer::new(format, style, Vec::new()).expect("writing to memory cannot fail");
    for report in sorted {
        writer.write(format.part(report, style)).expect("writing to memory cannot fail");
    }
    let (out, _) = writer.finish().expect("writing to memory cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// Writes `json` with every line but the first moved `depth` levels (two spaces each) to the right,
/// straight to `out`: entries are written this way one per finding.
fn write_shifted(out: &mut impl Write, json: &str, depth: usize) -> io::Result<()> {
    let mut lines = json.split('\n');
    out.write_all(lines.next().unwrap_or_default().as_bytes())?;
    let indent = "  ".repeat(depth);
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// A value as pretty-printed JSON, to be placed by a `Writer` or into a format's opening or closing text.
pub(super) fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("report values serialise")
}

/// Pretty-printed JSON for a value that stands `depth` levels deep after a key: every line but the
/// first moves right.
pub(super) fn nested(value: &impl serde::Serialize, depth: usize) -> String {
    let mut shifted = Vec::new();
    write_shifted(&mut shifted, &pretty(value), depth).expect("writing to memory cannot fail");
    String::from_utf8(shifted).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Diagnostic, Severity};
    use crate::text::Span;

    fn report(path: &str, findings: usize) -> FileReport {
        let diagnostics = (0..findings)
            .map(|i| Diagnostic {
                code: "DL3000",
                name: "test",
                severity: Severity::Warning,
                span: Span::new(i, i + 1),
                message: format!("finding {i}"),
                help: None,
                fix: None,
                related: Vec::new(),
            })
            .collect();
        FileReport { path: path.to_owned(), source: "FROM a\nRUN b\n".to_owned(), diagnostics }
    }

    #[test]
    fn streamed_json_is_the_array_of_every_finding() {
        for reports in [vec![], vec![report("a", 0)], vec![report("a", 2), report("b", 0), report("c", 1)]] {
            let text = render(Format::Json, tty::Style::default(), &reports);
            let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
            let all: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
            assert_eq!(parsed.as_array().unwrap().len(), all, "{text}");
            assert!(text.ends_with("]\n"));
        }
    }

    #[test]
    fn junit_counts_come_before_the_files() {
        let text = render(Format::Junit, tty::Style::default(), &[report("a", 2), report("b", 0)]);
        assert!(text.contains("<testsuites name=\"dlint\" tests=\"3\" failures=\"2\""), "{text}");
        assert!(text.find("<testsuites").unwrap() < text.find("<testsuite ").unwrap());
    }
}
