//! The page's colours meet WCAG 2.1 AA in the light, dark and print schemes: every
//! text colour the stylesheet sets on a background is read from `style/main.css`
//! and its contrast ratio computed (WCAG 2.1 §1.4.3: at least 4.5:1 for text; §1.4.11:
//! 3:1 for the focus ring and the boundaries of inputs and buttons).

use std::collections::HashMap;

fn stylesheet() -> String {
    let path = inboxable_e2e::workspace_root().join("style/main.css");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The custom properties of the first `:root { … }` after `from` in `css`.
fn variables(css: &str, from: &str) -> HashMap<String, String> {
    let at = css
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in main.css"));
    let rest = &css[at..];
    let open = rest.find(":root {").expect(":root block") + ":root {".len();
    let close = open + rest[open..].find('}').expect("end of :root");
    rest[open..close]
        .split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let name = name.trim().strip_prefix("--")?;
            Some((name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "colour #{hex} is not #rrggbb");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colour on background, as the stylesheet combines them.
const TEXT_PAIRS: &[(&str, &str)] = &[
    ("text", "bg"),
    ("text", "surface"),
    ("text", "code-bg"),
    ("text", "warn-bg"),
    ("text", "unknown-bg"),
    ("text", "error-bg"),
    ("muted", "bg"),
    ("muted", "surface"),
    ("muted", "code-bg"),
    ("muted", "neutral-bg"),
    ("muted", "unknown-bg"),
    ("muted", "error-bg"),
    ("accent", "bg"),
    ("accent", "surface"),
    ("accent", "code-bg"),
    ("accent", "unknown-bg"),
    ("accent-text", "accent"),
    ("ok", "ok-bg"),
    ("ok", "surface"),
    ("neutral", "neutral-bg"),
    ("unknown", "unknown-bg"),
    ("unknown", "surface"),
    ("error", "error-bg"),
    ("error", "surface"),
    ("warn", "warn-bg"),
    ("warn", "surface"),
];

/// Non-text contrast: the focus ring and the input border on the page and on cards.
const UI_PAIRS: &[(&str, &str)] = &[("focus", "bg"), ("focus", "surface"), ("muted", "surface")];

fn check_scheme(name: &str, vars: &HashMap<String, String>, base: &HashMap<String, String>) {
    let get = |k: &str| {
        vars.get(k)
            .or_else(|| base.get(k))
            .unwrap_or_else(|| panic!("--{k} is not set for {name}"))
            .clone()
    };
    let mut failures = Vec::new();
    for (pairs, minimum) in [(TEXT_PAIRS, 4.5), (UI_PAIRS, 3.0)] {
        for (fg, bg) in pairs {
            let ratio = contrast(&get(fg), &get(bg));
            if ratio < minimum {
                failures.push(format!("--{fg} on --{bg}: {ratio:.2} < {minimum}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{name} scheme:\n{}",
        failures.join("\n")
    );
}

#[test]
fn light_dark_and_print_colours_meet_wcag_aa() {
    let css = stylesheet();
    let light = variables(&css, ":root {");
    let dark = variables(&css, "@media (prefers-color-scheme: dark)");
    let print = variables(&css, "@media print");
    assert!(light.len() > 15 && dark.len() > 15, "too few colours read");
    check_scheme("light", &light, &light);
    check_scheme("dark", &dark, &light);
    check_scheme("print", &print, &light);
    assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
}

#[test]
fn the_print_stylesheet_hides_the_controls_and_opens_the_report() {
    let css = stylesheet();
    let print = &css[css.find("@media print").expect("a print stylesheet")..];
    for rule in [
        "#check-form",
        ".toolbar",
        "button",
        "details::details-content",
        "attr(href)",
        "--bg: #ffffff",
        "--text: #000000",
    ] {
        assert!(print.contains(rule), "the print stylesheet lacks {rule:?}");
    }
}
