//! Finding and installing the external tools the build and the tests need.
//!
//! Every check runs the tool itself (`--version`) rather than trusting a marker file, so a
//! half-finished install is noticed, and a second `cargo xtask setup` only pays for a handful
//! of quick process launches.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::{Error, Result, show};

/// The Trunk release the page is built with; index.html's `data-*` attributes and the
/// offline tool lookup were checked against this release's source.
pub const TRUNK_VERSION: &str = "0.21.14";

/// The binaryen release wasm-opt comes from. Debian's binaryen is too old for the bulk-memory
/// and sign-extension features current Rust emits for wasm32.
pub const BINARYEN_VERSION: &str = "132";

/// How Trunk spells the wasm-opt version (`[tools] wasm_opt` in Trunk.toml).
pub const WASM_OPT_TRUNK_VERSION: &str = "version_132";

/// The Rust target the page compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The Debian packages the browser, DNS and load tests drive.
const DEBIAN_PACKAGES: [&str; 4] = ["chromium", "chromium-driver", "bind9-dnsutils", "wrk"];

/// The cargo-fuzz release the fuzzing step runs (`fuzz/`).
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Which tools `setup` makes sure of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// What building the page needs.
    Page,
    /// What building the page and running the whole test suite need.
    Test,
}

/// Tool versions later steps must agree on.
#[derive(Debug)]
pub struct Versions {
    /// The wasm-bindgen version in Cargo.lock, which the CLI must match exactly.
    pub wasm_bindgen: String,
}

/// Where things live and the PATH every child process gets.
pub struct Env {
    pub root: PathBuf,
    pub cargo_bin: PathBuf,
    pub binaryen_dir: PathBuf,
    /// Cargo's output directory, which honours CARGO_TARGET_DIR the way Cargo itself does.
    pub target_dir: PathBuf,
    path: OsString,
}

impl Env {
    pub fn new() -> Result<Self> {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .ok_or_else(|| Error("HOME is not set; xtask keeps its tool cache under it".into()))?;
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| home.join(".cargo"));
        let cargo_bin = cargo_home.join("bin");
        // The cache sits outside the checkout so fresh clones on the same machine reuse it.
        let binaryen_dir = home.join(".cache/inboxable/binaryen");
        // Our wasm-opt and the cargo-installed tools go first so that older copies elsewhere
        // on PATH (Debian's binaryen, say) are never picked up, by us or by Trunk.
        let mut dirs = vec![binaryen_dir.join("node_modules/.bin"), cargo_bin.clone()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        let path = std::env::join_paths(dirs)
            .map_err(|err| Error(format!("cannot build PATH for child processes: {err}")))?;
        let root = crate::workspace_root();
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => root.join(dir),
            None => root.join("target"),
        };
        Ok(Env {
            root,
            target_dir,
            cargo_bin,
            binaryen_dir,
            path,
        })
    }

    /// A command that runs at the workspace root with our PATH.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path).current_dir(&self.root);
        // CI builds each crate once: incremental caches there only take disk (hundreds of
        // megabytes) that the linker may need.
        if std::env::var_os("CI").is_some() && std::env::var_os("CARGO_INCREMENTAL").is_none() {
            cmd.env("CARGO_INCREMENTAL", "0");
        }
        cmd
    }

    /// Find an executable on our PATH, the way the shell would.
    fn which(&self, name: &str) -> Option<PathBuf> {
        std::env::split_paths(&self.path)
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    }

    fn wasm_opt(&self) -> PathBuf {
        self.binaryen_dir.join("node_modules/.bin/wasm-opt")
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Install whatever `scope` needs and is missing, one line per tool.
pub fn setup(env: &Env, scope: Scope) -> Result<Versions> {
    let wasm_bindgen = wasm_bindgen_version_in_lock(&env.root)?;
    ensure_wasm_target(env)?;
    ensure_wasm_opt(env)?;
    ensure_wasm_bindgen(env, &wasm_bindgen)?;
    if scope == Scope::Test {
        ensure_debian_packages(env)?;
        ensure_dnspython(env)?;
        ensure_cargo_fuzz(env)?;
    }
    // Trunk goes last because it may mean waiting for a background install; everything else
    // gets done in the meantime.
    ensure_trunk(env)?;
    Ok(Versions { wasm_bindgen })
}

/// Run a command quietly and return its trimmed stdout and stderr if it succeeded.
fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text.trim().to_string())
}

fn cached(tool: &str, version: &str) {
    println!("ok {tool} {version} (cached)");
}

/// Run an install command with its output streaming, turning failure into an error that
/// names the tool and the command to run by hand.
fn install(tool: &str, cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    println!("installing {tool}: $ {shown}");
    let status = cmd.status().map_err(|err| {
        Error(format!(
            "could not install {tool}: cannot start `{shown}`: {err}"
        ))
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error(format!(
            "could not install {tool} (`{shown}` exited with {status}); run it by hand to see why"
        )))
    }
}

/// Confirm an install took, so a wrong version is reported here rather than deep in a build.
fn verify(tool: &str, found: Option<String>, want: &str, hint: &str) -> Result<()> {
    match found {
        Some(version) if version == want => {
            println!("ok {tool} {version} (installed)");
            Ok(())
        }
        other => Err(Error(format!(
            "{tool} {want} is still not available after installing (found: {}); {hint}",
            other.as_deref().unwrap_or("nothing")
        ))),
    }
}

fn ensure_wasm_target(env: &Env) -> Result<()> {
    let installed = probe(
        env.command("rustup")
            .args(["target", "list", "--installed"]),
    )
    .ok_or_else(|| {
        Error(format!(
            "`rustup target list --installed` failed; the page needs rustup to add the \
                 {WASM_TARGET} target (or install that target's standard library by hand)"
        ))
    })?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        cached("rust target", WASM_TARGET);
        return Ok(());
    }
    install(
        "the wasm32 rust target",
        env.command("rustup").args(["target", "add", WASM_TARGET]),
    )
}

fn trunk_version(env: &Env) -> Option<String> {
    let text = probe(env.command("trunk").arg("--version"))?;
    text.strip_prefix("trunk ").map(str::to_string)
}

fn ensure_trunk(env: &Env) -> Result<()> {
    if let Some(version) = trunk_version(env).filter(|v| v == TRUNK_VERSION) {
        cached("trunk", &version);
        return Ok(());
    }
    // Machine provisioning may already be building Trunk; a second `cargo install` would
    // compile it all again in parallel on the same cores, so let the first one finish.
    if wait_for_background_install("trunk") && trunk_version(env).as_deref() == Some(TRUNK_VERSION)
    {
        cached("trunk", TRUNK_VERSION);
        return Ok(());
    }
    install(
        "trunk",
        env.command("cargo")
            .args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]),
    )?;
    verify(
        "trunk",
        trunk_version(env),
        TRUNK_VERSION,
        &format!("is {} on PATH?", env.cargo_bin.display()),
    )
}

/// The exact wasm-bindgen version the page links against; the CLI must match it to the patch.
pub fn wasm_bindgen_version_in_lock(root: &Path) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|err| Error(format!("cannot read {}: {err}", lock_path.display())))?;
    let mut name: Option<&str> = None;
    for line in lock.lines() {
        let line = line.trim();
        if line == "[[package]]" {
            name = None;
        } else if let Some(value) = toml_string(line, "name") {
            name = Some(value);
        } else if let Some(value) = toml_string(line, "version")
            && name == Some("wasm-bindgen")
        {
            return Ok(value.to_string());
        }
    }
    Err(Error(format!(
        "{} has no wasm-bindgen package, so the wasm-bindgen CLI version is unknown; \
         run `cargo generate-lockfile` once the frontend depends on wasm-bindgen",
        lock_path.display()
    )))
}

/// The value of a `key = "value"` line, as Cargo writes them in Cargo.lock.
fn toml_string<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')
}

fn wasm_bindgen_version(env: &Env) -> Option<String> {
    let text = probe(env.command("wasm-bindgen").arg("--version"))?;
    text.split_whitespace().nth(1).map(str::to_string)
}

fn ensure_wasm_bindgen(env: &Env, want: &str) -> Result<()> {
    if let Some(version) = wasm_bindgen_version(env).filter(|v| v == want) {
        cached("wasm-bindgen", &version);
        return Ok(());
    }
    if wait_for_background_install("wasm-bindgen-cli")
        && wasm_bindgen_version(env).as_deref() == Some(want)
    {
        cached("wasm-bindgen", want);
        return Ok(());
    }
    // Not `--locked`: wasm-bindgen-cli's own lockfile pins a crate the registry mirror lacks,
    // so let Cargo resolve fresh, compatible dependencies instead.
    install(
        "wasm-bindgen",
        env.command("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", want]),
    )?;
    verify(
        "wasm-bindgen",
        wasm_bindgen_version(env),
        want,
        &format!("is {} on PATH?", env.cargo_bin.display()),
    )
}

/// The binaryen release our wasm-opt reports, from output like
/// `wasm-opt version 132 (version_132)`.
fn wasm_opt_version(env: &Env) -> Option<String> {
    let text = probe(env.command(env.wasm_opt()).arg("--version"))?;
    let mut words = text.split_whitespace();
    words.find(|word| *word == "version")?;
    words.next().map(str::to_string)
}

fn ensure_wasm_opt(env: &Env) -> Result<()> {
    if let Some(version) = wasm_opt_version(env).filter(|v| v == BINARYEN_VERSION) {
        cached("wasm-opt", &version);
        return Ok(());
    }
    std::fs::create_dir_all(&env.binaryen_dir).map_err(|err| {
        Error(format!(
            "could not install wasm-opt: cannot create {}: {err}",
            env.binaryen_dir.display()
        ))
    })?;
    install(
        "wasm-opt",
        env.command("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&env.binaryen_dir)
            .args(["--no-audit", "--no-fund"])
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
    )?;
    verify(
        "wasm-opt",
        wasm_opt_version(env),
        BINARYEN_VERSION,
        &format!("check {}", env.wasm_opt().display()),
    )
}

/// The version a command prints as the second word of its `--version` output ("Chromium
/// 156.0…", "DiG 9.18…"), or "present" if it printed nothing useful.
fn version_word(env: &Env, program: &str, arg: &str) -> String {
    probe(env.command(program).arg(arg))
        .and_then(|text| text.split_whitespace().nth(1).map(str::to_string))
        .unwrap_or_else(|| "present".to_string())
}

fn ensure_debian_packages(env: &Env) -> Result<()> {
    let chromium = Path::new("/usr/bin/chromium");
    let chromedriver = Path::new("/usr/bin/chromedriver");
    let present = |env: &Env| {
        is_executable(chromium)
            && is_executable(chromedriver)
            && env.which("dig").is_some()
            && env.which("wrk").is_some()
    };
    if present(env) {
        cached(
            "chromium",
            &version_word(env, "/usr/bin/chromium", "--version"),
        );
        cached(
            "chromedriver",
            &version_word(env, "/usr/bin/chromedriver", "--version"),
        );
        cached("dig", &version_word(env, "dig", "-v"));
        cached("wrk", &version_word(env, "wrk", "--version"));
        return Ok(());
    }
    // apt needs root; fall back to sudo so a developer account works too.
    let as_root = probe(Command::new("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            env.command("apt-get")
        } else {
            let mut cmd = env.command("sudo");
            cmd.arg("apt-get");
            cmd
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    let tool = DEBIAN_PACKAGES.join(" ");
    install(&format!("{tool} (apt index)"), &mut apt(&["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend(DEBIAN_PACKAGES);
    install(&tool, &mut apt(&args))?;
    if present(env) {
        println!("ok {tool} (installed)");
        Ok(())
    } else {
        Err(Error(format!(
            "installed {tool} but /usr/bin/chromium, /usr/bin/chromedriver or dig is still \
             missing, or wrk; check `dpkg -L chromium chromium-driver bind9-dnsutils wrk`"
        )))
    }
}

/// The installed dnspython version, provided it can speak DoH. dnspython's own `have_doh`
/// flag is the test because its HTTP client moved from `httpx` to `httpx2` in 2.9, so
/// importing either by name would be wrong for some release.
fn dnspython_version(env: &Env) -> Option<String> {
    probe(env.command("python3").args([
        "-c",
        "import dns.query, dns.version; assert dns.query.have_doh; print(dns.version.version)",
    ]))
}

fn ensure_dnspython(env: &Env) -> Result<()> {
    if let Some(version) = dnspython_version(env) {
        cached("dnspython[doh]", &version);
        return Ok(());
    }
    install(
        "dnspython[doh]",
        env.command("python3")
            .args(["-m", "pip", "install", "dnspython[doh]"]),
    )?;
    match dnspython_version(env) {
        Some(version) => {
            println!("ok dnspython[doh] {version} (installed)");
            Ok(())
        }
        None => Err(Error(
            "installed dnspython[doh] but `python3 -c 'import dns.query; \
             assert dns.query.have_doh'` still fails; is `python3` the interpreter pip \
             installed into?"
                .into(),
        )),
    }
}

/// The installed cargo-fuzz version, from `cargo-fuzz 0.13.2`.
fn cargo_fuzz_version(env: &Env) -> Option<String> {
    let text = probe(env.command("cargo").args(["fuzz", "--version"]))?;
    text.split_whitespace().nth(1).map(str::to_string)
}

fn ensure_cargo_fuzz(env: &Env) -> Result<()> {
    if let Some(version) = cargo_fuzz_version(env).filter(|v| v == CARGO_FUZZ_VERSION) {
        cached("cargo-fuzz", &version);
        return Ok(());
    }
    install(
        "cargo-fuzz",
        env.command("cargo").args([
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
        ]),
    )?;
    verify(
        "cargo-fuzz",
        cargo_fuzz_version(env),
        CARGO_FUZZ_VERSION,
        &format!("is {} on PATH?", env.cargo_bin.display()),
    )
}

/// If some other process is running `cargo install <krate>`, wait for it to end and return
/// true; return false straight away when there is none.
fn wait_for_background_install(krate: &str) -> bool {
    let mut announced = false;
    while let Some(pid) = find_cargo_install(krate) {
        if !announced {
            println!(
                "waiting for a background `cargo install {krate}` (pid {pid}) to finish \
                 rather than building it twice"
            );
            announced = true;
        }
        std::thread::sleep(Duration::from_secs(5));
    }
    announced
}

/// Look through /proc for a `cargo install` whose arguments name `krate`.
fn find_cargo_install(krate: &str) -> Option<u32> {
    let own = std::process::id();
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| *pid != own)
        .find(|pid| {
            let Ok(raw) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<&[u8]> = raw.split(|b| *b == 0).collect();
            let is_cargo = args
                .first()
                .is_some_and(|arg0| arg0.ends_with(b"/cargo") || *arg0 == b"cargo");
            is_cargo && args.contains(&&b"install"[..]) && args.contains(&krate.as_bytes())
        })
}
