//! Image references: `[registry[:port]/]path[:tag][@digest]`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// The registry host when the reference names one (`ghcr.io`, `localhost:5000`).
    pub registry: Option<String>,
    /// Repository path, e.g. `library/python` is written `python`.
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    pub fn parse(reference: &str) -> ImageRef {
        let (rest, digest) = match reference.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest.to_string())),
            None => (reference, None),
        };
        // A colon after the last slash starts the tag; one before it is a registry port.
        let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest[last_slash..].find(':') {
            Some(colon) => (&rest[..last_slash + colon], Some(rest[last_slash + colon + 1..].to_string())),
            None => (rest, None),
        };
        let (registry, path) = match name.split_once('/') {
            Some((first, path)) if first.contains(['.', ':']) || first == "localhost" => {
                (Some(first.to_string()), path.to_string())
            }
            _ => (None, name.to_string()),
        };
        ImageRef { registry, path, tag, digest }
    }

    /// The registry, with Docker Hub's default spelled out.
    pub fn registry_or_default(&self) -> &str {
        self.registry.as_deref().unwrap_or("docker.io")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_references() {
        let r = ImageRef::parse("localhost:5000/team/app:1.2@sha256:abc");
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(
            (r.path.as_str(), r.tag.as_deref(), r.digest.as_deref()),
            ("team/app", Some("1.2"), Some("sha256:abc"))
        );
        let r = ImageRef::parse("python");
        assert_eq!((r.registry, r.tag), (None, None));
        let r = ImageRef::parse("team/app:latest");
        assert_eq!(
            (r.registry_or_default(), r.path.as_str(), r.tag.as_deref()),
            ("docker.io", "team/app", Some("latest"))
        );
    }
}
