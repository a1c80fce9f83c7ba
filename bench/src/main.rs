//! `inboxable-bench`: how long a full check takes compared with the least time any
//! schedule could take, for the CLI and the page, plus the page's weight and its time to
//! interactive. Run it through `cargo xtask bench`, which builds what it needs.
//!
//! Each run gets a fresh `inboxable-doh --latency MS --log-queries` serving the benchmark
//! zones (`bench/zones/` and one zone per list of the built-in blocklist catalogue), so
//! the server's log is exactly that run's queries. From it: queries issued (log lines),
//! unique queries (distinct name and type; equal counts prove no question was sent
//! twice), and the critical path (see `analysis.rs`). Wall time is measured around the
//! CLI process, and inside the page from the click on `#submit` until
//! `#results[data-state=done]`.
//!
//! Exit status: 0 when every part ran (whether or not the targets were met: it is a
//! measurement), 1 when a part could not run, 64 on a usage error.

mod analysis;
mod page;
mod weight;
mod zones;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use analysis::{CriticalPath, Query};
use inboxable_e2e::Backend;

/// The benchmark domain and its sending IPs (bench/zones/).
const DOMAIN: &str = "example.com";
const IPS: [&str; 2] = ["93.184.215.50", "2606:2800:21f::50"];
/// Targets from the issue.
const RATIO_TARGET: f64 = 1.3;
const WEIGHT_TARGET_BYTES: u64 = 350_000;
/// How long the CLI may take for one check.
const CLI_TIMEOUT: Duration = Duration::from_secs(30);
/// How long one page run (session, load, check) may take in all.
const PAGE_RUN_TIMEOUT: Duration = Duration::from_secs(90);
/// The prefix of the e2e harness's log barrier queries.
const BARRIER_PREFIX: &str = "log-barrier-";

const USAGE: &str = "\
Usage: inboxable-bench [--latency MS] [--runs N] [--no-page]

  --latency MS   inboxable-doh --latency (default 50)
  --runs N       runs per front end; the median run is shown (default 3)
  --no-page      skip the page (headless Chromium) part

Environment: INBOXABLE_BIN_DIR (inboxable-doh, inboxable; default: this binary's
directory), INBOXABLE_DIST (the built page; default <workspace>/dist), CHROMIUM,
CHROMEDRIVER (default /usr/bin/...).";

struct Options {
    latency_ms: u64,
    runs: usize,
    page: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        latency_ms: 50,
        runs: 3,
        page: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |what: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{what} needs a number"))
        };
        match arg.as_str() {
            "--latency" => options.latency_ms = number("--latency")?,
            "--runs" => options.runs = number("--runs")?.clamp(1, 10) as usize,
            "--no-page" => options.page = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if options.latency_ms == 0 {
        return Err("--latency must be at least 1 ms: the lower bound is chain × latency".into());
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("inboxable-bench: {message}\n\n{USAGE}");
            return ExitCode::from(64);
        }
    };
    // The e2e harness finds the binaries through INBOXABLE_BIN_DIR. Setting a variable in
    // our own environment needs `unsafe` in edition 2024, so run again with it set.
    if std::env::var_os("INBOXABLE_BIN_DIR").is_none() {
        return rerun_with_bin_dir();
    }
    let started = Instant::now();
    match bench(&options) {
        Ok(complete) => {
            eprintln!(
                "inboxable-bench: finished in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            if complete {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("inboxable-bench: could not run: {message}");
            ExitCode::FAILURE
        }
    }
}

fn rerun_with_bin_dir() -> ExitCode {
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("inboxable-bench: set INBOXABLE_BIN_DIR to the directory of inboxable-doh");
        return ExitCode::FAILURE;
    };
    let dir = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    match Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .env("INBOXABLE_BIN_DIR", dir)
        .status()
    {
        Ok(status) => ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("inboxable-bench: cannot run {}: {e}", exe.display());
            ExitCode::FAILURE
        }
    }
}

/// The figures of one run of one front end.
struct RunFigures {
    issued: usize,
    unique: usize,
    wall_ms: f64,
    path: CriticalPath,
    lower_bound_ms: f64,
    /// Extra, per front end: the CLI's own log size and answer agreement, the page's TTI.
    extra: Value,
}

impl RunFigures {
    fn ratio(&self) -> f64 {
        if self.lower_bound_ms > 0.0 {
            self.wall_ms / self.lower_bound_ms
        } else {
            f64::NAN
        }
    }

    fn json(&self) -> Value {
        json!({
            "issued": self.issued,
            "unique": self.unique,
            "wall_ms": round1(self.wall_ms),
            "chain": self.path.length,
            "lower_bound_ms": round1(self.lower_bound_ms),
            "ratio": round2(self.ratio()),
            "extra": self.extra,
        })
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Answers by (name, type), resolved once from the fixture server and shared by the runs.
type AnswerTable = HashMap<(String, String), Vec<String>>;

fn bench(options: &Options) -> Result<bool, String> {
    let zone_dir = tempfile::tempdir().map_err(|e| format!("temporary directory: {e}"))?;
    let blocklists = zones::prepare(zone_dir.path())?;
    let dist = std::env::var_os("INBOXABLE_DIST")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| inboxable_e2e::workspace_root().join("dist"));
    let has_page = dist.join("index.html").is_file();
    println!(
        "Inboxable benchmark: inboxable-doh --latency {} ms; {DOMAIN} from {}; fixture zones \
         {} + {blocklists} blocklist zones generated from the built-in catalogue; {} run(s) each",
        options.latency_ms,
        IPS.join(" and "),
        zones::fixture_dir().display(),
        options.runs,
    );

    let mut complete = true;
    let mut table = AnswerTable::new();

    // Page weight.
    let weight = if has_page {
        match weight::measure(&dist) {
            Ok(assets) => Some(assets),
            Err(e) => {
                eprintln!("page weight: {e}");
                complete = false;
                None
            }
        }
    } else {
        eprintln!(
            "page weight and page runs: no built page in {} (run `cargo xtask bench`, which \
             builds it)",
            dist.display()
        );
        complete = false;
        None
    };

    // The CLI.
    let mut cli_runs = Vec::new();
    for run in 0..options.runs {
        match cli_run(options, zone_dir.path(), &mut table) {
            Ok(figures) => cli_runs.push(figures),
            Err(e) => {
                eprintln!("CLI run {}: {e}", run + 1);
                complete = false;
                break;
            }
        }
    }

    // The page.
    let mut page_runs = Vec::new();
    if has_page && options.page {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            page_runs_all(options, zone_dir.path(), &dist, &mut table)
        }));
        match outcome {
            Ok((runs, error)) => {
                page_runs = runs;
                if let Some(e) = error {
                    eprintln!("page: {e}");
                    complete = false;
                }
            }
            Err(_) => {
                eprintln!("page: the browser harness failed (see the panic above)");
                complete = false;
            }
        }
    } else if !options.page {
        println!("page runs skipped (--no-page)");
    }

    report(options, weight.as_deref(), &cli_runs, &page_runs);
    Ok(complete && !cli_runs.is_empty())
}

fn start_backend(options: &Options, zones: &Path, dist: Option<&Path>) -> Backend {
    let latency = options.latency_ms.to_string();
    let mut extra = vec!["--latency", latency.as_str(), "--log-queries"];
    let dist_text = dist.map(|d| d.display().to_string());
    match &dist_text {
        // The page's backend speaks HTTPS, hence HTTP/2, as every public DoH resolver does:
        // over plain HTTP/1.1 Chromium allows six connections to one origin, and the page's
        // queries would wait in that queue instead of showing the engine's scheduling.
        Some(d) => {
            extra.extend(["--static", d.as_str()]);
            Backend::start_tls(zones, &extra)
        }
        None => Backend::start(zones, &extra),
    }
}

/// Every query this run's backend answered, in log order, from its arrival.
fn run_log(backend: &Backend, latency_ms: u64) -> Vec<Query> {
    // The barrier makes sure every answered query is in the log.
    let _ = backend.queries_until_now();
    let lines: Vec<String> = backend.stderr_text().lines().map(str::to_owned).collect();
    analysis::parse_log(&lines, latency_ms as f64, Some(BARRIER_PREFIX))
}

/// Resolves every (name, type) of `log` missing from `table` against `backend`, a few
/// at a time (the fixture is static, so the answers are the ones the run got).
fn fill_answers(backend: &Backend, log: &[Query], table: &mut AnswerTable) -> Result<(), String> {
    let mut missing: Vec<(String, String)> = log
        .iter()
        .map(|q| (q.name.clone(), q.qtype.clone()))
        .filter(|k| !table.contains_key(k))
        .collect();
    missing.sort();
    missing.dedup();
    let work = Mutex::new(missing);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..16 {
            scope.spawn(|| {
                loop {
                    let Some((name, qtype)) = work.lock().expect("work lock").pop() else {
                        break;
                    };
                    let answer = resolve(backend, &name, &qtype);
                    results
                        .lock()
                        .expect("results lock")
                        .push(((name, qtype), answer));
                }
            });
        }
    });
    for (key, answer) in std::mem::take(&mut *results.lock().expect("results lock")) {
        table.insert(key, answer?);
    }
    Ok(())
}

/// The answer records (CNAMEs on the way left out, as the engine's answers do) of one
/// question, in the DoH JSON presentation form.
fn resolve(backend: &Backend, name: &str, qtype: &str) -> Result<Vec<String>, String> {
    let path = format!("/dns-query?name={name}&type={qtype}");
    let response = backend.try_get(&path)?;
    let body: Value =
        serde_json::from_str(&response.body).map_err(|e| format!("GET {path}: {e}"))?;
    let records = body["Answer"].as_array().cloned().unwrap_or_default();
    Ok(records
        .iter()
        .filter(|r| qtype == "CNAME" || r["type"].as_u64() != Some(5))
        .filter_map(|r| r["data"].as_str().map(str::to_owned))
        .collect())
}

fn figures(
    options: &Options,
    log: &[Query],
    table: &AnswerTable,
    wall_ms: f64,
    extra: Value,
) -> RunFigures {
    let (issued, unique) = analysis::issued_unique(log);
    let path = analysis::critical_path(log, table);
    let mut extra = extra;
    extra["peak_in_flight"] = json!(analysis::peak_in_flight(log));
    RunFigures {
        issued,
        unique,
        wall_ms,
        lower_bound_ms: path.length as f64 * options.latency_ms as f64,
        path,
        extra,
    }
}

fn cli_run(options: &Options, zones: &Path, table: &mut AnswerTable) -> Result<RunFigures, String> {
    let backend = start_backend(options, zones, None);
    let cli = inboxable_e2e::binary("inboxable");
    let doh = backend.doh_url();
    let mut args = vec!["check", DOMAIN];
    for ip in IPS {
        args.extend(["--ip", ip]);
    }
    args.extend(["--resolver", doh.as_str(), "--format", "json"]);
    let started = Instant::now();
    let output = inboxable_e2e::run_program(&cli, &args, CLI_TIMEOUT);
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    if !matches!(output.code, Some(0..=2)) {
        return Err(format!(
            "`inboxable {}` exited with {:?}: {}",
            args.join(" "),
            output.code,
            output.stderr
        ));
    }
    let report: Value = serde_json::from_str(&output.stdout)
        .map_err(|e| format!("the CLI's JSON report does not parse: {e}"))?;
    let log = run_log(&backend, options.latency_ms);
    if log.is_empty() {
        return Err("the backend logged no queries: did the CLI use it?".into());
    }
    fill_answers(&backend, &log, table)?;

    // Cross-check with the CLI's own query log: same queries, same answers.
    let own = report["queries"].as_array().cloned().unwrap_or_default();
    let mut agree = 0;
    let mut with_answers = 0;
    for entry in &own {
        let (Some(name), Some(qtype)) = (entry["name"].as_str(), entry["type"].as_str()) else {
            continue;
        };
        let Some(answers) = entry["answers"].as_array() else {
            continue;
        };
        with_answers += 1;
        let key = (
            name.trim_end_matches('.').to_ascii_lowercase(),
            qtype.to_owned(),
        );
        let mut theirs: Vec<String> = answers
            .iter()
            .filter_map(|a| a.as_str())
            .map(normalise_data)
            .collect();
        let mut ours: Vec<String> = table
            .get(&key)
            .map(|v| v.iter().map(|a| normalise_data(a)).collect())
            .unwrap_or_default();
        theirs.sort();
        ours.sort();
        if theirs == ours {
            agree += 1;
        }
    }
    let verdict = report["verdict"]["status"].clone();
    let extra = json!({
        "exit_code": output.code,
        "verdict": verdict,
        "own_log_queries": own.len(),
        "own_log_answers_agree": format!("{agree}/{with_answers}"),
    });
    Ok(figures(options, &log, table, wall_ms, extra))
}

/// Answer data compared across presentation forms: TXT strings joined, case and the
/// trailing dot of names ignored.
fn normalise_data(data: &str) -> String {
    let data = data.trim();
    let joined = if data.starts_with('"') {
        data.trim_matches('"')
            .replace("\" \"", "")
            .replace("\"\"", "")
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
    } else {
        data.to_owned()
    };
    joined.trim_end_matches('.').to_ascii_lowercase()
}

fn page_runs_all(
    options: &Options,
    zones: &Path,
    dist: &Path,
    table: &mut AnswerTable,
) -> (Vec<RunFigures>, Option<String>) {
    let driver = inboxable_e2e::browser::Chromedriver::start();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return (Vec::new(), Some(format!("tokio runtime: {e}"))),
    };
    let mut runs = Vec::new();
    for run in 0..options.runs {
        match page_run(options, zones, dist, &driver, &runtime, table) {
            Ok(figures) => runs.push(figures),
            Err(e) => return (runs, Some(format!("run {}: {e}", run + 1))),
        }
    }
    (runs, None)
}

fn page_run(
    options: &Options,
    zones: &Path,
    dist: &Path,
    driver: &inboxable_e2e::browser::Chromedriver,
    runtime: &tokio::runtime::Runtime,
    table: &mut AnswerTable,
) -> Result<RunFigures, String> {
    let backend = start_backend(options, zones, Some(dist));
    let profile = tempfile::tempdir().map_err(|e| format!("profile directory: {e}"))?;
    let url = format!("{}/", backend.http_url());
    let ips = IPS.join(", ");
    let measured = runtime.block_on(async {
        let client = page::session(driver, profile.path()).await?;
        let outcome =
            tokio::time::timeout(PAGE_RUN_TIMEOUT, page::run(&client, &url, DOMAIN, &ips)).await;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        outcome.map_err(|_| format!("the page run took longer than {PAGE_RUN_TIMEOUT:?}"))?
    })?;
    let log = run_log(&backend, options.latency_ms);
    if log.is_empty() {
        return Err(format!(
            "the backend logged no queries: the page did not use it as its resolver \
             (TTI {:.0} ms, {} rows in its log)",
            measured.tti_ms, measured.log_rows
        ));
    }
    fill_answers(&backend, &log, table)?;
    let extra = json!({
        "tti_ms": round1(measured.tti_ms),
        "tti_exact": measured.tti_exact,
        "own_log_rows": measured.log_rows,
        "viewport": format!("{}x{}", page::VIEWPORT.0, page::VIEWPORT.1),
    });
    Ok(figures(options, &log, table, measured.wall_ms, extra))
}

/// The run with the median wall time.
fn median(runs: &[RunFigures]) -> Option<&RunFigures> {
    let mut sorted: Vec<&RunFigures> = runs.iter().collect();
    sorted.sort_by(|a, b| a.wall_ms.total_cmp(&b.wall_ms));
    sorted.get(sorted.len().saturating_sub(1) / 2).copied()
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

fn report(
    options: &Options,
    weight: Option<&[weight::Asset]>,
    cli: &[RunFigures],
    page: &[RunFigures],
) {
    println!();
    println!(
        "{:<8} {:>6} {:>6} {:>5} {:>9} {:>6} {:>10} {:>7}  target ≤ {RATIO_TARGET}",
        "", "issued", "unique", "dups", "wall ms", "chain", "bound ms", "ratio"
    );
    for (label, runs) in [("CLI", cli), ("page", page)] {
        let Some(m) = median(runs) else {
            println!("{label:<8} did not run");
            continue;
        };
        let ratio = m.ratio();
        println!(
            "{label:<8} {:>6} {:>6} {:>5} {:>9.0} {:>6} {:>10.0} {:>7.2}  {}",
            m.issued,
            m.unique,
            m.issued - m.unique,
            m.wall_ms,
            m.path.length,
            m.lower_bound_ms,
            ratio,
            verdict(ratio <= RATIO_TARGET),
        );
    }
    println!(
        "(median of {} run(s) by wall time; issued = queries the server received, unique = \
         distinct name+type: equal means no question was sent twice; bound = chain × {} ms)",
        options.runs, options.latency_ms
    );
    for (label, runs) in [("CLI", cli), ("page", page)] {
        if runs.is_empty() {
            continue;
        }
        let ratios: Vec<String> = runs
            .iter()
            .map(|r| format!("{:.0} ms ({:.2})", r.wall_ms, r.ratio()))
            .collect();
        println!("{label} runs: {}", ratios.join(", "));
        if let Some(m) = median(runs) {
            println!(
                "{label} peak queries in flight at the server: {}",
                m.extra["peak_in_flight"]
            );
        }
    }
    if let Some(m) = median(cli) {
        println!(
            "CLI cross-check: its own JSON log lists {} queries; answers agree with the fixture \
             for {}",
            m.extra["own_log_queries"], m.extra["own_log_answers_agree"]
        );
    }
    if let Some(m) = median(page) {
        println!(
            "page cross-check: #query-log shows {} rows",
            m.extra["own_log_rows"]
        );
    }
    for (label, runs) in [("CLI", cli), ("page", page)] {
        let Some(m) = median(runs) else { continue };
        println!(
            "\n{label} critical path ({} queries; {} of {} queries wait for another's answer):",
            m.path.length, m.path.dependent, m.issued
        );
        for (i, (q, why)) in m.path.chain.iter().enumerate() {
            println!(
                "  {}. {:<5} {:<45} sent {:>6.0} ms, answered {:>6.0} ms  [{why}]",
                i + 1,
                q.qtype,
                q.name,
                q.start_ms,
                q.end_ms
            );
        }
    }

    println!();
    let mut weight_json = Value::Null;
    match weight {
        Some(assets) => {
            let total: u64 = assets
                .iter()
                .filter(|a| a.at_start)
                .map(|a| a.gzipped)
                .sum();
            let later: u64 = assets
                .iter()
                .filter(|a| !a.at_start)
                .map(|a| a.gzipped)
                .sum();
            println!("page weight (gzip -9):");
            for a in assets {
                println!(
                    "  {:<48} {:>9} B  gzipped {:>8} B ({:.1} KB){}",
                    a.name,
                    a.bytes,
                    a.gzipped,
                    a.gzipped as f64 / 1000.0,
                    if a.at_start { "" } else { "  on demand" }
                );
            }
            println!(
                "  loaded with the page: {total} B = {:.1} KB gzipped; target ≤ {} KB: {}",
                total as f64 / 1000.0,
                WEIGHT_TARGET_BYTES / 1000,
                verdict(total <= WEIGHT_TARGET_BYTES)
            );
            println!(
                "  loaded on demand (DKIM verification, on the first pasted signature): {:.1} KB \
                 gzipped",
                later as f64 / 1000.0
            );
            weight_json = json!({
                "total_gzip_bytes": total,
                "on_demand_gzip_bytes": later,
                "target_bytes": WEIGHT_TARGET_BYTES,
                "met": total <= WEIGHT_TARGET_BYTES,
                "files": assets.iter().map(|a| json!({
                    "name": a.name, "bytes": a.bytes, "gzip_bytes": a.gzipped,
                    "at_start": a.at_start,
                })).collect::<Vec<_>>(),
            });
        }
        None => println!("page weight: not measured (no built page)"),
    }
    let mut tti_json = Value::Null;
    if !page.is_empty() {
        let mut ttis: Vec<f64> = page
            .iter()
            .filter_map(|r| r.extra["tti_ms"].as_f64())
            .collect();
        ttis.sort_by(f64::total_cmp);
        let mid = ttis[ttis.len().saturating_sub(1) / 2];
        let exact = page.iter().all(|r| r.extra["tti_exact"] == true);
        println!(
            "time to interactive (cold load, headless Chromium {}x{}, navigation start → #submit \
             rendered and enabled): median {mid:.0} ms (runs: {}){}",
            page::VIEWPORT.0,
            page::VIEWPORT.1,
            ttis.iter()
                .map(|t| format!("{t:.0}"))
                .collect::<Vec<_>>()
                .join(", "),
            if exact {
                ""
            } else {
                " — some values are upper bounds (the page was ready at the first poll)"
            }
        );
        tti_json = json!({ "median_ms": round1(mid), "runs_ms": ttis, "exact": exact });
    }

    let summary = |runs: &[RunFigures]| -> Value {
        match median(runs) {
            Some(m) => {
                let mut v = m.json();
                v["met"] = json!(m.ratio() <= RATIO_TARGET);
                v["runs_wall_ms"] =
                    json!(runs.iter().map(|r| round1(r.wall_ms)).collect::<Vec<_>>());
                v["critical_path"] = json!(
                    m.path
                        .chain
                        .iter()
                        .map(|(q, _)| format!("{} {}", q.qtype, q.name))
                        .collect::<Vec<_>>()
                );
                v
            }
            None => Value::Null,
        }
    };
    let line = json!({
        "bench": "inboxable",
        "latency_ms": options.latency_ms,
        "runs": options.runs,
        "ratio_target": RATIO_TARGET,
        "cli": summary(cli),
        "page": summary(page),
        "page_weight": weight_json,
        "tti": tti_json,
    });
    println!("\nBENCH_JSON {line}");
}
