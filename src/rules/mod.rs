//! The rule registry: one line per rule. A rule is one file in a family folder plus its doc,
//! `rules/CODE.md`, which the build includes (a missing doc fails the build).

mod dialect;
mod engine;
mod image;
mod instructions;
mod packages;
mod stages;
mod user;

use crate::lint::{Rule, RuleMeta};

macro_rules! registry {
    ($($code:ident => $rule:expr,)*) => {
        /// Every rule, sorted by code.
        pub static REGISTRY: &[&dyn Rule] = &[$(&$rule,)*];
        static DOCS: &[(&str, &str)] = &[
            $((stringify!($code), include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", stringify!($code), ".md"))),)*
        ];
    };
}

registry! {
    DF001 => user::df001::MissingUser,
    DF002 => stages::df002::CopyBeforeDeps,
    DF003 => packages::df003::BuildToolsInFinalStage,
    DF004 => engine::UnusedSuppression,
    DF005 => image::df005::UnpinnedDigest,
    DF006 => engine::UnknownSuppression,
    DF040 => dialect::df040::BashismInSh,
    DL1000 => engine::SyntaxError,
    DL3000 => instructions::dl3000::RelativeWorkdir,
    DL3002 => user::dl3002::RootUser,
    DL3003 => instructions::dl3003::CdInRun,
    DL3004 => user::dl3004::Sudo,
    DL3006 => image::dl3006::UntaggedImage,
    DL3007 => image::dl3007::LatestTag,
    DL3008 => packages::dl3008::AptUnpinned,
    DL3009 => packages::dl3009::AptListsKept,
    DL3011 => instructions::dl3011::PortOutOfRange,
    DL3012 => stages::dl3012::MultipleHealthchecks,
    DL3013 => packages::dl3013::PipUnpinned,
    DL3014 => packages::dl3014::AptMissingYes,
    DL3015 => packages::dl3015::AptInstallRecommends,
    DL3018 => packages::dl3018::ApkUnpinned,
    DL3019 => packages::dl3019::ApkMissingNoCache,
    DL3020 => instructions::dl3020::AddForLocalFiles,
    DL3022 => stages::dl3022::CopyFromUnknownStage,
    DL3023 => stages::dl3023::CopyFromOwnStage,
    DL3024 => stages::dl3024::DuplicateStageName,
    DL3025 => instructions::dl3025::ShellFormCmd,
    DL3042 => packages::dl3042::PipCacheKept,
    DL3057 => stages::dl3057::MissingHealthcheck,
    DL3064 => instructions::dl3064::SecretInArgOrEnv,
    DL4000 => instructions::dl4000::MaintainerDeprecated,
    DL4003 => stages::dl4003::MultipleCmd,
    DL4004 => stages::dl4004::MultipleEntrypoints,
    DL4006 => instructions::dl4006::PipeWithoutPipefail,
}

/// A registered rule's metadata and its documentation (rules/CODE.md).
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub meta: &'static RuleMeta,
    pub doc: &'static str,
}

/// Every rule, sorted by code.
pub fn all() -> impl Iterator<Item = RuleInfo> {
    REGISTRY.iter().zip(DOCS).map(|(rule, (_, doc))| RuleInfo { meta: rule.meta(), doc })
}

/// The rule with this code, name or BuildKit alias (case-insensitive).
pub fn find(code_or_name: &str) -> Option<RuleInfo> {
    all().find(|info| {
        info.meta.code.eq_ignore_ascii_case(code_or_name)
            || info.meta.name.eq_ignore_ascii_case(code_or_name)
            || info.meta.aliases.iter().any(|a| a.eq_ignore_ascii_case(code_or_name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_each_doc_belongs_to_its_rule() {
        let codes: Vec<_> = REGISTRY.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted, "registry lines are sorted by code and unique");
        for (rule, (code, doc)) in REGISTRY.iter().zip(DOCS) {
            assert_eq!(rule.meta().code, *code, "registry key matches the rule's code");
            let title = doc.lines().next().unwrap_or("");
            assert_eq!(title, format!("# {}: {}", code, rule.meta().name), "rules/{code}.md starts with its title");
        }
    }

    #[test]
    fn names_are_kebab_case_and_unique() {
        let mut names: Vec<_> = all().map(|i| i.meta.name).collect();
        for name in &names {
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{name}");
        }
        names.sort();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
