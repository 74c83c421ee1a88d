//! A progress bar on standard error while many files are linted, when standard error is a terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// Below this many files linting ends before a bar would be worth seeing.
const MIN_FILES: usize = 250;
const WIDTH: usize = 30;
const REDRAW: Duration = Duration::from_millis(100);

struct Counter {
    done: AtomicUsize,
    finished: AtomicBool,
}

pub struct Progress {
    counter: Arc<Counter>,
    drawer: JoinHandle<()>,
}

impl Progress {
    /// A bar for `total` files, drawn from a thread of its own; `None` when there are few files, standard
    /// error is not a terminal, or `quiet` is set.
    pub fn start(total: usize, quiet: bool) -> Option<Progress> {
        if quiet || total < MIN_FILES || !std::io::stderr().is_terminal() {
            return None;
        }
        let counter = Arc::new(Counter { done: AtomicUsize::new(0), finished: AtomicBool::new(false) });
        let shared = Arc::clone(&counter);
        let drawer = std::thread::spawn(move || {
            let mut stderr = std::io::stderr();
            while !shared.finished.load(Ordering::Relaxed) {
                let _ = write!(stderr, "\r{}", bar(shared.done.load(Ordering::Relaxed), total));
                let _ = stderr.flush();
                std::thread::sleep(REDRAW);
            }
            // Clear the bar so the report starts on a clean line.
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        });
        Some(Progress { counter, drawer })
    }

    /// One more file done.
    pub fn tick(&self) {
        self.counter.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Stops drawing and erases the bar.
    pub fn finish(self) {
        self.counter.finished.store(true, Ordering::Relaxed);
        let _ = self.drawer.join();
    }
}

/// `Linting [=========>          ] 1234/5000 files`.
fn bar(done: usize, total: usize) -> String {
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH).min(WIDTH);
    let head = if filled < WIDTH { ">" } else { "" };
    let rest = WIDTH - filled - head.len();
    format!("Linting [{}{head}{}] {done}/{total} files", "=".repeat(filled), " ".repeat(rest))
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn the_bar_fills_with_the_count() {
        assert_eq!(bar(0, 300), format!("Linting [>{}] 0/300 files", " ".repeat(29)));
        assert_eq!(bar(150, 300), format!("Linting [{}>{}] 150/300 files", "=".repeat(15), " ".repeat(14)));
        assert_eq!(bar(300, 300), format!("Linting [{}] 300/300 files", "=".repeat(30)));
    }
}
