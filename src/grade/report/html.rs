//! The class report as one HTML file with no outside assets: a score histogram and item pass rates
//! as inline SVG, the most frequent findings with example lines, and the students with links to
//! their feedback.

use super::super::feedback::points;
use super::super::rubric::Rubric;
use super::super::Graded;
use super::summarize;
// XML's escaping is valid HTML too, and keeps control characters out of the page.
use crate::report::xml::escape;
use std::fmt::Write;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;width:100%}\
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;white-space:nowrap}code{background:#f4f4f4;padding:0 .2rem;white-space:pre-wrap}\
svg text{font-size:12px;fill:#333}.zero{color:#a33}";

/// The report page. `feedback` is the folder (relative to the page) holding `ID.md` per student.
pub fn render(rubric: &Rubric, class: &[Graded], feedback: Option<&str>) -> String {
    let summary = summarize(rubric, class);
    let max_score = class.first().map_or(rubric.max_score(false), |g| g.max_score);
    let mut out = String::new();
    let title = escape(&rubric.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}: class report</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}: class report</h1>\n"
    );
    let _ = writeln!(
        out,
        "<p>{} submissions, {} graded. Mean score {} of {}, median {}.</p>",
        class.len(),
        summary.graded,
        points(summary.mean),
        points(max_score),
        points(summary.median)
    );

    out.push_str("<h2>Scores</h2>\n");
    out.push_str(&histogram(class, max_score));

    out.push_str("<h2>Items kept</h2>\n");
    let rates: Vec<(String, usize)> =
        summary.items.iter().map(|(_, title, kept)| ((*title).to_owned(), *kept)).collect();
    out.push_str(&pass_rates(&rates, class.len()));

    if !summary.findings.is_empty() {
        out.push_str(
            "<h2>Most frequent findings</h2>\n<table id=\"findings\">\n<tr><th>Rule</th><th class=\"n\">Students</th>\
                      <th class=\"n\">Findings</th><th>Example</th></tr>\n",
        );
        for f in &summary.findings {
            let name = crate::rules::find(f.code).map_or("", |info| info.meta.name);
            let _ = writeln!(
                out,
                "<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}, line {}: <code>{}</code><br>{}</td></tr>",
                f.code,
                escape(name),
                f.students,
                f.count,
                escape(f.example_student),
                f.example.line,
                escape(f.example.quote.trim()),
                escape(&f.example.message)
            );
        }
        out.push_str("</table>\n");
    }

    out.push_str("<h2>Students</h2>\n<table id=\"students\">\n<tr><th>Student</th><th class=\"n\">Score</th><th>Lost</th></tr>\n");
    for g in class {
        let name = match feedback {
            Some(dir) => format!("<a href=\"{}/{}.md\">{}</a>", escape(dir), escape(&g.id), escape(&g.id)),
            None => escape(&g.id),
        };
        let detail = match &g.zero {
            Some(reason) => format!("<span class=\"zero\">{}</span>", escape(reason)),
            None => {
                let lost: Vec<String> = g
                    .items
                    .iter()
                    .filter(|i| i.lost())
                    .map(|i| escape(&i.title))
                    .chain(g.penalties.iter().map(|p| format!("penalty: {}", escape(&p.title))))
                    .collect();
                lost.join("; ")
            }
        };
        let _ = writeln!(
            out,
            "<tr><td>{name}</td><td class=\"n\">{} / {}</td><td>{detail}</td></tr>",
            points(g.score),
            points(g.max_score)
        );
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

/// Students per score band, as SVG bars: one band per point up to 20 points, else ten bands.
fn histogram(class: &[Graded], max_score: f64) -> String {
    let bands = if max_score <= 20.0 { max_score.ceil().max(1.0) as usize + 1 } else { 10 };
    let band_of = |score: f64| -> usize {
        if max_score <= 20.0 {
            score.floor() as usize
        } else {
            ((score / max_score) * 10.0).floor().min(9.0) as usize
        }
    };
    let mut counts = vec![0usize; bands];
    for g in class {
        counts[band_of(g.score).min(bands - 1)] += 1;
    }
    let label = |band: usize| -> String {
        if max_score <= 20.0 {
            band.to_string()
        } else {
            let step = max_score / 10.0;
            format!("{}–{}", points((band as f64 * step).floor()), points(((band + 1) as f64 * step).floor()))
        }
    };
    let highest = counts.iter().copied().max().unwrap_or(0).max(1);
    let (bar, gap, height, top, bottom) = (36.0, 8.0, 160.0, 16.0, 28.0);
    let width = bands as f64 * (bar + gap) + gap;
    let mut svg = format!(
        "<svg id=\"histogram\" role=\"img\" aria-label=\"Students per score\" width=\"{width}\" height=\"{}\" \
         viewBox=\"0 0 {width} {}\">\n",
        height + top + bottom,
        height + top + bottom
    );
    for (band, &count) in counts.iter().enumerate() {
        let h = height * count as f64 / highest as f64;
        let x = gap + band as f64 * (bar + gap);
        let y = top + height - h;
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{h}\" fill=\"#3b7dd8\"><title>{count} with {}</title></rect>",
            label(band)
        );
        if count > 0 {
            let _ =
                writeln!(svg, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>", x + bar / 2.0, y - 3.0);
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + bar / 2.0,
            top + height + 16.0,
            label(band)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Horizontal SVG bars: the share of students who kept each item's points.
fn pass_rates(items: &[(String, usize)], students: usize) -> String {
    let (label_width, bar_width, row) = (320.0, 300.0, 24.0);
    let height = row * items.len() as f64 + 8.0;
    let mut svg = format!(
        "<svg id=\"items\" role=\"img\" aria-label=\"Share of students keeping each item\" width=\"{}\" height=\"{height}\" \
         viewBox=\"0 0 {} {height}\">\n",
        label_width + bar_width + 60.0,
        label_width + bar_width + 60.0
    );
    for (index, (title, kept)) in items.iter().enumerate() {
        let share = if students == 0 { 0.0 } else { *kept as f64 / students as f64 };
        let y = 4.0 + index as f64 * row;
        let short: String =
            if title.chars().count() > 48 { title.chars().take(47).collect::<String>() + "…" } else { title.clone() };
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_width - 8.0,
            y + 15.0,
            escape(&short)
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{label_width}\" y=\"{y}\" width=\"{bar_width}\" height=\"18\" fill=\"#eee\"/>\
             <rect x=\"{label_width}\" y=\"{y}\" width=\"{}\" height=\"18\" fill=\"#2e9d5b\"><title>{}: {kept} of {students}</title></rect>",
            bar_width * share,
            escape(title)
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}%</text>",
            label_width + bar_width + 6.0,
            y + 15.0,
            (share * 100.0).round()
        );
    }
    svg.push_str("</svg>\n");
    svg
}
