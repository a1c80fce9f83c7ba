//! Injected faults, so that tests can see how clients cope with failing resolvers.

use std::fmt;

use hickory_proto::rr::Name;

/// What to do instead of answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// HTTP: hold the request 30 s, then 504. DNS: never answer.
    Timeout,
    /// Answer with RCODE 2.
    ServFail,
    /// Answer with RCODE 5.
    Refused,
    /// HTTP 429 with `Retry-After` in seconds; REFUSED on plain DNS.
    Http429 {
        /// The `Retry-After` value.
        retry_after: u32,
    },
    /// HTTP 500; SERVFAIL on plain DNS.
    Http500,
    /// A body that is neither JSON nor a DNS message.
    Malformed,
    /// The correct body cut in half.
    Truncated,
}

impl fmt::Display for FaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultKind::Timeout => f.write_str("timeout"),
            FaultKind::ServFail => f.write_str("servfail"),
            FaultKind::Refused => f.write_str("refused"),
            FaultKind::Http429 { retry_after } => write!(f, "http429:{retry_after}"),
            FaultKind::Http500 => f.write_str("http500"),
            FaultKind::Malformed => f.write_str("malformed"),
            FaultKind::Truncated => f.write_str("truncated"),
        }
    }
}

impl std::str::FromStr for FaultKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "timeout" => FaultKind::Timeout,
            "servfail" => FaultKind::ServFail,
            "refused" => FaultKind::Refused,
            "http429" => FaultKind::Http429 { retry_after: 1 },
            "http500" => FaultKind::Http500,
            "malformed" => FaultKind::Malformed,
            "truncated" => FaultKind::Truncated,
            other => match other.strip_prefix("http429:") {
                Some(secs) => FaultKind::Http429 {
                    retry_after: secs
                        .parse()
                        .map_err(|_| format!("bad Retry-After seconds in {s:?}"))?,
                },
                None => {
                    return Err(format!(
                        "unknown fault kind {s:?} (timeout, servfail, refused, http429[:SECS], http500, malformed, truncated)"
                    ));
                }
            },
        })
    }
}

/// Which names a rule covers. Names are kept lower-case without the trailing dot.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    /// Exactly this name.
    Exact(String),
    /// Any name strictly below this suffix; the empty suffix (`*`) covers every name.
    Below(String),
}

/// One `NAME=KIND` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    pattern: Pattern,
    /// The fault to inject.
    pub kind: FaultKind,
}

fn normalize(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

impl FaultRule {
    /// Builds a rule from a name pattern and a kind.
    pub fn new(name: &str, kind: &str) -> Result<Self, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("fault needs a name".into());
        }
        let pattern = if name == "*" || name == "*." {
            Pattern::Below(String::new())
        } else if let Some(suffix) = name.strip_prefix("*.") {
            Pattern::Below(normalize(suffix))
        } else {
            Pattern::Exact(normalize(name))
        };
        Ok(FaultRule {
            pattern,
            kind: kind.parse()?,
        })
    }

    /// Parses the `--fault NAME=KIND` form.
    pub fn parse_arg(arg: &str) -> Result<Self, String> {
        let (name, kind) = arg
            .split_once('=')
            .ok_or_else(|| format!("fault {arg:?} is not NAME=KIND"))?;
        Self::new(name, kind)
    }

    fn matches(&self, name: &str) -> bool {
        match &self.pattern {
            Pattern::Exact(exact) => name == exact,
            Pattern::Below(suffix) if suffix.is_empty() => true,
            Pattern::Below(suffix) => name
                .strip_suffix(suffix.as_str())
                .is_some_and(|head| head.ends_with('.')),
        }
    }
}

/// Parses a `--faults` file: one `NAME KIND` per line, `#` starts a comment.
pub fn parse_file(text: &str) -> Result<Vec<FaultRule>, String> {
    let mut rules = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(name), Some(kind), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!("line {}: expected `NAME KIND`", index + 1));
        };
        rules.push(FaultRule::new(name, kind).map_err(|e| format!("line {}: {e}", index + 1))?);
    }
    Ok(rules)
}

/// The configured rules; the first matching rule wins.
#[derive(Debug, Clone, Default)]
pub struct FaultSet {
    rules: Vec<FaultRule>,
}

impl FaultSet {
    /// Wraps rules in priority order.
    pub fn new(rules: Vec<FaultRule>) -> Self {
        FaultSet { rules }
    }

    /// The fault for `name`, if any rule matches.
    pub fn find(&self, name: &Name) -> Option<FaultKind> {
        if self.rules.is_empty() {
            return None;
        }
        let name = normalize(&name.to_ascii());
        self.rules.iter().find(|r| r.matches(&name)).map(|r| r.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    #[test]
    fn kinds_parse() {
        assert_eq!("Timeout".parse(), Ok(FaultKind::Timeout));
        assert_eq!("http429".parse(), Ok(FaultKind::Http429 { retry_after: 1 }));
        assert_eq!(
            "http429:7".parse(),
            Ok(FaultKind::Http429 { retry_after: 7 })
        );
        assert!("http429:x".parse::<FaultKind>().is_err());
        assert!("slow".parse::<FaultKind>().is_err());
    }

    #[test]
    fn exact_and_suffix_patterns() {
        let set = FaultSet::new(vec![
            FaultRule::parse_arg("Fail.Example.com.=servfail").unwrap(),
            FaultRule::parse_arg("*.bl.example=refused").unwrap(),
        ]);
        assert_eq!(
            set.find(&name("fail.example.com")),
            Some(FaultKind::ServFail)
        );
        assert_eq!(
            set.find(&name("FAIL.example.com.")),
            Some(FaultKind::ServFail)
        );
        assert_eq!(set.find(&name("x.fail.example.com.")), None);
        assert_eq!(
            set.find(&name("2.0.0.127.bl.example.")),
            Some(FaultKind::Refused)
        );
        assert_eq!(set.find(&name("bl.example.")), None);
        assert_eq!(set.find(&name("xbl.example.")), None);
        assert!(FaultRule::parse_arg("nokind").is_err());
    }

    #[test]
    fn file_format() {
        let rules =
            parse_file("# faults\nslow.example.com timeout\n\n*.example.net http429:3 # busy\n")
                .unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[1].kind, FaultKind::Http429 { retry_after: 3 });
        assert!(parse_file("a b c\n").unwrap_err().starts_with("line 1"));
    }
}
