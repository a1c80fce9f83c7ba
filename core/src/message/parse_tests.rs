use super::*;
use crate::message::EntrySource;

/// Gmail's "Show original" of a message from a self-hosted Postfix server.
const GMAIL: &str = "Delivered-To: someone@gmail.com
Received: by 2002:a05:6a10:b8b:b0:5a5:1234:abcd with SMTP id r11csp1234pxb;
        Fri, 4 Dec 2026 10:00:01 -0800 (PST)
X-Received: by 2002:a17:907:1c08:b0:a9a:1234 with SMTP id nc8mr1234ejc.1.1733335201;
        Fri, 04 Dec 2026 10:00:01 -0800 (PST)
ARC-Seal: i=1; a=rsa-sha256; t=1733335201; cv=none;
        d=google.com; s=arc-20240605;
        b=abc
Return-Path: <bounce+1234@Example.COM>
Received: from mail.example.com (mail.example.com. [203.0.113.5])
        by mx.google.com with ESMTPS id a640c23a62f3a-a9a1234si1234ejc.123.2026.12.04.10.00.00
        for <someone@gmail.com>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Fri, 04 Dec 2026 10:00:01 -0800 (PST)
Received-SPF: pass (google.com: domain of bounce+1234@example.com designates 203.0.113.5 as permitted sender) client-ip=203.0.113.5;
Authentication-Results: mx.google.com;
       dkim=pass header.i=@example.com header.s=mail header.b=Ab12Cd34;
       spf=pass (google.com: domain of bounce+1234@example.com designates 203.0.113.5 as permitted sender) smtp.mailfrom=bounce+1234@example.com;
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=example.com
Received: from client.example.com (unknown [192.168.1.20])
        by mail.example.com (Postfix) with ESMTPSA id 4Q1Xyz
        for <someone@gmail.com>; Fri,  4 Dec 2026 18:00:00 +0000 (UTC)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;
        s=mail; t=1733335200; h=from:to:subject:date:message-id;
        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
        b=dGVzdA==
From: \"Example, Inc.\" <News@Example.com>
To: someone@gmail.com
Subject: Hello
List-Unsubscribe: <mailto:unsub@example.com?subject=u>, <https://example.com/u/1>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
Message-ID: <1@example.com>

Body text.
";

/// Outlook.com's message source: Microsoft's own hops carry public IPv6
/// addresses of its network.
const OUTLOOK: &str = "Received: from SA1PR12MB1234.namprd12.prod.outlook.com (2603:10b6:806:1::11)
 by PH0PR12MB5678.namprd12.prod.outlook.com with HTTPS; Fri, 4 Dec 2026 18:00:03
 +0000
Received: from BN9PR03CA0123.namprd03.prod.outlook.com (2603:10b6:408:fe::8)
 by SA1PR12MB1234.namprd12.prod.outlook.com (2603:10b6:806:1::11) with
 Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8; Fri, 4 Dec 2026
 18:00:02 +0000
Received: from BN8NAM11FT066.eop-nam11.prod.protection.outlook.com
 (2603:10b6:408:fe:cafe::7a) by BN9PR03CA0123.outlook.office365.com
 (2603:10b6:408:fe::8) with Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8 via Frontend
 Transport; Fri, 4 Dec 2026 18:00:02 +0000
Authentication-Results: spf=pass (sender IP is 198.51.100.25)
 smtp.mailfrom=example.org; dkim=pass (signature was verified)
 header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass
 reason=100
Received-SPF: Pass (protection.outlook.com: domain of example.org designates
 198.51.100.25 as permitted sender) receiver=protection.outlook.com;
 client-ip=198.51.100.25; helo=smtp.example.org; pr=C
Received: from smtp.example.org (198.51.100.25) by
 BN8NAM11FT066.mail.protection.outlook.com (10.13.177.138) with Microsoft SMTP
 Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8 via Frontend
 Transport; Fri, 4 Dec 2026 18:00:01 +0000
DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/simple; d=example.org;
 s=ed; l=120; x=1700000000; t=1690000000; h=From:To:Subject; bh=abc=; b=def=
From: alerts@example.org
Subject: Test
";

/// A Postfix-to-Postfix delivery with only headers (no empty line, no body) and an
/// IPv6 sender.
const POSTFIX_HEADERS: &str = "Return-Path: <>
Delivered-To: admin@example.net
Received: from mx.example.net (localhost [127.0.0.1])
\tby mx.example.net (Postfix) with ESMTP id 4Q2;
\tFri,  4 Dec 2026 18:00:05 +0000 (UTC)
Received: from mail.example.com (mail.example.com [IPv6:2001:db8:10::25])
\tby mx.example.net (Postfix) with ESMTPS id 4Q1
\tfor <admin@example.net>; Fri,  4 Dec 2026 18:00:04 +0000 (UTC)
From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender";

#[test]
fn gmail_show_original() {
    let facts = parse(GMAIL);
    assert!(facts.has_body);
    assert_eq!(facts.received.len(), 3);
    let entry = facts.entry.clone().unwrap();
    assert_eq!(entry.ip, "203.0.113.5".parse::<IpAddr>().unwrap());
    assert_eq!(entry.helo.as_deref(), Some("mail.example.com"));
    assert_eq!(entry.by.as_deref(), Some("mx.google.com"));
    assert_eq!(entry.hop, Some(1));
    assert_eq!(entry.source, EntrySource::ReceivedConfirmed);
    assert_eq!(facts.from, ["News@Example.com"]);
    assert_eq!(facts.from_domain.as_deref(), Some("example.com"));
    assert_eq!(
        facts.return_path.as_deref(),
        Some("bounce+1234@Example.COM")
    );
    assert_eq!(facts.return_path_domain.as_deref(), Some("example.com"));
    assert_eq!(facts.signatures.len(), 1);
    let sig = &facts.signatures[0];
    assert_eq!(
        (sig.domain.as_str(), sig.selector.as_str()),
        ("example.com", "mail")
    );
    assert_eq!(sig.headers, ["from", "to", "subject", "date", "message-id"]);
    assert_eq!(sig.timestamp, Some(1_733_335_200));
    assert!(sig.missing.is_empty());
    assert_eq!(facts.selectors_for("EXAMPLE.com"), ["mail"]);
    let ar = facts.receiver_results().unwrap();
    assert_eq!(ar.authserv_id, "mx.google.com");
    let methods: Vec<(&str, &str)> = ar
        .results
        .iter()
        .map(|r| (r.method.as_str(), r.result.as_str()))
        .collect();
    assert_eq!(
        methods,
        [("dkim", "pass"), ("spf", "pass"), ("dmarc", "pass")]
    );
    assert_eq!(ar.results[0].property("header.i"), Some("@example.com"));
    assert_eq!(ar.results[2].property("header.from"), Some("example.com"));
    assert_eq!(
        facts.unsubscribe_uris(),
        [
            "mailto:unsub@example.com?subject=u",
            "https://example.com/u/1"
        ]
    );
    assert!(facts.one_click_unsubscribe());
}

#[test]
fn gmail_without_the_receivers_ip_statement_walks_the_chain() {
    let text: String = GMAIL
        .lines()
        .filter(|l| !l.starts_with("Received-SPF"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("designates 203.0.113.5", "designates");
    let entry = parse(&text).entry.unwrap();
    assert_eq!(entry.ip, "203.0.113.5".parse::<IpAddr>().unwrap());
    assert_eq!(entry.source, EntrySource::Received);
}

#[test]
fn outlook_internal_hops_are_skipped() {
    let facts = parse(OUTLOOK);
    assert!(!facts.has_body);
    assert_eq!(facts.received.len(), 4);
    let entry = facts.entry.clone().unwrap();
    assert_eq!(entry.ip, "198.51.100.25".parse::<IpAddr>().unwrap());
    assert_eq!(entry.helo.as_deref(), Some("smtp.example.org"));
    assert_eq!(entry.hop, Some(3));
    // Without the receiver's statements, the walk still leaves Microsoft's network
    // only at the hop from smtp.example.org.
    let text: String = OUTLOOK
        .replace("sender IP is 198.51.100.25", "sender IP is unknown")
        .replace("client-ip=198.51.100.25", "client-ip=")
        .replace("designates\n 198.51.100.25", "designates");
    let walked = parse(&text).entry.unwrap();
    assert_eq!(walked.ip, "198.51.100.25".parse::<IpAddr>().unwrap());
    assert_eq!(walked.source, EntrySource::Received);
    let sig = &facts.signatures[0];
    assert_eq!(sig.algorithm, "ed25519-sha256");
    assert_eq!(sig.body_length, Some(120));
    assert_eq!(sig.expires, Some(1_700_000_000));
    assert_eq!(sig.headers, ["from", "to", "subject"]);
    assert_eq!(facts.from_domain.as_deref(), Some("example.org"));
    assert_eq!(facts.return_path, None);
    let ar = facts.receiver_results().unwrap();
    assert_eq!(ar.authserv_id, "");
    assert_eq!(ar.results[0].method, "spf");
    assert_eq!(ar.results[1].property("header.d"), Some("example.org"));
    assert!(!facts.one_click_unsubscribe());
}

#[test]
fn postfix_headers_only_ipv6_and_loopback_hop() {
    let facts = parse(POSTFIX_HEADERS);
    assert!(!facts.has_body);
    let entry = facts.entry.unwrap();
    assert_eq!(entry.ip, "2001:db8:10::25".parse::<IpAddr>().unwrap());
    assert_eq!(entry.rdns.as_deref(), Some("mail.example.com"));
    assert_eq!(entry.hop, Some(1));
    assert_eq!(facts.return_path.as_deref(), Some(""));
    assert_eq!(facts.return_path_domain, None);
    assert_eq!(facts.from_domain.as_deref(), Some("mail.example.com"));
}

#[test]
fn only_the_receivers_statement() {
    let facts = parse(
        "Received-SPF: pass (mx: domain designates 192.0.2.9 as permitted sender) client-ip=192.0.2.9; helo=Out.Example.com;\nFrom: a@example.com\n",
    );
    let entry = facts.entry.unwrap();
    assert_eq!(entry.ip, "192.0.2.9".parse::<IpAddr>().unwrap());
    assert_eq!(entry.helo.as_deref(), Some("out.example.com"));
    assert_eq!(entry.source, EntrySource::AuthHeaders);
}

#[test]
fn text_that_is_not_a_message() {
    for text in ["", "hello world", "\n\n\n", "(((((", "::::\n:"] {
        let facts = parse(text);
        assert_eq!(facts.header_count, 0, "{text:?}");
        assert!(facts.entry.is_none());
    }
    // A page title above the headers is skipped.
    let facts = parse("Original Message\n\nFrom: a@example.com\nSubject: x\n\nbody");
    assert_eq!(facts.header_count, 2);
    assert!(facts.has_body);
}

#[test]
fn verifiable_text_uses_crlf_from_the_first_field() {
    assert_eq!(
        verifiable_text("Title\nA: 1\n b\r\n\nbody\n"),
        "A: 1\r\n b\r\n\r\nbody\r\n"
    );
    assert_eq!(verifiable_text("A: 1\nB: 2"), "A: 1\r\nB: 2\r\n");
    assert_eq!(body_of("A: 1\n\nx\ny"), "x\ny");
}

#[test]
fn comments_and_addresses() {
    assert_eq!(strip_comments("a (b (c) d) e"), "a   e");
    assert_eq!(
        addresses("\"Doe, John\" <j@Example.com>, x@y.org (X)"),
        ["j@Example.com", "x@y.org"]
    );
    assert_eq!(addresses("<>"), [""]);
}
