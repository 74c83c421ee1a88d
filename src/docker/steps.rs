//! Reading a classic-builder build log (Docker's `Step N/M : ...`, Podman's `STEP N/M: ...`): which
//! instruction each step is, whether it came from the cache, what it printed, what it committed.

use crate::semantic::Model;

/// One step of a build, as far as the log tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Step {
    /// `N` of `Step N/M`.
    pub number: usize,
    /// The instruction text the builder printed.
    pub text: String,
    /// Index of the instruction in the Dockerfile, when it could be matched.
    pub instruction: Option<usize>,
    pub cached: bool,
    /// The image the step committed (a short ID as printed).
    pub image: Option<String>,
    /// Containers the step ran in (short IDs).
    pub containers: Vec<String>,
    /// What the step's command printed.
    pub output: Vec<String>,
}

/// The log of one build, read line by line as it streams.
#[derive(Debug, Default)]
pub struct BuildLog {
    pub steps: Vec<Step>,
    /// The built image's ID (`Successfully built ID`), when the build finished.
    pub built: Option<String>,
    /// Output before the first step (e.g. the engine's own complaints).
    pub preamble: Vec<String>,
    partial: String,
}

/// How many output lines a step keeps (the last ones).
const KEPT_OUTPUT: usize = 200;

impl BuildLog {
    /// Feeds a chunk of the stream; returns the steps that began in it (for progress lines).
    pub fn feed(&mut self, chunk: &str) -> Vec<usize> {
        self.partial.push_str(chunk);
        let mut started = Vec::new();
        while let Some(end) = self.partial.find('\n') {
            let line: String = self.partial.drain(..=end).collect();
            if self.line(line.trim_end_matches(['\n', '\r'])) {
                started.push(self.steps.len() - 1);
            }
        }
        started
    }

    /// Ends the stream: a last line without a newline still counts.
    pub fn finish(&mut self) {
        let rest = std::mem::take(&mut self.partial);
        if !rest.is_empty() {
            self.line(&rest);
        }
    }

    /// Reads one line; true when it starts a step.
    fn line(&mut self, line: &str) -> bool {
        let plain = without_escapes(line);
        let line = plain.as_str();
        if let Some((number, text)) = step_header(line) {
            self.steps.push(Step { number, text: text.to_owned(), ..Step::default() });
            return true;
        }
        let arrow = line.trim_start().strip_prefix("--->").or_else(|| line.trim_start().strip_prefix("-->"));
        if let Some(rest) = arrow.map(str::trim) {
            if let Some(step) = self.steps.last_mut() {
                if rest.starts_with("Using cache") {
                    step.cached = true;
                    // Podman names the cached image on the same line.
                    if let Some(id) = rest.split_whitespace().nth(2).filter(|id| is_image_id(id)) {
                        step.image = Some(id.to_owned());
                    }
                } else if let Some(id) = rest.strip_prefix("Running in ") {
                    step.containers.push(id.trim().to_owned());
                } else if is_image_id(rest) {
                    step.image = Some(rest.to_owned());
                }
            }
            return false;
        }
        if let Some(id) = line.strip_prefix("Successfully built ") {
            self.built = Some(id.trim().to_owned());
            return false;
        }
        if line.starts_with("Successfully tagged ") || line.starts_with("Removing intermediate container ") {
            return false;
        }
        let output = match self.steps.last_mut() {
            Some(step) => &mut step.output,
            None => &mut self.preamble,
        };
        output.push(line.to_owned());
        if output.len() > KEPT_OUTPUT {
            output.remove(0);
        }
        false
    }

    /// Matches each step to its instruction (see [`match_steps`]).
    pub fn match_instructions(&mut self, model: &Model) {
        match_steps(model, &mut self.steps);
    }
}

/// The text without terminal escape sequences (the engine colours its error lines).
fn without_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte.
            if chars.clone().next() == Some('[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// `Step 3/10 : RUN make`, `STEP 3/10: RUN make` or, in a multi-stage Buildah build, `[2/2] STEP
/// 3/10: RUN make` (numbered within the stage) -> (3, "RUN make").
fn step_header(line: &str) -> Option<(usize, &str)> {
    let line = match line.strip_prefix('[').and_then(|rest| rest.split_once("] ")) {
        Some((stage, rest)) if stage.contains('/') => rest,
        _ => line,
    };
    let rest = line.strip_prefix("Step ").or_else(|| line.strip_prefix("STEP "))?;
    let (counts, text) = rest.split_once(':')?;
    let (number, _) = counts.trim().split_once('/')?;
    Some((number.parse().ok()?, text.trim()))
}

/// Docker prints 12 hex digits after the arrow, Buildah 11, full IDs 64.
fn is_image_id(text: &str) -> bool {
    let id = text.strip_prefix("sha256:").unwrap_or(text);
    id.len() >= 11 && id.chars().all(|c| c.is_ascii_hexdigit())
}

/// Docker's classic builder numbers every instruction, global ARGs included. A step is the instruction
/// at its number when the text agrees (the usual case); otherwise (a builder that numbers differently
/// or skips unused stages) the next instruction with the step's text, then with its keyword.
pub fn match_steps(model: &Model, steps: &mut [Step]) {
    let instructions = &model.file.instructions;
    let mut cursor = 0;
    for step in steps.iter_mut() {
        let by_number = step.number.saturating_sub(1);
        let keyword = step.text.split_whitespace().next().unwrap_or("");
        let agrees =
            |index: usize| instructions.get(index).is_some_and(|i| i.keyword.as_str().eq_ignore_ascii_case(keyword));
        let wanted = normalise(&step.text);
        let same_text =
            |index: usize| instructions.get(index).is_some_and(|i| normalise(i.span.slice(model.source)) == wanted);
        let found = Some(by_number)
            .filter(|&i| same_text(i))
            .or_else(|| (cursor..instructions.len()).find(|&i| same_text(i)))
            .or_else(|| Some(by_number).filter(|&i| agrees(i)))
            .or_else(|| (cursor..instructions.len()).find(|&i| agrees(i)));
        if let Some(index) = found {
            cursor = index + 1;
        }
        step.instruction = found;
    }
}

/// Instruction text with line continuations and runs of blanks collapsed, as builders print it.
fn normalise(text: &str) -> String {
    text.replace("\\\r\n", " ").replace("\\\n", " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCKER_LOG: &str = "Step 1/4 : FROM busybox AS build\n ---> 8d5b5d86afb0\nStep 2/4 : RUN echo hi\n ---> Using cache\n ---> fc3196d9dce4\nStep 3/4 : FROM busybox\n ---> 8d5b5d86afb0\nStep 4/4 : RUN make\n ---> Running in 004347c8ca2b\nmake: not found\n";

    #[test]
    fn docker_steps_cache_and_output_are_read() {
        let mut log = BuildLog::default();
        // Chunks split lines anywhere.
        let (a, b) = DOCKER_LOG.split_at(57);
        let mut started = log.feed(a);
        started.extend(log.feed(b));
        log.finish();
        assert_eq!(started, vec![0, 1, 2, 3]);
        assert_eq!(log.steps[1].text, "RUN echo hi");
        assert!(log.steps[1].cached && !log.steps[3].cached);
        assert_eq!(log.steps[1].image.as_deref(), Some("fc3196d9dce4"));
        assert_eq!(log.steps[3].containers, vec!["004347c8ca2b"]);
        assert_eq!(log.steps[3].output, vec!["make: not found"]);
    }

    #[test]
    fn escapes_are_dropped() {
        let mut log = BuildLog::default();
        log.feed("Step 1/1 : RUN false\n\u{1b}[91mboom\n\u{1b}[0m\u{1b}[91mRemoving intermediate container abc\n");
        assert_eq!(log.steps[0].output, vec!["boom"]);
    }

    #[test]
    fn podman_steps_are_read() {
        let mut log = BuildLog::default();
        log.feed(
            "STEP 1/2: FROM busybox\nSTEP 2/2: RUN true\n--> Using cache 0123456789abcdef0123\n--> 0123456789ab\n",
        );
        assert_eq!(log.steps.len(), 2);
        assert!(log.steps[1].cached);
        assert_eq!(log.steps[1].image.as_deref(), Some("0123456789ab"));
        // Multi-stage: a stage prefix, numbers within each stage, 11-digit IDs; matched to
        // instructions by text.
        let mut log = BuildLog::default();
        log.feed("[1/2] STEP 1/2: FROM busybox AS a\n[1/2] STEP 2/2: RUN true\n--> 496be31ed80\n");
        log.feed("[2/2] STEP 1/2: FROM busybox\n[2/2] STEP 2/2: COPY --from=a /x /x\n--> f520960d4d9\n");
        let texts: Vec<&str> = log.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["FROM busybox AS a", "RUN true", "FROM busybox", "COPY --from=a /x /x"]);
        assert_eq!(log.steps[1].image.as_deref(), Some("496be31ed80"));
        let source = "FROM busybox AS a\nRUN true\nFROM busybox\nCOPY --from=a /x /x\n";
        let file = crate::syntax::parse(source);
        log.match_instructions(&Model::build(source, &file));
        let matched: Vec<_> = log.steps.iter().map(|s| s.instruction).collect();
        assert_eq!(matched, [Some(0), Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn steps_match_instructions_after_global_args() {
        let source = "ARG V=1\nFROM busybox AS a\nRUN a \\\n  b\nFROM busybox\nCOPY --from=a /x /x\n";
        let file = crate::syntax::parse(source);
        let model = Model::build(source, &file);
        let mut steps: Vec<Step> =
            ["ARG V=1", "FROM busybox AS a", "RUN a    b", "FROM busybox", "COPY --from=a /x /x"]
                .iter()
                .enumerate()
                .map(|(n, text)| Step { number: n + 1, text: text.to_string(), ..Step::default() })
                .collect();
        match_steps(&model, &mut steps);
        let matched: Vec<_> = steps.iter().map(|s| s.instruction).collect();
        assert_eq!(matched, vec![Some(0), Some(1), Some(2), Some(3), Some(4)]);
        // A builder that skipped stage `a` numbers the rest from 1: matched by text instead.
        let mut skipped = vec![
            Step { number: 1, text: "FROM busybox".into(), ..Step::default() },
            Step { number: 2, text: "COPY --from=a /x /x".into(), ..Step::default() },
        ];
        match_steps(&model, &mut skipped);
        assert_eq!(skipped.iter().map(|s| s.instruction).collect::<Vec<_>>(), vec![Some(3), Some(4)]);
    }
}
