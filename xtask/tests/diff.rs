//! `cargo xtask diff` and the change report of `regen`.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::*;

fn xtask(args: &[&std::ffi::OsStr]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "xtask {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// `text` with `from` replaced once; fails when the fixture no longer contains it.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_same_documents_show_no_change() {
    let spec = project().join("spec/published");
    // `new` defaults to the project's spec/.
    let out = xtask(&[
        "diff".as_ref(),
        spec.as_os_str(),
        "--root".as_ref(),
        project().as_os_str(),
    ]);
    assert_eq!(stdout(&out), "no change\n");
    let out = xtask(&[
        "diff".as_ref(),
        spec.as_os_str(),
        spec.as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn one_parameter_removed_and_one_action_added_are_exactly_the_two_changes() {
    let scratch = tempfile::tempdir().unwrap();
    let (old, new) = (scratch.path().join("old"), scratch.path().join("new"));
    copy_documents(&fixture("release-1.26.2"), &old);
    copy_documents(&fixture("release-1.26.2"), &new);
    // `parentId` of Fetch Recent Items leaves all three pages that document it.
    edit(
        &new.join("me/me.md"),
        "| parentId | string | N | Parent id of the recent list |  | 575ec8687ae143cd83dc4a97 |\n",
        "",
    );
    edit(
        &new.join("me/rest-api-me.txt"),
        "parentId | N | Parent id of the recent list | parentId=575ec8687ae143cd83dc4a97 | |\n",
        "",
    );
    edit(&new.join("me/js-client-me.txt"), "parentId |\nstring |\nN |\nParent id of the recent list |\n|\n575ec8687ae143cd83dc4a97 |\n", "");
    // Verify Phone is added to the action reference and the REST page (the one the republish
    // fixture adds).
    let republish = fixture("republish");
    edit(
        &new.join("me/me.md"),
        "*   [Verify Email](#verify-email)",
        "*   [Verify Email](#verify-email)\n*   [Verify Phone](#verify-phone)",
    );
    let me = std::fs::read_to_string(republish.join("me/me.md")).unwrap();
    let section = &me[me.rfind("\n<br/>\n\n## Verify Phone").unwrap()..];
    std::fs::write(
        new.join("me/me.md"),
        std::fs::read_to_string(new.join("me/me.md")).unwrap() + section,
    )
    .unwrap();
    let rest = std::fs::read_to_string(republish.join("me/rest-api-me.txt")).unwrap();
    let section =
        &rest[rest.find("Verify Phone\n").unwrap()..rest.find("Was this page helpful?").unwrap()];
    edit(
        &new.join("me/rest-api-me.txt"),
        "Was this page helpful?",
        &format!("{section}Was this page helpful?"),
    );

    let out = xtask(&["diff".as_ref(), old.as_os_str(), new.as_os_str()]);
    assert_eq!(
        stdout(&out),
        "breaking   action `me.fetch_recent_items`: parameter `parentId` removed (was an optional string query parameter)\n\
         compatible action `me.verify_phone`: added: POST /me/verify-phone (`phoneNumber` required query, `losantdomain` optional header)\n\
         2 changes: 1 breaking, 1 compatible\n"
    );
    let out = xtask(&[
        "diff".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "--json".as_ref(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"impact": "breaking", "kind": "param_removed", "resource": "me", "action": "fetch_recent_items", "schema": null,
             "detail": "parameter `parentId` removed (was an optional string query parameter)"},
            {"impact": "compatible", "kind": "action_added", "resource": "me", "action": "verify_phone", "schema": null,
             "detail": "added: POST /me/verify-phone (`phoneNumber` required query, `losantdomain` optional header)"},
        ])
    );
}

#[test]
fn regen_follows_the_republish_and_prints_what_changed() {
    let root = tempfile::tempdir().unwrap();
    let spec = root.path().join("spec/published");
    copy_documents(&fixture("release-1.26.2"), &spec);
    let root_args = ["--root".as_ref(), root.path().as_os_str()];
    xtask(&[&["regen".as_ref()][..], &root_args].concat());

    // Upstream republishes: the new documents replace the old ones.
    copy_documents(&fixture("republish"), &spec);
    let out = stdout(&xtask(&[&["regen".as_ref()][..], &root_args].concat()));
    let report = &out[out
        .find("changes from the previous spec/generated/model.json:\n")
        .expect(&out)..];
    assert!(
        report.contains(
            "breaking   action `me.payload_counts_breakdown`: parameter `includeNonBillable` removed"
        ),
        "{out}"
    );
    assert!(report.contains("compatible action `me.disconnect_github`: parameter `includeRecent` added: an optional boolean query parameter"), "{out}");
    assert!(
        report.contains("compatible action `me.verify_phone`: added"),
        "{out}"
    );
    assert!(out.contains("wrote     spec/generated/model.json"), "{out}");

    // The model and the generated code put the new parameters in the query.
    let model: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.path().join("spec/generated/model.json")).unwrap(),
    )
    .unwrap();
    let action = model["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["snake_name"] == "disconnect_github")
        .unwrap();
    for name in ["includeRecent", "summaryExclude", "summaryInclude"] {
        let param = action["params"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap();
        assert_eq!(param["location"], "query", "{name}");
    }
    let code =
        std::fs::read_to_string(root.path().join("crates/client/src/generated/me.rs")).unwrap();
    assert!(code.contains("\"summaryInclude\""));

    // The same changes, from the command.
    let out = stdout(&xtask(&[
        "diff".as_ref(),
        fixture("release-1.26.2").as_os_str(),
        spec.as_os_str(),
    ]));
    assert!(
        report["changes from the previous spec/generated/model.json:\n".len()..].starts_with(&out),
        "{report}\n{out}"
    );
    // A second regen has nothing to report.
    let again = stdout(&xtask(&[&["regen".as_ref()][..], &root_args].concat()));
    assert!(!again.contains("changes from"), "{again}");
}

#[test]
fn a_malformed_side_names_its_directory_file_and_line() {
    let scratch = tempfile::tempdir().unwrap();
    let new = scratch.path().join("new");
    copy_documents(&fixture("release-1.26.2"), &new);
    edit(
        &new.join("me/me.md"),
        "| inviteId | string | Y | ID associated with the invitation |  | 575ec8687ae143cd83dc4a97 |",
        "| inviteId | string | Y | ID associated with the invitation | 575ec8687ae143cd83dc4a97 |",
    );
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "diff".as_ref(),
            fixture("release-1.26.2").as_os_str(),
            new.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("error: {}/me/me.md:412: expected ", new.display())),
        "{stderr}"
    );
}
