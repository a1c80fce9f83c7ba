//! Page weight: every `.wasm`, `.js` and `.css` file of the built page, gzipped at level 9
//! (`gzip -9 -c`, what a static host serving pre-compressed files would send).

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
}

/// The page's `.wasm`, `.js` and `.css` files in `dist` (not recursive: Trunk writes
/// them at the top), sorted by name.
pub fn measure(dist: &Path) -> Result<Vec<Asset>, String> {
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
        assets.push(Asset {
            name: entry.file_name().to_string_lossy().into_owned(),
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
