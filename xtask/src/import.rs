//! `cargo xtask import <dir>`: copies what the pipeline reads of an unpacked `npm pack` of the
//! JS client (`wegnology-rest`) into `spec/published/wegnology-rest`, byte for byte, and
//! nothing else: `package.json`, `docs/*.md` and `lib/api/*.js`. Files the new release no
//! longer has are removed. The copy is made beside the old one and swapped in whole, so an
//! interrupted import leaves the previous release in place.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegnology_parser::package;

/// The package's directory, relative to the project root.
const TARGET: &str = "spec/published/wegnology-rest";

/// The files to copy, relative to the package's root, in a stable order.
fn files_of(package_root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = vec![PathBuf::from("package.json")];
    for (dir, extension) in [("docs", "md"), ("lib/api", "js")] {
        let path = package_root.join(dir);
        let entries = std::fs::read_dir(&path)
            .map_err(|error| format!("{}: cannot list: {error}", path.display()))?;
        let mut found = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|error| format!("{}: {error}", path.display()))?;
            let name = entry.file_name();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file && Path::new(&name).extension().is_some_and(|e| e == extension) {
                found.push(Path::new(dir).join(name));
            }
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The package's root: `dir` itself, or the `package/` folder `npm pack` archives hold.
fn package_root(dir: &Path) -> Result<PathBuf, String> {
    for candidate in [dir.to_path_buf(), dir.join("package")] {
        let manifest = candidate.join("package.json");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|error| format!("{}: not JSON: {error}", manifest.display()))?;
        return match value.get("name").and_then(serde_json::Value::as_str) {
            Some("wegnology-rest") => Ok(candidate),
            other => Err(format!(
                "{}: the package is `{}`, not `wegnology-rest`",
                manifest.display(),
                other.unwrap_or("(no name)")
            )),
        };
    }
    Err(format!(
        "{}: no package.json here nor in package/ (unpack `npm pack wegnology-rest@<release>` first)",
        dir.display()
    ))
}

pub fn run(root: &Path, dir: &Path) -> ExitCode {
    match import(root, dir) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("nothing was changed in {TARGET}");
            ExitCode::FAILURE
        }
    }
}

fn import(root: &Path, dir: &Path) -> Result<String, String> {
    let source = package_root(dir)?;
    let files = files_of(&source)?;
    let pages = files.iter().filter(|f| f.starts_with("docs")).count();
    let tables = files.iter().filter(|f| f.starts_with("lib/api")).count();
    if !files.contains(&PathBuf::from("docs/_schemas.md"))
        || !files.contains(&PathBuf::from("lib/api/index.js"))
    {
        return Err(format!(
            "{}: expected docs/_schemas.md and lib/api/index.js in the package",
            source.display()
        ));
    }
    let target = root.join(TARGET);
    let staging = root.join(format!("{TARGET}.importing"));
    let _ = std::fs::remove_dir_all(&staging);
    let copied = files.iter().try_for_each(|file| {
        let to = staging.join(file);
        std::fs::create_dir_all(to.parent().expect("a file has a parent"))
            .map_err(|error| format!("{}: {error}", to.display()))?;
        std::fs::copy(source.join(file), &to)
            .map(|_| ())
            .map_err(|error| format!("{}: cannot copy: {error}", source.join(file).display()))
    });
    if let Err(error) = copied {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    let before = target.is_dir().then(|| snapshot(&target)).transpose()?;
    let previous = root.join(format!("{TARGET}.previous"));
    let _ = std::fs::remove_dir_all(&previous);
    if target.is_dir() {
        std::fs::rename(&target, &previous).map_err(|error| format!("{TARGET}: {error}"))?;
    }
    if let Err(error) = std::fs::rename(&staging, &target) {
        // Put the previous release back: the import changes everything or nothing.
        if previous.is_dir() {
            let _ = std::fs::rename(&previous, &target);
        }
        return Err(format!("{TARGET}: {error}"));
    }
    let _ = std::fs::remove_dir_all(&previous);
    let after = snapshot(&target)?;
    let release = package::package_version(&wegnology_parser::package::Document {
        file: package::PACKAGE_JSON.to_string(),
        text: std::fs::read_to_string(target.join("package.json")).unwrap_or_default(),
    })
    .map_err(|error| error.to_string())?;
    let changed = match &before {
        Some(before) => after
            .iter()
            .filter(|(name, bytes)| {
                before.iter().find(|(n, _)| n == name).map(|(_, b)| b) != Some(bytes)
            })
            .count(),
        None => after.len(),
    };
    let removed = before.as_ref().map_or(0, |before| {
        before
            .iter()
            .filter(|(name, _)| !after.iter().any(|(n, _)| n == name))
            .count()
    });
    Ok(format!(
        "imported wegnology-rest {release} into {TARGET}: package.json, {pages} pages under docs/ (the schemas page among them), {tables} request tables under lib/api/ (index.js among them)\n\
         {changed} files new or changed, {removed} removed; next: cargo xtask regen\n"
    ))
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|error| format!("{}: {error}", current.display()))?;
        for entry in entries {
            let entry = entry.map_err(|error| format!("{}: {error}", current.display()))?;
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes =
                    std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
                out.push((path.strip_prefix(dir).unwrap_or(&path).to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    Ok(out)
}
