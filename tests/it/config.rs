//! Config schema errors (through the library) and discovery (through the binary).

use crate::{dlint, write};
use dlint::config::{parse, KnownRules};
use std::path::Path;

fn error_of(text: &str) -> String {
    let known = KnownRules::new(["DL3008", "DL3059", "pin-versions"]);
    parse(text, Path::new("dlint.toml"), &known).unwrap_err().to_string()
}

#[test]
fn unknown_field_names_file_line_and_column() {
    let error = error_of("ignore = []\n\nselcet = [\"DL3008\"]\n");
    assert!(error.starts_with("dlint.toml:3:1: unknown field `selcet`, expected one of"), "{error}");
    assert!(error.ends_with("; did you mean `select`?"), "{error}");
}

#[test]
fn unknown_nested_field() {
    let error = error_of("[options]\ntrusted-registry = []\n");
    assert!(error.starts_with("dlint.toml:2:1: unknown field `trusted-registry`"), "{error}");
    assert!(error.ends_with("did you mean `trusted-registries`?"), "{error}");
    let far = error_of("[options]\ncompletely-different = []\n");
    assert!(!far.contains("did you mean"), "{far}");
}

#[test]
fn wrong_type() {
    let error = error_of("ignore = \"DL3008\"\n");
    assert!(error.starts_with("dlint.toml:1:10: invalid type: string \"DL3008\", expected a sequence"), "{error}");
    let error = error_of("[options]\nstrict-labels = \"yes\"\n");
    assert!(error.starts_with("dlint.toml:2:17: invalid type: string"), "{error}");
}

#[test]
fn unknown_codes_in_every_list_with_suggestion() {
    assert_eq!(
        error_of("select = [\"DL3008\", \"DL3009\"]\n"),
        "dlint.toml:1:21: unknown rule `DL3009`; did you mean `DL3008`?"
    );
    assert_eq!(error_of("ignore = [\"nope\"]\n"), "dlint.toml:1:11: unknown rule `nope`");
    assert_eq!(error_of("extend-select = [\"DF999\"]\n"), "dlint.toml:1:18: unknown rule `DF999`");
    assert_eq!(
        error_of("[severity]\nDL3O08 = \"error\"\n"),
        "dlint.toml:2:1: unknown rule `DL3O08`; did you mean `DL3008`?"
    );
}

#[test]
fn codes_are_case_insensitive_and_all_is_accepted() {
    let known = KnownRules::new(["DL3008"]);
    let settings = parse("select = [\"all\"]\nignore = [\"dl3008\"]\n", Path::new("dlint.toml"), &known).unwrap();
    assert!(settings.select.unwrap().contains("ALL"));
    assert!(settings.ignore.contains("DL3008"));
}

#[test]
fn unknown_severity() {
    let error = error_of("[severity]\nDL3008 = \"fatal\"\n");
    assert!(error.starts_with("dlint.toml:2:10: unknown variant `fatal`, expected one of"), "{error}");
    let error = error_of("fail-level = \"high\"\n");
    assert!(error.starts_with("dlint.toml:1:14: unknown variant `high`"), "{error}");
}

#[test]
fn invalid_toml() {
    let error = error_of("select = [\n");
    assert!(error.starts_with("dlint.toml:"), "{error}");
}

const BROKEN: &str = "selcet = []\n";

/// A tree with a broken config at the top and a valid one nearer to `sub/Dockerfile`.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "dlint.toml", BROKEN);
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "sub/.dlint.toml", "ignore = []\n");
    write(dir.path(), "sub/Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "valid.toml", "fail-level = \"error\"\n");
    dir
}

#[test]
fn nearest_config_wins() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "sub/Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(&dir.path().join("sub"), &["check", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn broken_config_found_by_discovery_is_an_error() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: dlint.toml:1:1: unknown field `selcet`"), "{}", out.stderr);
    // Discovery walks up from the file, not from the working directory.
    let out = dlint(&dir.path().join("sub"), &["check", "../Dockerfile"], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn config_flag_overrides_discovery_and_no_config_disables_it() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "--config", "valid.toml", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(dir.path(), &["check", "--no-config", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(&dir.path().join("sub"), &["--config", "../dlint.toml", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: ../dlint.toml:1:1: unknown field"), "{}", out.stderr);
    let out = dlint(dir.path(), &["--config", "missing.toml", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: missing.toml: "), "{}", out.stderr);
}

#[test]
fn stdin_discovers_config_from_stdin_filename() {
    let dir = tree();
    let out = dlint(
        dir.path(),
        &["check", "--stdin-filename", "sub/Dockerfile", "-"],
        Some("FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(
        dir.path(),
        &["check", "--stdin-filename", "Dockerfile", "-"],
        Some("FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n"),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn hadolint_configs_apply_where_no_dlint_config_is_nearer() {
    let dir = tempfile::tempdir().unwrap();
    let dockerfile = "FROM debian\nUSER nobody\nHEALTHCHECK NONE\n";
    write(dir.path(), "a/Dockerfile", dockerfile);
    write(dir.path(), "a/.hadolint.yaml", "ignored:\n  - DL3006\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "a/Dockerfile"], None);
    assert_eq!(out.code, 0, "DL3006 is ignored by hadolint's config: {}", out.stdout);

    write(dir.path(), "b/Dockerfile", dockerfile);
    write(dir.path(), "b/.hadolint.yml", "override:\n  error: [DL3006]\nfailure-threshold: error\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "b/Dockerfile"], None);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("\"severity\": \"error\""), "{}", out.stdout);
    write(dir.path(), "b/.hadolint.yml", "no-fail: true\n");
    assert_eq!(dlint(dir.path(), &["check", "b/Dockerfile"], None).code, 0, "no-fail never fails");

    write(dir.path(), "c/Dockerfile", dockerfile);
    write(dir.path(), "c/.hadolint.yaml", "ignored: [DL3006]\n");
    write(dir.path(), "c/dlint.toml", "ignore = []\n");
    assert_eq!(dlint(dir.path(), &["check", "c/Dockerfile"], None).code, 1, "dlint.toml wins in one directory");

    let commented = "# hadolint ignore=DL3006\nFROM debian\n# dlint ignore=DL3007\nFROM debian:latest\nUSER nobody\nHEALTHCHECK NONE\n";
    write(dir.path(), "e/Dockerfile", commented);
    write(dir.path(), "e/.hadolint.yaml", "ignored: [DL3059]\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "e/Dockerfile"], None);
    assert!(!out.stdout.contains("DL3006") && !out.stdout.contains("DL3007"), "{}", out.stdout);
    write(dir.path(), "e/.hadolint.yaml", "disable-ignore-pragma: true\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "e/Dockerfile"], None);
    assert!(out.stdout.contains("DL3006"), "hadolint comments are off: {}", out.stdout);
    assert!(!out.stdout.contains("DL3007"), "dlint's own comments still apply: {}", out.stdout);

    write(dir.path(), "d/Dockerfile", dockerfile);
    write(dir.path(), "d/.hadolint.yaml", "ignored: [DL3006]\nfailure-threshold: maybe\n");
    let out = dlint(dir.path(), &["check", "d/Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("d/.hadolint.yaml:2:20: failure-threshold: unknown variant `maybe`"), "{}", out.stderr);
}

/// The settings config discovery finds for a Dockerfile in `dir`.
fn discovered_settings(dir: &Path) -> dlint::lint::Settings {
    use dlint::config::{ConfigSource, Overrides, Resolver};
    let mut resolver = Resolver::new(ConfigSource::Discover, Overrides::default(), KnownRules::registry()).unwrap();
    (*resolver.settings_for(&dir.join("Dockerfile")).unwrap()).clone()
}

#[test]
fn migrated_configs_mean_what_the_hadolint_configs_mean() {
    for name in ["empty", "everything", "ignores", "overrides"] {
        let yaml =
            std::fs::read_to_string(crate::support::repo_path(&format!("testdata/hadolint/{name}.yaml"))).unwrap();
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "hadolint/.hadolint.yaml", &yaml);
        write(dir.path(), "dlint/.keep", "");
        let out = dlint(dir.path(), &["migrate", "hadolint", "--output", "dlint/dlint.toml"], None);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let migrated = std::fs::read_to_string(dir.path().join("dlint/dlint.toml")).unwrap();
        assert_eq!(
            discovered_settings(&dir.path().join("hadolint")),
            discovered_settings(&dir.path().join("dlint")),
            "{name}:\n{migrated}"
        );
        insta::assert_snapshot!(format!("migrate_{name}"), migrated);
    }
}

#[test]
fn migrate_writes_beside_the_hadolint_config_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p/.hadolint.yml", "ignored: [DL3006]\n");
    let out = dlint(dir.path(), &["migrate", "p"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(dir.path().join("p/dlint.toml")).unwrap();
    assert!(written.contains("ignore = [\"DL3006\"]"), "{written}");
    let out = dlint(dir.path(), &["migrate", "p/.hadolint.yml"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("p/dlint.toml already exists; pass --force"), "{}", out.stderr);
    write(dir.path(), "p/.hadolint.yml", "ignored: [DL3007]\n");
    assert_eq!(dlint(dir.path(), &["migrate", "--force", "p"], None).code, 0);
    assert!(std::fs::read_to_string(dir.path().join("p/dlint.toml")).unwrap().contains("DL3007"));
    let out = dlint(&dir.path().join("p"), &["migrate", "--output", "-"], None);
    assert!(out.stdout.starts_with("# dlint configuration, written by `dlint migrate`"), "{}", out.stdout);

    let out = dlint(dir.path(), &["migrate", "nowhere"], None);
    assert_eq!(out.code, 2);
    write(dir.path(), "q/.hadolint.yaml", "failure-threshold: maybe\n");
    let out = dlint(dir.path(), &["migrate", "q"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("q/.hadolint.yaml:1:20: "), "{}", out.stderr);
}

#[test]
fn new_keys_parse() {
    let known = KnownRules::registry();
    let text =
        "external = [\"XX100\"]\nignore = [\"XX100\", \"sc2086\"]\nfail-level = \"never\"\nhadolint-pragmas = false\n";
    let settings = parse(text, Path::new("dlint.toml"), &known).unwrap();
    assert_eq!(settings.fail_level, None);
    assert!(!settings.hadolint_pragmas);
    assert!(settings.ignore.contains("XX100") && settings.ignore.contains("SC2086"), "{:?}", settings.ignore);
    let error = parse("ignore = [\"XX100\"]\n", Path::new("dlint.toml"), &known).unwrap_err();
    assert_eq!(error.to_string(), "dlint.toml:1:11: unknown rule `XX100`");
}

/// The keys serde names in its "unknown field" error for a table: the keys the parser accepts.
fn parser_keys(table: &str) -> Vec<String> {
    let error = parse(&format!("{table}\nno-such-key = 1\n"), Path::new("dlint.toml"), &KnownRules::registry())
        .unwrap_err()
        .message;
    let expected = error.split("expected one of").nth(1).unwrap_or_else(|| panic!("{error}"));
    expected.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn schema_lists_exactly_the_keys_the_parser_accepts() {
    use dlint::config::schema::json_schema;
    let schema = json_schema();
    let keys = |object: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = object["properties"].as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let sorted = |mut keys: Vec<String>| {
        keys.sort();
        keys
    };
    assert_eq!(keys(&schema), sorted(parser_keys("")));
    assert_eq!(keys(&schema["properties"]["options"]), sorted(parser_keys("[options]")));
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["options"]["additionalProperties"], false);
    let rules = schema["$defs"]["rule"]["anyOf"][0]["enum"].as_array().unwrap();
    assert!(rules.iter().any(|rule| rule == "DL3008") && rules.iter().any(|rule| rule == "ALL"));
    assert_eq!(
        schema["properties"]["fail-level"]["enum"],
        serde_json::json!(["style", "info", "warning", "error", "never"])
    );
    for (name, property) in schema["properties"].as_object().unwrap() {
        assert!(property["description"].is_string(), "{name} has a description");
    }
}

#[test]
fn every_key_the_schema_lists_parses() {
    use dlint::config::schema::{Kind, KEYS};
    fn sample(kind: Kind) -> String {
        match kind {
            Kind::Rules => "[\"DL3008\"]".into(),
            Kind::Severities => "{ DL3008 = \"error\" }".into(),
            Kind::FailLevel => "\"never\"".into(),
            Kind::Bool => "true".into(),
            Kind::Strings => "[\"docker.io\"]".into(),
            Kind::StringMap => "{ maintainer = \"text\" }".into(),
            Kind::Table(keys) => {
                let entries: Vec<String> =
                    keys.iter().map(|key| format!("{} = {}", key.name, sample(key.kind))).collect();
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }
    for key in KEYS {
        let text = format!("{} = {}\n", key.name, sample(key.kind));
        parse(&text, Path::new("dlint.toml"), &KnownRules::registry()).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
    let out = dlint(Path::new("."), &["config", "--schema"], None);
    assert_eq!(out.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed, dlint::config::schema::json_schema());
}

#[test]
fn environment_variables_sit_between_command_line_and_config() {
    use crate::dlint_with_env;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM debian\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "dlint.toml", "fail-level = \"error\"\n");
    let run = |args: &[&str], vars: &[(&str, &str)]| dlint_with_env(dir.path(), args, None, vars);
    // DL3006 (no tag) is a warning: the config's fail level lets it pass.
    assert_eq!(run(&["Dockerfile"], &[]).code, 0);
    assert_eq!(run(&["Dockerfile"], &[("DLINT_FAIL_LEVEL", "warning")]).code, 1, "environment over config");
    assert_eq!(
        run(&["--fail-level", "error", "Dockerfile"], &[("DLINT_FAIL_LEVEL", "warning")]).code,
        0,
        "flag over environment"
    );
    assert_eq!(run(&["Dockerfile"], &[("DLINT_OVERRIDE_ERROR", "DL3006,DL3007")]).code, 1);
    assert_eq!(run(&["--override-error", "DL3006", "Dockerfile"], &[]).code, 1);
    let vars = [("DLINT_OVERRIDE_ERROR", "DL3006"), ("DLINT_NO_FAIL", "true")];
    assert_eq!(run(&["Dockerfile"], &vars).code, 0);
    assert_eq!(run(&["--no-fail", "--override-error", "DL3006", "Dockerfile"], &[]).code, 0);
    assert_eq!(run(&["Dockerfile"], &[("DLINT_NO_CONFIG", "1")]).code, 1, "defaults fail at info");
    // A setting on the command line wins over its opposite in the environment.
    assert_eq!(run(&["--fail-level", "warning", "Dockerfile"], &[("DLINT_NO_FAIL", "1")]).code, 1);
    assert_eq!(run(&["--no-config", "Dockerfile"], &[("DLINT_CONFIG", "missing.toml")]).code, 1);
    assert_eq!(run(&["--config", "dlint.toml", "Dockerfile"], &[("DLINT_NO_CONFIG", "true")]).code, 0);
    let out = run(&["--config", "dlint.toml", "--no-config", "Dockerfile"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot be used with '--no-config'"), "{}", out.stderr);
    write(dir.path(), "other.toml", "ignore = [\"DL3006\"]\n");
    let out =
        run(&["--format", "json", "Dockerfile"], &[("DLINT_CONFIG", "other.toml"), ("DLINT_FAIL_LEVEL", "never")]);
    assert_eq!(out.code, 0);
    assert!(!out.stdout.contains("DL3006"), "{}", out.stdout);
    let out = run(&["Dockerfile"], &[("DLINT_FORMAT", "json"), ("DLINT_IGNORE", "DL3006")]);
    assert_eq!(out.stdout.trim(), "[]");
    let out = run(&["Dockerfile"], &[("DLINT_FORMAT", "json"), ("DLINT_SELECT", "DL3006,DL3007")]);
    assert!(out.stdout.contains("DL3006"), "{}", out.stdout);
    let out = run(
        &["Dockerfile"],
        &[("DLINT_FORMAT", "json"), ("DLINT_SELECT", "DL3007"), ("DLINT_EXTEND_SELECT", "DL3006")],
    );
    assert!(out.stdout.contains("DL3006"), "{}", out.stdout);

    write(dir.path(), "trusted/Dockerfile", "FROM quay.io/x/y:1\nUSER nobody\nHEALTHCHECK NONE\n");
    write(
        dir.path(),
        "trusted/dlint.toml",
        "extend-select = [\"DL3026\"]\n[options]\ntrusted-registries = [\"docker.io\"]\n",
    );
    let trusted =
        |vars: &[(&str, &str)]| dlint_with_env(dir.path(), &["--format", "json", "trusted/Dockerfile"], None, vars);
    assert!(trusted(&[]).stdout.contains("DL3026"));
    assert!(!trusted(&[("DLINT_TRUSTED_REGISTRIES", "ghcr.io,quay.io")]).stdout.contains("DL3026"));

    write(dir.path(), "pragma/Dockerfile", "# hadolint ignore=DL3006\nFROM debian\nUSER nobody\nHEALTHCHECK NONE\n");
    assert_eq!(run(&["pragma/Dockerfile"], &[("DLINT_FAIL_LEVEL", "warning")]).code, 0);
    let vars = [("DLINT_FAIL_LEVEL", "warning"), ("DLINT_DISABLE_IGNORE_PRAGMA", "yes")];
    assert_eq!(run(&["pragma/Dockerfile"], &vars).code, 1);
    assert_eq!(run(&["--disable-ignore-pragma", "--fail-level", "warning", "pragma/Dockerfile"], &[]).code, 1);

    let out = run(&["Dockerfile"], &[("DLINT_FAIL_LEVEL", "sometimes")]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: environment variable DLINT_FAIL_LEVEL: invalid value 'sometimes'"),
        "{}",
        out.stderr
    );
    let out = run(&["Dockerfile"], &[("DLINT_STRICT_LABELS", "perhaps")]);
    assert!(out.stderr.starts_with("error: environment variable DLINT_STRICT_LABELS: "), "{}", out.stderr);
    let out = run(&["Dockerfile"], &[("DLINT_IGNORE", "DL9999")]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("DL9999"), "{}", out.stderr);
}

/// The migration promise: a project hadolint lints clean, with its `.hadolint.yaml` and its
/// `# hadolint ignore=` comments, gets no errors from dlint (new warnings come only from rules hadolint
/// lacks). When hadolint is installed where `scripts/hadolint-clean.py` puts it, the fixture is checked
/// to be clean by hadolint too.
#[test]
fn a_project_hadolint_lints_clean_gets_no_errors() {
    let project = crate::support::repo_path("testdata/hadolint-clean");
    let out = dlint(&project, &["check", "--format", "json", "."], None);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(!findings.is_empty(), "the fixture exercises rules hadolint lacks");
    for finding in &findings {
        assert_ne!(finding["severity"], "error", "{finding}");
        let hadolint_code = finding["code"].as_str().unwrap().starts_with("DL");
        assert!(!hadolint_code || finding["severity"] == "info", "{finding}");
    }
    let peers = std::env::var_os("TMPDIR").map_or_else(|| "/tmp".into(), std::path::PathBuf::from);
    let hadolint = peers.join("dlint-peers/venv/bin/hadolint");
    if hadolint.exists() {
        let verdict = std::process::Command::new(hadolint)
            .args(["service/Dockerfile", "tools/Dockerfile"])
            .current_dir(&project)
            .output()
            .unwrap();
        assert!(verdict.status.success() && verdict.stdout.is_empty(), "{}", String::from_utf8_lossy(&verdict.stdout));
    }
}

/// The example in README's Configuration section, every dlint.toml under testdata/, and the files
/// `dlint migrate` writes for the fixtures fit the schema, and the parser reads them; configs the
/// parser rejects do not fit it.
#[test]
fn the_projects_configs_fit_the_schema() {
    use crate::support::repo_path;
    let validator = jsonschema::validator_for(&dlint::config::schema::json_schema()).expect("a valid schema");
    let errors = |text: &str| -> Vec<String> {
        let value = serde_json::to_value(toml::from_str::<toml::Value>(text).unwrap()).unwrap();
        validator.iter_errors(&value).map(|error| format!("{}: {error}", error.instance_path())).collect()
    };
    let readme = std::fs::read_to_string(repo_path("README.md")).unwrap();
    let section = readme.split("## Configuration").nth(1).unwrap();
    let example = section.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    let mut configs = vec![("README.md".to_owned(), example.to_owned())];
    let testdata = ignore::WalkBuilder::new(repo_path("testdata")).hidden(false).build();
    for entry in testdata.map(Result::unwrap) {
        let name = entry.file_name().to_string_lossy();
        if name == "dlint.toml" || name == ".dlint.toml" {
            configs.push((entry.path().display().to_string(), std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    for name in ["empty", "ignores", "overrides"] {
        let snapshot =
            std::fs::read_to_string(repo_path(&format!("tests/it/snapshots/it__config__migrate_{name}.snap")));
        let text = snapshot.unwrap();
        configs.push((name.to_owned(), text.splitn(3, "---\n").nth(2).unwrap().to_owned()));
    }
    assert!(configs.len() >= 5, "{configs:?}");
    for (name, text) in &configs {
        assert_eq!(errors(text), Vec::<String>::new(), "{name}");
        parse(text, Path::new(name), &KnownRules::registry()).unwrap_or_else(|e| panic!("{e}"));
    }
    for wrong in ["selcet = []", "fail-level = \"sometimes\"", "ignore = [\"DL9999\"]", "[options]\nstrict-labels = 1"]
    {
        assert!(!errors(wrong).is_empty(), "{wrong}");
        assert!(parse(wrong, Path::new("dlint.toml"), &KnownRules::registry()).is_err(), "{wrong}");
    }
}

#[test]
fn config_shows_the_settings_that_apply_as_dlint_toml() {
    let dir = tempfile::tempdir().unwrap();
    let text = "select = [\"ALL\"]\nextend-select = [\"DF005\"]\nignore = [\"apt-unpinned-package\", \"SC2086\"]\n\
                fail-level = \"never\"\nshellcheck = true\nhadolint-pragmas = false\nexternal = [\"XY100\"]\n\
                [severity]\nXY100 = \"error\"\nDL3008 = \"style\"\n[options]\nstrict-labels = true\n\
                [options.label-schema]\n\"org.opencontainers.image.url\" = \"url\"\n";
    write(dir.path(), "app/dlint.toml", text);
    let out = dlint(dir.path(), &["config", "app/sub/Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let known = KnownRules::registry();
    let shown = parse(&out.stdout, Path::new("shown"), &known).unwrap_or_else(|e| panic!("{e}\n{}", out.stdout));
    assert_eq!(shown, parse(text, Path::new("app/dlint.toml"), &known).unwrap(), "{}", out.stdout);
    let out = dlint(dir.path(), &["config", "--no-config"], None);
    assert_eq!(parse(&out.stdout, Path::new("shown"), &known).unwrap(), dlint::lint::Settings::default());
}
