//! What a rule declares about itself: the stable facts docs, config and reports rely on.

use super::diagnostic::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// The file cannot be parsed as written.
    Syntax,
    /// Base images and reproducible builds.
    Pinning,
    /// Who the container runs as and what it may do.
    Security,
    /// Layer order, cache use and image size.
    Performance,
    /// Package manager use inside RUN.
    Packages,
    /// Instructions that are wrong or surprising as written.
    Correctness,
    /// Conventions and readability.
    Style,
    /// Comments that configure dlint itself.
    Suppression,
    /// Found by building and running the image (`dlint run`).
    Runtime,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Syntax,
        Category::Pinning,
        Category::Security,
        Category::Performance,
        Category::Packages,
        Category::Correctness,
        Category::Style,
        Category::Suppression,
        Category::Runtime,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Pinning => "pinning",
            Category::Security => "security",
            Category::Performance => "performance",
            Category::Packages => "packages",
            Category::Correctness => "correctness",
            Category::Style => "style",
            Category::Suppression => "suppression",
            Category::Runtime => "runtime",
        }
    }
}

/// Whether a rule offers fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    Never,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Never => "never",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

#[derive(Debug)]
pub struct RuleMeta {
    /// Stable key in docs, config, suppressions and URLs (`DL3008`, `DF001`).
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// One line, shown by `dlint rules`.
    pub summary: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub enabled_by_default: bool,
    pub fix: FixAvailability,
    /// BuildKit check names that mean the same check (`# check=skip=` accepts them).
    pub aliases: &'static [&'static str],
}
