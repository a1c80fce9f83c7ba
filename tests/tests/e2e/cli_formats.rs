//! The `inboxable` CLI's output formats against the real `inboxable-doh` serving the
//! fixture zones: Markdown in English and Indonesian, colour only on a terminal (or
//! when forced) and never with NO_COLOR, progress on stderr that never reaches
//! stdout, the DNS host named from the zone's NS records, and every exit code.
//!
//! Terminal cases run the CLI on a real pseudo-terminal (Python's `pty`), since
//! colour and live progress depend on `isatty`.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use inboxable_e2e::{Backend, Output, binary, run_program, zones_dir};

use crate::cli::expected_exit;

/// Runs `inboxable check ARGS --resolver <backend>` with stdout and stderr piped and
/// the environment as given (`NO_COLOR` removed unless listed).
fn check_env(backend: &Backend, args: &[&str], env: &[(&str, &str)]) -> Output {
    let url = backend.doh_url();
    let mut cmd = Command::new(binary("inboxable"));
    cmd.arg("check")
        .args(args)
        .args(["--resolver", &url])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run inboxable");
    Output {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Python that runs `argv[2:]` with stdout (`argv[1] == "out"`) or stderr (`"err"`)
/// on a pseudo-terminal, copies what the terminal received to its own stdout and
/// the other stream to its own stderr, and exits with the child's code.
const ON_A_TTY: &str = r#"
import os, pty, subprocess, sys, threading
which, argv = sys.argv[1], sys.argv[2:]
master, slave = pty.openpty()
kw = {"stdout": slave, "stderr": subprocess.PIPE} if which == "out" else {"stdout": subprocess.PIPE, "stderr": slave}
p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, **kw)
os.close(slave)
other = p.stderr if which == "out" else p.stdout
piped = []
t = threading.Thread(target=lambda: piped.append(other.read()))
t.start()
tty = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    tty += chunk
code = p.wait()
t.join()
sys.stdout.buffer.write(tty)
sys.stderr.buffer.write(piped[0] if piped else b"")
sys.exit(code)
"#;

/// Runs `inboxable check ARGS` with one stream on a terminal; returns (what the
/// terminal showed, what the other, piped stream carried, exit code).
fn check_on_tty(
    backend: &Backend,
    stream: &str,
    args: &[&str],
    no_color: bool,
) -> (String, String, Option<i32>) {
    let url = backend.doh_url();
    let bin = binary("inboxable");
    let mut all: Vec<&str> = vec![
        "-c",
        ON_A_TTY,
        stream,
        bin.to_str().expect("utf-8 path"),
        "check",
    ];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--resolver", &url]);
    let mut cmd = Command::new("python3");
    cmd.args(&all)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null());
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.output().expect("python3 runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

const ESC: char = '\u{1b}';

#[test]
fn markdown_has_every_section_in_english_and_indonesian() {
    let backend = Backend::start(&zones_dir(), &[]);
    let cases = [
        (
            "en",
            [
                "## Fix everything",
                "## Sending server",
                "## Domain authentication",
                "## Query log",
                "**What we found**",
                "**Why it matters**",
                "**How to fix**",
            ],
        ),
        (
            "id",
            [
                "## Perbaiki semuanya",
                "## Server pengirim",
                "## Autentikasi domain",
                "## Log query",
                "**Yang kami temukan**",
                "**Kenapa ini penting**",
                "**Cara memperbaiki**",
            ],
        ),
    ];
    for (lang, sections) in cases {
        let args = [
            "example.net",
            "--ip",
            "192.0.2.81",
            "--format",
            "markdown",
            "--lang",
            lang,
        ];
        let out = check_env(&backend, &args, &[]);
        let md = &out.stdout;
        assert_eq!(out.code, Some(1), "example.net fails\n{md}\n{}", out.stderr);
        assert!(md.starts_with("# "), "{md}");
        let mut last = 0;
        for s in sections.iter().take(4) {
            let at = md
                .find(s)
                .unwrap_or_else(|| panic!("{lang}: {s:?} missing:\n{md}"));
            assert!(at > last, "{lang}: {s:?} out of order:\n{md}");
            last = at;
        }
        for s in &sections[4..] {
            assert!(md.contains(s), "{lang}: {s:?} missing:\n{md}");
        }
        assert!(md.contains("```zone\n"), "{md}");
        assert!(!md.contains(ESC), "no colour in Markdown");
        assert!(!md.contains("{$") && !md.contains("export-"), "{md}");
    }
    // The two languages are different documents of the same report.
    let en = check_env(&backend, &["example.net", "--format", "markdown"], &[]);
    let id = check_env(
        &backend,
        &["example.net", "--format", "markdown", "--lang", "id"],
        &[],
    );
    assert_ne!(en.stdout, id.stdout);
}

#[test]
fn the_dns_host_is_named_from_the_ns_records() {
    let backend = Backend::start(&zones_dir(), &[]);
    let args = ["cf-hosted.example", "--ip", "192.0.2.25"];
    let report = check_env(&backend, &[&args[..], &["--format", "json"]].concat(), &[]).json();
    assert_eq!(
        report["dns_host"]["id"], "cloudflare",
        "{:#}",
        report["dns_host"]
    );
    assert_eq!(report["dns_host"]["zone"], "cf-hosted.example");
    assert!(
        report["dns_host"]["panel"]
            .as_str()
            .is_some_and(|p| p.contains("DNS"))
    );
    let ns = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "ns")
        .expect("an ns fact");
    assert_eq!(ns["name"], "cf-hosted.example");
    for lang in ["en", "id"] {
        let out = check_env(
            &backend,
            &[&args[..], &["--format", "markdown", "--lang", lang]].concat(),
            &[],
        );
        // The fix-everything snippet's first comment names the host's panel.
        let snippet = out.stdout.find("```zone\n; ").expect("a snippet");
        let first = out.stdout[snippet..].lines().nth(1).unwrap();
        assert!(first.contains("Cloudflare"), "{lang}: {first}");
    }
    // A domain on name servers no table entry names gets the generic place.
    let out = check_env(&backend, &["example.net", "--format", "json"], &[]);
    let report = out.json();
    assert!(report["dns_host"].is_null(), "{:#}", report["dns_host"]);
    let text = check_env(&backend, &["example.net"], &[]).stdout;
    assert!(text.contains("ns1.example.net"), "{text}");
}

#[test]
fn no_colour_when_piped_and_colour_when_forced() {
    let backend = Backend::start(&zones_dir(), &[]);
    let piped = check_env(&backend, &["example.net"], &[]);
    assert!(!piped.stdout.contains(ESC), "{}", piped.stdout);
    assert!(!piped.stderr.contains(ESC), "{}", piped.stderr);
    let forced = check_env(
        &backend,
        &["example.net", "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert!(forced.stdout.contains("\u{1b}[1;31m"), "{}", forced.stdout);
    let never = check_env(&backend, &["example.net", "--color", "never"], &[]);
    assert!(!never.stdout.contains(ESC));
    // The statuses are the same words with or without colour.
    let strip = |s: &str| {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == ESC {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    let plain: Vec<&str> = never
        .stdout
        .lines()
        .filter(|l| l.starts_with("  "))
        .take(5)
        .collect();
    let coloured = strip(&forced.stdout);
    for line in plain {
        assert!(coloured.contains(line), "{line:?} not in\n{coloured}");
    }
}

#[test]
fn on_a_terminal_colour_unless_no_color() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (tty, _, code) = check_on_tty(&backend, "out", &["example.net"], false);
    assert_eq!(code, Some(1));
    assert!(tty.contains("\u{1b}[1;31m"), "colour on a terminal:\n{tty}");
    let (tty, _, _) = check_on_tty(&backend, "out", &["example.net"], true);
    assert!(tty.contains("Inboxable"), "{tty}");
    assert!(!tty.contains(ESC), "NO_COLOR is respected:\n{tty}");
}

#[test]
fn progress_goes_to_stderr_never_to_stdout() {
    let backend = Backend::start(&zones_dir(), &[]);
    // Piped: one summary line on stderr, pure JSON on stdout.
    let out = check_env(&backend, &["example.com", "--format", "json"], &[]);
    let report = out.json();
    let queries = report["queries"].as_array().unwrap().len();
    let checks = report["checks"].as_array().unwrap().len();
    assert!(
        out.stderr.contains(&format!("{checks} checks"))
            && out.stderr.contains(&format!("{queries} DNS queries")),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains('\r'), "no redraws into a pipe");
    // --quiet: nothing at all.
    let quiet = check_env(
        &backend,
        &["example.com", "--format", "json", "--quiet"],
        &[],
    );
    quiet.json();
    assert_eq!(quiet.stderr, "", "--quiet");
    // On a terminal: the line is redrawn in place while stdout stays the report.
    let (tty, stdout, code) = check_on_tty(
        &backend,
        "err",
        &["example.com", "--format", "json", "--lang", "id"],
        false,
    );
    assert!(tty.contains("\rMengecek"), "live progress:\n{tty:?}");
    assert!(
        tty.ends_with("\r\u{1b}[K"),
        "the line is erased at the end: {tty:?}"
    );
    let report: Value = serde_json::from_str(&stdout).expect("stdout is the JSON report");
    assert_eq!(report["lang"], "id");
    assert_eq!(Some(expected_exit(&report)), code);
}

#[test]
fn every_exit_code() {
    let backend = Backend::start(&zones_dir(), &[]);
    // 1: a check fails.
    assert_eq!(check_env(&backend, &["example.net"], &[]).code, Some(1));
    // 2: nothing failed, something undetermined — every answer is SERVFAIL.
    let failing = Backend::start(&zones_dir(), &["--fault", "*=servfail"]);
    let dead = check_env(&failing, &["example.com", "--format", "json"], &[]);
    assert_eq!(dead.code, Some(2), "{}", dead.stdout);
    assert_ne!(dead.json()["verdict"]["status"], "pass");
    // 64: a usage error, before any query.
    for bad in [
        &["check", "not a domain"][..],
        &["check", "example.com", "--format", "yaml"],
        &["check", "example.com", "--color", "sometimes"],
    ] {
        let out = run_program(&binary("inboxable"), bad, Duration::from_secs(30));
        assert_eq!(out.code, Some(64), "{bad:?}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{bad:?}");
    }
    // 0: an SPF evaluation that passes (`spf` shares the exit code scheme), and
    // --help.
    let url = backend.doh_url();
    let pass = run_program(
        &binary("inboxable"),
        &[
            "spf",
            "example.com",
            "--ip",
            "192.0.2.25",
            "--resolver",
            &url,
            "--format",
            "markdown",
        ],
        Duration::from_secs(30),
    );
    assert_eq!(pass.code, Some(0), "{}{}", pass.stdout, pass.stderr);
    assert!(pass.stdout.starts_with("```text\n"), "{}", pass.stdout);
    let help = run_program(
        &binary("inboxable"),
        &["check", "--help"],
        Duration::from_secs(30),
    );
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("--format") && help.stdout.contains("markdown"));
    assert!(help.stdout.contains("--color") && help.stdout.contains("--quiet"));
    // And the check command's own code matches its report in every case above.
    let report = check_env(&backend, &["example.com", "--format", "json"], &[]).json();
    let out = check_env(&backend, &["example.com", "--format", "json"], &[]);
    assert_eq!(out.code, Some(expected_exit(&report)));
}
