//! Finds the project root at run time.
//!
//! Never `env!("CARGO_MANIFEST_DIR")`: that path is fixed when the binary is compiled, and with
//! one `CARGO_TARGET_DIR` shared by two clones (or git worktrees) the binary one clone built is the
//! binary the other one runs, so `cargo xtask regen` in one clone would read and write the other's
//! files.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The project root: `--root` if given; else the parent of the `CARGO_MANIFEST_DIR` that cargo
/// sets when it runs this binary (`cargo xtask …` = `cargo run -p xtask`); else the workspace
/// `cargo locate-project --workspace` finds from the current directory.
pub fn root(explicit: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(root) = explicit {
        return Ok(root);
    }
    if let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        if let Some(root) = Path::new(&manifest_dir).parent() {
            if is_project_root(root) {
                return Ok(root.to_path_buf());
            }
        }
    }
    locate_project()
}

/// A directory holding this project: its `spec/` documents and the `xtask` package.
fn is_project_root(dir: &Path) -> bool {
    dir.join("spec").is_dir() && dir.join("xtask").join("Cargo.toml").is_file()
}

fn locate_project() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["locate-project", "--workspace", "--message-format", "plain"])
        .output()
        .map_err(|error| format!("cannot run `cargo locate-project`: {error}; pass --root"))?;
    if !output.status.success() {
        return Err(format!(
            "not inside the project's workspace ({}); pass --root",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let manifest = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let root = manifest
        .parent()
        .ok_or_else(|| format!("`{}` has no directory", manifest.display()))?;
    if is_project_root(root) {
        Ok(root.to_path_buf())
    } else {
        Err(format!(
            "the workspace at {} has no spec/ and xtask/; pass --root",
            root.display()
        ))
    }
}
