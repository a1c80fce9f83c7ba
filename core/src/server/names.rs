//! Is a host name a real FQDN under a real public suffix? (Public Suffix List via
//! `crate::suffix`).

use std::net::IpAddr;

/// What is wrong with a host name used as PTR or HELO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// One label only (`mailserver`).
    SingleLabel,
    /// `localhost` or under it.
    Localhost,
    /// A private-use suffix: `.local`, `.lan`, `.internal`, `.home`, `.localdomain`, …
    PrivateSuffix,
    /// The top-level part is not on the Public Suffix List.
    UnknownSuffix,
    /// The name is itself a public suffix (`co.id`).
    OnlySuffix,
    /// An IP address where a name belongs.
    IpLiteral,
    /// Characters or label lengths that no host name has.
    BadSyntax,
}

impl NameProblem {
    /// Every problem, for the catalogue test.
    pub const ALL: [Self; 7] = [
        Self::SingleLabel,
        Self::Localhost,
        Self::PrivateSuffix,
        Self::UnknownSuffix,
        Self::OnlySuffix,
        Self::IpLiteral,
        Self::BadSyntax,
    ];

    /// Stable code (catalogue `name-problem-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Self::SingleLabel => "single-label",
            Self::Localhost => "localhost",
            Self::PrivateSuffix => "private-suffix",
            Self::UnknownSuffix => "unknown-suffix",
            Self::OnlySuffix => "only-suffix",
            Self::IpLiteral => "ip-literal",
            Self::BadSyntax => "bad-syntax",
        }
    }
}

/// Suffixes used inside private networks (RFC 6762 `.local`, RFC 8375 `home.arpa`,
/// ICANN's reserved `.internal`, and habits such as `.lan`).
const PRIVATE: &[&str] = &[
    "local",
    "lan",
    "internal",
    "home",
    "localdomain",
    "corp",
    "intranet",
    "private",
    "home.arpa",
    "test",
    "example",
    "invalid",
];

/// The problem with `name` as a mail host name, or `None` when it is a proper FQDN.
pub fn fqdn_problem(name: &str) -> Option<NameProblem> {
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .is_ok()
    {
        return Some(NameProblem::IpLiteral);
    }
    if name.is_empty()
        || name.len() > 253
        || name.split('.').any(|l| {
            l.is_empty()
                || l.len() > 63
                || !l
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
    {
        return Some(NameProblem::BadSyntax);
    }
    if name == "localhost" || name.ends_with(".localhost") {
        return Some(NameProblem::Localhost);
    }
    if !name.contains('.') {
        return Some(NameProblem::SingleLabel);
    }
    if PRIVATE
        .iter()
        .any(|s| name == *s || name.ends_with(&format!(".{s}")))
    {
        return Some(NameProblem::PrivateSuffix);
    }
    let (suffix, known) = crate::suffix::suffix(&name)?;
    if !known {
        return Some(NameProblem::UnknownSuffix);
    }
    if suffix == name {
        return Some(NameProblem::OnlySuffix);
    }
    None
}

/// Whether `name` is a registrable domain itself (`example.com`, `example.co.id`):
/// a PTR like that names no host, and some receivers treat it as generic.
pub fn is_registrable_apex(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    crate::suffix::registrable_domain(&name).is_some_and(|d| d == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names() {
        for (name, want) in [
            ("mail.example.com", None),
            ("mail.example.co.id", None),
            ("mx.example.web.id", None),
            ("Mail.Example.COM.", None),
            ("example.com", None),
            ("mailserver", Some(NameProblem::SingleLabel)),
            ("localhost", Some(NameProblem::Localhost)),
            ("mail.localhost", Some(NameProblem::Localhost)),
            ("mail.local", Some(NameProblem::PrivateSuffix)),
            ("vps.lan", Some(NameProblem::PrivateSuffix)),
            ("srv.corp.internal", Some(NameProblem::PrivateSuffix)),
            ("localhost.localdomain", Some(NameProblem::PrivateSuffix)),
            ("mail.example.notatld", Some(NameProblem::UnknownSuffix)),
            ("co.id", Some(NameProblem::OnlySuffix)),
            ("203.0.113.5", Some(NameProblem::IpLiteral)),
            ("[203.0.113.5]", Some(NameProblem::IpLiteral)),
            ("bad name.example.com", Some(NameProblem::BadSyntax)),
        ] {
            assert_eq!(fqdn_problem(name), want, "{name}");
        }
    }

    #[test]
    fn apex_names() {
        assert!(is_registrable_apex("example.com"));
        assert!(is_registrable_apex("example.co.id."));
        assert!(!is_registrable_apex("mail.example.com"));
        assert!(!is_registrable_apex("co.id"));
    }
}
