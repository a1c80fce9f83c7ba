//! The Public Suffix List: which part of a name is a public suffix (`co.id`,
//! `github.io`), and which is the registrable ("organisational") domain.
//!
//! Why not the `psl` crate: it compiles the list into code that weighs 261 KB
//! gzipped in the page's wasm (measured alone with `opt-level = "z"` and LTO),
//! against a 350 KB budget for the whole page. Kept as data, the same list is 45 KB
//! gzipped and this reader is a few dozen lines of the PSL algorithm
//! (https://publicsuffix.org/list/, "Formal Algorithm"). The list file is
//! `core/data/public_suffix_list.txt` (MPL-2.0), refreshed from the published list.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// `example.tld`: the name itself is a suffix.
    Normal,
    /// `*.example.tld`: every child of the name is a suffix.
    Wildcard,
    /// `!www.example.tld`: an exception to a wildcard.
    Exception,
}

/// Rules keyed by their name in ASCII (punycode), lower case.
fn rules() -> &'static HashMap<String, Vec<Rule>> {
    static RULES: OnceLock<HashMap<String, Vec<Rule>>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut map: HashMap<String, Vec<Rule>> = HashMap::new();
        for line in include_str!("../data/public_suffix_list.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let (rule, name) = if let Some(rest) = line.strip_prefix("*.") {
                (Rule::Wildcard, rest)
            } else if let Some(rest) = line.strip_prefix('!') {
                (Rule::Exception, rest)
            } else {
                (Rule::Normal, line)
            };
            let ascii = if name.is_ascii() {
                name.to_ascii_lowercase()
            } else {
                match idna::domain_to_ascii(name) {
                    Ok(a) => a,
                    Err(_) => continue,
                }
            };
            map.entry(ascii).or_default().push(rule);
        }
        map
    })
}

fn has(name: &str, rule: Rule) -> bool {
    rules().get(name).is_some_and(|r| r.contains(&rule))
}

/// The public suffix of `name` and whether a listed rule gave it (`false` when
/// only the default rule `*` applied, i.e. the top-level label is not on the list).
pub fn suffix(name: &str) -> Option<(String, bool)> {
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() || name.split('.').any(str::is_empty) {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    // Longest candidate first: the longest matching rule prevails, and an exception
    // (always longer than its wildcard) prevails over everything.
    for i in 0..labels.len() {
        let candidate = labels[i..].join(".");
        if has(&candidate, Rule::Exception) {
            return Some((labels[i + 1..].join("."), true));
        }
        if has(&candidate, Rule::Normal) {
            return Some((candidate, true));
        }
        if i + 1 < labels.len() && has(&labels[i + 1..].join("."), Rule::Wildcard) {
            return Some((candidate, true));
        }
    }
    Some((labels[labels.len() - 1].to_owned(), false))
}

/// The registrable domain of `name`: its public suffix plus one label; `None` when
/// `name` is itself a public suffix.
pub fn registrable_domain(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    let (suffix, _) = suffix(&name)?;
    if suffix == name {
        return None;
    }
    let rest = name.strip_suffix(&suffix)?.trim_end_matches('.');
    let label = rest.rsplit('.').next()?;
    Some(format!("{label}.{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases from the PSL's own test file (`tests/test_psl.txt`), in our terms.
    #[test]
    fn psl_test_vectors() {
        for (name, want) in [
            ("com", None),
            ("example.com", Some("example.com")),
            ("www.example.com", Some("example.com")),
            ("uk.com", None),
            ("example.uk.com", Some("example.uk.com")),
            ("b.example.uk.com", Some("example.uk.com")),
            ("a.b.example.uk.com", Some("example.uk.com")),
            ("test.ac", Some("test.ac")),
            ("mm", None),
            ("c.mm", None),
            ("b.c.mm", Some("b.c.mm")),
            ("a.b.c.mm", Some("b.c.mm")),
            ("jp", None),
            ("test.jp", Some("test.jp")),
            ("www.test.jp", Some("test.jp")),
            ("ac.jp", None),
            ("test.ac.jp", Some("test.ac.jp")),
            ("kyoto.jp", None),
            ("test.kyoto.jp", Some("test.kyoto.jp")),
            ("ide.kyoto.jp", None),
            ("b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
            ("a.b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
            ("c.kobe.jp", None),
            ("b.c.kobe.jp", Some("b.c.kobe.jp")),
            ("city.kobe.jp", Some("city.kobe.jp")),
            ("www.city.kobe.jp", Some("city.kobe.jp")),
            ("co.id", None),
            ("example.co.id", Some("example.co.id")),
            ("mail.example.co.id", Some("example.co.id")),
            ("web.id", None),
            ("example.github.io", Some("example.github.io")),
            ("xn--85x722f.com.cn", Some("xn--85x722f.com.cn")),
            ("xn--55qx5d.cn", None),
            ("shishi.xn--55qx5d.cn", Some("shishi.xn--55qx5d.cn")),
        ] {
            assert_eq!(registrable_domain(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn unknown_top_level_labels_use_the_default_rule() {
        assert_eq!(
            suffix("mail.example.notatld"),
            Some(("notatld".into(), false))
        );
        assert_eq!(suffix("mail.example.com"), Some(("com".into(), true)));
        assert_eq!(suffix("a..b"), None);
    }
}
