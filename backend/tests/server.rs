//! End-to-end tests: start the real `inboxable-doh` binary on loopback and talk to it over
//! HTTP (JSON and RFC 8484) and plain DNS (UDP and TCP).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use hickory_proto::op::{Edns, Message, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use inboxable_doh::wire::encode_base64url;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A running server, killed when dropped.
struct Server {
    child: Child,
    http: String,
    dns: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo")
}

/// A zone with an RRset too large for a 512-byte UDP answer.
fn zones_with_big_rrset() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("inboxable-doh-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(demo_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let mut zone = String::from("$TTL 60\n@ SOA ns hostmaster 1 2 3 4 5\n");
    for i in 0..8 {
        zone.push_str(&format!("@ TXT \"{i}{}\"\n", "x".repeat(100)));
    }
    std::fs::write(dir.join("big.example.zone"), zone).unwrap();
    dir
}

fn start(zones: Option<&PathBuf>, extra: &[&str]) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_inboxable-doh"));
    command.args(["--listen", "127.0.0.1:0", "--dns-listen", "127.0.0.1:0"]);
    if let Some(dir) = zones {
        command.arg("--zones").arg(dir);
    }
    let mut child = command
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let http = lines.next().unwrap().unwrap();
    let dns = lines.next().unwrap().unwrap();
    Server {
        http: http
            .strip_prefix("listening ")
            .expect("http line")
            .to_string(),
        dns: dns
            .strip_prefix("listening dns ")
            .expect("dns line")
            .parse()
            .unwrap(),
        child,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

async fn get_json(
    server: &Server,
    path: &str,
) -> (reqwest::StatusCode, reqwest::header::HeaderMap, Value) {
    let response = client()
        .get(format!("{}{path}", server.http))
        .header("accept", "application/dns-json")
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.json().await.unwrap())
}

fn query(name: &str, rtype: RecordType) -> Message {
    let mut message = Message::query();
    message.add_query(Query::query(Name::from_ascii(name).unwrap(), rtype));
    message.metadata.recursion_desired = true;
    message
}

#[tokio::test]
async fn json_doh_answers_from_zones() {
    let server = start(Some(&demo_dir()), &[]);

    let (status, headers, body) = get_json(
        &server,
        "/dns-query?name=default._domainkey.example.com&type=txt",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/dns-json");
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert_eq!(body["Status"], 0);
    assert_eq!(
        body["Question"][0]["name"],
        "default._domainkey.example.com."
    );
    let data = body["Answer"][0]["data"].as_str().unwrap();
    assert!(data.starts_with(r#""v=DKIM1; k=rsa; ""p=MIIB"#), "{data}");

    // NXDOMAIN carries the SOA; an empty non-terminal is NODATA.
    let (_, _, nx) = get_json(&server, "/resolve?name=nope.example.com").await;
    assert_eq!(nx["Status"], 3);
    assert_eq!(nx["Authority"][0]["type"], 6);
    assert!(nx.get("Answer").is_none());
    let (_, _, ent) = get_json(&server, "/resolve?name=_domainkey.example.com&type=TXT").await;
    assert_eq!(ent["Status"], 0);
    assert!(ent.get("Answer").is_none());

    // MX at a CNAME: the chain comes back in order.
    let (_, _, chain) = get_json(&server, "/resolve?name=MX.example.NET&type=1").await;
    assert_eq!(chain["Answer"][0]["type"], 5);
    assert_eq!(chain["Answer"][1]["data"], "93.184.215.20");

    // The ct parameter selects JSON without an accept header.
    let response = client()
        .get(format!(
            "{}/dns-query?name=example.com&type=MX&ct=application/dns-json",
            server.http
        ))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["Answer"][0]["data"], "10 mail.example.com.");

    // Names outside every zone are refused without an upstream.
    let (_, _, refused) = get_json(&server, "/resolve?name=example.invalid").await;
    assert_eq!(refused["Status"], 5);

    for bad in [
        "/resolve?name=example..com",
        "/resolve?name=example.com&type=BOGUS",
        "/resolve?name=a.example&cd=2",
    ] {
        let (status, headers, body) = get_json(&server, bad).await;
        assert_eq!(status, 400, "{bad}");
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert!(body["error"].is_string());
    }
}

#[tokio::test]
async fn rfc8484_get_and_post() {
    let server = start(Some(&demo_dir()), &[]);
    let mut request = query("example.net.", RecordType::TXT);
    request.metadata.id = 0;
    let bytes = request.to_vec().unwrap();

    let response = client()
        .get(format!(
            "{}/dns-query?dns={}",
            server.http,
            encode_base64url(&bytes)
        ))
        .header("accept", "application/dns-message")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/dns-message"
    );
    let answer = Message::from_vec(&response.bytes().await.unwrap()).unwrap();
    assert!(answer.metadata.authoritative);
    assert_eq!(answer.answers.len(), 3);

    let response = client()
        .post(format!("{}/dns-query", server.http))
        .header("content-type", "application/dns-message")
        .body(
            query("10.215.184.93.in-addr.arpa.", RecordType::PTR)
                .to_vec()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let answer = Message::from_vec(&response.bytes().await.unwrap()).unwrap();
    let RData::PTR(ptr) = &answer.answers[0].data else {
        panic!("not a PTR")
    };
    assert_eq!(ptr.0.to_ascii(), "mail.example.com.");

    let wrong_type = client()
        .post(format!("{}/dns-query", server.http))
        .header("content-type", "text/plain")
        .body(bytes.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 415);
    let too_big = client()
        .post(format!("{}/dns-query", server.http))
        .header("content-type", "application/dns-message")
        .body(vec![0u8; 5000])
        .send()
        .await
        .unwrap();
    assert_eq!(too_big.status(), 413);
    for bad in ["/dns-query?dns=%%%", "/dns-query?dns=AAAA", "/dns-query"] {
        let response = client()
            .get(format!("{}{bad}", server.http))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{bad}");
    }
}

#[tokio::test]
async fn faults_apply_to_json_and_wire() {
    let server = start(
        Some(&demo_dir()),
        &[
            "--fault",
            "servfail.example.com=servfail",
            "--fault",
            "*.limited.example=http429:7",
            "--fault",
            "broken.example.=malformed",
            "--fault",
            "half.example=truncated",
            "--fault",
            "down.example=http500",
            "--fault",
            "silent.example=timeout",
        ],
    );

    let (status, headers, body) = get_json(&server, "/resolve?name=a.b.limited.example").await;
    assert_eq!(status, 429);
    assert_eq!(headers["retry-after"], "7");
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(body["error"].is_string());

    let wire_429 = client()
        .get(format!(
            "{}/dns-query?dns={}",
            server.http,
            encode_base64url(&query("x.limited.example.", RecordType::A).to_vec().unwrap())
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(wire_429.status(), 429);

    let (_, _, servfail) = get_json(&server, "/resolve?name=SERVFAIL.example.com.").await;
    assert_eq!(servfail["Status"], 2);

    let malformed = client()
        .get(format!("{}/resolve?name=broken.example", server.http))
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 200);
    let text = malformed.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err());

    let truncated = client()
        .get(format!("{}/resolve?name=half.example", server.http))
        .send()
        .await
        .unwrap();
    assert_eq!(truncated.status(), 200);
    let text = truncated.text().await.unwrap();
    assert!(text.starts_with("{\"Status\":5"), "{text}");
    assert!(serde_json::from_str::<Value>(&text).is_err());

    let down = client()
        .get(format!("{}/resolve?name=down.example", server.http))
        .send()
        .await
        .unwrap();
    assert_eq!(down.status(), 500);

    // On plain DNS a timeout fault means no answer at all, and http429 means REFUSED.
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket
        .send_to(
            &query("silent.example.", RecordType::A).to_vec().unwrap(),
            server.dns,
        )
        .await
        .unwrap();
    let mut buf = [0u8; 512];
    let silent = tokio::time::timeout(Duration::from_millis(500), socket.recv_from(&mut buf)).await;
    assert!(silent.is_err(), "a timeout fault must not answer");
    let refused = udp_exchange(server.dns, &query("z.limited.example.", RecordType::A)).await;
    assert_eq!(refused.metadata.response_code, ResponseCode::Refused);
}

#[tokio::test]
async fn info_health_and_cors_preflight() {
    let server = start(Some(&demo_dir()), &[]);
    let (status, _, info) = get_json(&server, "/info").await;
    assert_eq!(status, 200);
    assert_eq!(info["name"], "inboxable-doh");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["mode"], "zones");
    let zones: Vec<&str> = info["zones"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(zones.contains(&"example.com.") && zones.contains(&"215.184.93.in-addr.arpa."));

    let health = client()
        .get(format!("{}/health", server.http))
        .send()
        .await
        .unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");

    let preflight = client()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/dns-query", server.http),
        )
        .header("origin", "https://example.org")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    let allowed = headers["access-control-allow-headers"].to_str().unwrap();
    assert!(allowed.contains("accept") && allowed.contains("content-type"));
}

async fn udp_exchange(server: SocketAddr, request: &Message) -> Message {
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket
        .send_to(&request.to_vec().unwrap(), server)
        .await
        .unwrap();
    let mut buf = vec![0u8; 65535];
    let (len, _) = tokio::time::timeout(Duration::from_secs(5), socket.recv_from(&mut buf))
        .await
        .expect("an answer")
        .unwrap();
    Message::from_vec(&buf[..len]).unwrap()
}

async fn tcp_exchange(server: SocketAddr, request: &Message) -> Message {
    let mut stream = tokio::net::TcpStream::connect(server).await.unwrap();
    let bytes = request.to_vec().unwrap();
    stream.write_u16(bytes.len() as u16).await.unwrap();
    stream.write_all(&bytes).await.unwrap();
    let len = stream.read_u16().await.unwrap();
    let mut buf = vec![0u8; usize::from(len)];
    stream.read_exact(&mut buf).await.unwrap();
    Message::from_vec(&buf).unwrap()
}

#[tokio::test]
async fn plain_dns_truncates_udp_and_forwarding_retries_over_tcp() {
    let zones = zones_with_big_rrset();
    let authority = start(Some(&zones), &[]);
    let big = query("big.example.", RecordType::TXT);

    let udp = udp_exchange(authority.dns, &big).await;
    assert!(
        udp.metadata.truncation,
        "over 512 bytes without EDNS must set TC"
    );
    assert!(udp.answers.is_empty());
    let tcp = tcp_exchange(authority.dns, &big).await;
    assert!(!tcp.metadata.truncation);
    assert_eq!(tcp.answers.len(), 8);

    let mut with_edns = big.clone();
    let mut edns = Edns::new();
    edns.set_max_payload(1232);
    with_edns.set_edns(edns);
    assert_eq!(
        udp_exchange(authority.dns, &with_edns).await.answers.len(),
        8
    );

    // A forwarding-only server in front of the first: the forwarder gets TC over UDP (its
    // query carries no EDNS) and must retry over TCP, and passes rcodes through.
    let forwarder = start(None, &["--upstream", &authority.dns.to_string()]);
    let forwarded = udp_exchange(forwarder.dns, &with_edns).await;
    assert_eq!(forwarded.answers.len(), 8);
    assert_eq!(forwarded.metadata.id, with_edns.metadata.id);
    let (_, _, nx) = get_json(&forwarder, "/resolve?name=nope.example.com").await;
    assert_eq!(nx["Status"], 3);
    let (_, _, info) = get_json(&forwarder, "/info").await;
    assert_eq!(info["mode"], "forwarding");
    let (_, _, via_json) = get_json(&forwarder, "/resolve?name=big.example&type=TXT").await;
    assert_eq!(via_json["Answer"].as_array().unwrap().len(), 8);

    // An unreachable upstream becomes SERVFAIL.
    let dead = start(
        None,
        &["--upstream", "127.0.0.1:9", "--upstream-timeout", "300"],
    );
    let (_, _, servfail) = get_json(&dead, "/resolve?name=example.com").await;
    assert_eq!(servfail["Status"], 2);
    let _ = std::fs::remove_dir_all(zones);
}

#[tokio::test]
async fn sigterm_exits_cleanly() {
    // Plain HTTP, and HTTPS with an HTTP/2 connection left open by its client: the open
    // connection is closed by the graceful shutdown, not waited on for the 5 s grace.
    for extra in [&[][..], &["--tls-self-signed"][..]] {
        let mut server = start(Some(&demo_dir()), extra);
        let client = tls_client(None, false);
        let response = client
            .get(format!("{}/health", server.http))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{extra:?}");
        let status = Command::new("kill")
            .args(["-TERM", &server.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                assert!(status.success(), "{extra:?}: exit status {status:?}");
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(3),
                "{extra:?}: did not stop"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        drop(client);
    }
}

#[tokio::test]
async fn cors_origins_are_configurable() {
    let server = start(
        Some(&demo_dir()),
        &["--cors-origin", "https://user.github.io"],
    );
    let url = format!("{}/resolve?name=example.com", server.http);
    let allowed = client()
        .get(&url)
        .header("origin", "https://user.github.io")
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://user.github.io"
    );
    let other = client()
        .get(&url)
        .header("origin", "https://elsewhere.example")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    // A public listener without explicit origins refuses to start.
    let refused = Command::new(env!("CARGO_BIN_EXE_inboxable-doh"))
        .args(["--listen", "0.0.0.0:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(refused.code(), Some(1));
}

#[tokio::test]
async fn rate_limit_per_forwarded_client_with_trust_proxy() {
    let server = start(
        Some(&demo_dir()),
        &["--trust-proxy", "--rate-limit", "1/m", "--rate-burst", "2"],
    );
    let url = format!("{}/resolve?name=example.com", server.http);
    let from = |ip: &'static str| {
        client()
            .get(&url)
            .header("x-forwarded-for", format!("192.0.2.200, {ip}"))
            .header("origin", "https://page.example")
            .send()
    };
    assert_eq!(from("198.51.100.1").await.unwrap().status(), 200);
    assert_eq!(from("198.51.100.1").await.unwrap().status(), 200);
    let limited = from("198.51.100.1").await.unwrap();
    assert_eq!(limited.status(), 429);
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    // The page can read the 429 and its Retry-After.
    assert_eq!(limited.headers()["access-control-allow-origin"], "*");
    // Other clients have their own bucket; /info is never limited.
    assert_eq!(from("198.51.100.2").await.unwrap().status(), 200);
    let info = client()
        .get(format!("{}/info", server.http))
        .header("x-forwarded-for", "198.51.100.1")
        .send()
        .await
        .unwrap();
    assert_eq!(info.status(), 200);
    // Loopback itself (no forwarded header) is exempt.
    for _ in 0..5 {
        assert_eq!(client().get(&url).send().await.unwrap().status(), 200);
    }
}

#[tokio::test]
async fn max_inflight_answers_503_over_http_and_servfail_over_dns() {
    let slow = start(Some(&demo_dir()), &["--latency", "1500"]);
    let front = start(
        None,
        &["--upstream", &slow.dns.to_string(), "--max-inflight", "1"],
    );
    let url = format!("{}/resolve?name=example.com", front.http);
    let first = tokio::spawn(client().get(url.clone()).send());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let busy = client().get(&url).send().await.unwrap();
    assert_eq!(busy.status(), 503);
    assert_eq!(busy.headers()["retry-after"], "1");
    let over_dns = udp_exchange(front.dns, &query("example.com.", RecordType::A)).await;
    assert_eq!(over_dns.metadata.response_code, ResponseCode::ServFail);
    assert_eq!(first.await.unwrap().unwrap().status(), 200);
    // A forwarding server reports no recursion and no validation.
    let (_, _, info) = get_json(&front, "/info").await;
    assert_eq!(info["recursive"], false);
    assert_eq!(info["dnssec"], false);
}

/// A client for a TLS listener: trusting `root` if given, else any certificate.
fn tls_client(root: Option<&str>, http1_only: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(10));
    builder = match root {
        Some(pem) => builder
            .tls_built_in_root_certs(false)
            .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap()),
        None => builder.danger_accept_invalid_certs(true),
    };
    if http1_only {
        builder = builder.http1_only();
    }
    builder.build().unwrap()
}

async fn mx_of_example_com(client: &reqwest::Client, base: &str) -> (reqwest::Version, Value) {
    let response = client
        .get(format!("{base}/resolve?name=example.com&type=MX"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    (response.version(), response.json().await.unwrap())
}

#[tokio::test]
async fn https_offers_http2_and_http1_with_a_self_signed_certificate() {
    let server = start(Some(&demo_dir()), &["--tls-self-signed"]);
    assert!(
        server.http.starts_with("https://127.0.0.1:"),
        "{}",
        server.http
    );

    let (version, body) = mx_of_example_com(&tls_client(None, false), &server.http).await;
    assert_eq!(version, reqwest::Version::HTTP_2, "ALPN must pick h2");
    assert_eq!(body["Status"], 0);
    assert_eq!(body["Answer"][0]["type"], 15, "{body}");

    let (version, http1) = mx_of_example_com(&tls_client(None, true), &server.http).await;
    assert_eq!(version, reqwest::Version::HTTP_11);
    assert_eq!(http1, body, "the same answer over either protocol");

    // RFC 8484 POST over HTTP/2.
    let response = tls_client(None, false)
        .post(format!("{}/dns-query", server.http))
        .header("content-type", "application/dns-message")
        .body(query("example.com.", RecordType::MX).to_vec().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), reqwest::Version::HTTP_2);
    let answer = Message::from_vec(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(answer.metadata.response_code, ResponseCode::NoError);
    assert!(!answer.answers.is_empty());

    // A client that checks certificates refuses the self-signed one; plain HTTP gets no answer.
    let strict = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    assert!(
        strict
            .get(format!("{}/health", server.http))
            .send()
            .await
            .is_err()
    );
    let plain = server.http.replacen("https://", "http://", 1);
    assert!(
        client()
            .get(format!("{plain}/health"))
            .send()
            .await
            .is_err()
    );
}

#[tokio::test]
async fn https_with_certificate_files_verifies_and_a_mismatched_key_is_refused() {
    let dir = tempfile_dir("tls-files");
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();

    let server = start(
        Some(&demo_dir()),
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    // The certificate names localhost: a client trusting it (and nothing else) verifies it.
    let base = server.http.replacen("127.0.0.1", "localhost", 1);
    let client = tls_client(Some(&made.cert.pem()), false);
    let (version, body) = mx_of_example_com(&client, &base).await;
    assert_eq!(version, reqwest::Version::HTTP_2);
    assert_eq!(body["Status"], 0);

    // Another key than the certificate's: refused at start, before anything listens.
    let other = rcgen::KeyPair::generate().unwrap();
    let wrong = dir.join("other-key.pem");
    std::fs::write(&wrong, other.serialize_pem()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_inboxable-doh"))
        .args(["--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&wrong)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "nothing may listen");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("do not make a usable pair"), "{stderr}");

    // --tls-cert without --tls-key is a usage error.
    let output = Command::new(env!("CARGO_BIN_EXE_inboxable-doh"))
        .args(["--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh directory under the system temp dir for one test.
fn tempfile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("inboxable-doh-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
