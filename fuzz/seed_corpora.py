#!/usr/bin/env python3
"""Regenerate the seed corpora under fuzz/corpus/ from real records.

Sources: the TXT records of the e2e zones (tests/zones/), the RFC 7208 conformance suite
(core/tests/data/rfc7208-tests.yml), and the answers and requests of a real inboxable-doh serving
tests/zones (its binary is taken from $INBOXABLE_DOH, default target/debug/inboxable-doh).
The fuzzer adds what it finds interesting when run with a corpus directory; only these seeds
are committed, a few dozen per target. Needs dnspython and PyYAML.
"""
import base64
import hashlib
import os
import pathlib
import subprocess
import sys
import urllib.request

import dns.message
import dns.rdatatype
import dns.zone
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
LIMIT = 48


def write(target, items):
    out = CORPUS / target
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    seen = set()
    for item in items:
        data = item if isinstance(item, bytes) else item.encode()
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        (out / digest).write_bytes(data)
        if len(seen) >= LIMIT:
            break
    print(f"{target}: {len(seen)} seeds")


def zone_txt():
    """Every TXT record of the e2e zones as the checks see it (strings joined), with names."""
    found = []
    for path in sorted((ROOT / "tests" / "zones").rglob("*.zone")):
        zone = dns.zone.from_file(str(path), relativize=False, check_origin=False)
        for name, node in zone.nodes.items():
            for rdataset in node.rdatasets:
                if rdataset.rdtype == dns.rdatatype.TXT:
                    for rdata in rdataset:
                        text = b"".join(rdata.strings).decode("utf-8", "replace")
                        found.append((name.to_text(), rdata, text))
    return found


def conformance_spf():
    records = []
    with open(ROOT / "core" / "tests" / "data" / "rfc7208-tests.yml") as f:
        for suite in yaml.safe_load_all(f):
            for entries in suite["zonedata"].values():
                for entry in entries:
                    if isinstance(entry, dict):
                        for kind in ("SPF", "TXT"):
                            value = entry.get(kind)
                            if isinstance(value, list):
                                value = "".join(value)
                            if isinstance(value, str):
                                records.append(value)
    return records


def literals(prefix):
    """Record texts the unit tests use (Rust string literals starting with `prefix`)."""
    import re
    found = []
    for path in sorted((ROOT / "core" / "src").rglob("*.rs")):
        for match in re.finditer(r'"(' + re.escape(prefix) + r'(?:[^"\\]|\\.)*)"', path.read_text()):
            text = match.group(1).replace('\\"', '"')
            # The unit tests put a real key where they write {RSA2048}; any base64 will do.
            found.append(text.replace("{RSA2048}", RSA_SPKI).replace("{}", RSA_SPKI))
    return found


def messages():
    """The pasted-message fixtures of core/src/message/parse_tests.rs, whole, with CRLF line
    ends, and cut after a few header lines."""
    import re
    src = (ROOT / "core" / "src" / "message" / "parse_tests.rs").read_text()
    texts = []
    for match in re.finditer(r'const [A-Z_]+: &str = "((?:[^"\\]|\\.)*)";', src, re.S):
        text = re.sub(r"\\\n\s*", "", match.group(1))
        text = text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
        texts.append(text.replace("\\\\", "\\"))
    seeds = []
    for text in texts:
        lines = text.split("\n")
        seeds += [text, text.replace("\n", "\r\n")]
        seeds += ["\n".join(lines[:n]) for n in (3, 8, 15)]
    return seeds


def names_and_types(txt):
    pairs = [(name, "TXT") for name, _, _ in txt]
    pairs += [
        ("example.com", "MX"), ("mail.example.com", "A"), ("mail.example.com", "AAAA"),
        ("25.2.0.192.in-addr.arpa", "PTR"), ("nonexistent.example.com", "A"),
        ("example.com", "TLSA"), ("_25._tcp.mail.example.com", "TLSA"), ("example.com", "SOA"),
        ("wild.example.com", "TXT"), ("x.wild.example.com", "TXT"), ("example.com", "CAA"),
        ("outside.invalid", "A"),
    ]
    return pairs


def backend_answers(pairs):
    binary = os.environ.get("INBOXABLE_DOH", str(ROOT / "target" / "debug" / "inboxable-doh"))
    server = subprocess.Popen(
        [binary, "--zones", str(ROOT / "tests" / "zones"), "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        base = server.stdout.readline().split()[1]
        answers = []
        for name, rtype in pairs:
            url = f"{base}/resolve?name={name}&type={rtype}"
            with urllib.request.urlopen(url, timeout=5) as response:
                answers.append((rtype, response.read()))
        return answers
    finally:
        server.terminate()
        server.wait()


RSA_SPKI = ("MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYt"
            "IxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzf"
            "VjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB")

TYPE_SELECTOR = {"A": 0, "AAAA": 1, "MX": 2, "TXT": 3, "PTR": 4, "CNAME": 5, "TLSA": 6, "NS": 7}


def main():
    txt = zone_txt()
    texts = [text for _, _, text in txt]
    spf = [t for t in texts if t.lower().startswith("v=spf1")] + conformance_spf()
    write("spf_parse", spf)
    dkim = [t for t in texts if "p=" in t and ("DKIM1" in t or "k=" in t)]
    dkim += ["v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
             "v=DKIM1; p=", "v=DKIM1; t=y; k=rsa; h=sha256; s=email; p=MIGfMA0G",
             "k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA; n=notes"]
    dkim += literals("v=DKIM1")
    write("dkim_key", dkim)
    dmarc = [t for t in texts if t.upper().startswith("V=DMARC1")]
    dmarc += ["v=DMARC1; p=none; sp=quarantine; np=reject; pct=50; adkim=s; aspf=r; fo=1:d:s; "
              "rua=mailto:a@example.com!10m,mailto:b@example.net; ruf=mailto:f@example.org; ri=3600",
              "v=DMARC1; p=reject; t=y; psd=n", "v=DMARC1;p=quarantine;pct=0", "v=DMARC1"]
    dmarc += literals("v=DMARC1")
    write("dmarc_parse", dmarc)
    pairs = names_and_types(txt)
    answers = backend_answers(pairs)
    bodies = [bytes([TYPE_SELECTOR.get(rtype, 3)]) + body for rtype, body in answers]
    # Google's dialect (TXT data unquoted and joined) and Cloudflare's (quoted strings).
    bodies.append(b"\x03" + b'{"Status":0,"AD":true,"Answer":[{"name":"example.com.","type":16,'
                  b'"TTL":300,"data":"v=spf1 include:_spf.google.com ~all"}]}')
    bodies.append(b"\x03" + b'{"Status":0,"Answer":[{"name":"example.com.","type":16,"TTL":300,'
                  b'"data":"\\"v=spf1 \\" \\"-all\\""}]}')
    bodies.append(b"\x00" + b'{"Status":2,"Comment":"SERVFAIL"}')
    write("doh_json", bodies)
    requests = []
    for name, rtype in pairs[:24]:
        requests.append(bytes([0]) + f"name={name}&type={rtype}".encode())
        wire = dns.message.make_query(name, rtype, want_dnssec=len(requests) % 3 == 0).to_wire()
        b64 = base64.urlsafe_b64encode(wire).rstrip(b"=")
        requests.append(bytes([0]) + b"dns=" + b64)
        requests.append(bytes([4 | 8]) + b"\n" + wire)
    requests += [bytes([1]) + b"name=example.com&type=MX&do=1&cd=false",
                 bytes([16]) + b"name=example.com&ct=application/dns-message",
                 bytes([2]), bytes([3])]
    write("backend_request", requests)
    write("message", messages())


if __name__ == "__main__":
    sys.exit(main())
