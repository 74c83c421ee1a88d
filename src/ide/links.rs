//! Links from FROM lines to the registry page of their base image.

use super::Analysis;
use crate::semantic::{Base, ImageRef};
use crate::syntax::Body;
use crate::text::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The image as written in FROM.
    pub span: Span,
    pub target: String,
}

/// A link for each FROM whose image is fully known and lives on a registry with public pages: Docker
/// Hub, GitHub's and Quay's. Stages, `scratch` and images still naming unset variables get none.
pub fn document_links(analysis: &Analysis) -> Vec<Link> {
    let model = analysis.model();
    model
        .stages
        .iter()
        .filter_map(|stage| {
            let Base::Image { reference, resolved: true } = &stage.base else { return None };
            let Body::From { image, .. } = &model.instruction(stage.from).body else { return None };
            Some(Link { span: image.span, target: page_of(reference)? })
        })
        .collect()
}

/// The web page of an image's repository.
fn page_of(reference: &ImageRef) -> Option<String> {
    let path = reference.path.as_str();
    if path.is_empty() || !path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')) {
        return None;
    }
    match reference.registry_or_default() {
        "docker.io" | "index.docker.io" | "registry-1.docker.io" => {
            let official = path.strip_prefix("library/").unwrap_or(path);
            Some(match official.contains('/') {
                false => format!("https://hub.docker.com/_/{official}"),
                true => format!("https://hub.docker.com/r/{path}"),
            })
        }
        // The registry's own address of a package opens its page on GitHub.
        "ghcr.io" if path.contains('/') => Some(format!("https://ghcr.io/{path}")),
        "quay.io" if path.contains('/') => Some(format!("https://quay.io/repository/{path}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(source: &str) -> Vec<(String, String)> {
        document_links(&Analysis::new(source))
            .into_iter()
            .map(|link| (link.span.slice(source).to_owned(), link.target))
            .collect()
    }

    #[test]
    fn links_images_on_registries_with_pages() {
        let source = "ARG TAG=3\nFROM python:${TAG} AS py\nFROM library/debian:12\nFROM bitnami/redis@sha256:ab\n\
                      FROM docker.io/grafana/grafana\nFROM ghcr.io/owner/tool:1\nFROM quay.io/prometheus/node-exporter\n\
                      FROM gcr.io/distroless/base\nFROM localhost:5000/x\nFROM py\nFROM scratch\nFROM img:$UNSET\n";
        let expected = [
            ("python:${TAG}", "https://hub.docker.com/_/python"),
            ("library/debian:12", "https://hub.docker.com/_/debian"),
            ("bitnami/redis@sha256:ab", "https://hub.docker.com/r/bitnami/redis"),
            ("docker.io/grafana/grafana", "https://hub.docker.com/r/grafana/grafana"),
            ("ghcr.io/owner/tool:1", "https://ghcr.io/owner/tool"),
            ("quay.io/prometheus/node-exporter", "https://quay.io/repository/prometheus/node-exporter"),
        ];
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(links(source), expected);
    }

    #[test]
    fn odd_images_get_no_link() {
        assert!(links("").is_empty());
        assert!(links("FROM a b c\nFROM ghcr.io/solo\nFROM ${X:-é}\n").is_empty());
    }
}
