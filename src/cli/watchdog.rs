//! A guard against a file that never finishes linting: the files in flight are watched, and one that
//! takes longer than the limit ends the run with an error that names it, instead of a hang.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Watchdog {
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    /// Files being linted, by a number of their own, with their name and start.
    in_flight: BTreeMap<usize, (String, Instant)>,
    next: usize,
    /// A half-written report to remove before exiting.
    partial: Option<PathBuf>,
}

/// One file being linted; dropping it ends the watch.
pub struct Watch<'a> {
    watchdog: &'a Watchdog,
    id: usize,
}

impl Watchdog {
    /// Starts the watching thread; it exits the process with `exit_code` when a file overruns `limit`.
    pub fn start(limit: Duration, exit_code: u8) -> Watchdog {
        let state = Arc::new(Mutex::new(State::default()));
        let watched = Arc::clone(&state);
        let period = (limit / 4).clamp(Duration::from_millis(5), Duration::from_millis(250));
        std::thread::spawn(move || loop {
            std::thread::sleep(period);
            let state = lock(&watched);
            let overrun = state.in_flight.values().find(|(_, started)| started.elapsed() > limit);
            if let Some((name, _)) = overrun {
                eprintln!(
                    "error: {name}: linting took longer than {} s, so dlint stopped (--file-timeout); please report this file as a dlint bug",
                    limit.as_secs_f64()
                );
                if let Some(partial) = &state.partial {
                    let _ = std::fs::remove_file(partial);
                }
                std::process::exit(i32::from(exit_code));
            }
        });
        Watchdog { state }
    }

    /// A report file being written, removed if the run is stopped.
    pub fn partial_output(&self, path: Option<PathBuf>) {
        lock(&self.state).partial = path;
    }

    pub fn watch(&self, name: &str) -> Watch<'_> {
        let mut state = lock(&self.state);
        let id = state.next;
        state.next += 1;
        state.in_flight.insert(id, (name.to_owned(), Instant::now()));
        Watch { watchdog: self, id }
    }
}

impl Drop for Watch<'_> {
    fn drop(&mut self) {
        lock(&self.watchdog.state).in_flight.remove(&self.id);
    }
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}
