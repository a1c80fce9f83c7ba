//! `inboxable`: the engine's checks from a terminal. All logic lives in
//! `inboxable-core`; this binary reads arguments, runs, and prints.

mod progress;
mod render;
mod spf;

use progress::Progress;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::RawInput;
use inboxable_core::report::{Report, Status};
use std::net::IpAddr;

use inboxable_core::dnsbl::DqsKey;
use inboxable_core::input::parse_domain;
use inboxable_core::rdap::{IANA_BOOTSTRAP, RdapOptions};
use inboxable_core::resolver::{ResolverChoice, RunResolver};
use inboxable_core::run::{RunOptions, run_with_options};
use inboxable_core::spf::{Params, SpfResult, evaluate};

/// Exit codes, documented in README.md and docs/report-schema.md.
mod exit {
    /// No check failed.
    pub const OK: u8 = 0;
    /// At least one check failed.
    pub const FAIL: u8 = 1;
    /// Nothing failed, but something could not be determined.
    pub const UNDETERMINED: u8 = 2;
    /// The arguments were wrong (BSD `EX_USAGE`).
    pub const USAGE: u8 = 64;
}

#[derive(Parser)]
#[command(
    name = "inboxable",
    version,
    about = "Will your server's mail reach the inbox? Checks a domain and its sending server as Gmail, Outlook and Yahoo do."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a domain and, optionally, its sending server.
    Check(CheckArgs),
    /// Evaluate a domain's SPF record for one IP (RFC 7208 check_host) with its trace.
    Spf(SpfArgs),
}

#[derive(clap::Args)]
struct SpfArgs {
    /// The domain whose SPF record is evaluated.
    domain: String,
    /// The client IP address.
    #[arg(long)]
    ip: String,
    /// The MAIL FROM address (default: postmaster@DOMAIN).
    #[arg(long, value_name = "MAILFROM")]
    sender: Option<String>,
    /// The HELO/EHLO name (default: DOMAIN).
    #[arg(long, value_name = "NAME")]
    helo: Option<String>,
    #[command(flatten)]
    common: Common,
}

/// Options every subcommand shares.
#[derive(clap::Args)]
struct Common {
    /// `cloudflare`, `google`, `public` (Cloudflare, then Google) or a DoH JSON URL.
    #[arg(long, default_value = "public", value_name = "RESOLVER")]
    resolver: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// Per-query timeout in milliseconds.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    timeout: u64,
    /// Colour the statuses of the text report: `auto` (when stdout is a terminal
    /// and NO_COLOR is not set), `always` or `never`.
    #[arg(long, value_enum, default_value_t = progress::ColorChoice::Auto, value_name = "WHEN")]
    color: progress::ColorChoice,
    /// No progress on stderr (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
}

impl Common {
    fn lang(&self) -> Lang {
        match self.lang {
            LangArg::En => Lang::En,
            LangArg::Id => Lang::Id,
        }
    }

    /// The resolver, or the exit code of a usage error (already reported).
    fn resolver(&self) -> Result<RunResolver, ExitCode> {
        match ResolverChoice::parse(&self.resolver) {
            Some(choice) => Ok(choice.build(self.timeout)),
            None => {
                eprintln!(
                    "inboxable: --resolver: {}",
                    Message::new("ui-resolver-invalid")
                        .arg("value", &self.resolver)
                        .render(self.lang())
                );
                Err(ExitCode::from(exit::USAGE))
            }
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("inboxable: cannot start the async runtime: {e}");
            ExitCode::from(exit::UNDETERMINED)
        })
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The domain in From / envelope sender (an address or URL is accepted).
    domain: String,
    /// A sending IP address (repeatable).
    #[arg(long = "ip", value_name = "IP")]
    ips: Vec<String>,
    /// The mail server's hostname.
    #[arg(long, value_name = "NAME")]
    host: Option<String>,
    /// A DKIM selector (repeatable).
    #[arg(long = "selector", value_name = "S")]
    selectors: Vec<String>,
    /// The HELO/EHLO name the server uses.
    #[arg(long, value_name = "NAME")]
    helo: Option<String>,
    /// A received message or its headers (a `.eml`, "Show original"), `-` for
    /// standard input: its sending IP, HELO and DKIM signatures are checked.
    #[arg(long, value_name = "FILE")]
    message: Option<std::path::PathBuf>,
    /// A Spamhaus DQS key (or set INBOXABLE_DQS_KEY): Spamhaus lists are then asked
    /// through their DQS zones, which answer any resolver. Never printed.
    #[arg(
        long,
        env = "INBOXABLE_DQS_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    dqs_key: Option<String>,
    /// Where the RDAP bootstrap registries (dns.json, ipv4.json, ipv6.json) are read:
    /// `iana` (https://data.iana.org/rdap/), a base URL (a mirror, or an
    /// `inboxable-doh --rdap DIR` server's `/rdap/bootstrap/`), or `off`.
    #[arg(long, default_value = "iana", value_name = "URL")]
    rdap_bootstrap: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Plain text for the terminal.
    Text,
    /// The versioned JSON report (docs/report-schema.md).
    Json,
    /// A Markdown document (the page's export).
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Id,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Spf(args) => spf_command(args),
    };
    result.unwrap_or_else(|code| code)
}

/// `--rdap-bootstrap`: `iana`, `off` or an http(s) base URL; `None` for anything else.
fn rdap_options(value: &str, timeout_ms: u64) -> Option<RdapOptions> {
    let value = value.trim();
    match value.to_ascii_lowercase().as_str() {
        "iana" => Some(RdapOptions::over_http(IANA_BOOTSTRAP, timeout_ms)),
        "off" => Some(RdapOptions::default()),
        lower if lower.starts_with("http://") || lower.starts_with("https://") => {
            Some(RdapOptions::over_http(value, timeout_ms))
        }
        _ => None,
    }
}

/// Reads `--message FILE` (`-` = standard input). Bytes that are not UTF-8 (an
/// 8-bit body) are replaced: the headers DKIM signs are ASCII.
fn read_message(path: Option<&std::path::Path>) -> Result<String, ExitCode> {
    use std::io::Read;
    let Some(path) = path else {
        return Ok(String::new());
    };
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| {
        eprintln!("inboxable: --message {}: {e}", path.display());
        ExitCode::from(exit::USAGE)
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn check(args: CheckArgs) -> Result<ExitCode, ExitCode> {
    let lang = args.common.lang();
    let message = read_message(args.message.as_deref())?;
    let raw = RawInput {
        domain: args.domain,
        ips: args.ips.join(" "),
        host: args.host.unwrap_or_default(),
        selectors: args.selectors.join(" "),
        helo: args.helo.unwrap_or_default(),
        message,
    };
    let input = raw.parse().map_err(|errors| {
        for e in errors {
            let field = Message::new(format!("input-field-{}", e.field.key())).render(lang);
            eprintln!(
                "inboxable: {field}: {}",
                render::problem(&e.problem).render(lang)
            );
        }
        ExitCode::from(exit::USAGE)
    })?;
    // Look-alike names are checked, but the user hears about them first.
    for w in input.warnings() {
        let field = Message::new(format!("input-field-{}", w.field.key())).render(lang);
        eprintln!(
            "inboxable: {}: {field}: {}",
            Message::new(Status::Warn.key()).render(lang),
            render::problem(&w.problem).render(lang)
        );
    }
    let mut options = RunOptions::default();
    if let Some(key) = args.dqs_key.as_deref().filter(|k| !k.trim().is_empty()) {
        options.dnsbl.dqs_key = Some(DqsKey::parse(key).ok_or_else(|| {
            eprintln!(
                "inboxable: --dqs-key: {}",
                Message::new("ui-dqs-key-invalid").render(lang)
            );
            ExitCode::from(exit::USAGE)
        })?);
    }
    options.rdap = rdap_options(&args.rdap_bootstrap, args.common.timeout).ok_or_else(|| {
        eprintln!(
            "inboxable: --rdap-bootstrap: {}",
            Message::new("cli-rdap-bootstrap-invalid")
                .arg("value", &args.rdap_bootstrap)
                .render(lang)
        );
        ExitCode::from(exit::USAGE)
    })?;
    let resolver = args.common.resolver()?;
    let progress = Progress::new(progress::Mode::detect(args.common.quiet), lang);
    let on_query = progress.clone();
    resolver.set_observer(move |_| on_query.query());
    let report = runtime()?.block_on(run_with_options(
        &input,
        &resolver,
        &options,
        &|_| {},
        &|_| progress.check(),
    ));
    progress.finish(report.checks.len(), report.queries.len());
    match args.common.format {
        Format::Json => match serde_json::to_string_pretty(&report.to_json(lang)) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("inboxable: {e}");
                return Err(ExitCode::from(exit::UNDETERMINED));
            }
        },
        Format::Text => print!(
            "{}",
            render::text(&report, lang, args.common.color.enabled())
        ),
        Format::Markdown => print!("{}", inboxable_core::render::markdown(&report, lang)),
    }
    Ok(ExitCode::from(exit_code(&report)))
}

/// `inboxable spf`: exit 0 for pass, 1 for fail/softfail/neutral/none/permerror,
/// 2 for temperror (undetermined), 64 for usage errors.
fn spf_command(args: SpfArgs) -> Result<ExitCode, ExitCode> {
    let lang = args.common.lang();
    let usage = |key: &str, value: &str| {
        eprintln!(
            "inboxable: {}",
            Message::new(key).arg("value", value).render(lang)
        );
        ExitCode::from(exit::USAGE)
    };
    let ip: IpAddr = args
        .ip
        .trim()
        .parse()
        .map_err(|_| usage("input-bad-ip", &args.ip))?;
    let (domain, _) = parse_domain(&args.domain).map_err(|p| {
        eprintln!("inboxable: {}", render::problem(&p).render(lang));
        ExitCode::from(exit::USAGE)
    })?;
    let mut params = Params::for_domain(&domain, ip);
    if let Some(sender) = args.sender.filter(|s| !s.is_empty()) {
        params.domain = sender
            .rsplit_once('@')
            .map_or(sender.as_str(), |(_, d)| d)
            .to_ascii_lowercase();
        params.sender = sender;
    }
    if let Some(helo) = args.helo {
        params.helo = helo;
    }
    let resolver = args.common.resolver()?;
    let eval = runtime()?.block_on(evaluate(&resolver, &params));
    match args.common.format {
        Format::Json => {
            let mut json = serde_json::to_value(&eval).unwrap_or_default();
            json["queries"] = serde_json::to_value(resolver.log()).unwrap_or_default();
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Text => print!("{}", spf::text(&eval, lang)),
        // The evaluation has no Markdown document of its own: its text in a block.
        Format::Markdown => print!("```text\n{}```\n", spf::text(&eval, lang)),
    }
    Ok(ExitCode::from(match eval.check.result {
        SpfResult::Pass => exit::OK,
        SpfResult::Temperror => exit::UNDETERMINED,
        _ => exit::FAIL,
    }))
}

/// 1 when a check fails; 2 when nothing fails but a check is undetermined; else 0.
/// Facts alone never decide it: a fact that matters is some check's input, and that check
/// is then unknown; the others (the name servers that name the DNS host, say) only inform.
fn exit_code(report: &Report) -> u8 {
    match report.verdict.status {
        Status::Fail => exit::FAIL,
        Status::Unknown => exit::UNDETERMINED,
        _ => exit::OK,
    }
}

#[cfg(test)]
mod tests {
    use inboxable_core::dns::{LookupError, RecordType};
    use inboxable_core::facts::{Fact, FactKind, FactValue, SendingIpSource};
    use inboxable_core::i18n::Message;
    use inboxable_core::input::RawInput;
    use inboxable_core::report::{CheckResult, Report, SCHEMA_VERSION, Status, Verdict};

    use super::{exit, exit_code};

    fn report(statuses: &[Status], ns_failed: bool) -> Report {
        let checks: Vec<CheckResult> = statuses
            .iter()
            .map(|s| CheckResult::new("spf.present", *s, Message::new("status-pass")))
            .collect();
        let facts = ns_failed
            .then(|| Fact {
                kind: FactKind::Ns,
                name: "example.com".into(),
                rtype: RecordType::NS,
                ip: None,
                value: FactValue::Error {
                    error: LookupError::ServFail,
                },
            })
            .into_iter()
            .collect();
        let input = RawInput {
            domain: "example.com".into(),
            ..RawInput::default()
        }
        .parse()
        .expect("a valid input");
        Report {
            schema: SCHEMA_VERSION,
            input,
            sending_ips: SendingIpSource::MxAssumed,
            verdict: Verdict::of(&checks),
            checks,
            facts,
            queries: vec![],
            dns_host: None,
        }
    }

    #[test]
    fn the_exit_code_follows_the_verdict_and_never_an_informational_fact() {
        assert_eq!(exit_code(&report(&[Status::Pass], false)), exit::OK);
        // The NS records only name the DNS host: their failure leaves a clean run clean.
        assert_eq!(exit_code(&report(&[Status::Pass], true)), exit::OK);
        assert_eq!(
            exit_code(&report(&[Status::Pass, Status::Unknown], false)),
            exit::UNDETERMINED
        );
        assert_eq!(
            exit_code(&report(&[Status::Unknown, Status::Fail], true)),
            exit::FAIL
        );
    }
}
