//! The tag=value list of RFC 6376 §3.2, shared by DKIM key records and DMARC
//! records (RFC 7489 §6.4 and RFC 9989 reuse it).
//!
//! ```text
//! tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
//! tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
//! tag-name  =  ALPHA *ALNUMPUNC
//! tag-value =  [ tval *( 1*(WSP / FWS) tval ) ]
//!                   ; Prohibits WSP and FWS at beginning and end
//! tval      =  1*VALCHAR
//! VALCHAR   =  %x21-3A / %x3C-7E
//!                   ; EXCLAMATION to TILDE except SEMICOLON
//! ALNUMPUNC =  ALPHA / DIGIT / "_"
//! ```
//!
//! The reader never fails: a term without `=` or with a bad name is kept as a
//! [`TagProblem`] with its span, and reading goes on with the next `;`.

use serde::{Deserialize, Serialize};

/// A byte range in the record text, `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// One `name=value` pair, trimmed of surrounding whitespace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// The name as written.
    pub name: String,
    /// The value as written, without leading and trailing whitespace.
    pub value: String,
    /// Where the whole `name=value` term is.
    pub span: Span,
    /// Where the value is.
    pub value_span: Span,
}

impl Tag {
    /// The name in lower case, for matching (receivers compare names without case).
    pub fn key(&self) -> String {
        self.name.to_ascii_lowercase()
    }
}

/// A term that is not a `tag-spec`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum TagProblem {
    /// A term without `=`.
    NoEquals {
        /// The term's text.
        text: String,
        /// Where.
        span: Span,
    },
    /// A name that is not `ALPHA *ALNUMPUNC`.
    BadName {
        /// The name.
        text: String,
        /// Where.
        span: Span,
    },
    /// The same tag twice (RFC 6376 §3.2: "Tags with duplicate names MUST NOT
    /// occur within a single tag-list").
    Duplicate {
        /// The name.
        text: String,
        /// Where the second one is.
        span: Span,
    },
}

/// Reads `text` as a tag list: the well-formed tags in order, and the problems.
pub fn parse_tag_list(text: &str) -> (Vec<Tag>, Vec<TagProblem>) {
    let mut tags: Vec<Tag> = Vec::new();
    let mut problems = Vec::new();
    let mut start = 0;
    for part in text.split(';') {
        let part_start = start;
        start += part.len() + 1;
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        let t_start = part_start + lead;
        let span = Span::new(t_start, t_start + trimmed.len());
        let Some(eq) = trimmed.find('=') else {
            problems.push(TagProblem::NoEquals {
                text: trimmed.to_owned(),
                span,
            });
            continue;
        };
        let name = trimmed[..eq].trim_end();
        let raw_value = &trimmed[eq + 1..];
        let value = raw_value.trim();
        let v_start = t_start + eq + 1 + (raw_value.len() - raw_value.trim_start().len());
        let good_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !good_name {
            problems.push(TagProblem::BadName {
                text: name.to_owned(),
                span: Span::new(t_start, t_start + name.len()),
            });
            continue;
        }
        let tag = Tag {
            name: name.to_owned(),
            value: value.to_owned(),
            span,
            value_span: Span::new(v_start, v_start + value.len()),
        };
        if tags.iter().any(|t| t.key() == tag.key()) {
            problems.push(TagProblem::Duplicate {
                text: name.to_owned(),
                span,
            });
            continue;
        }
        tags.push(tag);
    }
    (tags, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_spans_and_problems() {
        let text = "v=DMARC1;  p = reject ; junk; 1x=2; p=none;";
        let (tags, problems) = parse_tag_list(text);
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[1].name, "p");
        assert_eq!(tags[1].value, "reject");
        let s = tags[1].value_span;
        assert_eq!(&text[s.start..s.end], "reject");
        assert!(matches!(&problems[0], TagProblem::NoEquals { text, .. } if text == "junk"));
        assert!(matches!(&problems[1], TagProblem::BadName { text, .. } if text == "1x"));
        assert!(matches!(&problems[2], TagProblem::Duplicate { text, .. } if text == "p"));
    }

    #[test]
    fn empty_values_and_trailing_semicolons() {
        let (tags, problems) = parse_tag_list("v=DKIM1; p=;");
        assert!(problems.is_empty());
        assert_eq!(tags[1].value, "");
    }
}
