//! Shared harness for the end-to-end tests.
//!
//! Every test drives real parts: the `inboxable-doh` binary on loopback (port 0, so tests
//! run in parallel without choosing ports), the `inboxable` CLI binary, `dig`, dnspython,
//! and headless Chromium through chromedriver. Nothing is mocked.
//!
//! Where the parts come from (set by `cargo xtask test`, which builds them first):
//! - `INBOXABLE_BIN_DIR`: the directory holding `inboxable-doh` and `inboxable`
//!   (default `<workspace>/target/debug`);
//! - `INBOXABLE_DIST`: the built page (default `<workspace>/dist`);
//! - `CHROMIUM`, `CHROMEDRIVER`: the browser and its driver (default `/usr/bin/…`).
//!
//! A missing part fails the test with a message naming it: a test that cannot run its
//! real component must never pass silently.
//!
//! Waiting is always on a condition (a line printed, a status answered, an element
//! present) with a deadline, never a fixed sleep; the short pauses inside the polling
//! loops only pace the polling.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub mod browser;

/// How long a spawned server may take to print its `listening` lines.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a process may take to exit after SIGTERM before it is killed.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);
/// Pace of polling loops.
const POLL: Duration = Duration::from_millis(20);

/// The sentence every "part is missing" failure ends with.
pub const HOW_TO_FIX: &str = "run `cargo xtask test`, which builds the binaries and the \
     page and sets INBOXABLE_BIN_DIR / INBOXABLE_DIST (and `cargo xtask setup --test` \
     installs Chromium, chromedriver, dig and dnspython)";

/// The workspace root, the parent of this crate.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The fixture zones, `tests/zones`.
pub fn zones_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("zones")
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The directory of the binaries under test.
pub fn bin_dir() -> PathBuf {
    env_path("INBOXABLE_BIN_DIR").unwrap_or_else(|| workspace_root().join("target/debug"))
}

/// The path of binary `name` in [`bin_dir`]; panics with how to get it when it is missing.
pub fn binary(name: &str) -> PathBuf {
    let path = bin_dir().join(name);
    assert!(
        path.is_file(),
        "the `{name}` binary is missing at {} (INBOXABLE_BIN_DIR={:?}): {HOW_TO_FIX}",
        path.display(),
        std::env::var("INBOXABLE_BIN_DIR").ok(),
    );
    path
}

/// The built page; panics with how to get it when it has no `index.html`.
pub fn dist_dir() -> PathBuf {
    let dir = env_path("INBOXABLE_DIST").unwrap_or_else(|| workspace_root().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "the built page is missing: no index.html in {} (INBOXABLE_DIST={:?}): {HOW_TO_FIX}",
        dir.display(),
        std::env::var("INBOXABLE_DIST").ok(),
    );
    dir
}

/// An external program: `$var` if set, else `default`; panics when it is not there.
pub fn external_tool(var: &str, default: &str) -> PathBuf {
    let path = env_path(var).unwrap_or_else(|| PathBuf::from(default));
    assert!(
        path.is_file(),
        "{} is missing ({var}={:?}): {HOW_TO_FIX}",
        path.display(),
        std::env::var(var).ok(),
    );
    path
}

/// Finds `program` on `PATH`; panics with how to install it when it is not there.
pub fn program_on_path(program: &str, package_hint: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| panic!("`{program}` is not on PATH ({package_hint}): {HOW_TO_FIX}"))
}

/// Where screenshots go: `<workspace>/target/screenshots`, created on demand.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Sends SIGTERM to `child`, waits up to [`SHUTDOWN_TIMEOUT`], then kills it.
/// Returns the exit status when the process ended on SIGTERM.
pub fn terminate(child: &mut Child) -> Option<ExitStatus> {
    if let Ok(Some(status)) = child.try_wait() {
        return Some(status);
    }
    if let Ok(pid) = i32::try_from(child.id()) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGTERM,
        );
    }
    let deadline = Instant::now() + SHUTDOWN_TIMEOUT;
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => thread::sleep(POLL),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// One query line of `inboxable-doh --log-queries`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedQuery {
    /// The name, lower case, without the trailing dot.
    pub name: String,
    /// The type mnemonic (`A`, `TXT`, …).
    pub qtype: String,
    /// The RCODE as the backend printed it (`No Error`, `Non-Existent Domain`, …).
    pub rcode: String,
}

/// Removes ANSI colour sequences, in case the backend's logger colours its output.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters… final byte in @..~
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads `key=value` from a tracing line; values may be quoted or run to the next field.
fn field(line: &str, key: &str, next_keys: &[&str]) -> Option<String> {
    let start = line.find(&format!(" {key}="))? + key.len() + 2;
    let rest = &line[start..];
    let end = next_keys
        .iter()
        .filter_map(|k| rest.find(&format!(" {k}=")))
        .min()
        .unwrap_or(rest.len());
    Some(rest[..end].trim().trim_matches('"').to_owned())
}

impl LoggedQuery {
    fn parse(line: &str) -> Option<Self> {
        let line = strip_ansi(line);
        if !line.contains(" query ") {
            return None;
        }
        let name = field(&line, "name", &["qtype", "rcode", "answers", "elapsed_ms"])?;
        let qtype = field(&line, "qtype", &["rcode", "answers", "elapsed_ms"])?;
        let rcode = field(&line, "rcode", &["answers", "elapsed_ms"]).unwrap_or_default();
        Some(Self {
            name: name.trim_end_matches('.').to_ascii_lowercase(),
            qtype,
            rcode,
        })
    }
}

/// A running `inboxable-doh`, stopped (SIGTERM, then kill) when dropped.
pub struct Backend {
    child: Child,
    http: SocketAddr,
    /// `https` when started with a `--tls-…` flag.
    scheme: &'static str,
    /// The certificate (PEM) of a [`Backend::start_tls`] backend, and the directory holding it
    /// and its key while the backend runs.
    tls: Option<(String, tempfile::TempDir)>,
    dns: Option<SocketAddr>,
    stderr: Arc<Mutex<Vec<String>>>,
}

/// Makes the names of log barriers unique within the test process.
static BARRIER: AtomicU64 = AtomicU64::new(0);

impl Backend {
    /// Starts `inboxable-doh --zones ZONES --listen 127.0.0.1:0 EXTRA…` and waits for its
    /// `listening` lines (and `listening dns` when EXTRA has `--dns-listen`).
    pub fn start(zones: &Path, extra: &[&str]) -> Self {
        let bin = binary("inboxable-doh");
        let wants_dns = extra.iter().any(|a| a.starts_with("--dns-listen"));
        let mut child = Command::new(&bin)
            .arg("--zones")
            .arg(zones)
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            // Plain log lines: the query log is parsed from stderr.
            .env("NO_COLOR", "1")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));

        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stderr_pipe = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&stderr);
        thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines() {
                let Ok(line) = line else { break };
                sink.lock().expect("stderr lock").push(line);
            }
        });
        let (tx, rx) = mpsc::channel();
        let stdout_pipe = child.stdout.take().expect("piped stdout");
        thread::spawn(move || {
            for line in BufReader::new(stdout_pipe).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });

        let deadline = Instant::now() + STARTUP_TIMEOUT;
        let (mut http, mut dns) = (None, None);
        let mut scheme = "http";
        while http.is_none() || (wants_dns && dns.is_none()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("listening http://") {
                        http = Some(parse_addr(rest, &line));
                    } else if let Some(rest) = line.strip_prefix("listening https://") {
                        http = Some(parse_addr(rest, &line));
                        scheme = "https";
                    } else if let Some(rest) = line.strip_prefix("listening dns ") {
                        dns = Some(parse_addr(rest, &line));
                    }
                }
                Err(e) => {
                    let status = terminate(&mut child);
                    let log = stderr.lock().expect("stderr lock").join("\n");
                    panic!(
                        "inboxable-doh did not print its listening lines ({e:?}; exit \
                         {status:?}); args {extra:?}; stderr:\n{log}"
                    );
                }
            }
        }
        Self {
            child,
            http: http.expect("http address"),
            scheme,
            tls: None,
            dns,
            stderr,
        }
    }

    /// [`Backend::start`] with HTTPS (HTTP/2 by ALPN): a certificate for 127.0.0.1 and
    /// localhost is made here and passed as `--tls-cert`/`--tls-key`; [`Backend::get`] trusts
    /// exactly that certificate, browsers are told to accept it (`acceptInsecureCerts`).
    pub fn start_tls(zones: &Path, extra: &[&str]) -> Self {
        let dir = tempfile::tempdir().expect("a directory for the certificate");
        let names = vec!["127.0.0.1".to_string(), "localhost".to_string()];
        let made = rcgen::generate_simple_self_signed(names).expect("a self-signed certificate");
        let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        std::fs::write(&cert, made.cert.pem()).expect("write the certificate");
        std::fs::write(&key, made.signing_key.serialize_pem()).expect("write the key");
        let (cert, key) = (cert.display().to_string(), key.display().to_string());
        let mut args = vec!["--tls-cert", cert.as_str(), "--tls-key", key.as_str()];
        args.extend_from_slice(extra);
        let mut backend = Self::start(zones, &args);
        assert_eq!(
            backend.scheme, "https",
            "inboxable-doh did not announce https"
        );
        backend.tls = Some((made.cert.pem(), dir));
        backend
    }

    /// GET `path` (with its query) from this backend, over HTTPS when it speaks TLS.
    pub fn get(&self, path: &str) -> HttpResponse {
        self.try_get(path).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Backend::get`], returning the error instead of failing.
    pub fn try_get(&self, path: &str) -> Result<HttpResponse, String> {
        let url = format!("{}{path}", self.http_url());
        let outcome = match &self.tls {
            None => try_http_get(&url, Duration::from_secs(10)),
            Some((pem, _)) => https_get(self.http, pem, path, Duration::from_secs(10)),
        };
        outcome.map_err(|e| format!("GET {url} failed: {e}"))
    }

    /// `http://127.0.0.1:PORT` (`https://` with TLS), no trailing slash.
    pub fn http_url(&self) -> String {
        format!("{}://{}", self.scheme, self.http)
    }

    /// The RFC 8484 / JSON endpoint, `http(s)://127.0.0.1:PORT/dns-query`.
    pub fn doh_url(&self) -> String {
        format!("{}/dns-query", self.http_url())
    }

    /// The HTTP socket address.
    pub fn http_addr(&self) -> SocketAddr {
        self.http
    }

    /// The plain-DNS address; panics unless started with `--dns-listen`.
    pub fn dns_addr(&self) -> SocketAddr {
        self.dns
            .expect("the backend was started without --dns-listen 127.0.0.1:0")
    }

    /// Everything the backend printed on stderr so far.
    pub fn stderr_text(&self) -> String {
        self.stderr.lock().expect("stderr lock").join("\n")
    }

    /// The queries logged so far (`--log-queries`). Lines may lag behind answers the
    /// client already has; use [`Backend::queries_until_now`] for a complete list.
    pub fn logged_queries(&self) -> Vec<LoggedQuery> {
        self.stderr
            .lock()
            .expect("stderr lock")
            .iter()
            .filter_map(|l| LoggedQuery::parse(l))
            .collect()
    }

    /// Every query answered before this call, barrier excluded: sends one more query
    /// with a unique name and waits until it shows in the log. The backend logs each
    /// query before answering it and writes one stream, so everything answered earlier
    /// is already in the log by then. Needs `--log-queries`.
    pub fn queries_until_now(&self) -> Vec<LoggedQuery> {
        let n = BARRIER.fetch_add(1, Ordering::Relaxed);
        let marker = format!("log-barrier-{}-{n}.example.com", std::process::id());
        let response = self.get(&format!("/dns-query?name={marker}&type=A"));
        assert_eq!(response.status, 200, "barrier query failed: {response:?}");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let queries = self.logged_queries();
            if let Some(at) = queries.iter().position(|q| q.name == marker) {
                // Earlier barriers are the harness's own queries, not the client's.
                return queries[..at]
                    .iter()
                    .filter(|q| !q.name.starts_with("log-barrier-"))
                    .cloned()
                    .collect();
            }
            assert!(
                Instant::now() < deadline,
                "the barrier query {marker} never showed in the log — was the backend \
                 started with --log-queries? stderr:\n{}",
                self.stderr_text()
            );
            thread::sleep(POLL);
        }
    }
}

fn parse_addr(text: &str, line: &str) -> SocketAddr {
    text.trim()
        .trim_end_matches('/')
        .parse()
        .unwrap_or_else(|e| panic!("cannot read an address in {line:?}: {e}"))
}

impl Drop for Backend {
    fn drop(&mut self) {
        terminate(&mut self.child);
    }
}

/// `python3 -m http.server` on a loopback port serving `root`: a static host with
/// no DoH endpoint and no `/info`, as GitHub Pages is.
pub struct StaticServer {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl StaticServer {
    /// Starts serving `root` and waits for its "Serving HTTP" line.
    pub fn start(root: &Path) -> Self {
        let python = program_on_path("python3", "apt install python3");
        let mut child = Command::new(python)
            .args([
                "-u",
                "-m",
                "http.server",
                "0",
                "--bind",
                "127.0.0.1",
                "--directory",
            ])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start python3 -m http.server");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = log.clone();
        let stderr = child.stderr.take().expect("piped stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().expect("log").push(line);
            }
        });
        let line = rx
            .recv_timeout(Duration::from_secs(15))
            .unwrap_or_else(|e| panic!("http.server printed nothing: {e}"));
        // "Serving HTTP on 127.0.0.1 port 43211 (http://127.0.0.1:43211/) ..."
        let port = line
            .split_whitespace()
            .skip_while(|w| *w != "port")
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Self { child, port, log }
    }

    /// Its request log (stderr) so far, one line per request.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("log").clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        terminate(&mut self.child);
    }
}

/// What a finished process printed and how it ended.
#[derive(Debug)]
pub struct Output {
    /// The exit code; `None` when killed by a signal.
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Output {
    /// Standard output as JSON (a report of `--format json`); fails the test with the exit
    /// code and both streams when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}); exit {:?}\nstdout:\n{}\nstderr:\n{}",
                self.code, self.stdout, self.stderr
            )
        })
    }
}

/// Runs `program args…` to completion within `timeout`, capturing both streams; a
/// process still running at the deadline is killed and the test fails.
pub fn run_program(program: &Path, args: &[&str], timeout: Duration) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = read_all(Box::new(child.stdout.take().expect("piped stdout")));
    let err = read_all(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{} {args:?} did not finish within {timeout:?}; stderr:\n{}",
                    program.display(),
                    err.join().unwrap_or_default()
                );
            }
            Err(e) => panic!("waiting for {}: {e}", program.display()),
        }
    };
    Output {
        code: status.code(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// Runs the `inboxable` CLI with `args` (at most 30 s).
pub fn run_cli(args: &[&str]) -> Output {
    run_program(&binary("inboxable"), args, Duration::from_secs(30))
}

/// A minimal HTTP response.
#[derive(Debug)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header lines as `(lower-case name, value)`.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: String,
}

impl HttpResponse {
    /// The first header called `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A plain HTTP/1.1 GET over `std` (`http://host:port/path` only), for readiness checks
/// and one-off requests where a client library would add nothing.
pub fn http_get(url: &str) -> HttpResponse {
    try_http_get(url, Duration::from_secs(10)).unwrap_or_else(|e| panic!("GET {url} failed: {e}"))
}

/// [`http_get`], returning the error instead of failing (for readiness polling).
pub fn try_http_get(url: &str, timeout: Duration) -> Result<HttpResponse, String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("not an http:// URL: {url}"))?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let addr = authority
        .to_socket_addrs()
        .map_err(|e| e.to_string())?
        .next()
        .ok_or("no address")?;
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    exchange(&mut stream, authority, path)
}

/// GET `path` over TLS from `addr`, trusting only `cert_pem` (a [`Backend::start_tls`]
/// backend's certificate, which names 127.0.0.1).
fn https_get(
    addr: SocketAddr,
    cert_pem: &str,
    path: &str,
    timeout: Duration,
) -> Result<HttpResponse, String> {
    use rustls_pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    let cert = rustls_pki_types::CertificateDer::from_pem_slice(cert_pem.as_bytes())
        .map_err(|e| format!("the certificate: {e}"))?;
    roots.add(cert).map_err(|e| e.to_string())?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = rustls_pki_types::ServerName::IpAddress(addr.ip().into());
    let connection =
        rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| e.to_string())?;
    let tcp = TcpStream::connect_timeout(&addr, timeout).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let mut stream = rustls::StreamOwned::new(connection, tcp);
    exchange(&mut stream, &addr.to_string(), path)
}

/// One HTTP/1.1 GET on `stream`, read to its end.
fn exchange(
    stream: &mut (impl Read + Write),
    authority: &str,
    path: &str,
) -> Result<HttpResponse, String> {
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {authority}\r\nAccept: application/dns-json, \
         application/json, */*\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let raw = read_response(stream)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").ok_or("no header end")?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("no status line")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_owned()
    };
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

/// Reads one response: up to `Content-Length`, the last chunk, or the end of the stream,
/// because some servers (chromedriver) keep the connection open despite `Connection: close`.
fn read_response(stream: &mut impl Read) -> Result<Vec<u8>, String> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(raw);
        }
        raw.extend_from_slice(&buf[..n]);
        let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
        let body = &raw[end + 4..];
        let length = head
            .lines()
            .filter_map(|l| l.strip_prefix("content-length:"))
            .find_map(|v| v.trim().parse::<usize>().ok());
        let complete = match length {
            Some(length) => body.len() >= length,
            None if head.contains("transfer-encoding: chunked") => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            return Ok(raw);
        }
    }
}

fn dechunk(mut body: &str) -> Result<String, String> {
    let mut out = String::new();
    loop {
        let (size, rest) = body.split_once("\r\n").ok_or("bad chunk")?;
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| e.to_string())?;
        if size == 0 {
            return Ok(out);
        }
        out.push_str(rest.get(..size).ok_or("short chunk")?);
        body = rest.get(size + 2..).ok_or("short chunk")?;
    }
}

/// Polls `probe` until it returns `Some`, failing with `what` after `timeout`.
pub fn wait_for<T>(what: &str, timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_log_lines_are_read_with_or_without_colour() {
        let plain = "2026-12-04T15:35:21.221624Z  INFO inboxable_doh::engine: query \
                     name=quotes.example.com. qtype=TXT rcode=No Error answers=1 elapsed_ms=0";
        let q = LoggedQuery::parse(plain).unwrap();
        assert_eq!(q.name, "quotes.example.com");
        assert_eq!(q.qtype, "TXT");
        assert_eq!(q.rcode, "No Error");
        let coloured = "\u{1b}[2m2026\u{1b}[0m \u{1b}[32m INFO\u{1b}[0m x: query \
                        \u{1b}[3mname\u{1b}[0m\u{1b}[2m=\u{1b}[0mA.Example.com. \
                        \u{1b}[3mqtype\u{1b}[0m\u{1b}[2m=\u{1b}[0mMX";
        let q = LoggedQuery::parse(coloured).unwrap();
        assert_eq!((q.name.as_str(), q.qtype.as_str()), ("a.example.com", "MX"));
        assert!(LoggedQuery::parse("INFO zone loaded zone=example.com.").is_none());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            "abcde"
        );
    }
}
