//! Look-alike (homograph) names: a name that is valid IDNA but can pass for another,
//! such as `еxample.com` with a Cyrillic `е`. Such a name is still checked — it is a
//! real domain and its owner may mean it — but the user is warned, as browsers do
//! (Chromium's IDN display policy and UTS #39 "mixed-script confusables").
//!
//! The rules are deliberately few and conservative, so a legitimate IDN never warns:
//! 1. one label mixing letters of two of the Latin, Greek, Cyrillic and Armenian
//!    alphabets (scripts that share look-alike letters); Han, kana, Hangul and the
//!    like mixed with Latin are normal in Japanese, Chinese and Korean names;
//! 2. a label written entirely in Cyrillic letters that look Latin, under an ASCII
//!    top-level domain (`аррӏе.com`); the same letters under `.рф` are just Russian.

use super::InputProblem;

/// The alphabets whose letters are confused with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
}

/// The script of a letter among [`Script`]; `None` for digits, the hyphen, combining
/// marks and every other script.
fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(Script::Latin),
        '\u{00D7}' | '\u{00F7}' => None,
        '\u{00C0}'..='\u{024F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}' => Some(Script::Latin),
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        '\u{0400}'..='\u{052F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Some(Script::Cyrillic),
        '\u{0530}'..='\u{058F}' => Some(Script::Armenian),
        _ => None,
    }
}

/// Cyrillic lower-case letters that render like Latin ones (Chromium's list for its
/// whole-script confusable test, `idn_spoof_checker.cc`).
const CYRILLIC_LATIN_LOOKALIKES: &str = "асԁеһіјӏорԛѕԝхуъьҽпгѵѡ";

/// `е (U+0435)` for each distinct character, in order of appearance.
fn describe(chars: impl Iterator<Item = char>) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in chars {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The look-alike warnings for a domain given in Unicode form (after IDNA mapping,
/// so lower case) and its ASCII form. At most one warning: the first suspicious label.
pub(super) fn warnings(unicode: &str, ascii: &str) -> Vec<InputProblem> {
    let labels: Vec<&str> = unicode.split('.').collect();
    let tld_is_ascii = labels.last().is_some_and(|tld| tld.is_ascii());
    for label in &labels {
        let mut scripts: Vec<Script> = label.chars().filter_map(script).collect();
        scripts.sort();
        scripts.dedup();
        if scripts.len() > 1 {
            // The minority letters are the imitating ones: name the letters that are
            // not of the label's most frequent script.
            let count = |s: Script| label.chars().filter(|c| script(*c) == Some(s)).count();
            let main = scripts
                .iter()
                .copied()
                .max_by_key(|s| count(*s))
                .unwrap_or(Script::Latin);
            let odd = label
                .chars()
                .filter(|c| script(*c).is_some_and(|s| s != main));
            return vec![InputProblem::MixedScripts {
                label: (*label).to_owned(),
                characters: describe(odd),
                ascii: ascii.to_owned(),
            }];
        }
        let letters: Vec<char> = label.chars().filter(|c| script(*c).is_some()).collect();
        if tld_is_ascii
            && scripts == [Script::Cyrillic]
            && letters
                .iter()
                .all(|c| CYRILLIC_LATIN_LOOKALIKES.contains(*c))
        {
            return vec![InputProblem::LooksLatin {
                label: (*label).to_owned(),
                characters: describe(letters.into_iter()),
                ascii: ascii.to_owned(),
            }];
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warn(unicode: &str) -> Option<InputProblem> {
        warnings(unicode, "ascii").into_iter().next()
    }

    #[test]
    fn legitimate_names_do_not_warn() {
        for name in [
            "example.com",
            "bücher.de",
            "пример.рф",
            "москва.рф",
            "παράδειγμα.δοκιμή",
            "例え.jp",
            "日本語ドメイン.jp",
            "mañana.com",
            "xn--ls8h.la",
            "한국.kr",
            "süß-123.de",
            // All Cyrillic look-alikes, but under a Cyrillic TLD: ordinary Russian.
            "сосо.рф",
        ] {
            assert_eq!(warn(name), None, "{name}");
        }
    }

    #[test]
    fn mixed_alphabets_in_one_label_warn_naming_the_odd_letters() {
        assert_eq!(
            warn("еxample.com"),
            Some(InputProblem::MixedScripts {
                label: "еxample".into(),
                characters: "е (U+0435)".into(),
                ascii: "ascii".into(),
            })
        );
        // Greek omicron inside a Latin word.
        assert!(matches!(
            warn("gοοgle.com"),
            Some(InputProblem::MixedScripts { characters, .. }) if characters == "ο (U+03BF)"
        ));
        // Latin letters inside a Cyrillic word: the Latin ones are the odd ones.
        assert!(matches!(
            warn("пpивeт.рф"),
            Some(InputProblem::MixedScripts { characters, .. })
                if characters == "p (U+0070), e (U+0065)"
        ));
        // The label, not the whole name: a Latin label next to a Cyrillic one is fine.
        assert_eq!(warn("mail.пример.рф"), None);
    }

    #[test]
    fn whole_cyrillic_look_alikes_under_an_ascii_tld_warn() {
        assert!(matches!(
            warn("аррӏе.com"),
            Some(InputProblem::LooksLatin { label, .. }) if label == "аррӏе"
        ));
        // A Cyrillic word with letters that do not look Latin is just Cyrillic.
        assert_eq!(warn("привет.com"), None);
    }
}
