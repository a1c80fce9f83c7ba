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
                ("message", include_str!("../locales/en/message.ftl")),
                ("dmarc", include_str!("../locales/en/dmarc.ftl")),
                ("extras", include_str!("../locales/en/extras.ftl")),
                ("dnsbl", include_str!("../locales/en/dnsbl.ftl")),
                ("dnshost", include_str!("../locales/en/dnshost.ftl")),
                ("export", include_str!("../locales/en/export.ftl")),
                ("rdap", include_str!("../locales/en/rdap.ftl")),
                ("provider", include_str!("../locales/en/provider.ftl")),
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
                ("message", include_str!("../locales/id/message.ftl")),
                ("dmarc", include_str!("../locales/id/dmarc.ftl")),
                ("extras", include_str!("../locales/id/extras.ftl")),
                ("dnsbl", include_str!("../locales/id/dnsbl.ftl")),
                ("dnshost", include_str!("../locales/id/dnshost.ftl")),
                ("export", include_str!("../locales/id/export.ftl")),
                ("rdap", include_str!("../locales/id/rdap.ftl")),
                ("provider", include_str!("../locales/id/provider.ftl")),
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
    render_parts(&parse_pattern(pattern), lang, args, &mut out);
    out
}

/// One piece of a message pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// Literal text.
    Text(String),
    /// `{ $name }`.
    Var(String),
    /// `{ $name -> [key] … *[other] … }`: Fluent's select expression, which the
    /// catalogues use for plural forms.
    Select { var: String, variants: Vec<Variant> },
}

/// One `[key] value` line of a select expression.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Variant {
    key: String,
    default: bool,
    value: Vec<Part>,
}

/// The CLDR plural category of `value` in `lang`: English has `one` for exactly 1
/// and `other` otherwise; Indonesian does not inflect for number (`other` always).
fn plural_category(lang: Lang, value: &str) -> &'static str {
    match lang {
        Lang::En if value.trim() == "1" => "one",
        _ => "other",
    }
}

fn render_parts(parts: &[Part], lang: Lang, args: &[(&str, &str)], out: &mut String) {
    let arg = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Var(name) => match arg(name) {
                Some(v) => out.push_str(v),
                None => out.push_str(&format!("{{${name}}}")),
            },
            Part::Select { var, variants } => {
                // Fluent's order: an exact key (`[0]`) first, then the plural
                // category, then the default variant.
                let value = arg(var).unwrap_or_default();
                let category = plural_category(lang, value);
                let chosen = variants
                    .iter()
                    .find(|v| v.key == value.trim())
                    .or_else(|| variants.iter().find(|v| v.key == category))
                    .or_else(|| variants.iter().find(|v| v.default));
                if let Some(variant) = chosen {
                    render_parts(&variant.value, lang, args, out);
                }
            }
        }
    }
}

/// The index of the `}` closing the placeable that starts just before `s`,
/// counting nested placeables.
fn closing_brace(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_string = !in_string,
            _ if in_string => {}
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Reads a pattern: text, `{ $var }`, `{ "literal" }` and select expressions.
/// Malformed placeables are kept as text, so a catalogue typo shows instead of
/// swallowing the rest of the message.
fn parse_pattern(pattern: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let Some(len) = closing_brace(&rest[start + 1..]) else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let inner = &rest[start + 1..start + 1 + len];
        rest = &rest[start + 2 + len..];
        match parse_placeable(inner) {
            Some(Part::Text(literal)) => text.push_str(&literal),
            Some(part) => {
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(part);
            }
            None => {
                text.push('{');
                text.push_str(inner);
                text.push('}');
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

fn parse_placeable(inner: &str) -> Option<Part> {
    let trimmed = inner.trim();
    if let Some((selector, variants)) = trimmed.split_once("->") {
        let var = selector.trim().strip_prefix('$')?.trim().to_owned();
        return Some(Part::Select {
            var,
            variants: parse_variants(variants)?,
        });
    }
    if let Some(name) = trimmed.strip_prefix('$') {
        return Some(Part::Var(name.trim().to_owned()));
    }
    // A string literal placeable, Fluent's way of writing `{ "{" }`.
    let literal = trimmed.strip_prefix('"')?.strip_suffix('"')?;
    Some(Part::Text(literal.to_owned()))
}

/// The variants of a select expression, one per line: `[key] value` or
/// `*[key] value` for the default. `None` unless there is exactly one default.
fn parse_variants(src: &str) -> Option<Vec<Variant>> {
    let mut variants = Vec::new();
    for line in src.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (default, line) = match line.strip_prefix('*') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (key, value) = line.strip_prefix('[')?.split_once(']')?;
        variants.push(Variant {
            key: key.trim().to_owned(),
            default,
            value: parse_pattern(value.trim()),
        });
    }
    (variants.iter().filter(|v| v.default).count() == 1).then_some(variants)
}

/// Whether `key` exists in `lang`'s catalogue.
pub fn has_key(lang: Lang, key: &str) -> bool {
    lang.catalogue().contains_key(key)
}

/// Every key of `lang`'s catalogue.
pub fn keys(lang: Lang) -> BTreeSet<String> {
    lang.catalogue().keys().cloned().collect()
}

/// The placeable names used by `key` in `lang`, in every variant and as selectors.
pub fn placeholders(lang: Lang, key: &str) -> BTreeSet<String> {
    let Some(pattern) = lang.catalogue().get(key) else {
        return BTreeSet::new();
    };
    fn walk(parts: &[Part], out: &mut BTreeSet<String>) {
        for part in parts {
            match part {
                Part::Text(_) => {}
                Part::Var(name) => {
                    out.insert(name.clone());
                }
                Part::Select { var, variants } => {
                    out.insert(var.clone());
                    for v in variants {
                        walk(&v.value, out);
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&parse_pattern(pattern), &mut out);
    out
}

/// The select expressions of `key` in `lang`: selector and variant keys, for the
/// catalogue test.
#[cfg(test)]
fn selects(lang: Lang, key: &str) -> Vec<(String, Vec<(String, bool)>)> {
    fn walk(parts: &[Part], out: &mut Vec<(String, Vec<(String, bool)>)>) {
        for part in parts {
            if let Part::Select { var, variants } = part {
                out.push((
                    var.clone(),
                    variants
                        .iter()
                        .map(|v| (v.key.clone(), v.default))
                        .collect(),
                ));
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    if let Some(pattern) = lang.catalogue().get(key) {
        walk(&parse_pattern(pattern), &mut out);
    }
    out
}

fn parse_ftl(src: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        // A select expression's closing brace may start a line: it belongs to the
        // placeable, not to a new entry.
        if line.starts_with(' ') || line.starts_with('}') {
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
                // A select the reader could not parse is kept as text: it would
                // show its `->` and variant lines to the user.
                let filled: Vec<(String, String)> = placeholders(lang, key)
                    .into_iter()
                    .map(|p| (p, "2".to_owned()))
                    .collect();
                let args: Vec<(&str, &str)> = filled
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let rendered = text(lang, key, &args);
                assert!(
                    !rendered.contains("->") && !rendered.contains("*["),
                    "{key} in {lang:?}: malformed select expression: {value}"
                );
            }
            // Both languages select on the same arguments; English plural selects
            // name `one`, and every select has its default (the reader checks that).
            let selectors = |lang| -> BTreeSet<String> {
                selects(lang, key).into_iter().map(|(v, _)| v).collect()
            };
            let (en_sel, id_sel) = (selects(Lang::En, key), selects(Lang::Id, key));
            for (var, variants) in &en_sel {
                let has = |k: &str| variants.iter().any(|(key, _)| key == k);
                if has("other") {
                    assert!(has("one"), "{key}: English select on ${var} lacks [one]");
                }
            }
            for (var, _) in &id_sel {
                assert!(
                    selectors(Lang::En).contains(var),
                    "{key}: Indonesian selects on ${var}, English does not"
                );
            }
        }
    }

    #[test]
    fn plural_selects_follow_each_language() {
        let parts = parse_pattern(
            "All { $count ->\n[one] { $count } check\n*[other] { $count } checks\n} ran.",
        );
        let render = |lang, n: &str| {
            let mut out = String::new();
            render_parts(&parts, lang, &[("count", n)], &mut out);
            out
        };
        assert_eq!(render(Lang::En, "1"), "All 1 check ran.");
        assert_eq!(render(Lang::En, "0"), "All 0 checks ran.");
        assert_eq!(render(Lang::En, "12"), "All 12 checks ran.");
        // Indonesian has no plural inflection: always the default (`other`).
        assert_eq!(render(Lang::Id, "1"), "All 1 checks ran.");
        // An exact key wins over the category.
        let parts = parse_pattern("{ $n ->\n[0] none\n[one] one\n*[other] many\n}");
        let mut out = String::new();
        render_parts(&parts, Lang::En, &[("n", "0")], &mut out);
        assert_eq!(out, "none");
        // Without exactly one default the placeable is kept as text, visibly.
        assert!(matches!(
            parse_pattern("{ $n ->\n[one] x\n[other] y\n}").as_slice(),
            [Part::Text(_)]
        ));
        assert_eq!(
            parse_pattern("a { \"{\" } b"),
            vec![Part::Text("a { b".into())]
        );
    }

    #[test]
    fn catalogue_plurals_render() {
        let m = |n: usize| Message::new("verdict-warn").arg("count", n);
        assert!(
            m(1).render(Lang::En).contains("1 warning."),
            "{}",
            m(1).render(Lang::En)
        );
        assert!(m(3).render(Lang::En).contains("3 warnings"));
        assert!(m(1).render(Lang::Id).contains("1 peringatan"));
        // The page's fix-everything counts (rendered with `text`, string arguments).
        let at_host = |n: &str| text(Lang::En, "ui-fix-all-at-dns-host", &[("count", n)]);
        assert_eq!(at_host("1"), "At your DNS host: 1 record");
        assert_eq!(at_host("2"), "At your DNS host: 2 records");
        assert_eq!(
            placeholders(Lang::En, "verdict-warn"),
            BTreeSet::from(["count".to_owned()])
        );
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
