//! `cargo xtask import`: what it copies of an unpacked package, byte for byte, and what not.

mod common;

use std::path::Path;

use common::{project, text, xtask};

/// A made-up unpacked package of `release`, with files the pipeline does not read.
fn unpacked(dir: &Path, release: &str, resources: &[&str]) {
    let package = dir.join("package");
    for sub in ["docs", "lib/api", "lib/schemas", "test", "examples"] {
        std::fs::create_dir_all(package.join(sub)).unwrap();
    }
    std::fs::write(
        package.join("package.json"),
        format!("{{\n  \"name\": \"wegnology-rest\",\n  \"version\": \"{release}\"\n}}\n"),
    )
    .unwrap();
    std::fs::write(package.join("README.md"), "not read\n").unwrap();
    std::fs::write(package.join("lib/index.js"), "not read\n").unwrap();
    std::fs::write(package.join("lib/schemas/thing.json"), "{}\n").unwrap();
    std::fs::write(package.join("docs/_schemas.md"), "# Schemas\n").unwrap();
    std::fs::write(package.join("lib/api/index.js"), format!("// {release}\n")).unwrap();
    for resource in resources {
        std::fs::write(
            package.join(format!("docs/{resource}.md")),
            format!("# {resource} {release}\n"),
        )
        .unwrap();
        std::fs::write(
            package.join(format!("lib/api/{resource}.js")),
            format!("// {resource}\n"),
        )
        .unwrap();
    }
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn import_copies_what_the_pipeline_reads_and_removes_what_the_release_dropped() {
    let root = tempfile::tempdir().unwrap();
    let packs = tempfile::tempdir().unwrap();
    let (old, new) = (packs.path().join("old"), packs.path().join("new"));
    unpacked(&old, "2.0.0", &["device", "devices"]);
    unpacked(&new, "2.1.0", &["device", "flows"]);

    let out = xtask(root.path(), "import");
    assert!(!out.status.success(), "no directory given");

    let run = |dir: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args([
                "import".as_ref(),
                dir.as_os_str(),
                "--root".as_ref(),
                root.path().as_os_str(),
            ])
            .output()
            .unwrap()
    };
    let out = run(&old);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The archive's `package/` folder or the folder holding it: both work.
    let out = run(&new.join("package"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("imported wegnology-rest 2.1.0 into spec/published/wegnology-rest"),
        "{stdout}"
    );
    assert!(stdout.contains("2 removed"), "{stdout}");

    let imported = tree(&root.path().join("spec/published/wegnology-rest"));
    let names: Vec<&str> = imported.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "docs/_schemas.md",
            "docs/device.md",
            "docs/flows.md",
            "lib/api/device.js",
            "lib/api/flows.js",
            "lib/api/index.js",
            "package.json"
        ]
    );
    for (name, bytes) in &imported {
        assert_eq!(
            bytes,
            &std::fs::read(new.join("package").join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn another_package_is_refused_and_nothing_changes() {
    let root = tempfile::tempdir().unwrap();
    let pack = tempfile::tempdir().unwrap();
    unpacked(pack.path(), "2.0.0", &["device"]);
    let manifest = pack.path().join("package/package.json");
    std::fs::write(
        &manifest,
        "{\"name\": \"left-pad\", \"version\": \"1.0.0\"}\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "import".as_ref(),
            pack.path().as_os_str(),
            "--root".as_ref(),
            root.path().as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the package is `left-pad`, not `wegnology-rest`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nothing was changed in spec/published/wegnology-rest"),
        "{stderr}"
    );
    assert!(!root.path().join("spec/published/wegnology-rest").exists());
}

/// The committed package is what `import` makes of itself: importing `spec/published/wegnology-rest`
/// (which has a package's layout) into a scratch root gives the same bytes.
#[test]
fn the_committed_package_round_trips() {
    let root = tempfile::tempdir().unwrap();
    let committed = project().join("spec/published/wegnology-rest");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "import".as_ref(),
            committed.as_os_str(),
            "--root".as_ref(),
            root.path().as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        tree(&root.path().join("spec/published/wegnology-rest")),
        tree(&committed)
    );
}
