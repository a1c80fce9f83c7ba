//! Inboxable's orchestration entry point, run as `cargo xtask <command>`.
//!
//! It installs the tools the page and the tests need, builds the page with Trunk, runs the
//! product locally, and runs every check CI runs. It deliberately depends on `std` only so
//! that it compiles in seconds on a fresh clone.

mod fuzz;
mod tools;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use tools::{Env, Scope};

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup [--test]          Install the missing tools the page needs (and, with --test,
                          the ones the tests need: Chromium, chromedriver, dig, dnspython).
  build-page [--debug]    Build the page with Trunk into dist/ (release unless --debug).
  run [--listen ADDR] [-- ARGS...]
                          Build the page and the DoH backend, then serve both with the
                          demo zones on ADDR (default 127.0.0.1:8080). ARGS go to
                          inboxable-doh unchanged.
  test                    Run every check CI runs: fmt, clippy (host and wasm), the page
                          build, the whole test suite (load and browser tests included),
                          a bounded fuzzing run of every target in fuzz/
                          (INBOXABLE_FUZZ_SECONDS per target, default 20), and a one-run
                          benchmark.
  bench [--debug] [-- ARGS...]
                          Build the page and the binaries (release unless --debug), then
                          run the performance benchmark (bench/); ARGS go to
                          inboxable-bench unchanged (--runs N, --latency MS, --no-page).
  help                    Print this message.
";

/// The address `cargo xtask run` serves on unless told otherwise.
const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// An error that carries everything the user needs to act on it.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error(message)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        "setup" => {
            let scope = match rest {
                [] => Scope::Page,
                [flag] if flag == "--test" => Scope::Test,
                _ => return Err(usage_error("setup takes only --test")),
            };
            let env = Env::new()?;
            tools::setup(&env, scope).map(drop)
        }
        "build-page" => {
            let release = match rest {
                [] => true,
                [flag] if flag == "--debug" => false,
                _ => return Err(usage_error("build-page takes only --debug")),
            };
            let env = Env::new()?;
            let versions = tools::setup(&env, Scope::Page)?;
            build_page(&env, &versions, release)
        }
        "run" => run(rest),
        "bench" => {
            let (debug, extra) = match rest {
                [flag, extra @ ..] if flag == "--debug" => (true, extra),
                extra => (false, extra),
            };
            let extra: Vec<String> = match extra {
                [dashes, args @ ..] if dashes == "--" => args.to_vec(),
                [] => Vec::new(),
                _ => return Err(usage_error("bench takes --debug, then ARGS after `--`")),
            };
            let env = Env::new()?;
            let versions = tools::setup(&env, Scope::Test)?;
            build_page(&env, &versions, true)?;
            bench(&env, debug, &extra)
        }
        "test" => {
            if !rest.is_empty() {
                return Err(usage_error("test takes no arguments"));
            }
            test()
        }
        other => Err(usage_error(&format!("unknown command `{other}`"))),
    }
}

fn usage_error(message: &str) -> Error {
    Error(format!("{message}\n\n{USAGE}"))
}

/// The workspace root: xtask lives one directory below it.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir.parent().unwrap_or(manifest_dir);
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// Build the page with Trunk into `dist/`.
fn build_page(env: &Env, versions: &tools::Versions, release: bool) -> Result<()> {
    let root = &env.root;
    for required in ["index.html", "Trunk.toml"] {
        if !root.join(required).is_file() {
            return Err(Error(format!(
                "{} is missing; Trunk builds the page from it",
                root.join(required).display()
            )));
        }
    }
    // Trunk runs cargo with `--offline`, so fetch first: a dependency the frontend just added
    // would otherwise fail the build with a confusing "no matching package" error.
    run_cmd(env.command("cargo").arg("fetch"))?;
    let mut trunk = env.command("trunk");
    trunk.arg("build").arg("--offline");
    // Trunk.toml sets `release = true`, so a debug build has to say so explicitly.
    trunk.arg(if release {
        "--release"
    } else {
        "--release=false"
    });
    // Offline, Trunk only accepts a wasm-bindgen and wasm-opt found on PATH whose versions
    // equal the configured ones. Passing the versions setup just verified keeps Trunk in step
    // with Cargo.lock even when Trunk.toml lags behind a wasm-bindgen upgrade.
    trunk
        .env("TRUNK_TOOLS_WASM_BINDGEN", &versions.wasm_bindgen)
        .env("TRUNK_TOOLS_WASM_OPT", tools::WASM_OPT_TRUNK_VERSION)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        // Trunk's errors are anyhow chains; with RUST_BACKTRACE set (as on CI) each would
        // carry a long backtrace that buries the one line saying what went wrong.
        .env("RUST_LIB_BACKTRACE", "0");
    run_cmd(&mut trunk)?;
    println!("xtask: page built into {}", root.join("dist").display());
    Ok(())
}

/// Build everything and replace this process with the DoH backend serving the page.
fn run(args: &[String]) -> Result<()> {
    let mut listen = DEFAULT_LISTEN.to_string();
    let mut extra: Vec<String> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--listen" => {
                listen = iter
                    .next()
                    .ok_or_else(|| usage_error("--listen needs an address such as 127.0.0.1:8080"))?
                    .clone();
            }
            "--" => {
                extra.extend(iter.by_ref().cloned());
            }
            other => {
                if let Some(value) = other.strip_prefix("--listen=") {
                    listen = value.to_string();
                } else {
                    return Err(usage_error(&format!(
                        "unknown run option `{other}` (put backend options after `--`)"
                    )));
                }
            }
        }
    }

    let env = Env::new()?;
    let versions = tools::setup(&env, Scope::Page)?;
    build_page(&env, &versions, true)?;
    run_cmd(
        env.command("cargo")
            .args(["build", "--release", "-p", "inboxable-doh"]),
    )?;

    let root = &env.root;
    let zones_dir = root.join("backend/demo");
    let backend_bin = env.target_dir.join("release/inboxable-doh");
    let mut backend = env.command(&backend_bin);
    backend
        .arg("--static")
        .arg(root.join("dist"))
        .arg("--zones")
        .arg(&zones_dir)
        .arg("--listen")
        .arg(&listen)
        .args(&extra);
    println!(
        "Inboxable is running at http://{listen}/ (demo zones: {}; Ctrl-C to stop)",
        demo_zones(&zones_dir)
    );
    // Replacing this process (rather than spawning a child) hands the terminal's Ctrl-C
    // straight to the server and makes its exit status ours, with no signal juggling here.
    use std::os::unix::process::CommandExt;
    let err = backend.exec();
    Err(Error(format!(
        "could not start {}: {err}",
        backend_bin.display()
    )))
}

/// Name the demo zones so the user knows which domains to try in the page.
fn demo_zones(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".zone").map(str::to_string)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        format!("none found in {}", dir.display())
    } else {
        names.join(", ")
    }
}

/// The size of `target/` and the space left on its disk, for the summary: a CI run once
/// failed when the disk filled under the linker, and the figures show which step grows it.
fn disk_note() -> String {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    };
    let output = |cmd: &mut Command| {
        cmd.output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let used = output(Command::new("du").args(["-sh"]).arg(&target))
        .and_then(|text| text.split_whitespace().next().map(str::to_string));
    let free = output(
        Command::new("df")
            .args(["-h", "--output=avail"])
            .arg(&target),
    )
    .and_then(|text| text.lines().nth(1).map(|line| line.trim().to_string()));
    format!(
        "target {}, {} free",
        used.as_deref().unwrap_or("?"),
        free.as_deref().unwrap_or("?")
    )
}

/// One step of `cargo xtask test`, kept for the timing summary.
struct StepRecord {
    name: &'static str,
    elapsed: Duration,
    passed: bool,
    disk: String,
}

/// Runs the named steps in order, stopping at the first failure, and times each of them.
struct Steps {
    records: Vec<StepRecord>,
    started: Instant,
}

impl Steps {
    fn new() -> Self {
        Steps {
            records: Vec::new(),
            started: Instant::now(),
        }
    }

    fn run<T>(&mut self, name: &'static str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        println!("\n==> xtask test: {name}");
        let started = Instant::now();
        let outcome = step();
        self.records.push(StepRecord {
            name,
            elapsed: started.elapsed(),
            passed: outcome.is_ok(),
            disk: disk_note(),
        });
        outcome.map_err(|err| Error(format!("step `{name}` failed: {err}")))
    }

    fn print_summary(&self) {
        println!("\nxtask test timings:");
        for record in &self.records {
            let status = if record.passed { "ok  " } else { "FAIL" };
            println!(
                "  {status} {:<12} {:>8.1}s   {}",
                record.name,
                record.elapsed.as_secs_f64(),
                record.disk
            );
        }
        println!(
            "       {:<12} {:>8.1}s",
            "total",
            self.started.elapsed().as_secs_f64()
        );
    }
}

fn test() -> Result<()> {
    let mut steps = Steps::new();
    let outcome = test_steps(&mut steps);
    steps.print_summary();
    if outcome.is_ok() {
        println!("xtask test: all steps passed");
    }
    outcome
}

fn test_steps(steps: &mut Steps) -> Result<()> {
    let env = Env::new()?;
    let versions = steps.run("setup", || tools::setup(&env, Scope::Test))?;
    steps.run("fmt", || {
        run_cmd(env.command("cargo").args(["fmt", "--all", "--check"]))
    })?;
    steps.run("clippy", || {
        run_cmd(env.command("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("clippy-wasm", || {
        // One package at a time, as Trunk builds them: together, cargo would unify the
        // engine's features and lint the page with the worker's `dkim-verify` turned on.
        for package in ["inboxable-web", "inboxable-verify"] {
            run_cmd(env.command("cargo").args([
                "clippy",
                "-p",
                package,
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]))?;
        }
        Ok(())
    })?;
    steps.run("build-page", || build_page(&env, &versions, true))?;
    steps.run("build", || {
        run_cmd(
            env.command("cargo")
                .args(["build", "-p", "inboxable-doh", "-p", "inboxable"]),
        )
    })?;
    steps.run("cargo-test", || {
        let root = &env.root;
        run_cmd(
            env.command("cargo")
                .args(["test", "--workspace"])
                .env("INBOXABLE_DIST", root.join("dist"))
                .env("INBOXABLE_BIN_DIR", env.target_dir.join("debug"))
                .env("CHROMIUM", "/usr/bin/chromium")
                .env("CHROMEDRIVER", "/usr/bin/chromedriver"),
        )
    })?;
    steps.run("fuzz", || fuzz::run(&env))?;
    steps.run("bench", || {
        bench(&env, true, &["--runs".into(), "1".into()])
    })?;
    Ok(())
}

/// The most the benchmark binary may run (its own waits all have shorter deadlines).
const BENCH_CAP: Duration = Duration::from_secs(300);

/// Build the DoH backend, the CLI and the benchmark, then run the benchmark against the
/// page in `dist/` (built by the caller), stopping it after [`BENCH_CAP`].
fn bench(env: &Env, debug: bool, args: &[String]) -> Result<()> {
    let mut build = env.command("cargo");
    build.arg("build");
    if !debug {
        build.arg("--release");
    }
    build.args([
        "-p",
        "inboxable-doh",
        "-p",
        "inboxable",
        "-p",
        "inboxable-bench",
    ]);
    run_cmd(&mut build)?;
    let bin_dir = env.target_dir.join(if debug { "debug" } else { "release" });
    let mut cmd = env.command(bin_dir.join("inboxable-bench"));
    cmd.args(args)
        .env("INBOXABLE_BIN_DIR", &bin_dir)
        .env("INBOXABLE_DIST", env.root.join("dist"))
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("CHROMEDRIVER", "/usr/bin/chromedriver");
    run_capped(&mut cmd, BENCH_CAP)
}

/// [`run_cmd`] with a time limit. The command gets its own process group so that the
/// limit stops everything it started (servers, chromedriver, Chromium) with it.
fn run_capped(cmd: &mut Command, cap: Duration) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let shown = show(cmd);
    println!("$ {shown}  (at most {} s)", cap.as_secs());
    let mut child = cmd
        .process_group(0)
        .spawn()
        .map_err(|err| Error(format!("could not start `{shown}`: {err}")))?;
    let deadline = Instant::now() + cap;
    loop {
        let status = child
            .try_wait()
            .map_err(|err| Error(format!("waiting for `{shown}`: {err}")))?;
        match status {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(Error(format!("`{shown}` exited with {status}"))),
            None if Instant::now() >= deadline => {
                let group = format!("-{}", child.id());
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
                let _ = child.wait();
                return Err(Error(format!(
                    "`{shown}` was stopped after {} s",
                    cap.as_secs()
                )));
            }
            None => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

/// Run a command with inherited stdio so its output streams live, failing on a non-zero exit.
pub fn run_cmd(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    println!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|err| Error(format!("could not start `{shown}`: {err}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error(format!("`{shown}` exited with {status}")))
    }
}

/// Render a command the way a user would type it, for logs and error messages.
pub fn show(cmd: &Command) -> String {
    let mut parts: Vec<OsString> = vec![cmd.get_program().to_os_string()];
    parts.extend(cmd.get_args().map(|arg| arg.to_os_string()));
    parts
        .iter()
        .map(|part| {
            let part = part.to_string_lossy();
            if part.is_empty() || part.contains([' ', '\'', '"', '[', '*']) {
                format!("'{}'", part.replace('\'', r"'\''"))
            } else {
                part.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
