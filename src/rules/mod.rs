//! The rule registry: one line per rule. A rule is one file in a family folder plus its doc,
//! `rules/CODE.md`, which the build includes (a missing doc fails the build).

mod buildkit;
mod commands;
mod dialect;
mod engine;
mod image;
pub(crate) mod instructions;
mod labels;
mod packages;
pub mod runtime;
mod scope;
pub(crate) mod stages;
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
    BK001 => buildkit::bk001::StageNameCasing,
    BK002 => buildkit::bk002::FromAsCasing,
    BK003 => buildkit::bk003::NoEmptyContinuation,
    BK004 => buildkit::bk004::ConsistentInstructionCasing,
    BK005 => buildkit::bk005::UndefinedArgInFrom,
    BK006 => buildkit::bk006::UndefinedVar,
    BK007 => buildkit::bk007::LegacyKeyValueFormat,
    BK008 => buildkit::bk008::InvalidDefaultArgInFrom,
    BK009 => buildkit::bk009::InvalidDefinitionDescription,
    BK010 => buildkit::bk010::ExposeProtoCasing,
    BK011 => buildkit::bk011::ExposeInvalidFormat,
    BK012 => buildkit::bk012::CopyIgnoredFile,
    DF001 => user::df001::MissingUser,
    DF002 => stages::df002::CopyBeforeDeps,
    DF003 => packages::df003::BuildToolsInFinalStage,
    DF004 => engine::UnusedSuppression,
    DF005 => image::df005::UnpinnedDigest,
    DF006 => engine::UnknownSuppression,
    DF010 => packages::df010::AptUpdateAlone,
    DF011 => packages::df011::SystemUpgrade,
    DF012 => commands::df012::PipeToShell,
    DF013 => commands::df013::WorldWritable,
    DF020 => instructions::df020::AddUrlWithoutChecksum,
    DF021 => instructions::df021::SystemWorkdir,
    DF022 => instructions::df022::ExposeSsh,
    DF023 => instructions::df023::CreatedUserUnused,
    DF030 => scope::df030::UnusedArg,
    DF031 => scope::df031::ArgUsedBeforeDeclaration,
    DF032 => scope::df032::UnreachableStage,
    DF033 => scope::df033::CopyFromLaterStage,
    DF034 => scope::df034::SecretArgInRun,
    DF040 => dialect::df040::BashismInSh,
    DL1000 => engine::SyntaxError,
    DL1001 => instructions::dl1001::InlineIgnore,
    DL3000 => instructions::dl3000::RelativeWorkdir,
    DL3001 => commands::dl3001::PointlessCommand,
    DL3002 => user::dl3002::RootUser,
    DL3003 => instructions::dl3003::CdInRun,
    DL3004 => user::dl3004::Sudo,
    DL3006 => image::dl3006::UntaggedImage,
    DL3007 => image::dl3007::LatestTag,
    DL3008 => packages::dl3008::AptUnpinned,
    DL3009 => packages::dl3009::AptListsKept,
    DL3010 => instructions::dl3010::CopyThenExtract,
    DL3011 => instructions::dl3011::PortOutOfRange,
    DL3012 => stages::dl3012::MultipleHealthchecks,
    DL3013 => packages::dl3013::PipUnpinned,
    DL3014 => packages::dl3014::AptMissingYes,
    DL3015 => packages::dl3015::AptInstallRecommends,
    DL3016 => packages::dl3016::NpmUnpinned,
    DL3018 => packages::dl3018::ApkUnpinned,
    DL3019 => packages::dl3019::ApkMissingNoCache,
    DL3020 => instructions::dl3020::AddForLocalFiles,
    DL3021 => instructions::dl3021::CopyManyToFile,
    DL3022 => stages::dl3022::CopyFromUnknownStage,
    DL3023 => stages::dl3023::CopyFromOwnStage,
    DL3024 => stages::dl3024::DuplicateStageName,
    DL3025 => instructions::dl3025::ShellFormCmd,
    DL3026 => image::dl3026::UntrustedRegistry,
    DL3027 => packages::dl3027::AptInsteadOfAptGet,
    DL3028 => packages::dl3028::GemUnpinned,
    DL3029 => buildkit::dl3029::ConstantPlatform,
    DL3030 => packages::dl3030::YumMissingYes,
    DL3032 => packages::dl3032::YumCacheKept,
    DL3033 => packages::dl3033::YumUnpinned,
    DL3034 => packages::dl3034::ZypperMissingYes,
    DL3035 => packages::dl3035::ZypperDistUpgrade,
    DL3036 => packages::dl3036::ZypperCacheKept,
    DL3037 => packages::dl3037::ZypperUnpinned,
    DL3038 => packages::dl3038::DnfMissingYes,
    DL3040 => packages::dl3040::DnfCacheKept,
    DL3041 => packages::dl3041::DnfUnpinned,
    DL3042 => packages::dl3042::PipCacheKept,
    DL3043 => instructions::dl3043::OnbuildForbidden,
    DL3044 => instructions::dl3044::EnvSelfReference,
    DL3045 => instructions::dl3045::CopyRelativeWithoutWorkdir,
    DL3046 => commands::dl3046::UseraddHighUid,
    DL3047 => commands::dl3047::WgetProgress,
    DL3048 => labels::dl3048::InvalidLabelKey,
    DL3049 => labels::dl3049::MissingLabel,
    DL3050 => labels::dl3050::SuperfluousLabel,
    DL3051 => labels::dl3051::EmptyLabel,
    DL3052 => labels::dl3052::InvalidUrlLabel,
    DL3053 => labels::dl3053::InvalidTimeLabel,
    DL3054 => labels::dl3054::InvalidSpdxLabel,
    DL3055 => labels::dl3055::InvalidHashLabel,
    DL3056 => labels::dl3056::InvalidSemverLabel,
    DL3057 => stages::dl3057::MissingHealthcheck,
    DL3058 => labels::dl3058::InvalidEmailLabel,
    DL3059 => commands::dl3059::ConsecutiveRuns,
    DL3060 => packages::dl3060::YarnCacheKept,
    DL3061 => instructions::dl3061::InstructionBeforeFrom,
    DL3062 => packages::dl3062::GoUnpinned,
    DL3063 => buildkit::dl3063::ReservedStageName,
    DL3064 => instructions::dl3064::SecretInArgOrEnv,
    DL3065 => buildkit::dl3065::RedundantTargetPlatform,
    DL3066 => instructions::dl3066::NonNumericUser,
    DL3067 => instructions::dl3067::CopyWholeFilesystem,
    DL4000 => instructions::dl4000::MaintainerDeprecated,
    DL4001 => commands::dl4001::CurlAndWget,
    DL4003 => stages::dl4003::MultipleCmd,
    DL4004 => stages::dl4004::MultipleEntrypoints,
    DL4005 => commands::dl4005::LinkBinSh,
    DL4006 => instructions::dl4006::PipeWithoutPipefail,
    DR001 => runtime::BuildFailed,
    DR002 => runtime::ContainerExited,
    DR003 => runtime::Unhealthy,
    DR004 => runtime::RunsAsRoot,
    DR005 => runtime::PortNotListening,
    DR006 => runtime::CacheBusting,
    DR007 => runtime::SecretInImage,
    DR008 => runtime::ImageSize,
    DR009 => runtime::BuildToolsInImage,
    DR010 => runtime::IgnoresStopSignal,
    DR011 => runtime::ResourceLimit,
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
