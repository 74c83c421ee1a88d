use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword, Word};

pub struct SecretInArgOrEnv;

static META: RuleMeta = RuleMeta {
    code: "DL3064",
    name: "secret-in-arg-or-env",
    summary: "Do not pass secrets through ARG or ENV",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["SecretsUsedInArgOrEnv"],
};

/// Name parts that say the value is a secret.
const SECRET_PARTS: [&str; 18] = [
    "password",
    "passwords",
    "passwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "tokens",
    "credential",
    "credentials",
    "apikey",
    "apikeys",
    "accesskey",
    "privatekey",
    "secretkey",
    "clientsecret",
    "authtoken",
    "accesstoken",
];

/// Words that make `KEY` a secret when they come right before it: `API_KEY`, `PRIVATE_KEY`.
const KEY_QUALIFIERS: [&str; 4] = ["api", "access", "private", "client"];

/// A last part that names something about the secret rather than the secret itself:
/// `PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`.
const REFERENCE_PARTS: [&str; 16] = [
    "file", "path", "dir", "url", "uri", "endpoint", "host", "port", "version", "type", "method", "mode", "enabled",
    "name", "length", "header",
];

/// Words that make the name a setting about secrets: `ALLOW_EMPTY_PASSWORD`, `JWT_TOKEN_MAX_LIFETIME`.
const SETTING_PARTS: [&str; 16] = [
    "no", "allow", "empty", "enable", "enabled", "disable", "disabled", "require", "required", "skip", "max", "min",
    "lifetime", "ttl", "expiry", "timeout",
];

impl Rule for SecretInArgOrEnv {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let keyword = at.instruction.keyword;
        let (Keyword::Arg | Keyword::Env, Body::Args(pairs) | Body::Pairs(pairs)) = (keyword, &at.instruction.body)
        else {
            return;
        };
        // A value that is an absolute path names a file holding the secret (`/run/secrets/db`).
        let is_path = |value: &Option<Word>| {
            value.as_ref().map(Word::unquoted).is_some_and(|v| v.starts_with('/') && !v.contains(char::is_whitespace))
        };
        for pair in pairs.iter().filter(|p| looks_secret(&p.key.text) && !is_path(&p.value)) {
            cx.report(pair.key.span, format!("{} `{}` looks like a secret", keyword.as_str(), pair.key.text))
                .with_help(
                    "ARG and ENV values stay in the image's history and config; \
                 pass secrets with `RUN --mount=type=secret,id=...` instead",
                );
        }
    }
}

/// Whether a variable name reads as a secret, judged by its word parts (`_`, `-`, `.` and camelCase
/// split them), not by substrings: `TOKENIZER_VERSION` is not one.
pub(crate) fn looks_secret(name: &str) -> bool {
    let parts = word_parts(name);
    let Some(last) = parts.last() else { return false };
    let setting = |p: &String| p == "public" || SETTING_PARTS.contains(&p.as_str());
    if parts.iter().any(setting) || REFERENCE_PARTS.contains(&last.as_str()) {
        return false;
    }
    parts.iter().any(|p| SECRET_PARTS.contains(&p.as_str()))
        || parts.windows(2).any(|w| KEY_QUALIFIERS.contains(&w[0].as_str()) && matches!(w[1].as_str(), "key" | "keys"))
        || last == "auth"
}

/// `NPM_AUTH_TOKEN` -> npm, auth, token; `dbPassword` -> db, password.
fn word_parts(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            parts.push(std::mem::take(&mut current));
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower {
            parts.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    parts.push(current);
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_judged_by_word_parts() {
        for name in [
            "PASSWORD",
            "DB_PASSWD",
            "API_KEY",
            "OPENAI_API_KEY",
            "apiKey",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "GITHUB_TOKEN",
            "NPM_AUTH",
            "SSH_PRIVATE_KEY",
            "dbPassword",
            "GOOGLE_APPLICATION_CREDENTIALS_JSON",
            "SECRET_KEY_BASE",
        ] {
            assert!(looks_secret(name), "{name}");
        }
        for name in [
            "TOKENIZER_VERSION",
            "PASSWORD_FILE",
            "GITHUB_TOKEN_URL",
            "USERNAME",
            "GPG_KEY",
            "PUBLIC_KEY",
            "NEXT_PUBLIC_API_KEY",
            "AUTH_PROVIDER",
            "AUTHOR",
            "KEYCLOAK_VERSION",
            "PRIVATE_REGISTRY",
            "mysecretary",
            "ALLOW_EMPTY_PASSWORD",
            "JWT_TOKEN_MAX_LIFETIME",
            "PMA_NO_PASSWORD",
        ] {
            assert!(!looks_secret(name), "{name}");
        }
    }
}
