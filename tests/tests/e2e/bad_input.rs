//! Issue 7 item 1 — bad input, through the `inboxable` CLI and through the page in
//! headless Chromium, against the real `inboxable-doh` with `--log-queries`:
//!
//! * every invalid input of [`cases`] (≥ 30: empty, whitespace, URLs with ports and
//!   IPv6 literals, e-mail addresses, IDN failures, over-long labels and names, IPs
//!   where a name belongs, private and reserved IPs, `<script>`, quotes, SQL-ish text,
//!   10 KB of text…) ends with exit 64 and the catalogue's message for exactly that
//!   problem, in English and in Indonesian, without a panic and without one query
//!   reaching the backend; on the page the same message shows next to its field in
//!   the chosen language, nothing reaches the backend, and the page still checks a
//!   good domain afterwards;
//! * valid but odd input (`user@Example.COM.`, `https://bücher.de:8443/path`,
//!   punycode, a full-width dot) is accepted and normalised;
//! * look-alike names (a Cyrillic `е` in `еxample.com`) are checked under their
//!   punycode but warned about, in both languages;
//! * private and reserved sending IPs are not input errors: `ip.public` fails them
//!   with the range's name.

use std::time::Instant;

use fantoccini::Client;
use serde_json::{Value, json};

use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::{Field, InputProblem};
use inboxable_e2e::browser::{
    Flow, eval, page_backend, query_rows, screenshot, wait_done, wait_js, wait_resolver_this,
    with_browser,
};
use inboxable_e2e::ensure;
use inboxable_e2e::{Backend, Output, run_cli, zones_dir};

/// One invalid input: the field it goes into, the text, and the problem expected.
struct Case {
    field: Field,
    text: String,
    problem: InputProblem,
}

fn case(field: Field, text: impl Into<String>, problem: InputProblem) -> Case {
    Case {
        field,
        text: text.into(),
        problem,
    }
}

fn bad_char(c: &str) -> InputProblem {
    InputProblem::BadCharacter {
        character: c.into(),
    }
}

fn bad_ip(value: &str) -> InputProblem {
    InputProblem::BadIp {
        value: value.into(),
    }
}

/// The table. The domain is the only required field; the other fields' cases go
/// with a good domain, so the problem found is the one of the case.
fn cases() -> Vec<Case> {
    use Field::{Domain, Helo, Host, Ips, Selectors};
    use InputProblem::*;
    let label64 = format!("{}.example.com", "a".repeat(64));
    // 25 × 10 + 11 = 261 octets: every label fine, the whole name too long.
    let name254 = format!("{}example.com", "abcdefghi.".repeat(25));
    let name_len = name254.len();
    let ten_kb = "lorem ipsum dolor sit amet ".repeat(380);
    let ten_kb_len = ten_kb.len();
    vec![
        case(Domain, "", Empty),
        case(Domain, "   ", Empty),
        case(Domain, "https://", Empty),
        case(Domain, "postmaster@", Empty),
        case(Domain, "...", Empty),
        case(Domain, "192.0.2.1", IpNotName),
        case(Domain, "10.0.0.1", IpNotName),
        case(Domain, "127.0.0.1", IpNotName),
        case(Domain, "2001:db8::1", IpNotName),
        case(Domain, "[2001:db8::1]", IpNotName),
        case(Domain, "http://[2001:db8::1]:8080/path", IpNotName),
        case(Domain, "fe80::1%eth0", IpNotName),
        case(Domain, "::ffff:192.0.2.1", IpNotName),
        case(Domain, "localhost", SingleLabel),
        case(Domain, "https://com:443/", SingleLabel),
        case(Domain, label64, LabelTooLong { length: 64 }),
        case(Domain, name254, NameTooLong { length: name_len }),
        case(Domain, "example..com", EmptyLabel),
        case(Domain, ".example.com", EmptyLabel),
        case(Domain, "-bad.example.com", HyphenEdge),
        case(Domain, "bad-.example.com", HyphenEdge),
        case(Domain, "exa mple.com", bad_char(" ")),
        case(Domain, "exa_mple.com", bad_char("_")),
        case(Domain, "<script>alert(1)</script>", bad_char("<")),
        case(Domain, "<img src=x onerror=alert(1)>", bad_char(" ")),
        case(Domain, "example.com\"", bad_char("\\\"")),
        case(Domain, "'; DROP TABLE users; --", bad_char(" ")),
        case(Domain, "x' OR '1'='1", bad_char(" ")),
        case(Domain, "*.example.com", bad_char("*")),
        case(Domain, "exa%41mple.com", bad_char("%")),
        case(Domain, "example.com:smtp", bad_char(":")),
        case(Domain, "xn--zz.com", Idna),
        case(Domain, "\u{202e}moc.elpmaxe", Idna),
        case(Domain, "1.2.3.4.5", NumericTld),
        case(Domain, ten_kb, NameTooLong { length: ten_kb_len }),
        case(Ips, "192.0.2.300", bad_ip("192.0.2.300")),
        case(Ips, "192.0.2.1:25", bad_ip("192.0.2.1:25")),
        case(Ips, "10.0.0.0/8", bad_ip("10.0.0.0/8")),
        case(Ips, "2001:db8::g", bad_ip("2001:db8::g")),
        case(Ips, "mail.example.com", bad_ip("mail.example.com")),
        case(
            Ips,
            "192.0.2.1 192.0.2.2 192.0.2.3 192.0.2.4 192.0.2.5 192.0.2.6 192.0.2.7 \
             192.0.2.8 192.0.2.9",
            TooMany { limit: 8 },
        ),
        case(Host, "192.0.2.1", IpNotName),
        case(Host, "mail_server.example.com", bad_char("_")),
        case(Helo, "<script>", bad_char("<")),
        case(Selectors, "s1 bad!selector", bad_char("!")),
    ]
}

/// The catalogue message of a problem, built the way both front ends build it: key
/// `input-<code>`, every other serde field an argument.
fn problem_message(problem: &InputProblem) -> Message {
    let value = serde_json::to_value(problem).expect("a problem serialises");
    let code = value["code"].as_str().expect("a code").to_owned();
    let mut message = Message::new(format!("input-{code}"));
    for (k, v) in value.as_object().expect("an object") {
        if k != "code" {
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            message = message.arg(k, text);
        }
    }
    message
}

fn field_label(field: Field, lang: Lang) -> String {
    Message::new(format!("input-field-{}", field.key())).render(lang)
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Id => "id",
    }
}

/// `check …` arguments for a case: a good domain when the case is about another field.
fn cli_args(c: &Case) -> Vec<String> {
    let mut args = vec!["check".to_owned()];
    if c.field == Field::Domain {
        args.push(c.text.clone());
    } else {
        args.push("example.com".to_owned());
        let flag = match c.field {
            Field::Ips => "--ip",
            Field::Host => "--host",
            Field::Helo => "--helo",
            Field::Selectors => "--selector",
            _ => unreachable!("the table has no case for {:?}", c.field),
        };
        // Several IPs or selectors are separate items, as the form splits them.
        for item in c.text.split_whitespace() {
            args.extend([flag.to_owned(), item.to_owned()]);
        }
    }
    args
}

fn run(backend: &Backend, args: &[String], lang: Lang, extra: &[&str]) -> Output {
    // `check [OPTIONS] -- DOMAIN`: after `--` a domain such as `-bad.example.com` is
    // the positional argument, not an unknown option.
    let url = backend.doh_url();
    let mut all: Vec<&str> = vec![args[0].as_str()];
    all.extend(args[2..].iter().map(String::as_str));
    all.extend_from_slice(&["--resolver", &url, "--lang", lang_code(lang)]);
    all.extend_from_slice(extra);
    all.extend_from_slice(&["--", args[1].as_str()]);
    run_cli(&all)
}

#[test]
fn table_has_at_least_thirty_cases_and_every_problem_code() {
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let codes: std::collections::BTreeSet<String> = cases
        .iter()
        .map(|c| {
            serde_json::to_value(&c.problem).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    for code in [
        "empty",
        "ip-not-name",
        "single-label",
        "label-too-long",
        "name-too-long",
        "empty-label",
        "bad-character",
        "hyphen-edge",
        "idna",
        "numeric-tld",
        "bad-ip",
        "too-many",
    ] {
        assert!(codes.contains(code), "no case for {code}");
    }
    // The long-name case is really over 253 octets, the label one over 63.
    let long = cases
        .iter()
        .find(|c| matches!(c.problem, InputProblem::NameTooLong { length } if length < 1000))
        .expect("a long-name case");
    assert!(long.text.len() > 253, "{}", long.text.len());
}

#[test]
fn cli_refuses_every_bad_input_in_both_languages_without_a_query() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    let mut failures = Vec::new();
    for c in cases() {
        let args = cli_args(&c);
        let mut texts = Vec::new();
        for lang in [Lang::En, Lang::Id] {
            let started = Instant::now();
            let out = run(&backend, &args, lang, &[]);
            let want = format!(
                "{}: {}",
                field_label(c.field, lang),
                problem_message(&c.problem).render(lang)
            );
            let shown: String = c.text.chars().take(40).collect();
            if out.code != Some(64) {
                failures.push(format!(
                    "{shown:?} [{lang:?}]: exit {:?}, stderr {}",
                    out.code, out.stderr
                ));
            } else if !out.stderr.contains(&want) {
                failures.push(format!(
                    "{shown:?} [{lang:?}]: want {want:?}\n   got {:?}",
                    out.stderr
                ));
            }
            if out.stderr.contains("panicked") || !out.stdout.trim().is_empty() {
                failures.push(format!(
                    "{shown:?}: stdout {} stderr {}",
                    out.stdout, out.stderr
                ));
            }
            assert!(
                started.elapsed().as_secs() < 5,
                "{shown:?}: an input error took {:?}",
                started.elapsed()
            );
            texts.push(out.stderr);
            let sent = backend.queries_until_now();
            assert!(sent.is_empty(), "{shown:?} reached DNS: {sent:?}");
        }
        assert_ne!(
            texts[0], texts[1],
            "{:?}: the same text in en and id",
            c.text
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Valid but odd: accepted, normalised (ASCII, lower case, no dot), and the Unicode
/// form kept for an IDN.
#[test]
fn cli_accepts_and_normalises_odd_but_valid_input() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    for (text, ascii, unicode) in [
        ("user@Example.COM.", "example.com", None),
        (
            "https://bücher.de:8443/path",
            "xn--bcher-kva.de",
            Some("bücher.de"),
        ),
        ("xn--bcher-kva.de", "xn--bcher-kva.de", Some("bücher.de")),
        ("BÜCHER.DE", "xn--bcher-kva.de", Some("bücher.de")),
        ("example\u{3002}com", "example.com", None),
        (
            "mailto:Postmaster@Example.org?subject=hi",
            "example.org",
            None,
        ),
        ("http://user:secret@example.net:80/x#y", "example.net", None),
    ] {
        let args = vec!["check".to_owned(), text.to_owned()];
        let out = run(
            &backend,
            &args,
            Lang::En,
            &["--format", "json", "--timeout", "2000"],
        );
        assert!(
            matches!(out.code, Some(0..=2)),
            "{text}: exit {:?}: {}",
            out.code,
            out.stderr
        );
        let report: Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{text}: not JSON ({e}): {}", out.stderr));
        assert_eq!(report["input"]["domain"], ascii, "{text}");
        assert_eq!(
            report["input"]["domain_unicode"],
            unicode.map_or(Value::Null, |u| json!(u)),
            "{text}"
        );
        let sent = backend.queries_until_now();
        assert!(
            sent.iter().any(|q| q.name == ascii && q.qtype == "MX"),
            "{text}: the MX of {ascii} was not asked: {sent:?}"
        );
    }
}

/// A Cyrillic `е` in `еxample.com`: a valid IDN (`xn--xample-2of.com`) that imitates
/// `example.com`. A demanding user wants it checked — it may be theirs — but told,
/// in their language, which letter is not what it seems.
#[test]
fn cli_checks_a_look_alike_name_but_warns_about_it() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    let args = vec!["check".to_owned(), "\u{435}xample.com".to_owned()];
    let warning = InputProblem::MixedScripts {
        label: "\u{435}xample".into(),
        characters: "\u{435} (U+0435)".into(),
        ascii: "xn--xample-2of.com".into(),
    };
    for lang in [Lang::En, Lang::Id] {
        let out = run(
            &backend,
            &args,
            lang,
            &["--format", "json", "--timeout", "2000"],
        );
        assert!(
            matches!(out.code, Some(0..=2)),
            "exit {:?}: {}",
            out.code,
            out.stderr
        );
        let want = problem_message(&warning).render(lang);
        assert!(
            out.stderr.contains(&want),
            "[{lang:?}] want {want:?} in {}",
            out.stderr
        );
        let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(report["input"]["domain"], "xn--xample-2of.com");
    }
    // The genuine name raises no warning.
    let out = run(
        &backend,
        &["check".to_owned(), "example.com".to_owned()],
        Lang::En,
        &["--format", "json"],
    );
    assert!(!out.stderr.contains("U+"), "{}", out.stderr);
    // Whole-script: every letter Cyrillic, all looking Latin, under .com.
    let out = run(
        &backend,
        &[
            "check".to_owned(),
            "\u{430}\u{440}\u{440}\u{4cf}\u{435}.com".to_owned(),
        ],
        Lang::En,
        &["--format", "json", "--timeout", "2000"],
    );
    let looks = Message::new("input-looks-latin")
        .arg("label", "\u{430}\u{440}\u{440}\u{4cf}\u{435}")
        .arg(
            "characters",
            "\u{430} (U+0430), \u{440} (U+0440), \u{4cf} (U+04CF), \u{435} (U+0435)",
        )
        .arg("ascii", "xn--80ak6aa92e.com")
        .render(Lang::En);
    assert!(
        out.stderr.contains(&looks),
        "want {looks:?} in {}",
        out.stderr
    );
}

/// Private and reserved sending IPs are valid input about a wrong server: the run
/// goes on and `ip.public` fails naming the range.
#[test]
fn private_and_reserved_ips_fail_ip_public_naming_the_range() {
    let backend = Backend::start(&zones_dir(), &[]);
    let ips = [
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("100.64.0.1", "cgnat"),
        ("169.254.0.1", "link-local"),
        ("0.0.0.0", "this-network"),
        ("255.255.255.255", "broadcast"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fd00::1", "unique-local"),
    ];
    // At most 8 IPs per run.
    for chunk in [&ips[..6], &ips[6..]] {
        let mut args = vec!["check".to_owned(), "example.com".to_owned()];
        for (ip, _) in chunk {
            args.extend(["--ip".to_owned(), (*ip).to_owned()]);
        }
        let out = run(
            &backend,
            &args,
            Lang::En,
            &["--format", "json", "--timeout", "2000"],
        );
        assert_eq!(out.code, Some(1), "{}", out.stderr);
        let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
        for (ip, range) in chunk {
            let check = report["checks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == "ip.public" && c["subject"] == *ip)
                .unwrap_or_else(|| panic!("no ip.public for {ip}"));
            assert_eq!(check["status"], "fail", "{check:#}");
            assert_eq!(check["details"]["range"], *range, "{check:#}");
            assert!(
                check["explanation"]["why"]
                    .as_str()
                    .is_some_and(|w| !w.is_empty()),
                "{check:#}"
            );
        }
    }
}

// ---- the page ----

/// Sets a form field as typing would (an `input` event), without typing 10 KB key by key.
async fn set_field(client: &Client, id: &str, text: &str) -> Flow {
    let script = format!(
        "const e = document.getElementById({id}); if (!e) return false; e.value = {text}; \
         e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
        id = serde_json::to_string(id).expect("string"),
        text = serde_json::to_string(text).expect("string"),
    );
    ensure!(
        eval(client, &script).await? == json!(true),
        "no #{id} field"
    );
    Ok(())
}

async fn set_lang(client: &Client, lang: Lang) -> Flow {
    let script = format!(
        "const s = document.getElementById('lang'); s.value = '{code}'; \
         s.dispatchEvent(new Event('change', {{bubbles: true}})); \
         return document.documentElement.lang;",
        code = lang_code(lang)
    );
    eval(client, &script).await?;
    wait_js(
        client,
        "the page language to change",
        &format!(
            "return document.getElementById('lang').value === '{}';",
            lang_code(lang)
        ),
    )
    .await
    .map(drop)
}

async fn submit(client: &Client) -> Flow {
    eval(
        client,
        "document.getElementById('submit').click(); return true;",
    )
    .await
    .map(drop)
}

/// The texts of the `.field-error`s next to `field` (in its `[data-field]` wrapper).
fn errors_script(field: Field, class: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('[data-field=\"{}\"] .{class}')) \
         .map(e => e.textContent.trim());",
        field.key()
    )
}

async fn texts_at(client: &Client, field: Field, class: &str) -> Result<Vec<String>, String> {
    let value = eval(client, &errors_script(field, class)).await?;
    Ok(value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

async fn wait_text_at(client: &Client, field: Field, class: &str, want: &str) -> Flow {
    let script = format!(
        "const want = {}; return Array.from(document.querySelectorAll('[data-field=\"{}\"] .{class}')) \
         .some(e => e.textContent.trim() === want);",
        serde_json::to_string(want).expect("string"),
        field.key()
    );
    match wait_js(
        client,
        &format!("{want:?} at the {} field", field.key()),
        &script,
    )
    .await
    {
        Ok(_) => Ok(()),
        Err(e) => Err(format!(
            "{e}\nshown there: {:?}",
            texts_at(client, field, class).await?
        )),
    }
}

async fn clear_form(client: &Client) -> Flow {
    for f in ["domain", "ips", "host", "helo", "selectors"] {
        set_field(client, f, "").await?;
    }
    Ok(())
}

#[tokio::test]
async fn the_page_refuses_every_bad_input_next_to_its_field_in_both_languages() {
    let backend = page_backend(&["--log-queries"]);
    let home = format!("{}/", backend.http_url());
    let cases = cases();

    with_browser(1280, 900, async |client: &Client| -> Flow {
        client
            .goto(&home)
            .await
            .map_err(|e| format!("open {home}: {e}"))?;
        wait_resolver_this(client).await?;
        let started = Instant::now();
        for (i, c) in cases.iter().enumerate() {
            let shown: String = c.text.chars().take(40).collect();
            // Alternate the language the case starts in; check the other after a switch.
            let (first, second) = if i % 2 == 0 {
                (Lang::En, Lang::Id)
            } else {
                (Lang::Id, Lang::En)
            };
            set_lang(client, first).await?;
            clear_form(client).await?;
            if c.field != Field::Domain {
                set_field(client, "domain", "example.com").await?;
            }
            set_field(client, c.field.key(), &c.text).await?;
            submit(client).await?;
            for lang in [first, second] {
                if lang == second {
                    set_lang(client, second).await?;
                }
                let want = problem_message(&c.problem).render(lang);
                wait_text_at(client, c.field, "field-error", &want)
                    .await
                    .map_err(|e| format!("case {i} {shown:?} [{lang:?}]: {e}"))?;
            }
            // Only that field is marked.
            for other in [
                Field::Domain,
                Field::Ips,
                Field::Host,
                Field::Helo,
                Field::Selectors,
            ] {
                if other != c.field {
                    let shown_there = texts_at(client, other, "field-error").await?;
                    ensure!(
                        shown_there.is_empty(),
                        "case {i} {shown:?}: errors at {}: {shown_there:?}",
                        other.key()
                    );
                }
            }
            ensure!(
                query_rows(client).await? == 0,
                "case {i} {shown:?}: the query log has rows"
            );
            let sent = backend.queries_until_now();
            ensure!(sent.is_empty(), "case {i} {shown:?} reached DNS: {sent:?}");
        }
        eprintln!(
            "{} bad inputs refused on the page in {:?}",
            cases.len(),
            started.elapsed()
        );
        screenshot(client, "bad-input-last-case").await?;

        // The page still works: odd but valid input runs, normalised.
        set_lang(client, Lang::En).await?;
        clear_form(client).await?;
        set_field(client, "domain", "user@Example.COM.").await?;
        submit(client).await?;
        wait_done(client).await?;
        ensure!(
            texts_at(client, Field::Domain, "field-error")
                .await?
                .is_empty(),
            "an error is still shown at the domain field"
        );
        let sent = backend.queries_until_now();
        ensure!(
            sent.iter()
                .any(|q| q.name == "example.com" && q.qtype == "MX"),
            "the page did not check example.com: {sent:?}"
        );
        ensure!(
            query_rows(client).await? > 0,
            "no query rows after a good run"
        );
        Ok(())
    })
    .await;
}

/// The page warns next to the domain field, in the chosen language, while the
/// user types a look-alike name; the check still runs under the punycode name.
#[tokio::test]
async fn the_page_warns_about_a_look_alike_name_and_still_checks_it() {
    let backend = page_backend(&["--log-queries"]);
    let home = format!("{}/", backend.http_url());
    let warning = problem_message(&InputProblem::MixedScripts {
        label: "\u{435}xample".into(),
        characters: "\u{435} (U+0435)".into(),
        ascii: "xn--xample-2of.com".into(),
    });

    with_browser(1280, 900, async |client: &Client| -> Flow {
        client
            .goto(&home)
            .await
            .map_err(|e| format!("open {home}: {e}"))?;
        wait_resolver_this(client).await?;
        set_field(client, "domain", "example.com").await?;
        ensure!(
            texts_at(client, Field::Domain, "field-warning")
                .await?
                .is_empty(),
            "a warning for the genuine example.com"
        );
        set_field(client, "domain", "\u{435}xample.com").await?;
        for lang in [Lang::En, Lang::Id] {
            set_lang(client, lang).await?;
            wait_text_at(
                client,
                Field::Domain,
                "field-warning",
                &warning.render(lang),
            )
            .await?;
        }
        submit(client).await?;
        wait_done(client).await?;
        ensure!(
            texts_at(client, Field::Domain, "field-error")
                .await?
                .is_empty(),
            "a look-alike name was refused"
        );
        screenshot(client, "bad-input-look-alike-warning").await?;
        let sent = backend.queries_until_now();
        ensure!(
            sent.iter()
                .any(|q| q.name == "xn--xample-2of.com" && q.qtype == "MX"),
            "the look-alike was not checked under its punycode name: {sent:?}"
        );
        Ok(())
    })
    .await;
}
