use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::ImageRef;
use crate::syntax::Keyword;
use crate::text::Span;

pub struct UntrustedRegistry;

static META: RuleMeta = RuleMeta {
    code: "DL3026",
    name: "untrusted-registry",
    summary: "Image from a registry not in `trusted-registries`",
    category: Category::Security,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Names Docker Hub answers to.
const DOCKER_HUB: [&str; 3] = ["docker.io", "index.docker.io", "registry-1.docker.io"];

impl Rule for UntrustedRegistry {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if cx.options.trusted_registries.is_empty() {
            return;
        }
        let mut images: Vec<(ImageRef, Span)> = Vec::new();
        if let Some((image, span)) = super::pulled_image(&at) {
            images.push((image.clone(), span));
        }
        // `COPY --from` and `RUN --mount=from=` take a stage name or an image.
        let mut other = |text: &str, span: Span| {
            if text.contains('$') || cx.model.find_stage(text).is_some() || text.eq_ignore_ascii_case("scratch") {
                return;
            }
            images.push((ImageRef::parse(text), span));
        };
        match at.instruction.keyword {
            Keyword::Copy | Keyword::Add => {
                if let Some(word) = at.instruction.flag("from").and_then(|f| f.value.as_ref()) {
                    other(&word.unquoted(), word.span);
                }
            }
            Keyword::Run => {
                for word in at.instruction.flags.iter().filter(|f| f.name == "mount").filter_map(|f| f.value.as_ref()) {
                    if let Some(from) = word.text.split(',').find_map(|p| p.strip_prefix("from=")) {
                        other(from, word.span);
                    }
                }
            }
            _ => {}
        }
        for (image, span) in images {
            let registry = image.registry_or_default();
            if !cx.options.trusted_registries.iter().any(|t| trusts(t, registry)) {
                cx.report(span, format!("registry `{registry}` is not trusted"))
                    .with_help("use an image from a registry listed in `trusted-registries`");
            }
        }
    }
}

/// Whether the trusted entry covers `registry`: Docker Hub's names are one registry, and
/// `*.example.com` covers subdomains of example.com (not example.com itself).
fn trusts(trusted: &str, registry: &str) -> bool {
    let trusted = trusted.to_ascii_lowercase();
    let registry = registry.to_ascii_lowercase();
    if let Some(suffix) = trusted.strip_prefix('*') {
        return suffix.starts_with('.') && registry.ends_with(suffix);
    }
    trusted == registry || (DOCKER_HUB.contains(&trusted.as_str()) && DOCKER_HUB.contains(&registry.as_str()))
}

#[cfg(test)]
mod tests {
    use super::trusts;

    #[test]
    fn hub_aliases_and_wildcards() {
        assert!(trusts("docker.io", "index.docker.io") && trusts("registry-1.docker.io", "docker.io"));
        assert!(trusts("*.example.com", "a.b.example.com") && !trusts("*.example.com", "example.com"));
        assert!(trusts("GHCR.io", "ghcr.io") && !trusts("ghcr.io", "gcr.io"));
    }
}
