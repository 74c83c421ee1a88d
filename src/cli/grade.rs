//! `dlint grade`: grade a folder of submissions against a rubric, write each student's feedback and
//! the class report.

use super::{emit, fail, files, write_stdout};
use crate::grade::rubric::{Rubric, DEFAULT};
use crate::grade::{self, feedback, report, Graded};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GradeFormat {
    /// One line per student and the class averages
    Tty,
    /// Submissions with items, points and reasons (for other tools)
    Json,
    /// One row per student, one column per rubric item (for a gradebook)
    Csv,
    /// One self-contained page with charts
    Html,
    /// The class summary as markdown
    Markdown,
}

/// `--keep` and `--no-cache-check` come with the build options but not with grading: every image is
/// removed, and builds share no cache.
#[derive(Args, Debug)]
#[command(
    mut_arg("keep", |a| a.hide(true)),
    mut_arg("no_cache_check", |a| a.hide(true)),
    mut_arg("quiet", |a| a.help("No progress or summary on standard error"))
)]
pub struct GradeArgs {
    /// Folder of submissions: a folder per student (the id is its name), or `ID.Dockerfile` files
    #[arg(required_unless_present = "print_rubric")]
    submissions: Option<PathBuf>,
    /// The rubric (default: the built-in one; see --print-rubric)
    #[arg(long, value_name = "RUBRIC.toml")]
    rubric: Option<PathBuf>,
    /// Format of the class report
    #[arg(long, value_enum, default_value_t = GradeFormat::Tty)]
    format: GradeFormat,
    /// Write the class report to FILE (replaced whole) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write each student's feedback as DIR/ID.md (default with --output: `feedback` beside it)
    #[arg(long, value_name = "DIR")]
    feedback: Option<PathBuf>,
    /// Print the built-in rubric, to start your own from
    #[arg(long)]
    print_rubric: bool,
    /// Also build and run each submission in a sandbox, for the rubric's build items
    #[arg(long, help_heading = "Build and run")]
    run: bool,
    /// Builds at a time on each engine
    #[arg(long, value_name = "N", default_value_t = 1, help_heading = "Build and run")]
    jobs: usize,
    /// Engine to build on (a DOCKER_HOST value), repeatable to spread the class over machines
    /// (default: the rubric's `engines`, else DOCKER_HOST or the local socket)
    #[arg(long = "engine", value_name = "HOST", help_heading = "Build and run")]
    engines: Vec<String>,
    #[command(flatten)]
    build: super::run::RunArgs,
}

pub fn run(args: GradeArgs) -> u8 {
    if args.print_rubric {
        return write_stdout(DEFAULT);
    }
    let Some(submissions_dir) = &args.submissions else { return fail("no submissions folder given") };
    let rubric = match &args.rubric {
        Some(path) => Rubric::load(path),
        None => Rubric::parse(DEFAULT, Path::new("<built-in rubric>")),
    };
    let rubric = match rubric {
        Ok(rubric) => rubric,
        Err(error) => return fail(&error.to_string()),
    };
    if !submissions_dir.is_dir() {
        return fail(&format!("{}: not a folder of submissions", submissions_dir.display()));
    }
    let started = std::time::Instant::now();
    let submissions = match grade::submission::discover(submissions_dir, &rubric) {
        Ok(submissions) => submissions,
        Err(message) => return fail(&message),
    };
    let settings = grade::settings(&rubric);
    let runtime = if args.run {
        match super::run::grade_checks(&submissions, &rubric, &args.engines, args.jobs, &args.build) {
            Ok(runtime) => runtime,
            Err(code) => return code,
        }
    } else {
        Vec::new()
    };
    let class: Vec<Graded> = submissions
        .par_iter()
        .enumerate()
        .map(|(i, s)| grade::grade(&rubric, &settings, s, args.run, runtime.get(i).and_then(Option::as_ref)))
        .collect();

    let feedback_dir = args.feedback.clone().or_else(|| {
        let output = args.output.as_ref()?;
        Some(output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("feedback"))
    });
    if let Some(dir) = &feedback_dir {
        if let Err(message) = write_feedback(dir, &rubric, &class) {
            return fail(&message);
        }
    }
    // How the report links to the feedback: relative to the report's folder when it can be.
    let link = feedback_dir.as_ref().map(|dir| {
        let base = args.output.as_ref().and_then(|o| o.parent()).unwrap_or(Path::new(""));
        let relative = dir.strip_prefix(base).unwrap_or(dir);
        relative.to_string_lossy().replace('\\', "/")
    });
    let text = match args.format {
        GradeFormat::Tty => report::tty(&rubric, &class),
        GradeFormat::Json => report::json(&rubric, &class),
        GradeFormat::Csv => report::csv(&rubric, &class),
        GradeFormat::Html => report::html(&rubric, &class, link.as_deref()),
        GradeFormat::Markdown => report::markdown(&rubric, &class, link.as_deref()),
    };
    if let Err(code) = emit(&text, args.output.as_deref()) {
        return code;
    }
    if !args.build.quiet {
        let runtime_items = rubric.items.iter().filter(|i| i.check.is_runtime()).count();
        eprintln!(
            "dlint grade: {} submissions graded in {:.2} s{}{}",
            class.len(),
            started.elapsed().as_secs_f64(),
            feedback_dir.as_ref().map_or(String::new(), |d| format!("; feedback in {}", d.display())),
            match runtime_items {
                n if n > 0 && !args.run => format!("; {n} items need a build and were not graded (see --run)"),
                _ => String::new(),
            }
        );
    }
    0
}

/// Writes `ID.md` per student, and the docs of the rules they cite (unless the rubric links to
/// published docs) under `rules/`.
fn write_feedback(dir: &Path, rubric: &Rubric, class: &[Graded]) -> Result<(), String> {
    let error = |path: &Path, e: std::io::Error| format!("{}: cannot write the feedback: {e}", path.display());
    std::fs::create_dir_all(dir).map_err(|e| error(dir, e))?;
    let docs = rubric.docs.clone().unwrap_or_else(|| "rules".to_owned());
    for graded in class {
        let path = dir.join(format!("{}.md", graded.id));
        files::write_atomically(&path, &feedback::render(graded, &rubric.title, &docs)).map_err(|e| error(&path, e))?;
    }
    if rubric.docs.is_none() {
        let cited: BTreeSet<&str> = class
            .iter()
            .flat_map(|g| g.items.iter().chain(&g.penalties))
            .flat_map(|i| i.reasons.iter().filter_map(|r| r.code))
            .collect();
        let rules_dir = dir.join("rules");
        if !cited.is_empty() {
            std::fs::create_dir_all(&rules_dir).map_err(|e| error(&rules_dir, e))?;
        }
        for code in cited {
            let Some(info) = crate::rules::find(code) else { continue };
            let path = rules_dir.join(format!("{code}.md"));
            files::write_atomically(&path, info.doc).map_err(|e| error(&path, e))?;
        }
    }
    Ok(())
}
