//! `dlint grade --run`: builds and runs every submission with the build-and-run checker. A queue of
//! submissions is served by `jobs` workers per engine, so a class can use several machines. Each
//! check is isolated: its own tag, no build cache shared with another student, its own sandbox
//! limits and its own cleanup, so a hostile submission gets a verdict without touching the others.

use super::submission::{Content, Submission};
use super::Runtime;
use crate::docker::{self, RunError, RunOptions};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// The class was interrupted (Ctrl-C); every check under way has cleaned up.
#[derive(Debug)]
pub struct Interrupted;

/// Checks every submission that has a Dockerfile, spreading them over `engines` (`None`: the
/// default engine) with `jobs` at a time on each. `options_for` gives a submission's options, with
/// its context (an empty folder for a Dockerfile handed in alone). Results are in submission order;
/// `None` for submissions with nothing to build.
pub fn check_class(
    submissions: &[Submission],
    engines: &[Option<String>],
    jobs: usize,
    options_for: &(dyn Fn(&Path, &Path) -> Result<RunOptions, String> + Sync),
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Vec<Option<Runtime>>, Interrupted> {
    let results: Vec<Mutex<Option<Runtime>>> = submissions.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let interrupted = AtomicBool::new(false);
    let total = submissions.iter().filter(|s| matches!(s.content, Content::Dockerfile { .. })).count();
    let started = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for engine in engines {
            for _ in 0..jobs.max(1) {
                scope.spawn(|| loop {
                    if interrupted.load(Ordering::SeqCst) {
                        return;
                    }
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(submission) = submissions.get(index) else { return };
                    let Content::Dockerfile { path, source } = &submission.content else { continue };
                    let number = started.fetch_add(1, Ordering::SeqCst) + 1;
                    let on = engine.as_deref().map_or(String::new(), |host| format!(" on {host}"));
                    progress(&format!("building {} ({number}/{total}){on}", submission.id));
                    let outcome = check_one(submission, path, source, engine.as_deref(), options_for);
                    let runtime = match outcome {
                        Ok(found) => Runtime::Findings(found),
                        Err(RunError::Failed(message)) => Runtime::Failed(message),
                        Err(RunError::Interrupted) => {
                            interrupted.store(true, Ordering::SeqCst);
                            return;
                        }
                    };
                    progress(&format!("{}: {}", submission.id, runtime.verdict()));
                    *results[index].lock().unwrap_or_else(|e| e.into_inner()) = Some(runtime);
                });
            }
        }
    });
    if interrupted.load(Ordering::SeqCst) {
        return Err(Interrupted);
    }
    Ok(results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect())
}

fn check_one(
    submission: &Submission,
    dockerfile: &Path,
    source: &str,
    engine: Option<&str>,
    options_for: &(dyn Fn(&Path, &Path) -> Result<RunOptions, String> + Sync),
) -> Result<Vec<crate::Diagnostic>, RunError> {
    // A Dockerfile handed in alone builds with an empty context: nothing of the other students'.
    let empty;
    let context = match &submission.context {
        Some(context) => context.as_path(),
        None => {
            empty = tempfile::tempdir().map_err(|e| RunError::Failed(format!("cannot make an empty context: {e}")))?;
            empty.path()
        }
    };
    let mut options = options_for(context, dockerfile).map_err(RunError::Failed)?;
    options.engine = engine.map(str::to_owned);
    options.isolated = true;
    options.cache_check = false;
    options.keep = None;
    docker::check(source, &options, &|_| {})
}
