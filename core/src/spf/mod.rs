//! SPF, RFC 7208: the record model, a diagnosing parser, `check_host()`, a static
//! expansion of the whole include/redirect tree, and the `spf.*` checks.
//!
//! * [`parse::parse`] reads a record into [`Record`] and never fails: it returns the
//!   terms it could read and [`Diagnostic`]s with byte spans.
//! * [`eval::check_host`] is RFC 7208 §4 over the engine's [`Resolver`]; it returns
//!   the result, the `exp=` explanation, the lookup counts and a [`trace::TraceNode`].
//! * [`trace::expand`] walks every include and redirect whatever the IP, for the
//!   static lookup total the publisher must keep within 10, and the networks the
//!   record authorises.
//! * [`evaluate`] combines both: what `inboxable spf DOMAIN --ip IP` prints.
//! * [`run`] is the check family (`spf.present` … `spf.deprecated`).
//!
//! The record grammar, RFC 7208 §4.5, §4.6.1, §5, §6 and §7.1, quoted on the types
//! below:
//!
//! ```text
//! record           = version terms *SP
//! version          = "v=spf1"
//! terms            = *( 1*SP ( directive / modifier ) )
//! directive        = [ qualifier ] mechanism
//! qualifier        = "+" / "-" / "?" / "~"
//! mechanism        = ( all / include / a / mx / ptr / ip4 / ip6 / exists )
//! modifier         = redirect / explanation / unknown-modifier
//! unknown-modifier = name "=" macro-string
//!                    ; where name is not any known modifier
//! name             = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
//! ```
//!
//! [`Resolver`]: crate::resolver::Resolver

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

mod checks;
pub mod eval;
mod fix;
pub mod macros;
pub mod parse;
pub mod trace;

pub use checks::{catalogue_keys, run};
pub use eval::{CheckHost, Params, check_host};
pub use parse::{is_spf_record, parse};
pub use trace::{Expansion, Network, TraceNode, expand};

/// At most this many DNS-querying terms per evaluation (RFC 7208 §4.6.4).
pub const MAX_LOOKUPS: u32 = 10;
/// At most this many void lookups per evaluation (RFC 7208 §4.6.4, "SHOULD").
pub const MAX_VOID_LOOKUPS: u32 = 2;
/// At most this many MX names per `mx` term, and PTR names per `ptr` (§4.6.4).
pub const MAX_NAMES: usize = 10;
/// A TXT character-string holds at most 255 octets (RFC 1035 §3.3, RFC 7208 §3.3).
pub const MAX_STRING_OCTETS: usize = 255;
/// The advised ceiling for the TXT answer at the name (RFC 7208 §3.4).
pub const ADVISED_ANSWER_OCTETS: usize = 450;

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

/// The result of `check_host()` (RFC 7208 §2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfResult {
    /// No syntactically valid domain, or no SPF record at it.
    None,
    /// The domain owner makes no assertion about the IP.
    Neutral,
    /// The IP is authorised.
    Pass,
    /// The IP is explicitly not authorised.
    Fail,
    /// The IP is probably not authorised (a weak fail).
    Softfail,
    /// A transient (DNS) error: try again later.
    Temperror,
    /// The record is broken and cannot be interpreted.
    Permerror,
}

impl SpfResult {
    /// The lower-case name used in `Received-SPF` and the test suite.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Neutral => "neutral",
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Softfail => "softfail",
            Self::Temperror => "temperror",
            Self::Permerror => "permerror",
        }
    }
}

impl std::fmt::Display for SpfResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ```text
/// qualifier        = "+" / "-" / "?" / "~"
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `+`, the default.
    Pass,
    /// `-`.
    Fail,
    /// `~`.
    Softfail,
    /// `?`.
    Neutral,
}

impl Qualifier {
    /// The result a matching mechanism with this qualifier produces (§4.6.2).
    pub fn result(self) -> SpfResult {
        match self {
            Self::Pass => SpfResult::Pass,
            Self::Fail => SpfResult::Fail,
            Self::Softfail => SpfResult::Softfail,
            Self::Neutral => SpfResult::Neutral,
        }
    }

    /// The qualifier character.
    pub fn symbol(self) -> char {
        match self {
            Self::Pass => '+',
            Self::Fail => '-',
            Self::Softfail => '~',
            Self::Neutral => '?',
        }
    }

    /// Reads a qualifier character.
    pub fn from_symbol(c: char) -> Option<Self> {
        match c {
            '+' => Some(Self::Pass),
            '-' => Some(Self::Fail),
            '~' => Some(Self::Softfail),
            '?' => Some(Self::Neutral),
            _ => None,
        }
    }
}

/// ```text
/// dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
/// ip4-cidr-length  = "/" ("0" / %x31-39 0*1DIGIT) ; value range 0-32
/// ip6-cidr-length  = "/" ("0" / %x31-39 0*2DIGIT) ; value range 0-128
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DualCidr {
    /// Prefix length applied to IPv4 addresses (default 32).
    pub v4: u8,
    /// Prefix length applied to IPv6 addresses (default 128).
    pub v6: u8,
}

impl Default for DualCidr {
    fn default() -> Self {
        Self { v4: 32, v6: 128 }
    }
}

impl DualCidr {
    /// The suffix as written in a record: empty for the defaults.
    pub fn suffix(&self) -> String {
        let mut out = String::new();
        if self.v4 != 32 {
            out.push_str(&format!("/{}", self.v4));
        }
        if self.v6 != 128 {
            out.push_str(&format!("//{}", self.v6));
        }
        out
    }
}

/// ```text
/// macro-string     = *( macro-expand / macro-literal )
/// macro-expand     = ( "%{" macro-letter transformers *delimiter "}" )
///                    / "%%" / "%_" / "%-"
/// macro-literal    = %x21-24 / %x26-7E
///                    ; visible characters except "%"
/// macro-letter     = "s" / "l" / "o" / "d" / "i" / "p" / "h" /
///                    "c" / "r" / "t" / "v"
/// transformers     = *DIGIT [ "r" ]
/// delimiter        = "." / "-" / "+" / "," / "/" / "_" / "="
/// domain-spec      = macro-string domain-end
/// domain-end       = ( "." toplabel [ "." ] ) / macro-expand
/// toplabel         = ( *alphanum ALPHA *alphanum ) /
///                    ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
/// explain-string   = *( macro-string / SP )
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MacroString {
    /// The text as written.
    pub text: String,
    /// The literals and macros it is made of.
    pub tokens: Vec<MacroToken>,
}

impl MacroString {
    /// Whether any `%{…}` macro appears (the value depends on the evaluation).
    pub fn has_macros(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t, MacroToken::Macro(_)))
    }

    /// Whether the `p` macro appears (RFC 7208 §7.3: it SHOULD NOT be used).
    pub fn uses_p(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t, MacroToken::Macro(m) if m.letter == 'p'))
    }
}

/// One piece of a [`MacroString`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum MacroToken {
    /// Literal text (in an explanation, spaces included).
    Literal(String),
    /// `%{…}`.
    Macro(Macro),
    /// `%%`: a percent sign.
    Percent,
    /// `%_`: a space.
    Space,
    /// `%-`: `%20`.
    UrlSpace,
}

/// `"%{" macro-letter transformers *delimiter "}"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Macro {
    /// The letter, lower case.
    pub letter: char,
    /// Written upper case: the expansion is URL-escaped (§7.3).
    pub url_escape: bool,
    /// Keep this many right-hand parts.
    pub keep: Option<u32>,
    /// The `r` transformer: reverse the parts.
    pub reverse: bool,
    /// Split on these characters (default `.`).
    pub delimiters: String,
}

/// A domain-spec: a macro-string ending in a top label or a macro.
pub type DomainSpec = MacroString;

/// ```text
/// all              = "all"
/// include          = "include"  ":" domain-spec
/// a                = "a"      [ ":" domain-spec ] [ dual-cidr-length ]
/// mx               = "mx"     [ ":" domain-spec ] [ dual-cidr-length ]
/// ptr              = "ptr"    [ ":" domain-spec ]
/// ip4              = "ip4"      ":" ip4-network   [ ip4-cidr-length ]
/// ip6              = "ip6"      ":" ip6-network   [ ip6-cidr-length ]
/// exists           = "exists"   ":" domain-spec
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mechanism", rename_all = "lowercase")]
pub enum Mechanism {
    /// Matches every IP.
    All,
    /// Matches when `check_host()` of the target passes.
    Include {
        /// The target.
        domain: DomainSpec,
    },
    /// Matches the target's A/AAAA addresses.
    A {
        /// The target; the current domain when absent.
        domain: Option<DomainSpec>,
        /// Prefix lengths.
        cidr: DualCidr,
    },
    /// Matches the addresses of the target's MX hosts.
    Mx {
        /// The target; the current domain when absent.
        domain: Option<DomainSpec>,
        /// Prefix lengths.
        cidr: DualCidr,
    },
    /// Matches a validated reverse name under the target (deprecated, §5.5).
    Ptr {
        /// The target; the current domain when absent.
        domain: Option<DomainSpec>,
    },
    /// An IPv4 network.
    Ip4 {
        /// The address as written.
        address: Ipv4Addr,
        /// Prefix length (default 32).
        prefix: u8,
    },
    /// An IPv6 network.
    Ip6 {
        /// The address as written.
        address: Ipv6Addr,
        /// Prefix length (default 128).
        prefix: u8,
    },
    /// Matches when the target has an A record.
    Exists {
        /// The target.
        domain: DomainSpec,
    },
}

impl Mechanism {
    /// The mechanism's name as the catalogue and the trace show it.
    pub fn name(&self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Include { .. } => "include",
            Self::A { .. } => "a",
            Self::Mx { .. } => "mx",
            Self::Ptr { .. } => "ptr",
            Self::Ip4 { .. } => "ip4",
            Self::Ip6 { .. } => "ip6",
            Self::Exists { .. } => "exists",
        }
    }

    /// Whether evaluating it costs one of the ten DNS lookups (§4.6.4).
    pub fn queries_dns(&self) -> bool {
        !matches!(self, Self::All | Self::Ip4 { .. } | Self::Ip6 { .. })
    }

    /// The domain-spec it names, if any.
    pub fn domain(&self) -> Option<&DomainSpec> {
        match self {
            Self::Include { domain } | Self::Exists { domain } => Some(domain),
            Self::A { domain, .. } | Self::Mx { domain, .. } | Self::Ptr { domain } => {
                domain.as_ref()
            }
            _ => None,
        }
    }
}

/// ```text
/// redirect         = "redirect" "=" domain-spec
/// explanation      = "exp" "=" domain-spec
/// unknown-modifier = name "=" macro-string
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "modifier", rename_all = "lowercase")]
pub enum Modifier {
    /// Evaluate another domain's record when nothing matched.
    Redirect {
        /// The target.
        domain: DomainSpec,
    },
    /// Where to find the explanation of a `fail`.
    Exp {
        /// The domain whose TXT record holds the explanation.
        domain: DomainSpec,
    },
    /// Any other modifier; ignored by evaluation (§6).
    Unknown {
        /// The modifier name.
        name: String,
        /// Its value.
        value: MacroString,
    },
}

/// What a term is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TermKind {
    /// `directive = [ qualifier ] mechanism`.
    Directive {
        /// The qualifier (`+` when not written).
        qualifier: Qualifier,
        /// The mechanism.
        mechanism: Mechanism,
    },
    /// A modifier.
    Modifier {
        /// The modifier.
        modifier: Modifier,
    },
    /// A term that could not be read; a [`Diagnostic`] says why.
    Invalid,
}

/// One space-separated term of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The term as written.
    pub text: String,
    /// Where it is in the record.
    pub span: Span,
    /// What it was read as.
    #[serde(flatten)]
    pub kind: TermKind,
}

/// A parsed record: every term that could be read, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The record text (the TXT strings joined).
    pub text: String,
    /// The terms after the version, in order.
    pub terms: Vec<Term>,
    /// Syntax errors and warnings, in record order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Record {
    /// Whether a syntax error makes `check_host()` return `permerror` (§4.6).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The directives, in order.
    pub fn directives(&self) -> impl Iterator<Item = (&Term, Qualifier, &Mechanism)> {
        self.terms.iter().filter_map(|t| match &t.kind {
            TermKind::Directive {
                qualifier,
                mechanism,
            } => Some((t, *qualifier, mechanism)),
            _ => None,
        })
    }

    /// The `redirect=` modifier.
    pub fn redirect(&self) -> Option<(&Term, &DomainSpec)> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier {
                modifier: Modifier::Redirect { domain },
            } => Some((t, domain)),
            _ => None,
        })
    }

    /// The `exp=` modifier.
    pub fn exp(&self) -> Option<(&Term, &DomainSpec)> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier {
                modifier: Modifier::Exp { domain },
            } => Some((t, domain)),
            _ => None,
        })
    }

    /// The first `all` directive, which ends every evaluation that reaches it.
    pub fn all(&self) -> Option<(&Term, Qualifier)> {
        self.directives()
            .find(|(_, _, m)| matches!(m, Mechanism::All))
            .map(|(t, q, _)| (t, q))
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A syntax error: the record evaluates to `permerror`.
    Error,
    /// Valid, but not what the publisher meant.
    Warning,
}

/// A problem at a place in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// What is wrong.
    pub code: SyntaxError,
    /// Where.
    pub span: Span,
}

impl Diagnostic {
    /// Whether this diagnostic is a syntax error (not a warning).
    pub fn is_error(&self) -> bool {
        self.code.severity() == Severity::Error
    }
}

/// Why a term is wrong. Each variant has a catalogue entry `spf-syntax-<code>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum SyntaxError {
    /// The record does not start with `v=spf1` followed by a space or its end.
    NotSpf,
    /// A byte outside 7-bit ASCII (§3.1: records are ASCII).
    NonAscii {
        /// The byte, in hex.
        byte: String,
    },
    /// A control character: terms are separated by spaces only (§4.6.1).
    ControlChar {
        /// The character, in hex.
        byte: String,
    },
    /// Not one of the eight mechanisms (§5: unknown mechanisms are permerror).
    UnknownMechanism {
        /// The name as written.
        name: String,
    },
    /// A known modifier written with `:` as if it were a mechanism.
    ModifierAsMechanism {
        /// `redirect` or `exp`.
        name: String,
    },
    /// `include`, `exists`, `ip4` or `ip6` without its required `:` value.
    MissingValue {
        /// The mechanism.
        mechanism: String,
    },
    /// `:` or `=` followed by nothing.
    EmptyDomain {
        /// The mechanism or modifier.
        term: String,
    },
    /// A domain-spec that does not end in a valid top label or a macro (§7.1).
    BadDomainEnd {
        /// The domain-spec.
        domain: String,
    },
    /// An argument a mechanism does not take (`all:x`, `all/8`, `ptr/24`).
    UnexpectedArgument {
        /// The mechanism.
        mechanism: String,
        /// The extra text.
        argument: String,
    },
    /// A prefix length out of range or with a leading zero.
    BadCidr {
        /// The length as written.
        length: String,
        /// The largest allowed.
        max: u8,
    },
    /// Not an IPv4 address in dotted-quad form.
    BadIp4 {
        /// The text.
        text: String,
    },
    /// Not an IPv6 address.
    BadIp6 {
        /// The text.
        text: String,
    },
    /// A malformed macro (§7.1).
    BadMacro {
        /// The macro text.
        text: String,
        /// What is wrong with it.
        problem: MacroProblem,
    },
    /// `redirect` or `exp` appears twice (§6).
    DuplicateModifier {
        /// The modifier.
        name: String,
    },
    /// A modifier name that does not start with a letter or holds other characters.
    BadModifierName {
        /// The name.
        name: String,
    },
    /// Terms after `all` are never evaluated.
    AfterAll {
        /// The term.
        term: String,
    },
    /// `redirect=` is ignored because the record has `all` (§6.1).
    RedirectIgnored,
}

impl SyntaxError {
    /// The catalogue suffix: `spf-syntax-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotSpf => "not-spf",
            Self::NonAscii { .. } => "non-ascii",
            Self::ControlChar { .. } => "control-char",
            Self::UnknownMechanism { .. } => "unknown-mechanism",
            Self::ModifierAsMechanism { .. } => "modifier-as-mechanism",
            Self::MissingValue { .. } => "missing-value",
            Self::EmptyDomain { .. } => "empty-domain",
            Self::BadDomainEnd { .. } => "bad-domain-end",
            Self::UnexpectedArgument { .. } => "unexpected-argument",
            Self::BadCidr { .. } => "bad-cidr",
            Self::BadIp4 { .. } => "bad-ip4",
            Self::BadIp6 { .. } => "bad-ip6",
            Self::BadMacro { .. } => "bad-macro",
            Self::DuplicateModifier { .. } => "duplicate-modifier",
            Self::BadModifierName { .. } => "bad-modifier-name",
            Self::AfterAll { .. } => "after-all",
            Self::RedirectIgnored => "redirect-ignored",
        }
    }

    /// Every code, for the catalogue test.
    pub const CODES: [&'static str; 17] = [
        "not-spf",
        "non-ascii",
        "control-char",
        "unknown-mechanism",
        "modifier-as-mechanism",
        "missing-value",
        "empty-domain",
        "bad-domain-end",
        "unexpected-argument",
        "bad-cidr",
        "bad-ip4",
        "bad-ip6",
        "bad-macro",
        "duplicate-modifier",
        "bad-modifier-name",
        "after-all",
        "redirect-ignored",
    ];

    /// Errors make the record `permerror`; warnings do not.
    pub fn severity(&self) -> Severity {
        match self {
            Self::AfterAll { .. } | Self::RedirectIgnored => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The arguments for the catalogue message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NotSpf | Self::RedirectIgnored => vec![],
            Self::NonAscii { byte } | Self::ControlChar { byte } => vec![("byte", byte.clone())],
            Self::UnknownMechanism { name }
            | Self::ModifierAsMechanism { name }
            | Self::DuplicateModifier { name }
            | Self::BadModifierName { name } => vec![("name", name.clone())],
            Self::MissingValue { mechanism } => vec![("mechanism", mechanism.clone())],
            Self::EmptyDomain { term } | Self::AfterAll { term } => vec![("term", term.clone())],
            Self::BadDomainEnd { domain } => vec![("spec", domain.clone())],
            Self::UnexpectedArgument {
                mechanism,
                argument,
            } => vec![
                ("mechanism", mechanism.clone()),
                ("argument", argument.clone()),
            ],
            Self::BadCidr { length, max } => {
                vec![("length", length.clone()), ("max", max.to_string())]
            }
            Self::BadIp4 { text } | Self::BadIp6 { text } => vec![("text", text.clone())],
            Self::BadMacro { text, problem } => vec![
                ("text", text.clone()),
                ("problem", problem.code().to_owned()),
            ],
        }
    }
}

/// What is wrong with a macro. Catalogue entries `spf-macro-<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MacroProblem {
    /// `%` not followed by `{`, `%`, `_` or `-`.
    BadPercent,
    /// `%{` without its `}`.
    Unterminated,
    /// A letter that is not a macro letter.
    UnknownLetter,
    /// `c`, `r` or `t` outside an explanation (§7.3).
    ExpOnlyLetter,
    /// A bad transformer (`0`, or characters after the delimiters).
    BadTransformer,
}

impl MacroProblem {
    /// The catalogue suffix.
    pub fn code(self) -> &'static str {
        match self {
            Self::BadPercent => "bad-percent",
            Self::Unterminated => "unterminated",
            Self::UnknownLetter => "unknown-letter",
            Self::ExpOnlyLetter => "exp-only-letter",
            Self::BadTransformer => "bad-transformer",
        }
    }

    /// Every code.
    pub const CODES: [&'static str; 5] = [
        "bad-percent",
        "unterminated",
        "unknown-letter",
        "exp-only-letter",
        "bad-transformer",
    ];
}

/// The address `check_host()` works with: an IPv4-mapped IPv6 address is IPv4
/// (RFC 7208 §5: "an IPv4-mapped IPv6 address … MUST still be considered an IPv4
/// address").
pub fn effective_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    }
}

/// Whether `ip` is inside `network/prefix`, by address arithmetic (never text
/// prefixes). Families never match each other.
pub fn in_network(ip: IpAddr, network: IpAddr, prefix: u8) -> bool {
    match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX
                .checked_shl(32 - u32::from(prefix.min(32)))
                .unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX
                .checked_shl(128 - u32::from(prefix.min(128)))
                .unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// What `inboxable spf DOMAIN --ip IP` prints: `check_host()` for the IP plus the
/// record's static lookup total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// The evaluation for this IP.
    #[serde(flatten)]
    pub check: CheckHost,
    /// DNS-querying terms of the whole tree, every branch expanded (keep ≤ 10).
    pub lookups_total: u32,
    /// The static walk: per-include costs and the networks authorised.
    pub expansion: Expansion,
}

/// Evaluates `params` and walks the whole record tree of `params.domain`.
pub async fn evaluate(resolver: &dyn crate::resolver::Resolver, params: &Params) -> Evaluation {
    let (check, expansion) = futures::join!(
        check_host(resolver, params),
        expand(resolver, &params.domain, Some(params))
    );
    Evaluation {
        check,
        lookups_total: expansion.lookups_total,
        expansion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7208 §5.6: "ip4-cidr-length … If no CIDR prefix length is given in the
    /// directive, then the … IP address is compared … (i.e., /32)".
    #[test]
    fn rfc7208_5_6_networks_use_address_arithmetic() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(in_network(ip("192.0.2.130"), ip("192.0.2.128"), 25));
        assert!(!in_network(ip("192.0.2.127"), ip("192.0.2.128"), 25));
        // A text-prefix comparison gets this wrong: 10.1.1.1 "starts with" 10.1.
        assert!(!in_network(ip("10.10.1.1"), ip("10.1.0.0"), 16));
        assert!(in_network(ip("203.0.113.9"), ip("0.0.0.0"), 0));
        assert!(in_network(ip("2001:db8::1"), ip("2001:db8::"), 32));
        assert!(!in_network(ip("2001:db9::1"), ip("2001:db8::"), 32));
        assert!(!in_network(ip("192.0.2.1"), ip("::"), 0));
    }

    /// RFC 7208 §5: "an IPv4-mapped IPv6 address … MUST still be considered an
    /// IPv4 address".
    #[test]
    fn rfc7208_5_ipv4_mapped_is_ipv4() {
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(effective_ip(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        assert_eq!(effective_ip(v6), v6);
    }
}
