//! The selectors tried when the user gives none, and the providers whose selectors
//! go first when the domain's MX hosts or SPF includes reveal them.
//!
//! DNS cannot list a domain's selectors, so this is a guess list: software
//! defaults (Postfix/OpenDKIM and rspamd guides, Mailcow, iRedMail, cPanel, Plesk,
//! DirectAdmin), the selectors mailbox providers and ESPs document, and a few
//! date-style names. Amazon SES's custom-MAIL-FROM selectors are random tokens and
//! cannot be guessed.

/// A provider: its id (also its name on the page: brand names are not translated),
/// the host suffixes that reveal it in MX targets or SPF `include:`/`redirect=`
/// domains, and its selectors.
pub struct Provider {
    /// Display name.
    pub name: &'static str,
    /// Suffixes of MX hosts or SPF include domains that reveal the provider.
    pub hints: &'static [&'static str],
    /// The selectors it signs with.
    pub selectors: &'static [&'static str],
}

/// Providers, in no particular order.
pub const PROVIDERS: &[Provider] = &[
    Provider {
        name: "Google Workspace",
        hints: &["google.com", "googlemail.com", "_spf.google.com"],
        selectors: &["google"],
    },
    Provider {
        name: "Microsoft 365",
        hints: &["outlook.com", "protection.outlook.com", "office365.us"],
        selectors: &["selector1", "selector2"],
    },
    Provider {
        name: "Zoho Mail",
        hints: &["zoho.com", "zoho.eu", "zoho.in", "zohomail.com"],
        selectors: &["zoho", "zmail", "default"],
    },
    Provider {
        name: "Mailgun",
        hints: &["mailgun.org", "mailgun.net"],
        selectors: &["mailo", "mg", "pic", "krs", "smtp", "k1"],
    },
    Provider {
        name: "SendGrid",
        hints: &["sendgrid.net", "sendgrid.com"],
        selectors: &["s1", "s2", "smtpapi"],
    },
    Provider {
        name: "Mailchimp / Mandrill",
        hints: &["mcsv.net", "mandrillapp.com", "mailchimp.com", "rsgsv.net"],
        selectors: &["k1", "k2", "k3", "mandrill", "mte1", "mte2"],
    },
    Provider {
        name: "Brevo (Sendinblue)",
        hints: &["brevo.com", "sendinblue.com", "sendibm1.com"],
        selectors: &["brevo1", "brevo2", "mail", "sib"],
    },
    Provider {
        name: "Postmark",
        hints: &["mtasv.net", "postmarkapp.com"],
        selectors: &["pm"],
    },
    Provider {
        name: "Fastmail",
        hints: &["messagingengine.com", "fastmail.com"],
        selectors: &["fm1", "fm2", "fm3"],
    },
    Provider {
        name: "Proton Mail",
        hints: &["protonmail.ch", "proton.me"],
        selectors: &["protonmail", "protonmail2", "protonmail3"],
    },
    Provider {
        name: "Yandex",
        hints: &["yandex.net", "yandex.ru", "yandex.com"],
        selectors: &["mail"],
    },
    Provider {
        name: "Hostinger",
        hints: &["hostinger.com", "hostinger.io"],
        selectors: &[
            "hostingermail1",
            "hostingermail2",
            "hostingermail-a",
            "hostingermail-b",
        ],
    },
    Provider {
        name: "Mailjet",
        hints: &["mailjet.com"],
        selectors: &["mailjet"],
    },
    Provider {
        name: "Amazon SES",
        hints: &["amazonses.com"],
        selectors: &[],
    },
];

/// The built-in list, software defaults first, then provider selectors, then
/// date-style names. Duplicates are removed when the final order is built.
pub const BUILTIN: &[&str] = &[
    // Software defaults: cPanel, Plesk, DirectAdmin, Hestia/Vesta use `default`;
    // Mailcow and iRedMail `dkim`; many OpenDKIM/rspamd guides `mail` or `default`.
    "default",
    "mail",
    "dkim",
    "selector",
    "s1",
    "s2",
    "k1",
    "k2",
    "k3",
    "key1",
    "key2",
    "dkim1",
    "dkim2",
    "smtp",
    "x",
    "email",
    "mx",
    "sig1",
    "dk",
    "mailer",
    // Providers.
    "google",
    "selector1",
    "selector2",
    "smtpapi",
    "mandrill",
    "zoho",
    "zmail",
    "mailo",
    "mg",
    "pic",
    "krs",
    "sib",
    "brevo1",
    "brevo2",
    "pm",
    "fm1",
    "fm2",
    "fm3",
    "protonmail",
    "protonmail2",
    "protonmail3",
    "hostingermail1",
    "hostingermail2",
    "mailjet",
    // Date-style names (rotating setups name keys after the year or month).
    "2023",
    "2024",
    "2025",
    "2026",
    "202401",
    "202501",
    "202601",
];

/// Whether `host` is `suffix` or a name under it.
fn under(host: &str, suffix: &str) -> bool {
    host == suffix || host.ends_with(&format!(".{suffix}"))
}

/// The providers revealed by `hosts` (MX targets and SPF include domains).
pub fn providers_for(hosts: &[String]) -> Vec<&'static Provider> {
    PROVIDERS
        .iter()
        .filter(|p| {
            hosts
                .iter()
                .any(|h| p.hints.iter().any(|s| under(&h.to_ascii_lowercase(), s)))
        })
        .collect()
}

/// The `include:` and `redirect=` domains of an SPF record.
pub fn spf_includes(record: &str) -> Vec<String> {
    record
        .split_whitespace()
        .filter_map(|term| {
            let term = term.trim_start_matches(['+', '-', '~', '?']);
            let lower = term.to_ascii_lowercase();
            lower
                .strip_prefix("include:")
                .or_else(|| lower.strip_prefix("redirect="))
                .map(|d| d.trim_end_matches('.').to_owned())
        })
        .collect()
}

/// The selectors to try, in order: the user's, then the revealed providers', then
/// the built-in list; each once.
pub fn ordered(user: &[String], providers: &[&Provider]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let candidates = user
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .chain(
            providers
                .iter()
                .flat_map(|p| p.selectors.iter().map(|s| (*s).to_owned())),
        )
        .chain(BUILTIN.iter().map(|s| (*s).to_owned()));
    for s in candidates {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_forty_builtin_selectors() {
        let all = ordered(&[], &[]);
        assert!(all.len() >= 40, "{}", all.len());
        for must in [
            "default",
            "google",
            "selector1",
            "k1",
            "s1",
            "fm1",
            "protonmail",
        ] {
            assert!(all.iter().any(|s| s == must), "{must}");
        }
    }

    #[test]
    fn providers_first_after_the_user() {
        let hosts = vec![
            "aspmx.l.google.com".to_owned(),
            "spf.protection.outlook.com".to_owned(),
        ];
        let found = providers_for(&hosts);
        let names: Vec<_> = found.iter().map(|p| p.name).collect();
        assert_eq!(names, ["Google Workspace", "Microsoft 365"]);
        let order = ordered(&["MySel".to_owned()], &found);
        assert_eq!(&order[..4], ["mysel", "google", "selector1", "selector2"]);
        assert_eq!(order.iter().filter(|s| *s == "google").count(), 1);
    }

    #[test]
    fn spf_include_domains() {
        assert_eq!(
            spf_includes(
                "v=spf1 mx include:_spf.google.com ~include:sendgrid.net redirect=_spf.example.com -all"
            ),
            ["_spf.google.com", "sendgrid.net", "_spf.example.com"]
        );
    }
}
