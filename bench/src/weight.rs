//! Page weight: every `.wasm`, `.js` and `.css` file of the built page, gzipped at level 9
//! (`gzip -9 -c`, what a static host serving pre-compressed files would send), split into
//! what the page loads at start (named in `index.html`) and what it loads on demand (the
//! DKIM verification worker, started when a pasted message has signatures).

use std::path::Path;
use std::process::{Command, Stdio};

/// One file of the page.
#[derive(Debug)]
pub struct Asset {
    /// File name.
    pub name: String,
    /// Size on disk.
    pub bytes: u64,
    /// Size gzipped.
    pub gzipped: u64,
    /// Named in `index.html` (outside comments), so loaded with the page; else on demand.
    pub at_start: bool,
}

/// The page's `.wasm`, `.js` and `.css` files in `dist` (not recursive: Trunk writes
/// them at the top), sorted by name.
pub fn measure(dist: &Path) -> Result<Vec<Asset>, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = without_comments(&html);
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut assets = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let counted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css"));
        if !counted || !path.is_file() {
            continue;
        }
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let name = entry.file_name().to_string_lossy().into_owned();
        assets.push(Asset {
            at_start: html.contains(&name),
            name,
            bytes,
            gzipped: gzipped_size(&path)?,
        });
    }
    assets.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(assets)
}

fn gzipped_size(path: &Path) -> Result<u64, String> {
    let output = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run gzip (is it installed?): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "gzip {} failed: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(output.stdout.len() as u64)
}

/// `html` without its `<!-- … -->` comments.
fn without_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_are_dropped_and_the_rest_kept() {
        assert_eq!(without_comments("a<!-- x.js -->b<!--y-->c<!-- open"), "abc");
    }
}
