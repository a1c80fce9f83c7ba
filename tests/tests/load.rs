//! The DoH backend under load, on loopback: throughput and tail latency at a fixed concurrency
//! with the peak memory bounded, the per-client rate limit answering 429 while flooded, size
//! limits on requests, `--upstream` refusing to become an open forwarder, and a clean exit on
//! SIGTERM in the middle of a flood.
//!
//! The load generator is `wrk` (Debian package `wrk`, installed by `cargo xtask setup --test`);
//! every run is bounded in time. The figures are printed (run with `--nocapture` to see them).
//! `cargo xtask test` runs this file in its `cargo-test` step against the debug backend, so the
//! bounds asserted here are ones a debug build meets; a release build does better.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use inboxable_e2e::{binary, program_on_path, zones_dir};

/// The load tests share two cores; one flood at a time keeps the figures meaningful.
static SERIAL: Mutex<()> = Mutex::new(());

/// wrk's connections in the throughput run.
const CONNECTIONS: u32 = 32;
/// Length of the throughput run.
const LOAD_SECONDS: u32 = 10;
/// The peak resident memory (VmHWM) the backend may reach during the throughput run. The
/// backend keeps no per-request state beyond the request itself, so memory must not grow
/// with the number of requests served.
const MAX_PEAK_RSS_KIB: u64 = 64 * 1024;
/// The 99th percentile latency the throughput run may show: zone answers cost microseconds,
/// so anything near this means requests queue.
const MAX_P99: Duration = Duration::from_millis(500);
/// Fewest requests per second accepted (a debug build on one loaded core does well over this).
const MIN_REQUESTS_PER_SECOND: f64 = 300.0;

/// A running backend whose process id and exit status the tests need.
struct Server {
    child: Child,
    http: SocketAddr,
}

impl Server {
    fn start(extra: &[&str]) -> Self {
        let bin = binary("inboxable-doh");
        let mut child = Command::new(&bin)
            .arg("--zones")
            .arg(zones_dir())
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("the listening line");
        let http = line
            .trim()
            .strip_prefix("listening http://")
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        Server { child, http }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.http)
    }

    /// Peak resident set size so far, from /proc (kB).
    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/<pid>/status of the backend");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmHWM line")
    }

    fn sigterm(&self) {
        let pid = i32::try_from(self.child.id()).expect("a pid");
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGTERM,
        )
        .expect("SIGTERM delivered");
    }

    fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("waitpid") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one wrk run reported.
#[derive(Debug)]
struct WrkReport {
    requests: u64,
    non_2xx: u64,
    socket_errors: u64,
    requests_per_second: f64,
    p99: Duration,
}

fn parse_duration(text: &str) -> Duration {
    let (number, unit) = text
        .find(|c: char| c.is_ascii_alphabetic())
        .map(|at| text.split_at(at))
        .unwrap_or_else(|| panic!("no unit in {text:?}"));
    let value: f64 = number.parse().unwrap_or_else(|_| panic!("{text:?}"));
    Duration::from_secs_f64(match unit {
        "us" => value / 1e6,
        "ms" => value / 1e3,
        "s" => value,
        "m" => value * 60.0,
        other => panic!("unknown wrk unit {other:?}"),
    })
}

fn parse_wrk(output: &str) -> WrkReport {
    let mut report = WrkReport {
        requests: 0,
        non_2xx: 0,
        socket_errors: 0,
        requests_per_second: 0.0,
        p99: Duration::ZERO,
    };
    for line in output.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [count, "requests", "in", ..] => report.requests = count.parse().expect("a count"),
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                report.non_2xx = count.parse().expect("a count");
            }
            ["Requests/sec:", rate] => report.requests_per_second = rate.parse().expect("a rate"),
            ["99%", latency] => report.p99 = parse_duration(latency),
            ["Socket", "errors:", rest @ ..] => {
                report.socket_errors = rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok())
                    .sum();
            }
            _ => {}
        }
    }
    assert!(report.requests > 0, "wrk reported no requests:\n{output}");
    report
}

/// A wrk script cycling through the kinds of request the page and DoH clients send: JSON
/// questions of several types (answers, NXDOMAIN, NODATA) and RFC 8484 GETs.
const WRK_SCRIPT: &str = r#"
local requests = {
  "/dns-query?name=example.com&type=TXT",
  "/dns-query?name=example.com&type=MX",
  "/resolve?name=_dmarc.example.com&type=TXT",
  "/dns-query?name=mail2024._domainkey.example.com&type=TXT",
  "/dns-query?name=nonexistent.example.com&type=A",
  "/dns-query?name=25.2.0.192.in-addr.arpa&type=PTR",
  "/dns-query?dns=AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB",
  "/dns-query?name=example.org&type=TXT",
}
-- wrk.format replaces wrk.headers (the --header flags) when given a table, so merge them.
local headers = {}
for name, value in pairs(wrk.headers) do headers[name] = value end
headers["Accept"] = "application/dns-json"
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", requests[(i % #requests) + 1], headers)
end
"#;

fn wrk(server: &Server, connections: u32, seconds: u32, extra: &[&str]) -> Command {
    let wrk = program_on_path("wrk", "Debian package wrk");
    let script = std::env::temp_dir().join(format!("inboxable-load-{}.lua", std::process::id()));
    std::fs::write(&script, WRK_SCRIPT).expect("write the wrk script");
    let mut cmd = Command::new(wrk);
    cmd.args(["--threads", "2", "--latency"])
        .arg(format!("--connections={connections}"))
        .arg(format!("--duration={seconds}s"))
        .arg("--timeout=5s")
        .arg("--script")
        .arg(script)
        .args(extra)
        .arg(server.url("/"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn run_wrk(mut cmd: Command) -> WrkReport {
    let output = cmd.output().expect("wrk runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "wrk failed: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{text}");
    parse_wrk(&text)
}

#[test]
fn throughput_p99_and_peak_memory_at_fixed_concurrency() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Loopback clients are exempt from the rate limit, so this measures the server itself.
    let server = Server::start(&[]);
    let idle_rss = server.peak_rss_kib();
    let report = run_wrk(wrk(&server, CONNECTIONS, LOAD_SECONDS, &[]));
    let peak_rss = server.peak_rss_kib();
    println!(
        "load: {CONNECTIONS} connections for {LOAD_SECONDS} s: {:.0} requests/s, p99 {:.2} ms, \
         {} requests, peak RSS {} KiB (idle {} KiB)",
        report.requests_per_second,
        report.p99.as_secs_f64() * 1e3,
        report.requests,
        peak_rss,
        idle_rss,
    );
    assert_eq!(report.non_2xx, 0, "{report:?}");
    assert_eq!(report.socket_errors, 0, "{report:?}");
    assert!(
        report.requests_per_second >= MIN_REQUESTS_PER_SECOND,
        "{report:?}"
    );
    assert!(report.p99 <= MAX_P99, "{report:?}");
    assert!(
        peak_rss <= MAX_PEAK_RSS_KIB,
        "peak RSS {peak_rss} KiB over {MAX_PEAK_RSS_KIB} KiB"
    );
}

#[test]
fn rate_limit_answers_429_to_a_flooding_client() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Behind a reverse proxy every client arrives from loopback and is told apart by the
    // proxy's X-Forwarded-For; one documentation address floods at 16 connections.
    let server = Server::start(&[
        "--trust-proxy",
        "--rate-limit",
        "20/s",
        "--rate-burst",
        "40",
    ]);
    let seconds = 3;
    let report = run_wrk(wrk(
        &server,
        16,
        seconds,
        &["--header", "X-Forwarded-For: 198.51.100.7"],
    ));
    let answered = report.requests - report.non_2xx;
    // The bucket holds 40 and refills 20 a second; allow a second of slack for wrk's start
    // and stop around the measured window.
    let most = 40 + 20 * u64::from(seconds + 1);
    println!(
        "rate limit 20/s burst 40: {answered} answered, {} refused of {} in {seconds} s",
        report.non_2xx, report.requests
    );
    assert!(answered >= 40, "the burst was not served: {report:?}");
    assert!(
        answered <= most,
        "{answered} answered, at most {most} allowed"
    );
    assert!(report.non_2xx > 0, "{report:?}");
    // The refusals are 429s with Retry-After, and another client is still served meanwhile.
    let limited = raw_request(
        server.http,
        "GET /dns-query?name=example.com&type=A HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \
         198.51.100.7\r\nConnection: close\r\n\r\n",
        b"",
    );
    assert!(limited.starts_with("HTTP/1.1 429"), "{limited}");
    assert!(
        limited.to_ascii_lowercase().contains("retry-after:"),
        "{limited}"
    );
    let other = raw_request(
        server.http,
        "GET /dns-query?name=example.com&type=A HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \
         203.0.113.9\r\nConnection: close\r\n\r\n",
        b"",
    );
    assert!(other.starts_with("HTTP/1.1 200"), "{other}");
}

/// Sends one raw HTTP/1.1 request and returns the whole response as text.
fn raw_request(addr: SocketAddr, head: &str, body: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream.write_all(head.as_bytes()).expect("send head");
    // The server may answer and close before reading a body it refuses.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn oversized_requests_are_refused() {
    let server = Server::start(&[]);
    // A query string longer than 8192 bytes: 414.
    let long_name = "a".repeat(9000);
    let response = raw_request(
        server.http,
        &format!(
            "GET /dns-query?name={long_name}&type=A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        b"",
    );
    assert!(response.starts_with("HTTP/1.1 414"), "{response}");
    // A 1 MiB RFC 8484 POST body (a DNS message is at most 4096 bytes here): 413, unread.
    let body = vec![0u8; 1 << 20];
    let response = raw_request(
        server.http,
        &format!(
            "POST /dns-query HTTP/1.1\r\nHost: x\r\nContent-Type: application/dns-message\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ),
        &body,
    );
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    // The same without a length (chunked): the limit holds while streaming.
    let mut chunked = Vec::new();
    for _ in 0..64 {
        chunked.extend_from_slice(format!("{:x}\r\n", 16 * 1024).as_bytes());
        chunked.extend_from_slice(&[0u8; 16 * 1024]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let response = raw_request(
        server.http,
        "POST /dns-query HTTP/1.1\r\nHost: x\r\nContent-Type: application/dns-message\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        &chunked,
    );
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    // A base64url `dns=` decoding to more than 4096 bytes, inside the query-string limit: 413.
    let big = "A".repeat(8000);
    let response = raw_request(
        server.http,
        &format!("GET /dns-query?dns={big} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        b"",
    );
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    // Still serving.
    let response = raw_request(
        server.http,
        "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"",
    );
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}

#[test]
fn upstream_on_a_public_address_is_refused_without_open_resolver() {
    // Refused at start-up, before anything listens, so no public socket is ever opened here.
    let output = Command::new(binary("inboxable-doh"))
        .args(["--upstream", "127.0.0.1:9", "--cors-origin", "*"])
        .args(["--listen", "0.0.0.0:0"])
        .stdin(Stdio::null())
        .output()
        .expect("inboxable-doh runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("open forwarder"), "{stderr}");
    assert!(stderr.contains("--open-resolver"), "{stderr}");
    assert!(
        String::from_utf8_lossy(&output.stdout).is_empty(),
        "it must not have listened"
    );
}

#[test]
fn sigterm_under_load_exits_zero_promptly() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut server = Server::start(&[]);
    let mut flood = wrk(&server, CONNECTIONS, 30, &[])
        .spawn()
        .expect("wrk starts");
    // Wait until the flood is being served before signalling.
    std::thread::sleep(Duration::from_secs(2));
    let signalled = Instant::now();
    server.sigterm();
    // The grace period for open requests is 5 s; keep-alive connections must not hold it.
    let status = server.wait_exit(Duration::from_secs(8));
    let took = signalled.elapsed();
    let _ = flood.kill();
    let _ = flood.wait();
    let status = status.expect("the backend did not exit within 8 s of SIGTERM under load");
    println!("SIGTERM under load: exited {status} after {took:?}");
    assert!(status.success(), "exit status {status}");
}

#[test]
fn wrk_output_is_read() {
    let sample = "Running 10s test @ http://127.0.0.1:1/\n  2 threads and 32 connections\n  \
                  Latency Distribution\n     50%  512.00us\n     99%    2.31ms\n  \
                  123 requests in 10.00s, 1.00MB read\n  Socket errors: connect 0, read 2, \
                  write 0, timeout 1\n  Non-2xx or 3xx responses: 7\nRequests/sec:     12.30\n";
    let report = parse_wrk(sample);
    assert_eq!(report.requests, 123);
    assert_eq!(report.non_2xx, 7);
    assert_eq!(report.socket_errors, 3);
    assert!((report.requests_per_second - 12.3).abs() < 1e-9);
    assert_eq!(report.p99, Duration::from_micros(2310));
}
