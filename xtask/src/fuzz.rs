//! The bounded fuzzing step of `cargo xtask test`: every cargo-fuzz target in `fuzz/` runs for
//! a few seconds from its committed seed corpus, and any crash fails the step.
//!
//! cargo-fuzz wants a nightly compiler for its `-Z` flags. Where no nightly toolchain is
//! installed (a fresh machine can only have the pinned stable one), the stable compiler runs
//! with `RUSTC_BOOTSTRAP=1`, which accepts the same flags. The targets build without a
//! sanitizer: the code is safe Rust (`unsafe_code = "forbid"`), so what the fuzzer looks for
//! is panics, overflow (debug assertions are on), timeouts and runaway memory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::tools::Env;
use crate::{Error, Result, run_capped, run_cmd};

/// Seconds each target runs; `INBOXABLE_FUZZ_SECONDS` overrides it (0 skips running).
const DEFAULT_SECONDS: u64 = 20;
/// A single input taking longer than this is reported as a hang (a crash).
const INPUT_TIMEOUT_SECONDS: u64 = 10;
/// The most memory one target may use before libFuzzer calls it a crash.
const RSS_LIMIT_MB: u64 = 1024;

/// The compiler cargo-fuzz builds with: `+nightly`, or stable with `RUSTC_BOOTSTRAP`.
fn toolchain(env: &Env) -> Option<&'static str> {
    let nightly = env
        .command("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if nightly {
        Some("+nightly")
    } else {
        println!("xtask: no nightly toolchain; building the fuzz targets with RUSTC_BOOTSTRAP=1");
        None
    }
}

fn cargo_fuzz(env: &Env, toolchain: Option<&str>, target_dir: &Path) -> std::process::Command {
    let mut cmd = env.command("cargo");
    if let Some(toolchain) = toolchain {
        cmd.arg(toolchain);
    } else {
        cmd.env("RUSTC_BOOTSTRAP", "1");
    }
    cmd.arg("fuzz");
    // cargo-fuzz passes these on; the main workspace's flags do not apply to the fuzz crate.
    cmd.env_remove("RUSTFLAGS")
        .env("CARGO_TARGET_DIR", target_dir);
    cmd
}

/// The targets `fuzz/Cargo.toml` declares, in order.
fn targets(root: &Path) -> Result<Vec<String>> {
    let manifest = root.join("fuzz/Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|err| Error(format!("cannot read {}: {err}", manifest.display())))?;
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if in_bin && let Some(rest) = line.strip_prefix("name") {
            let name = rest
                .trim_start()
                .trim_start_matches('=')
                .trim()
                .trim_matches('"');
            names.push(name.to_string());
        }
    }
    if names.is_empty() {
        return Err(Error(format!("{} declares no targets", manifest.display())));
    }
    Ok(names)
}

/// Builds every target, then runs each for a bounded time from its seed corpus. New inputs
/// the fuzzer finds go to a scratch copy, so the committed corpus only changes by hand.
pub fn run(env: &Env) -> Result<()> {
    let seconds = match std::env::var("INBOXABLE_FUZZ_SECONDS") {
        Ok(text) => text.trim().parse().map_err(|_| {
            Error(format!(
                "INBOXABLE_FUZZ_SECONDS={text:?} is not a number of seconds"
            ))
        })?,
        Err(_) => DEFAULT_SECONDS,
    };
    let root = &env.root;
    let toolchain = toolchain(env);
    let target_dir = env.target_dir.join("fuzz");
    run_cmd(
        cargo_fuzz(env, toolchain, &target_dir)
            .args(["build", "--sanitizer", "none", "--target-dir"])
            .arg(&target_dir),
    )?;
    if seconds == 0 {
        println!("xtask: INBOXABLE_FUZZ_SECONDS=0, fuzz targets built but not run");
        return Ok(());
    }
    let scratch = target_dir.join("corpus");
    for target in targets(root)? {
        let seeds = root.join("fuzz/corpus").join(&target);
        if !seeds.is_dir() {
            return Err(Error(format!(
                "{} is missing: every fuzz target has a committed seed corpus",
                seeds.display()
            )));
        }
        let work: PathBuf = scratch.join(&target);
        std::fs::create_dir_all(&work)
            .map_err(|err| Error(format!("cannot create {}: {err}", work.display())))?;
        let mut cmd = cargo_fuzz(env, toolchain, &target_dir);
        cmd.args(["run", "--sanitizer", "none", "--target-dir"])
            .arg(&target_dir)
            .arg(&target)
            .arg(&work)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-timeout={INPUT_TIMEOUT_SECONDS}"))
            .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
            .arg("-print_final_stats=1");
        // The fuzzer stops itself; the cap only guards against a wedged build or process.
        run_capped(&mut cmd, Duration::from_secs(seconds + 180)).map_err(|err| {
            Error(format!(
                "fuzz target `{target}` failed: {err}. The input that crashed it is under \
                 fuzz/artifacts/{target}/; reproduce with `cargo +nightly fuzz run {target} \
                 <file>`, fix the parser and add the input as a regression test next to it"
            ))
        })?;
    }
    Ok(())
}
