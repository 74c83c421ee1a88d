//! The rubric: items worth points, each kept or lost by dlint findings or by a requirement on the
//! submission, penalties, and the deadline and roster. Read from TOML; every mistake in it is an
//! error with line and column.

use crate::config::{ConfigError, KnownRules, TomlFile};
use crate::lint::Category;
use crate::text::suggest;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The default rubric, for the practices a Docker course teaches.
pub const DEFAULT: &str = include_str!("../../rules/rubric.toml");

#[derive(Clone, Debug, PartialEq)]
pub struct Rubric {
    pub title: String,
    /// The Dockerfile's name in each submission folder; `None`: `Dockerfile`, else `Containerfile`.
    pub dockerfile: Option<String>,
    /// Submissions after this (seconds since the Unix epoch) get 0.
    pub deadline: Option<i64>,
    /// A CSV of `id,time` giving when each student submitted (instead of the files' times).
    pub submitted: Option<PathBuf>,
    /// Students expected to submit: one missing from the folder gets 0.
    pub roster: Vec<String>,
    /// Container engines (`DOCKER_HOST` values) that `--run` spreads the builds over.
    pub engines: Vec<String>,
    /// Where rule docs are published (`{docs}/DL3006.md`); without it, feedback links to copies
    /// written beside it.
    pub docs: Option<String>,
    pub items: Vec<Item>,
    pub penalties: Vec<Penalty>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub points: f64,
    pub check: Check,
}

/// What keeps an item's points.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// No finding of these codes or categories. With `per_finding`, each finding costs that much
    /// (partial credit) instead of the whole item.
    Findings {
        select: Select,
        per_finding: Option<f64>,
    },
    Require(Requirement),
}

/// Findings an item or penalty counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Select {
    pub codes: Vec<String>,
    pub categories: Vec<Category>,
}

impl Select {
    pub fn matches(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
            || crate::rules::find(code).is_some_and(|info| self.categories.contains(&info.meta.category))
    }

    /// Whether only building and running the image can show these findings.
    pub fn is_runtime(&self) -> bool {
        self.categories == [Category::Runtime]
            || (self.categories.is_empty()
                && !self.codes.is_empty()
                && self
                    .codes
                    .iter()
                    .all(|c| crate::rules::find(c).is_some_and(|i| i.meta.category == Category::Runtime)))
    }
}

/// A property of the submission.
#[derive(Clone, Debug, PartialEq)]
pub enum Requirement {
    /// Two or more stages, the final one copying from another.
    MultiStage,
    /// The final stage ends with a non-root `USER`.
    NonRootUser,
    /// The final stage has a `HEALTHCHECK` (not `NONE`).
    Healthcheck,
    /// A `.dockerignore` beside the Dockerfile, excluding each of these paths.
    Dockerignore { excludes: Vec<String> },
    /// The image builds (needs `--run`).
    Builds,
    /// The container reports healthy (needs `--run`).
    Healthy,
    /// The image is at most this many MB (needs `--run`).
    MaxSize { mb: f64 },
}

const REQUIREMENTS: [&str; 7] =
    ["multi-stage", "non-root-user", "healthcheck", "dockerignore", "builds", "healthy", "max-size"];

impl Requirement {
    /// Whether only building and running the image can tell.
    pub fn is_runtime(&self) -> bool {
        matches!(self, Requirement::Builds | Requirement::Healthy | Requirement::MaxSize { .. })
    }
}

impl Check {
    pub fn is_runtime(&self) -> bool {
        match self {
            Check::Findings { select, .. } => select.is_runtime(),
            Check::Require(requirement) => requirement.is_runtime(),
        }
    }
}

/// Points taken off the total for findings, `points` per finding up to `cap`.
#[derive(Clone, Debug, PartialEq)]
pub struct Penalty {
    pub id: String,
    pub title: String,
    pub points: f64,
    pub cap: Option<f64>,
    pub select: Select,
}

impl Rubric {
    pub fn max_score(&self, with_runtime: bool) -> f64 {
        self.items.iter().filter(|i| with_runtime || !i.check.is_runtime()).map(|i| i.points).sum()
    }

    /// Every code the items and penalties name, to turn on the rules that are off by default.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        let items = self.items.iter().filter_map(|item| match &item.check {
            Check::Findings { select, .. } => Some(select),
            Check::Require(_) => None,
        });
        items.chain(self.penalties.iter().map(|p| &p.select)).flat_map(|s| s.codes.iter().map(String::as_str))
    }

    /// Reads a rubric file.
    pub fn load(path: &Path) -> Result<Rubric, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            position: None,
            message: format!("cannot read the rubric: {e}"),
        })?;
        let mut rubric = Rubric::parse(&text, path)?;
        // A relative `submitted` file is next to the rubric.
        if let Some(submitted) = &mut rubric.submitted {
            if submitted.is_relative() {
                *submitted = path.parent().unwrap_or(Path::new("")).join(&*submitted);
            }
        }
        Ok(rubric)
    }

    /// Parses a rubric's text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Rubric, ConfigError> {
        let file = TomlFile::new(text, path);
        let error_at = |span, message| file.error(span, message);
        let raw: RawRubric = file.parse()?;
        let known = KnownRules::registry();
        let select = |codes: Option<Vec<Spanned<String>>>, categories: Option<Vec<Spanned<String>>>| {
            let mut select = Select::default();
            for code in codes.unwrap_or_default() {
                let canonical = known.resolve(code.get_ref()).map_err(|m| error_at(Some(code.span()), m))?;
                let info = crate::rules::find(&canonical)
                    .ok_or_else(|| error_at(Some(code.span()), format!("`{canonical}` is not a dlint rule")))?;
                select.codes.push(info.meta.code.to_owned());
            }
            for name in categories.unwrap_or_default() {
                let category = Category::ALL.into_iter().find(|c| c.as_str() == name.get_ref()).ok_or_else(|| {
                    let mut message = format!("unknown category `{}`", name.get_ref());
                    if let Some(near) = suggest::closest(name.get_ref(), Category::ALL.map(Category::as_str)) {
                        message.push_str(&format!("; did you mean `{near}`?"));
                    }
                    error_at(Some(name.span()), message)
                })?;
                select.categories.push(category);
            }
            Ok(select)
        };
        let positive = |value: &Spanned<f64>, what: &str| {
            let number = *value.get_ref();
            if number.is_finite() && number > 0.0 {
                Ok(number)
            } else {
                Err(error_at(Some(value.span()), format!("`{what}` must be a positive number")))
            }
        };
        let mut ids: Vec<String> = Vec::new();
        let mut check_id = |id: &Spanned<String>| {
            let text = id.get_ref();
            if text.is_empty() || !text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(error_at(Some(id.span()), format!("id `{text}`: use letters, digits, `-` and `_`")));
            }
            if ids.contains(text) {
                return Err(error_at(Some(id.span()), format!("id `{text}` is used twice")));
            }
            ids.push(text.clone());
            Ok(())
        };

        if raw.items.is_empty() {
            return Err(error_at(None, "the rubric has no `[[item]]`".to_owned()));
        }
        let mut items = Vec::new();
        for item in &raw.items {
            check_id(&item.id)?;
            let points = positive(&item.points, "points")?;
            let id = item.id.get_ref();
            let has_select = item.codes.is_some() || item.categories.is_some();
            let check = match &item.require {
                Some(_) if has_select => {
                    return Err(error_at(
                        Some(item.id.span()),
                        format!("item `{id}`: give either `require` or `codes`/`categories`, not both"),
                    ))
                }
                Some(name) => {
                    let requirement = match name.get_ref().as_str() {
                        "multi-stage" => Requirement::MultiStage,
                        "non-root-user" => Requirement::NonRootUser,
                        "healthcheck" => Requirement::Healthcheck,
                        "dockerignore" => {
                            Requirement::Dockerignore { excludes: item.excludes.clone().unwrap_or_default() }
                        }
                        "builds" => Requirement::Builds,
                        "healthy" => Requirement::Healthy,
                        "max-size" => {
                            let Some(mb) = &item.max_mb else {
                                return Err(error_at(Some(name.span()), "`max-size` needs `max_mb`".to_owned()));
                            };
                            Requirement::MaxSize { mb: positive(mb, "max_mb")? }
                        }
                        other => {
                            let mut message =
                                format!("unknown requirement `{other}`; one of: {}", REQUIREMENTS.join(", "));
                            if let Some(near) = suggest::closest(other, REQUIREMENTS) {
                                message.push_str(&format!("; did you mean `{near}`?"));
                            }
                            return Err(error_at(Some(name.span()), message));
                        }
                    };
                    Check::Require(requirement)
                }
                None if has_select => Check::Findings {
                    select: select(item.codes.clone(), item.categories.clone())?,
                    per_finding: item.per_finding.as_ref().map(|p| positive(p, "per_finding")).transpose()?,
                },
                None => {
                    return Err(error_at(
                        Some(item.id.span()),
                        format!("item `{id}`: give `require` or `codes`/`categories`"),
                    ))
                }
            };
            let misplaced = [
                (
                    "excludes",
                    item.excludes.is_some() && !matches!(check, Check::Require(Requirement::Dockerignore { .. })),
                ),
                ("max_mb", item.max_mb.is_some() && !matches!(check, Check::Require(Requirement::MaxSize { .. }))),
                ("per_finding", item.per_finding.is_some() && !matches!(check, Check::Findings { .. })),
            ];
            if let Some((key, _)) = misplaced.iter().find(|(_, wrong)| *wrong) {
                return Err(error_at(Some(item.id.span()), format!("item `{id}`: `{key}` does not apply to it")));
            }
            let title = item.title.clone().unwrap_or_else(|| id.clone());
            items.push(Item { id: id.clone(), title, points, check });
        }
        let mut penalties = Vec::new();
        for penalty in &raw.penalties {
            check_id(&penalty.id)?;
            if penalty.codes.is_none() && penalty.categories.is_none() {
                return Err(error_at(
                    Some(penalty.id.span()),
                    format!("penalty `{}`: give `codes` or `categories`", penalty.id.get_ref()),
                ));
            }
            penalties.push(Penalty {
                id: penalty.id.get_ref().clone(),
                title: penalty.title.clone().unwrap_or_else(|| penalty.id.get_ref().clone()),
                points: positive(&penalty.points, "points")?,
                cap: penalty.cap.as_ref().map(|c| positive(c, "cap")).transpose()?,
                select: select(penalty.codes.clone(), penalty.categories.clone())?,
            });
        }
        let deadline = raw
            .deadline
            .as_ref()
            .map(|d| {
                parse_time(&d.get_ref().to_string())
                    .ok_or_else(|| error_at(Some(d.span()), "the deadline needs a date".to_owned()))
            })
            .transpose()?;
        if let Some(name) = &raw.dockerfile {
            if name.get_ref().is_empty() || name.get_ref().contains(['/', '\\']) {
                return Err(error_at(
                    Some(name.span()),
                    "`dockerfile` is a file name inside each submission".to_owned(),
                ));
            }
        }
        Ok(Rubric {
            title: raw.title.unwrap_or_else(|| "Dockerfile assignment".to_owned()),
            dockerfile: raw.dockerfile.map(Spanned::into_inner),
            deadline,
            submitted: raw.submitted.map(PathBuf::from),
            roster: raw.roster.unwrap_or_default(),
            engines: raw.engines.unwrap_or_default(),
            docs: raw.docs.map(|d| d.trim_end_matches('/').to_owned()),
            items,
            penalties,
        })
    }
}

/// `2026-11-30T23:59:00Z`, with an offset or without (UTC), or a date alone (its last second), as
/// seconds since the Unix epoch.
pub fn parse_time(text: &str) -> Option<i64> {
    let datetime: toml::value::Datetime = text.trim().parse().ok()?;
    let date = datetime.date?;
    let (hour, minute, second) = match datetime.time {
        Some(t) => (t.hour as i64, t.minute as i64, t.second as i64),
        None => (23, 59, 59),
    };
    let offset = match datetime.offset {
        Some(toml::value::Offset::Custom { minutes }) => minutes as i64 * 60,
        _ => 0,
    };
    let days = days_from_civil(date.year as i64, date.month as i64, date.day as i64);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Seconds since the epoch as `2026-11-30 23:59 UTC`.
pub fn format_time(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // The inverse of days_from_civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rest / 3600, rest % 3600 / 60)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRubric {
    title: Option<String>,
    dockerfile: Option<Spanned<String>>,
    deadline: Option<Spanned<toml::value::Datetime>>,
    submitted: Option<String>,
    roster: Option<Vec<String>>,
    engines: Option<Vec<String>>,
    docs: Option<String>,
    #[serde(default, rename = "item")]
    items: Vec<RawItem>,
    #[serde(default, rename = "penalty")]
    penalties: Vec<RawPenalty>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    title: Option<String>,
    points: Spanned<f64>,
    codes: Option<Vec<Spanned<String>>>,
    categories: Option<Vec<Spanned<String>>>,
    per_finding: Option<Spanned<f64>>,
    require: Option<Spanned<String>>,
    excludes: Option<Vec<String>>,
    max_mb: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPenalty {
    id: Spanned<String>,
    title: Option<String>,
    points: Spanned<f64>,
    cap: Option<Spanned<f64>>,
    codes: Option<Vec<Spanned<String>>>,
    categories: Option<Vec<Spanned<String>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        Rubric::parse(text, Path::new("r.toml")).unwrap_err().to_string()
    }

    #[test]
    fn the_default_rubric_parses() {
        let rubric = Rubric::parse(DEFAULT, Path::new("rubric.toml")).unwrap();
        assert!(rubric.items.len() >= 6);
    }

    #[test]
    fn mistakes_are_reported_with_line_and_column() {
        let item = "[[item]]\nid = \"a\"\npoints = 1\n";
        assert_eq!(
            error(&format!("{item}codes = [\"DL3006\", \"DL3OO7\"]\n")),
            "r.toml:4:20: unknown rule `DL3OO7`; did you mean `DL3007`?"
        );
        assert_eq!(
            error(&format!("{item}require = \"healthchek\"\n")),
            "r.toml:4:11: unknown requirement `healthchek`; one of: multi-stage, non-root-user, healthcheck, \
             dockerignore, builds, healthy, max-size; did you mean `healthcheck`?"
        );
        assert!(error(&format!("{item}requires = \"builds\"\n")).starts_with("r.toml:4:1: unknown field `requires`"));
        assert_eq!(
            error("[[item]]\nid = \"a\"\npoints = -1\nrequire = \"builds\"\n"),
            "r.toml:3:10: `points` must be a positive number"
        );
        assert_eq!(
            error(&format!("{item}require = \"builds\"\n{item}require = \"healthy\"\n")),
            "r.toml:6:6: id `a` is used twice"
        );
        assert_eq!(
            error(&format!("{item}categories = [\"secrity\"]\n")),
            "r.toml:4:15: unknown category `secrity`; did you mean `security`?"
        );
        assert_eq!(error("title = \"x\"\n"), "r.toml: the rubric has no `[[item]]`");
    }

    #[test]
    fn class_settings() {
        let text = "title = \"Module 3\"\ndeadline = 2026-11-30T23:59:00Z\nsubmitted = \"times.csv\"\n\
                    roster = [\"ada\"]\nengines = [\"tcp://lab-2:2375\"]\ndocs = \"https://example.edu/rules/\"\n\
                    dockerfile = \"Containerfile\"\n[[item]]\nid = \"u\"\npoints = 1\nrequire = \"non-root-user\"\n";
        let rubric = Rubric::parse(text, Path::new("r.toml")).unwrap();
        assert_eq!(rubric.deadline, parse_time("2026-11-30T23:59:00Z"));
        assert_eq!(rubric.submitted, Some(PathBuf::from("times.csv")));
        assert_eq!((rubric.roster, rubric.engines), (vec!["ada".to_owned()], vec!["tcp://lab-2:2375".to_owned()]));
        assert_eq!(rubric.docs.as_deref(), Some("https://example.edu/rules"));
        assert_eq!(rubric.dockerfile.as_deref(), Some("Containerfile"));
        assert_eq!(
            error("dockerfile = \"a/Dockerfile\"\n[[item]]\nid = \"u\"\npoints = 1\nrequire = \"builds\"\n"),
            "r.toml:1:14: `dockerfile` is a file name inside each submission"
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("1970-01-02T00:00:00Z"), Some(86_400));
        assert_eq!(parse_time("2026-11-30T23:59:00+01:00"), parse_time("2026-11-30T22:59:00Z"));
        assert_eq!(parse_time("2026-11-30"), parse_time("2026-11-30T23:59:59Z"));
        assert_eq!(parse_time("soon"), None);
        assert_eq!(format_time(parse_time("2026-02-28T07:05:00Z").unwrap()), "2026-02-28 07:05 UTC");
        assert_eq!(format_time(parse_time("2024-02-29T23:59:00Z").unwrap()), "2024-02-29 23:59 UTC");
    }
}
