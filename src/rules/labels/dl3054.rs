use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidSpdxLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3054",
    name: "invalid-spdx-label",
    summary: "A label the schema types `spdx` is not an SPDX license expression",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidSpdxLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "spdx", is_spdx, "an SPDX license expression");
    }
}

/// Common SPDX license identifiers; `LicenseRef-...` and `DocumentRef-...` are always accepted.
const LICENSES: &[&str] = &[
    "0BSD",
    "AFL-3.0",
    "AGPL-3.0",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Apache-1.1",
    "Apache-2.0",
    "Artistic-2.0",
    "BSD-1-Clause",
    "BSD-2-Clause",
    "BSD-2-Clause-Patent",
    "BSD-3-Clause",
    "BSD-3-Clause-Clear",
    "BSD-4-Clause",
    "BSL-1.0",
    "BUSL-1.1",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC0-1.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CECILL-2.1",
    "EPL-1.0",
    "EPL-2.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "GPL-1.0-or-later",
    "GPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "ISC",
    "LGPL-2.0-only",
    "LGPL-2.0-or-later",
    "LGPL-2.1",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MIT",
    "MIT-0",
    "MPL-1.1",
    "MPL-2.0",
    "MS-PL",
    "MS-RL",
    "NCSA",
    "OFL-1.1",
    "OpenSSL",
    "OSL-3.0",
    "PHP-3.01",
    "PostgreSQL",
    "Python-2.0",
    "Ruby",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "UPL-1.0",
    "Vim",
    "W3C",
    "WTFPL",
    "X11",
    "Zlib",
    "ZPL-2.1",
];

/// Exceptions that may follow `WITH`.
const EXCEPTIONS: &[&str] = &[
    "Autoconf-exception-3.0",
    "Bison-exception-2.2",
    "Classpath-exception-2.0",
    "GCC-exception-3.1",
    "LLVM-exception",
    "OpenJDK-assembly-exception-1.0",
    "Qt-GPL-exception-1.0",
    "Qt-LGPL-exception-1.1",
    "openvpn-openssl-exception",
    "Universal-FOSS-exception-1.0",
];

/// An SPDX license expression: identifiers (with `+`) joined by `AND`/`OR`, `WITH` an exception,
/// parentheses for grouping.
fn is_spdx(text: &str) -> bool {
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut at = 0;
    expression(&tokens, &mut at) && at == tokens.len()
}

fn expression(tokens: &[&str], at: &mut usize) -> bool {
    if !term(tokens, at) {
        return false;
    }
    while matches!(tokens.get(*at), Some(&("AND" | "OR"))) {
        *at += 1;
        if !term(tokens, at) {
            return false;
        }
    }
    true
}

fn term(tokens: &[&str], at: &mut usize) -> bool {
    let Some(&token) = tokens.get(*at) else { return false };
    *at += 1;
    let ok = if token == "(" {
        let inner = expression(tokens, at);
        inner && tokens.get(*at) == Some(&")") && {
            *at += 1;
            true
        }
    } else {
        is_license(token)
    };
    if ok && tokens.get(*at) == Some(&"WITH") {
        *at += 2;
        return tokens.get(*at - 1).is_some_and(|e| EXCEPTIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
    }
    ok
}

fn is_license(token: &str) -> bool {
    let id = token.strip_suffix('+').unwrap_or(token);
    id.starts_with("LicenseRef-")
        || id.starts_with("DocumentRef-")
        || LICENSES.iter().any(|l| l.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    #[test]
    fn expressions() {
        for good in [
            "MIT",
            "MIT OR Apache-2.0",
            "(MIT OR Apache-2.0) AND BSD-3-Clause",
            "GPL-2.0-only WITH Classpath-exception-2.0",
            "LicenseRef-Custom",
            "LGPL-2.1+",
        ] {
            assert!(super::is_spdx(good), "{good}");
        }
        for bad in ["MIT2", "MIT OR", "(MIT", "MIT AND AND ISC", "GPL-2.0 WITH MIT", "Proprietary"] {
            assert!(!super::is_spdx(bad), "{bad}");
        }
    }
}
