//! `inboxable`: the engine's checks from a terminal. All logic lives in
//! `inboxable-core`; this binary reads arguments, runs, and prints.

mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::RawInput;
use inboxable_core::report::{Report, Status};
use inboxable_core::resolver::ResolverChoice;

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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
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
    match cli.command {
        Command::Check(args) => check(args),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Id => Lang::Id,
    };
    let raw = RawInput {
        domain: args.domain,
        ips: args.ips.join(" "),
        host: args.host.unwrap_or_default(),
        selectors: args.selectors.join(" "),
        helo: args.helo.unwrap_or_default(),
    };
    let input = match raw.parse() {
        Ok(input) => input,
        Err(errors) => {
            for e in errors {
                let field = Message::new(format!("input-field-{}", e.field.key())).render(lang);
                eprintln!(
                    "inboxable: {field}: {}",
                    render::problem(&e.problem).render(lang)
                );
            }
            return ExitCode::from(exit::USAGE);
        }
    };
    let Some(choice) = ResolverChoice::parse(&args.resolver) else {
        eprintln!(
            "inboxable: --resolver: {}",
            Message::new("ui-resolver-invalid")
                .arg("value", &args.resolver)
                .render(lang)
        );
        return ExitCode::from(exit::USAGE);
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("inboxable: cannot start the async runtime: {e}");
            return ExitCode::from(exit::UNDETERMINED);
        }
    };
    let resolver = choice.build(args.timeout);
    let report = runtime.block_on(inboxable_core::run::run(&input, &resolver, &|_| {}));
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&report.to_json(lang)) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("inboxable: {e}");
                return ExitCode::from(exit::UNDETERMINED);
            }
        },
        Format::Text => print!("{}", render::text(&report, lang)),
    }
    ExitCode::from(exit_code(&report))
}

/// 1 when a check fails; 2 when nothing fails but something is undetermined —
/// including, before the checks exist, a fact whose lookup failed.
fn exit_code(report: &Report) -> u8 {
    match report.verdict.status {
        Status::Fail => exit::FAIL,
        Status::Unknown => exit::UNDETERMINED,
        _ if report
            .facts
            .iter()
            .any(|f| matches!(f.value, inboxable_core::facts::FactValue::Error { .. })) =>
        {
            exit::UNDETERMINED
        }
        _ => exit::OK,
    }
}
