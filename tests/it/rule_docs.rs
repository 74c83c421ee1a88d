//! Every rule's documentation examples are executed: `bad` blocks must report the rule, `good`
//! blocks must not, and a `fixed` block is what applying the fixes (unsafe ones too) to the preceding
//! `bad` block gives.

use crate::support::only;
use dlint::lint::Settings;
use dlint::rules;

struct Example {
    kind: String,
    options: Vec<(String, String)>,
    text: String,
    line: usize,
}

fn examples(doc: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut current: Option<Example> = None;
    for (number, line) in doc.lines().enumerate() {
        match &mut current {
            None => {
                if let Some(info) = line.strip_prefix("```dockerfile") {
                    let mut words = info.split_whitespace();
                    let kind = words.next().unwrap_or("").to_string();
                    let options =
                        words.filter_map(|w| w.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
                    current = Some(Example { kind, options, text: String::new(), line: number + 1 });
                }
            }
            Some(example) if line == "```" => {
                out.push(std::mem::replace(
                    example,
                    Example { kind: String::new(), options: vec![], text: String::new(), line: 0 },
                ));
                current = None;
            }
            Some(example) => {
                example.text.push_str(line);
                example.text.push('\n');
            }
        }
    }
    assert!(current.is_none(), "unclosed code block");
    out
}

fn settings_for(code: &str, options: &[(String, String)]) -> Settings {
    let mut settings = only(code);
    for (key, value) in options {
        match key.as_str() {
            "trusted-registries" => settings.options.trusted_registries = value.split(',').map(String::from).collect(),
            "extend-select" => settings.extend_select.extend(value.split(',').map(String::from)),
            "dockerignore" => {
                let lines = value.replace(',', "\n");
                settings.options.dockerignore = Some(dlint::lint::dockerignore::Dockerignore::parse(&lines));
            }
            "strict-labels" => settings.options.strict_labels = value == "true",
            other => match other.strip_prefix("label-schema.") {
                Some(label) => {
                    settings.options.label_schema.insert(label.to_string(), value.clone());
                }
                None => panic!("unknown example option `{other}`"),
            },
        }
    }
    settings
}

#[test]
fn every_rule_has_examples_that_hold() {
    let mut failures = Vec::new();
    // Runtime rules' examples are build contexts, checked against a real engine (tests/it/docker.rs).
    for info in rules::all().filter(|i| i.meta.category != dlint::lint::Category::Runtime) {
        let code = info.meta.code;
        let examples = examples(info.doc);
        let bad = examples.iter().filter(|e| e.kind == "bad").count();
        let good = examples.iter().filter(|e| e.kind == "good").count();
        if bad == 0 || good == 0 {
            failures.push(format!("{code}: needs at least one `bad` and one `good` example"));
        }
        let mut previous_bad: Option<&Example> = None;
        for example in &examples {
            let settings = settings_for(code, &example.options);
            let found = dlint::lint_source(&example.text, &settings);
            let hits = found.iter().filter(|d| d.code == code).count();
            let place = format!("rules/{code}.md:{}", example.line);
            match example.kind.as_str() {
                "bad" if hits == 0 => failures.push(format!("{place}: bad example reports nothing")),
                "good" if hits > 0 => failures.push(format!("{place}: good example reports {found:?}")),
                "fixed" => {
                    let Some(bad) = previous_bad else {
                        failures.push(format!("{place}: a `fixed` block must follow a `bad` one"));
                        continue;
                    };
                    let bad_settings = settings_for(code, &bad.options);
                    // The example shows every fix the rule offers, unsafe ones included.
                    let options = dlint::fix::FixOptions { include_unsafe: true, ..Default::default() };
                    let fixed = dlint::fix::fix_source(&bad.text, &bad_settings, &options).text;
                    if fixed != example.text {
                        failures.push(format!("{place}: fixing the bad example gives\n{fixed}"));
                    }
                    if hits > 0 {
                        failures.push(format!("{place}: fixed example still reports {code}"));
                    }
                }
                "bad" | "good" => {}
                other => failures.push(format!("{place}: unknown example kind `{other}`")),
            }
            if example.kind == "bad" {
                previous_bad = Some(example);
            }
        }
        let fixable = info.meta.fix != dlint::lint::FixAvailability::Never;
        let has_fixed = examples.iter().any(|e| e.kind == "fixed");
        if fixable != has_fixed {
            failures.push(format!("{code}: a rule that fixes needs a `fixed` example, and only such a rule"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// rules/README.md is the table of all rules, rendered from the registry. Run with
/// `DLINT_UPDATE_RULES_README=1` to rewrite it after adding a rule.
#[test]
fn rules_readme_is_up_to_date() {
    let mut table = String::from(
        "# Rules\n\nGenerated from the rule registry by `tests/it/rule_docs.rs`; run\n\
         `DLINT_UPDATE_RULES_README=1 cargo test --test it rules_readme` after adding a rule.\n\n\
         | Code | Name | Category | Severity | Default | Fix | Aliases |\n|---|---|---|---|---|---|---|\n",
    );
    for info in rules::all() {
        let m = info.meta;
        table += &format!(
            "| [{code}]({code}.md) | {} | {} | {} | {} | {} | {} |\n",
            m.name,
            m.category.as_str(),
            m.severity,
            if m.enabled_by_default { "on" } else { "off" },
            m.fix.as_str(),
            m.aliases.join(", "),
            code = m.code,
        );
    }
    let path = crate::support::repo_path("rules/README.md");
    if std::env::var_os("DLINT_UPDATE_RULES_README").is_some() {
        std::fs::write(&path, &table).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == table,
        "rules/README.md is stale: run DLINT_UPDATE_RULES_README=1 cargo test --test it rules_readme"
    );
}
