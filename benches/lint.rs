//! Where dlint's time goes, stage by stage, on one thread: parsing the Dockerfile, building the
//! semantic model (which parses the shell in RUN), each rule family alone, and the whole lint with the
//! default rules and with every rule. Also how time grows with file size (10 to 5,000 lines).
//!   cargo bench --bench lint [-- CORPUS_DIR [FILES]]
//! The inputs are FILES Dockerfiles (default 2,000) spread over CORPUS_DIR (default ../shared/corpus/files),
//! or testdata's Dockerfiles when there is no corpus.

use dlint::lint::{Category, Settings};
use dlint::semantic::Model;
use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    if let Ok(path) = std::env::var("DLINT_BENCH_EDITOR_FILE") {
        editor_latency(&std::fs::read_to_string(path).expect("a readable file"));
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let corpus = args.first().map_or_else(|| PathBuf::from("../shared/corpus/files"), PathBuf::from);
    let wanted: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let root = if corpus.is_dir() { corpus } else { PathBuf::from("testdata") };
    let mut paths = Vec::new();
    dockerfiles(&root, &mut paths);
    paths.sort();
    let step = (paths.len() / wanted).max(1);
    let texts: Vec<String> =
        paths.iter().step_by(step).take(wanted).filter_map(|path| std::fs::read_to_string(path).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} files, {:.1} MB, from {}\n", texts.len(), bytes as f64 / 1e6, root.display());
    println!("{:<28} {:>12} {:>10} {:>9}", "stage", "µs per file", "MB/s", "× parse");

    let parse = measure(|| {
        for text in &texts {
            black_box(dlint::syntax::parse(text));
        }
    });
    let row = |name: &str, time: Duration| {
        let per_file = time.as_secs_f64() * 1e6 / texts.len() as f64;
        let rate = bytes as f64 / 1e6 / time.as_secs_f64();
        println!("{name:<28} {per_file:>12.1} {rate:>10.1} {:>9.2}", time.as_secs_f64() / parse.as_secs_f64());
    };
    row("parse", parse);
    let parsed: Vec<_> = texts.iter().map(|text| dlint::syntax::parse(text)).collect();
    row(
        "model (with shell parsing)",
        measure(|| {
            for (text, file) in texts.iter().zip(&parsed) {
                black_box(Model::build(text, file));
            }
        }),
    );
    for category in Category::ALL {
        let codes: BTreeSet<String> =
            dlint::rules::all().filter(|rule| rule.meta.category == category).map(|r| r.meta.code.to_owned()).collect();
        if codes.is_empty() {
            continue;
        }
        let settings = Settings { select: Some(codes), ..Settings::default() };
        row(&format!("  lint: {} only", category.as_str()), lint_time(&texts, &settings));
    }
    row("lint, default rules", lint_time(&texts, &Settings::default()));
    let every_rule = Settings { extend_select: BTreeSet::from(["ALL".to_owned()]), ..Settings::default() };
    row("lint, every rule", lint_time(&texts, &every_rule));

    println!("\nfile size (lines)  µs per file  µs per line");
    let block = "RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nENV PATH=/app/bin:$PATH\nCOPY . /app\n";
    for lines in [10, 100, 1_000, 5_000] {
        let text = format!("FROM debian:12\n{}", block.repeat(lines / 4));
        let one = [text];
        let time = lint_time(&one, &Settings::default());
        let micros = time.as_secs_f64() * 1e6;
        println!("{lines:>17} {micros:>12.0} {:>12.2}", micros / lines as f64);
    }
}

/// What the language server does per keystroke on `text`: an edit in the middle of a RUN line, then a
/// lint that reuses the document's parsed scripts. Prints p50 and p99 over many edits.
fn editor_latency(text: &str) {
    let settings = Settings::default();
    // Opening: everything from scratch, and the parts of it that are tree-sitter's and the model's.
    let percentiles = |mut times: Vec<Duration>| {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
        (at(0.5), at(0.99))
    };
    let timed = |run: &dyn Fn()| {
        let times = (0..1_000)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed()
            })
            .collect();
        percentiles(times)
    };
    let parse = timed(&|| drop(black_box(dlint::syntax::parse(text))));
    let file = dlint::syntax::parse(text);
    let model = timed(&|| drop(black_box(Model::build(text, &file))));
    let open = timed(&|| drop(black_box(dlint::lint_source_cached(text, &settings, &dlint::DocumentCache::default()))));
    println!(
        "editor, {} lines: on opening, parse {:.2} ms p50 / {:.2} p99, model with shell parsing {:.2} / {:.2}, whole lint {:.2} / {:.2}",
        text.lines().count(),
        parse.0,
        parse.1,
        model.0,
        model.1,
        open.0,
        open.1
    );
    let cache = dlint::DocumentCache::default();
    let at = text.find("RUN ").map_or(0, |i| i + 4) + text.len() / 2;
    let at = text[at..].find("RUN ").map_or(0, |i| at + i + 4);
    let mut document = text.to_owned();
    let mut times = Vec::new();
    for edit in 0..2_000 {
        if edit % 2 == 0 {
            document.insert(at, 'x');
        } else {
            document.remove(at);
        }
        let start = Instant::now();
        black_box(dlint::lint_source_cached(&document, &settings, &cache));
        times.push(start.elapsed());
    }
    let (p50, p99) = percentiles(times);
    println!("editor, {} lines: lint after an edit {p50:.2} ms p50, {p99:.2} ms p99", text.lines().count());
}

fn lint_time(texts: &[String], settings: &Settings) -> Duration {
    measure(|| {
        for text in texts {
            black_box(dlint::lint_source(text, settings));
        }
    })
}

/// The fastest of several runs of at least half a second in all, after a warm-up run.
fn measure(mut run: impl FnMut()) -> Duration {
    run();
    let mut best = Duration::MAX;
    let started = Instant::now();
    let mut runs = 0;
    while runs < 3 || started.elapsed() < Duration::from_millis(500) {
        let start = Instant::now();
        run();
        best = best.min(start.elapsed());
        runs += 1;
    }
    best
}

fn dockerfiles(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if path.is_dir() {
            dockerfiles(&path, out);
        } else if name.contains("dockerfile") || name.contains("containerfile") {
            out.push(path);
        }
    }
}
