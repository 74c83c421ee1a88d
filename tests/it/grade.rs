//! `dlint grade` over the mock class in testdata/grading: scores against hand-worked expectations,
//! byte-identical CSV and JSON against golden files, feedback, the HTML report, rubric errors.

use crate::support::{has_program, output_within, repo_path};
use crate::{dlint, dlint_with_env, write};
use std::path::Path;

/// The mock class in a temporary folder, with the hand-ins git cannot hold: an empty folder, a binary
/// Dockerfile and a Dockerfile that links outside its folder. Returns the folder holding `class/`,
/// `rubric.toml` and `submitted.csv`.
pub fn mock_class() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let class = temp.path().join("class");
    copy_dir(&repo_path("testdata/grading/class"), &class);
    for file in ["rubric.toml", "submitted.csv"] {
        std::fs::copy(repo_path("testdata/grading").join(file), temp.path().join(file)).unwrap();
    }
    std::fs::create_dir(class.join("ora")).unwrap();
    write(&class, "ora/.gitkeep", "");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    write(&class, "quinn/Dockerfile", garbage);
    write(temp.path(), "outside/secret.txt", "FROM busybox\nRUN echo the grader's secret\n");
    std::fs::create_dir(class.join("yan")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(temp.path().join("outside/secret.txt"), class.join("yan/Dockerfile")).unwrap();
    temp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn grade(dir: &Path, format: &str) -> String {
    let out = dlint(dir, &["grade", "class", "--rubric", "rubric.toml", "--format", format, "--quiet"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn scores_match_the_hand_worked_expectations() {
    let temp = mock_class();
    let csv = grade(temp.path(), "csv");
    let scores: Vec<(String, String)> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(2).map(str::to_owned).collect::<Vec<_>>())
        .map(|v| (v[0].clone(), v[1].clone()))
        .collect();
    let expected_text = std::fs::read_to_string(repo_path("testdata/grading/expected.csv")).unwrap();
    let expected: Vec<(String, String)> = expected_text
        .lines()
        .skip(1)
        .map(|l| {
            let mut fields = l.splitn(3, ',');
            (fields.next().unwrap().to_owned(), fields.next().unwrap().to_owned())
        })
        .collect();
    assert!(expected.len() >= 30);
    assert_eq!(scores, expected);
}

#[test]
fn csv_and_json_are_byte_identical_to_the_golden_files() {
    let temp = mock_class();
    for (format, golden) in [("csv", "class.csv"), ("json", "class.json")] {
        let report = grade(temp.path(), format);
        // Graded again with one thread: the order of work must not show in the output.
        let again = dlint_with_env(
            temp.path(),
            &["grade", "class", "--rubric", "rubric.toml", "--format", format, "--quiet"],
            None,
            &[("RAYON_NUM_THREADS", "1")],
        );
        assert_eq!(report, again.stdout);
        let path = repo_path("testdata/grading").join(golden);
        if std::env::var_os("DLINT_UPDATE_GRADING").is_some() {
            std::fs::write(&path, &report).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap();
        assert!(report == expected, "{golden} differs; DLINT_UPDATE_GRADING=1 rewrites it:\n{report}");
    }
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let temp = mock_class();
    let report: serde_json::Value = serde_json::from_str(&grade(temp.path(), "json")).unwrap();
    let submissions = report["submissions"].as_array().unwrap();
    let ids: Vec<&str> = submissions.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let bea = submissions.iter().find(|s| s["id"] == "bea").unwrap();
    assert_eq!((bea["score"].as_f64(), bea["max_score"].as_f64()), (Some(3.0), Some(14.0)));
    let healthcheck = bea["items"].as_array().unwrap().iter().find(|i| i["id"] == "healthcheck").unwrap();
    assert_eq!((healthcheck["points"].as_f64(), healthcheck["max_points"].as_f64()), (Some(0.0), Some(1.0)));
    let reason = &healthcheck["reasons"][0];
    assert_eq!((reason["line"].as_u64(), reason["source"].as_str()), (Some(1), Some("FROM dlint-test/busybox:latest")));
    let yan = submissions.iter().find(|s| s["id"] == "yan").unwrap();
    assert_eq!(yan["note"], "the Dockerfile is a link to a file outside the submission");
    assert!(report["rubric"]["items"].as_array().unwrap().iter().any(|i| i["id"] == "builds" && i["runtime"] == true));
}

#[test]
fn feedback_explains_every_lost_point() {
    let temp = mock_class();
    let out = dlint(
        temp.path(),
        &["grade", "class", "--rubric", "rubric.toml", "--format", "html", "--output", "report/class.html"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("35 submissions graded"), "{}", out.stderr);
    let feedback = temp.path().join("report/feedback");
    let bea = std::fs::read_to_string(feedback.join("bea.md")).unwrap();
    insta::assert_snapshot!("grade_feedback_bea", bea);
    // Rule docs are written beside the feedback, for the links to work offline.
    assert!(feedback.join("rules/DL3007.md").is_file());
    let ada = std::fs::read_to_string(feedback.join("ada.md")).unwrap();
    assert!(ada.contains("**Score: 14 / 14**") && ada.contains("Every item of the rubric is met"));
    let yan = std::fs::read_to_string(feedback.join("yan.md")).unwrap();
    assert!(!yan.contains("secret"), "a linked file's text must not reach the feedback: {yan}");
    let html = std::fs::read_to_string(temp.path().join("report/class.html")).unwrap();
    for part in
        ["<svg id=\"histogram\"", "<svg id=\"items\"", "<table id=\"students\"", "<a href=\"feedback/bea.md\">bea</a>"]
    {
        assert!(html.contains(part), "{part} missing");
    }
    assert!(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from the network");
}

#[test]
fn a_flat_folder_of_dockerfiles_is_a_class() {
    let temp = tempfile::tempdir().unwrap();
    write(temp.path(), "hand-ins/amy.Dockerfile", "FROM alpine:3.20\nUSER 1000\nCMD [\"sh\"]\n");
    write(temp.path(), "hand-ins/bob.dockerfile", "FROM alpine\nCMD sh\n");
    write(temp.path(), "hand-ins/notes.txt", "not a submission\n");
    let out = dlint(temp.path(), &["grade", "hand-ins", "--format", "csv"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<&str> = out.stdout.lines().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(rows, ["id", "amy", "bob"]);
    assert!(out.stderr.contains("2 items need a build and were not graded"), "{}", out.stderr);

    let tty = dlint(temp.path(), &["grade", "hand-ins", "-q"], None);
    let lines: Vec<&str> = tty.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", tty.stdout);
    assert!(lines[1].starts_with("bob") && lines[1].contains("lost: pinned-base"), "{}", tty.stdout);
    assert!(lines[2].starts_with("2 submissions, 2 graded, mean "), "{}", tty.stdout);
    assert!(tty.stderr.is_empty(), "--quiet: {}", tty.stderr);

    let out = dlint(temp.path(), &["grade", "hand-ins", "--format", "markdown", "--output", "report/class.md"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let markdown = std::fs::read_to_string(temp.path().join("report/class.md")).unwrap();
    assert!(markdown.contains("| [amy](feedback/amy.md) | "), "{markdown}");
    assert!(
        markdown.contains("## Most frequent findings")
            && markdown.contains("| DL3006 | 1 | 1 | bob line 1: `FROM alpine` |"),
        "{markdown}"
    );
    assert!(temp.path().join("report/feedback/bob.md").is_file());
}

#[test]
fn a_bad_rubric_is_an_error_with_line_and_column() {
    let temp = tempfile::tempdir().unwrap();
    write(temp.path(), "class/a/Dockerfile", "FROM alpine:3.20\n");
    write(temp.path(), "rubric.toml", "[[item]]\nid = \"pin\"\npoints = 2\ncodes = [\"DL3006\", \"DL3070\"]\n");
    let out = dlint(temp.path(), &["grade", "class", "--rubric", "rubric.toml"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: rubric.toml:4:20: unknown rule `DL3070`"), "{}", out.stderr);
    write(temp.path(), "rubric.toml", "[[item]]\nid = \"pin\"\npoints = \"two\"\nrequire = \"builds\"\n");
    let out = dlint(temp.path(), &["grade", "class", "--rubric", "rubric.toml"], None);
    assert!(out.stderr.starts_with("error: rubric.toml:3:10: "), "{}", out.stderr);
    let out = dlint(temp.path(), &["grade", "missing", "--rubric", "rubric.toml"], None);
    assert_eq!(out.code, 2);
}

#[test]
fn the_built_in_rubric_prints_and_grades() {
    let temp = tempfile::tempdir().unwrap();
    let out = dlint(temp.path(), &["grade", "--print-rubric"], None);
    assert_eq!(out.code, 0);
    write(temp.path(), "rubric.toml", &out.stdout);
    write(temp.path(), "class/a/Dockerfile", "FROM alpine:3.20\n");
    let with_file = dlint(temp.path(), &["grade", "class", "--rubric", "rubric.toml", "--format", "csv"], None);
    let built_in = dlint(temp.path(), &["grade", "class", "--format", "csv"], None);
    assert_eq!(with_file.code, 0, "{}", with_file.stderr);
    assert_eq!(with_file.stdout, built_in.stdout);
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    if !has_program("chromium", "--version") {
        return;
    }
    let temp = mock_class();
    let out = dlint(
        temp.path(),
        &["grade", "class", "--rubric", "rubric.toml", "--format", "html", "--output", "class.html"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = format!("file://{}", temp.path().join("class.html").display());
    let profile = temp.path().join("profile");
    let browse = |extra: &[&str]| {
        let mut chromium = std::process::Command::new("chromium");
        chromium
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,2600"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(&page)
            .current_dir(temp.path());
        let (status, stdout, _) = output_within(&mut chromium, std::time::Duration::from_secs(120));
        assert!(status.success());
        stdout
    };
    // The table as the browser built it: one row per student under the header.
    let dom = browse(&["--dump-dom"]);
    let students = dom.split("<table id=\"students\">").nth(1).and_then(|t| t.split("</table>").next()).unwrap();
    assert_eq!(students.matches("<tr>").count(), 35 + 1, "{students}");

    // The charts as the browser drew them: pixels in the histogram's and the item bars' colours.
    let shot = temp.path().join("report.png");
    browse(&[&format!("--screenshot={}", shot.display())]);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    let channels = frame.color_type.samples();
    let count = |rgb: [u8; 3]| {
        pixels[..frame.buffer_size()]
            .chunks(channels)
            .filter(|p| p[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 6))
            .count()
    };
    let (histogram, items) = (count([0x3b, 0x7d, 0xd8]), count([0x2e, 0x9d, 0x5b]));
    assert!(histogram > 2_000 && items > 2_000, "chart pixels: histogram {histogram}, items {items}");
}

/// What `--run` cannot do is an error before any build: keeping images, or grading the cache
/// rebuild, which would have students' builds share layers.
#[cfg(feature = "docker")]
#[test]
fn run_options_that_would_mix_students_are_refused() {
    let temp = tempfile::tempdir().unwrap();
    write(temp.path(), "class/a/Dockerfile", "FROM alpine:3.20\n");
    write(temp.path(), "rubric.toml", "[[item]]\nid = \"cache\"\npoints = 1\ncodes = [\"DR006\"]\n");
    let out = dlint(temp.path(), &["grade", "class", "--rubric", "rubric.toml", "--run"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("the rubric names DR006"), "{}", out.stderr);
    let out = dlint(temp.path(), &["grade", "class", "--run", "--keep", "mine:1"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--keep: not with `dlint grade`"), "{}", out.stderr);
    let out = dlint(temp.path(), &["grade", "class", "--run", "--memory", "lots"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: --memory lots: expected a size"), "{}", out.stderr);
}
