//! The text catalogues: every user-facing string of the page, the CLI and the
//! report, in English and Bahasa Indonesia.
//!
//! Catalogues are Fluent files (`core/locales/<lang>/<family>.ftl`), one per check
//! family and language. We read the subset of Fluent we use — `key = value`,
//! indented continuation lines, `#` comments and `{ $name }` placeables — with this
//! small reader instead of `fluent-bundle`, whose runtime (plural rules, bidi
//! isolation, number formatting) the page would pay for in wasm weight without using
//! it. The files stay valid Fluent, so moving to `fluent-bundle` later is a swap of
//! this module only. `tests::catalogues_are_complete` fails when a key or a
//! placeholder is missing in either language.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language of the product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Id => "id",
        }
    }

    /// Reads `en`, `id`, or a browser tag such as `id-ID` / `en-US`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "id" | "in" => Some(Self::Id),
            _ => None,
        }
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::En => &[
                ("ui", include_str!("../locales/en/ui.ftl")),
                ("input", include_str!("../locales/en/input.ftl")),
                ("facts", include_str!("../locales/en/facts.ftl")),
                ("report", include_str!("../locales/en/report.ftl")),
                ("mx", include_str!("../locales/en/mx.ftl")),
                ("spf", include_str!("../locales/en/spf.ftl")),
                ("server", include_str!("../locales/en/server.ftl")),
                ("dkim", include_str!("../locales/en/dkim.ftl")),
                ("dmarc", include_str!("../locales/en/dmarc.ftl")),
                ("extras", include_str!("../locales/en/extras.ftl")),
                ("dnsbl", include_str!("../locales/en/dnsbl.ftl")),
            ],
            Self::Id => &[
                ("ui", include_str!("../locales/id/ui.ftl")),
                ("input", include_str!("../locales/id/input.ftl")),
                ("facts", include_str!("../locales/id/facts.ftl")),
                ("report", include_str!("../locales/id/report.ftl")),
                ("mx", include_str!("../locales/id/mx.ftl")),
                ("spf", include_str!("../locales/id/spf.ftl")),
                ("server", include_str!("../locales/id/server.ftl")),
                ("dkim", include_str!("../locales/id/dkim.ftl")),
                ("dmarc", include_str!("../locales/id/dmarc.ftl")),
                ("extras", include_str!("../locales/id/extras.ftl")),
                ("dnsbl", include_str!("../locales/id/dnsbl.ftl")),
            ],
        }
    }

    fn catalogue(self) -> &'static HashMap<String, String> {
        static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
        static ID: OnceLock<HashMap<String, String>> = OnceLock::new();
        let cell = match self {
            Self::En => &EN,
            Self::Id => &ID,
        };
        cell.get_or_init(|| {
            self.sources()
                .iter()
                .flat_map(|(_, src)| parse_ftl(src))
                .collect()
        })
    }
}

/// A message to render: a catalogue key and its arguments. The engine produces
/// these; only the front ends turn them into text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The catalogue key.
    pub key: String,
    /// Values for the placeables.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
    /// Placeables filled with another message, rendered in the same language: a
    /// range's name, a provider's panel, the reason a lookup failed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nested: BTreeMap<String, Message>,
}

impl Message {
    /// A message without arguments.
    pub fn new(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            args: BTreeMap::new(),
            nested: BTreeMap::new(),
        }
    }

    /// Adds an argument whose text is the catalogue entry `key`.
    pub fn arg_key(self, name: &str, key: impl Into<String>) -> Self {
        self.arg_msg(name, Message::new(key))
    }

    /// Adds an argument whose text is another message.
    pub fn arg_msg(mut self, name: &str, message: Message) -> Self {
        self.nested.insert(name.to_owned(), message);
        self
    }

    /// Every catalogue key this message uses, nested ones included.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys = vec![self.key.as_str()];
        for m in self.nested.values() {
            keys.extend(m.keys());
        }
        keys
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    /// Renders the message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let nested: Vec<(&str, String)> = self
            .nested
            .iter()
            .map(|(k, message)| (k.as_str(), message.render(lang)))
            .collect();
        let pairs: Vec<(&str, &str)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(nested.iter().map(|(k, v)| (*k, v.as_str())))
            .collect();
        text(lang, &self.key, &pairs)
    }
}

/// The text of `key` in `lang` with placeables filled from `args`.
///
/// A missing key renders as the key itself (the catalogue test keeps that from
/// shipping); a placeable without a value is left visible as `{$name}`.
pub fn text(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let Some(pattern) = lang.catalogue().get(key) else {
        return key.to_owned();
    };
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern.as_str();
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let inner = rest[start + 1..start + len].trim();
        match inner.strip_prefix('$') {
            Some(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => out.push_str(&format!("{{${name}}}")),
            },
            // A string literal placeable, Fluent's way of writing `{ "{" }`.
            None => out.push_str(inner.trim_matches('"')),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether `key` exists in `lang`'s catalogue.
pub fn has_key(lang: Lang, key: &str) -> bool {
    lang.catalogue().contains_key(key)
}

/// Every key of `lang`'s catalogue.
pub fn keys(lang: Lang) -> BTreeSet<String> {
    lang.catalogue().keys().cloned().collect()
}

/// The placeable names used by `key` in `lang`.
pub fn placeholders(lang: Lang, key: &str) -> BTreeSet<String> {
    let Some(pattern) = lang.catalogue().get(key) else {
        return BTreeSet::new();
    };
    pattern
        .split('{')
        .skip(1)
        .filter_map(|part| part.split('}').next())
        .filter_map(|inner| inner.trim().strip_prefix('$').map(str::to_owned))
        .collect()
}

fn parse_ftl(src: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') {
            // A continuation line: Fluent joins the lines of a multiline value with
            // a newline after removing the common indentation.
            if let Some((_, value)) = entries.last_mut() {
                if !value.is_empty() {
                    value.push('\n');
                }
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            entries.push((key.trim().to_owned(), value.trim().to_owned()));
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_are_complete() {
        let en = keys(Lang::En);
        let id = keys(Lang::Id);
        let only_en: Vec<_> = en.difference(&id).collect();
        let only_id: Vec<_> = id.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in Indonesian: {only_en:?}");
        assert!(only_id.is_empty(), "missing in English: {only_id:?}");
        for key in &en {
            assert_eq!(
                placeholders(Lang::En, key),
                placeholders(Lang::Id, key),
                "placeholders differ for {key}"
            );
            for lang in Lang::ALL {
                let value = &lang.catalogue()[key];
                assert!(!value.trim().is_empty(), "{key} is empty in {lang:?}");
                assert!(
                    !value.contains("->"),
                    "{key}: Fluent selectors are not supported"
                );
            }
        }
    }

    #[test]
    fn every_catalogue_file_exists_in_both_languages() {
        let en: Vec<_> = Lang::En.sources().iter().map(|(f, _)| *f).collect();
        let id: Vec<_> = Lang::Id.sources().iter().map(|(f, _)| *f).collect();
        assert_eq!(en, id);
    }

    #[test]
    fn placeables_are_filled() {
        let m = Message::new("input-label-too-long").arg("length", 64);
        assert!(m.render(Lang::En).contains("64"));
        assert!(m.render(Lang::Id).contains("64"));
        assert_eq!(text(Lang::En, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn browser_tags() {
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
