//! `inboxable-doh --recursive` end to end: a delegation tree (root → TLD → leaf zones) served by
//! `inboxable-doh --zones DIR --dns-listen` instances on 127.0.53.1–4 (see
//! `tests/delegation/README.md`), and a recursive instance resolving through it from root hints.
//!
//! Upstream traffic is observed through the `--log-queries` lines of the tree's instances: a
//! cache hit is a second answer that produced no new line anywhere in the tree.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::op::{Message, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use serde_json::Value;

/// A running instance, killed when dropped, with its stderr collected line by line.
struct Instance {
    child: Child,
    http: String,
    dns: Option<SocketAddr>,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Instance {
    fn start(args: &[&str]) -> Instance {
        let mut child = Command::new(env!("CARGO_BIN_EXE_inboxable-doh"))
            .args(["--listen", "127.0.0.1:0", "--log-queries"])
            .args(args)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let Some(Ok(http)) = lines.next() else {
            let _ = child.wait();
            std::thread::sleep(Duration::from_millis(100));
            panic!(
                "inboxable-doh {args:?} did not start:\n{}",
                log.lock().unwrap().join("\n")
            );
        };
        let dns = args.contains(&"--dns-listen").then(|| {
            let line = lines.next().unwrap().unwrap();
            line.strip_prefix("listening dns ")
                .unwrap()
                .parse()
                .unwrap()
        });
        Instance {
            http: http.strip_prefix("listening ").unwrap().to_string(),
            dns,
            child,
            log,
        }
    }

    /// `--log-queries` lines so far: one per query this instance answered.
    fn queries(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(" query ") && l.contains("name="))
            .cloned()
            .collect()
    }
}

fn delegation_dir(part: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/delegation")
        .join(part)
        .display()
        .to_string()
}

/// The tree: root, TLD and two leaves on 127.0.53.1–4, all on one port.
struct Tree {
    port: u16,
    servers: Vec<Instance>,
}

impl Tree {
    fn start() -> Tree {
        let root = Instance::start(&[
            "--zones",
            &delegation_dir("root"),
            "--dns-listen",
            "127.0.53.1:0",
        ]);
        let port = root.dns.unwrap().port();
        let mut servers = vec![root];
        for (dir, ip) in [("tld", 2), ("bl", 3), ("mail", 4)] {
            servers.push(Instance::start(&[
                "--zones",
                &delegation_dir(dir),
                "--dns-listen",
                &format!("127.0.53.{ip}:{port}"),
            ]));
        }
        Tree { port, servers }
    }

    /// Query lines logged anywhere in the tree.
    fn traffic(&self) -> usize {
        self.servers.iter().map(|s| s.queries().len()).sum()
    }

    fn leaf_bl(&self) -> &Instance {
        &self.servers[2]
    }

    fn recursor(&self, extra: &[&str]) -> Instance {
        let port = self.port.to_string();
        let hints = delegation_dir("root.hints");
        let mut args = vec![
            "--recursive",
            "--root-hints",
            &hints,
            "--recursor-port",
            &port,
            // hickory never queries loopback name servers unless told to.
            "--recursor-allow-server",
            "127.0.53.0/24",
            "--dns-listen",
            "127.0.0.1:0",
        ];
        args.extend_from_slice(extra);
        Instance::start(&args)
    }
}

async fn ask(server: &Instance, name: &str, rtype: &str) -> Value {
    let url = format!("{}/dns-query?name={name}&type={rtype}", server.http);
    let response = reqwest::Client::new()
        .get(url)
        .header("accept", "application/dns-json")
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .expect("recursor answers HTTP");
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn data(answer: &Value) -> Vec<String> {
    answer["Answer"]
        .as_array()
        .map(|records| {
            records
                .iter()
                .map(|r| r["data"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Lets the stderr reader threads catch up before counting log lines.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn recursive_resolution_through_a_loopback_delegation_tree() {
    let tree = Tree::start();
    let recursor = tree.recursor(&["--zones", &delegation_dir("local")]);

    let info: Value = reqwest::get(format!("{}/info", recursor.http))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["mode"], "zones+recursive");
    assert_eq!(info["recursive"], true);
    assert_eq!(info["dnssec"], false);

    // A, through root → org. → example.org.
    let a = ask(&recursor, "mail.example.org", "A").await;
    assert_eq!(a["Status"], 0, "{a}");
    assert_eq!(a["RA"], true);
    assert_eq!(a["AD"], false);
    assert_eq!(data(&a), ["192.0.2.25"]);

    // TXT at a zone apex.
    let txt = ask(&recursor, "example.org", "TXT").await;
    assert_eq!(data(&txt), ["\"v=spf1 ip4:192.0.2.25 -all\""], "{txt}");

    // A CNAME followed to its target.
    let www = ask(&recursor, "www.example.org", "A").await;
    assert_eq!(data(&www), ["mail.example.org.", "192.0.2.25"], "{www}");

    // PTR, through root → arpa. → 2.0.192.in-addr.arpa., whose server has no glue.
    let ptr = ask(&recursor, "25.2.0.192.in-addr.arpa", "PTR").await;
    assert_eq!(data(&ptr), ["mail.example.org."], "{ptr}");

    // The DNSBL lookup, through root → org. → example-bl.org.
    let listed = ask(&recursor, "2.0.0.127.zen.example-bl.org", "A").await;
    assert_eq!(listed["Status"], 0, "{listed}");
    assert_eq!(data(&listed), ["127.0.0.2"]);
    let reason = ask(&recursor, "2.0.0.127.zen.example-bl.org", "TXT").await;
    assert_eq!(
        data(&reason),
        ["\"Listed: https://example-bl.org/lookup?ip=127.0.0.2\""]
    );
    settle().await;
    assert!(
        tree.leaf_bl()
            .queries()
            .iter()
            // Case-insensitive: the recursor randomises the case of its queries (0x20).
            .any(|l| l
                .to_ascii_lowercase()
                .contains("name=2.0.0.127.zen.example-bl.org.")),
        "the blocklist's own server was asked"
    );

    // A second identical query is a cache hit: no traffic anywhere in the tree.
    let before = tree.traffic();
    let again = ask(&recursor, "2.0.0.127.zen.example-bl.org", "A").await;
    assert_eq!(data(&again), ["127.0.0.2"]);
    assert!(again["Answer"][0]["TTL"].as_u64().unwrap() <= 300);
    settle().await;
    assert_eq!(tree.traffic(), before, "cache hit must not reach the tree");

    // NXDOMAIN (not listed), then the negative answer from the cache.
    let bl_before = tree.leaf_bl().queries().len();
    let clean = ask(&recursor, "3.0.0.127.zen.example-bl.org", "A").await;
    assert_eq!(clean["Status"], 3, "{clean}");
    assert_eq!(
        clean["Authority"][0]["type"], 6,
        "SOA with the NXDOMAIN: {clean}"
    );
    assert!(
        clean["Authority"][0]["TTL"].as_u64().unwrap() <= 60,
        "negative TTL is the SOA minimum"
    );
    settle().await;
    assert!(
        tree.leaf_bl().queries().len() > bl_before,
        "the first NXDOMAIN came from the blocklist's server"
    );
    let before = tree.traffic();
    let cached = ask(&recursor, "3.0.0.127.zen.example-bl.org", "A").await;
    assert_eq!(cached["Status"], 3, "{cached}");
    settle().await;
    assert_eq!(
        tree.traffic(),
        before,
        "negative cache hit must not reach the tree"
    );

    // --zones answer first, authoritatively, without recursion.
    let before = tree.traffic();
    let local = ask(&recursor, "local.test", "TXT").await;
    assert_eq!(local["Status"], 0);
    assert_eq!(data(&local), ["\"from the local zones\""]);
    settle().await;
    assert_eq!(tree.traffic(), before);

    // Plain DNS through the recursor: RA set, AA clear, the listing answered.
    let mut query = Message::query();
    query.metadata.recursion_desired = true;
    query.add_query(Query::query(
        Name::from_ascii("2.0.0.127.zen.example-bl.org.").unwrap(),
        RecordType::A,
    ));
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket
        .send_to(&query.to_vec().unwrap(), recursor.dns.unwrap())
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let (len, _) = tokio::time::timeout(Duration::from_secs(10), socket.recv_from(&mut buf))
        .await
        .expect("UDP answer")
        .unwrap();
    let reply = Message::from_vec(&buf[..len]).unwrap();
    assert_eq!(reply.metadata.response_code, ResponseCode::NoError);
    assert!(reply.metadata.recursion_available);
    assert!(!reply.metadata.authoritative);
    assert!(matches!(reply.answers[0].data, RData::A(a) if a.0.octets() == [127, 0, 0, 2]));
}

/// With --dnssec the validator runs against the real root trust anchor; the loopback root is
/// unsigned, so nothing here can validate: answers must never claim AD.
#[tokio::test(flavor = "multi_thread")]
async fn dnssec_never_claims_ad_for_unvalidated_data() {
    let tree = Tree::start();
    let recursor = tree.recursor(&["--dnssec"]);
    let info: Value = reqwest::get(format!("{}/info", recursor.http))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["mode"], "recursive");
    assert_eq!(info["dnssec"], true);
    let answer = ask(&recursor, "mail.example.org", "A").await;
    eprintln!("--dnssec answer: {answer}");
    assert_eq!(answer["AD"], false, "{answer}");
}
