//! GitLab Code Quality JSON (a subset of Code Climate's issue format), which merge requests show as
//! code quality findings. Each finding carries a fingerprint GitLab matches across pipelines, so a
//! finding that only moved is not shown as fixed and new.

use super::stream::pretty;
use super::SortedFile;
use crate::lint::{Diagnostic, Severity};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's five levels; dlint's four are the lower ones, so `blocker` is not used.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Style => "info",
        Severity::Info => "minor",
        Severity::Warning => "major",
        Severity::Error => "critical",
    }
}

/// One issue per finding.
pub fn entries(file: &SortedFile) -> Vec<String> {
    // How often each (code, text) has been seen in the file, to tell identical findings apart.
    let mut occurrences: HashMap<(&str, String), u64> = HashMap::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let text = finding_text(file.source, d);
            let occurrence = occurrences.entry((d.code, text.clone())).or_default();
            let fingerprint = fingerprint(file.path, d.code, &text, *occurrence);
            *occurrence += 1;
            let (start, end) = file.range(d.span);
            pretty(&Issue {
                description: &d.message,
                check_name: d.code,
                fingerprint,
                severity: severity(d.severity),
                location: Location { path: file.path, lines: Lines { begin: start.line, end: end.line } },
            })
        })
        .collect()
}

fn finding_text(source: &str, d: &Diagnostic) -> String {
    let text = source.get(d.span.start..d.span.end).unwrap_or_default();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fingerprint that stays the same while the finding does: from its path, code, source text and how
/// many identical findings precede it in the file, never its line, so edits elsewhere do not change it.
fn fingerprint(path: &str, code: &str, text: &str, occurrence: u64) -> String {
    let mut hash = FNV_OFFSET_BASIS;
    // Each field is preceded by its length, so that no two inputs run together the same way.
    for field in [path.as_bytes(), code.as_bytes(), text.as_bytes()] {
        hash = fnv1a(hash, &(field.len() as u64).to_le_bytes());
        hash = fnv1a(hash, field);
    }
    format!("{:032x}", fnv1a(hash, &occurrence.to_le_bytes()))
}

const FNV_OFFSET_BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// FNV-1a (128 bits) of `bytes`, continuing from `hash`: defined here, unlike std's hashers, it is the
/// same on every machine and Rust version.
fn fnv1a(hash: u128, bytes: &[u8]) -> u128 {
    bytes.iter().fold(hash, |hash, byte| (hash ^ u128::from(*byte)).wrapping_mul(FNV_PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_1a_matches_its_published_test_vectors() {
        assert_eq!(fnv1a(FNV_OFFSET_BASIS, b"a"), 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
        assert_eq!(fnv1a(FNV_OFFSET_BASIS, b"foobar"), 0x343e_1662_793c_64bf_6f0d_3597_ba44_6f18);
    }

    #[test]
    fn fingerprints_differ_in_every_field() {
        let base = fingerprint("Dockerfile", "DL3008", "curl", 0);
        assert_eq!(base, fingerprint("Dockerfile", "DL3008", "curl", 0));
        for other in [
            fingerprint("x/Dockerfile", "DL3008", "curl", 0),
            fingerprint("Dockerfile", "DL3018", "curl", 0),
            fingerprint("Dockerfile", "DL3008", "wget", 0),
            fingerprint("Dockerfile", "DL3008", "curl", 1),
            fingerprint("DockerfileD", "L3008", "curl", 0),
        ] {
            assert_ne!(base, other);
        }
    }
}
