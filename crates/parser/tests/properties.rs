//! Property tests: arbitrary and mutated documents never panic the parsers or the merge, and
//! every failure names the file it read and a line of it.
//!
//! Mutations start from the 1.26.2 fixture (and, for the `reference` parser alone, from the
//! JavaScript-flavoured page of `reference-js`): table cells dropped or swapped, lines duplicated
//! or dropped, JSON blocks corrupted, CRLF line ends; and non-UTF-8 bytes where a file is read.

mod common;

use proptest::prelude::*;
use wegnology_parser::{parse, reference, Documents, SpecError, FILES};

/// The four documents' fields with their file names.
fn field(docs: &mut Documents, which: usize) -> (&'static str, &mut String) {
    match which {
        0 => (FILES[1], &mut docs.reference),
        1 => (FILES[2], &mut docs.rest),
        2 => (FILES[3], &mut docs.js),
        _ => (FILES[4], &mut docs.schemas),
    }
}

/// One edit of a document's text; positions are taken modulo its length.
#[derive(Debug, Clone)]
enum Mutation {
    DropCell {
        line: usize,
        cell: usize,
    },
    SwapCells {
        line: usize,
        a: usize,
        b: usize,
    },
    DuplicateLine {
        line: usize,
    },
    DropLine {
        line: usize,
    },
    /// Inserts one of the characters that break JSON at a byte inside a `{ … }` block.
    CorruptJson {
        at: usize,
        with: char,
    },
    Crlf,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(line, cell)| Mutation::DropCell { line, cell }),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(line, a, b)| Mutation::SwapCells { line, a, b }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        any::<usize>().prop_map(|line| Mutation::DropLine { line }),
        (
            any::<usize>(),
            prop::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', 'x'])
        )
            .prop_map(|(at, with)| Mutation::CorruptJson { at, with }),
        Just(Mutation::Crlf),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let tables: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains('|'))
        .collect();
    match *mutation {
        Mutation::DropCell { line, cell } | Mutation::SwapCells { line, a: cell, .. }
            if tables.is_empty() =>
        {
            let _ = (line, cell);
        }
        Mutation::DropCell { line, cell } => {
            let i = tables[line % tables.len()];
            let mut cells: Vec<&str> = lines[i].split('|').collect();
            cells.remove(cell % cells.len());
            lines[i] = cells.join("|");
        }
        Mutation::SwapCells { line, a, b } => {
            let i = tables[line % tables.len()];
            let mut cells: Vec<&str> = lines[i].split('|').collect();
            let n = cells.len();
            cells.swap(a % n, b % n);
            lines[i] = cells.join("|");
        }
        Mutation::DuplicateLine { line } => {
            let i = line % lines.len();
            lines.insert(i, lines[i].clone());
        }
        Mutation::DropLine { line } => {
            let i = line % lines.len();
            lines.remove(i);
        }
        Mutation::CorruptJson { at, with } => {
            let braces: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
            if let Some(&start) = braces.get(at % braces.len().max(1)) {
                let mut text = text.to_string();
                let offset = (at / 7) % 40;
                let mut pos = (start + offset).min(text.len());
                while !text.is_char_boundary(pos) {
                    pos -= 1;
                }
                text.insert(pos, with);
                return text;
            }
        }
        Mutation::Crlf => return text.replace('\n', "\r\n"),
    }
    lines.join("\n")
}

/// A parse error names one of the documents and a line within it (or just past its end).
fn assert_names_file_and_line(docs: &Documents, error: SpecError) -> Result<(), TestCaseError> {
    let SpecError::Malformed { file, line, .. } = &error else {
        return Err(TestCaseError::fail(format!(
            "not a document error: {error}"
        )));
    };
    let text = match file.as_str() {
        "me/API_VERSION" => &docs.api_version,
        "me/me.md" => &docs.reference,
        "me/rest-api-me.txt" => &docs.rest,
        "me/js-client-me.txt" => &docs.js,
        "me/_schemas.md" => &docs.schemas,
        other => {
            return Err(TestCaseError::fail(format!(
                "unknown file {other}: {error}"
            )))
        }
    };
    let lines = text.lines().count().max(1);
    prop_assert!(
        *line >= 1 && *line <= lines + 1,
        "{error}: line outside 1..={}",
        lines + 1
    );
    Ok(())
}

/// The JavaScript-flavoured action reference page the `reference` parser's mutations start from.
const JS_PAGE: &str = "reference-js/gadget.md";

/// Cases per property: 4 properties run 1,024 cases in all.
const CASES: u32 = 256;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_documents_give_a_model_or_an_error_naming_file_and_line(
        edits in prop::collection::vec((0usize..4, mutation()), 1..4)
    ) {
        let mut docs = common::documents();
        for (which, edit) in &edits {
            let (_, text) = field(&mut docs, *which);
            *text = apply(text, edit);
        }
        if let Err(error) = parse(&docs) {
            assert_names_file_and_line(&docs, error)?;
        }
    }

    #[test]
    fn arbitrary_text_in_any_document_is_an_error_naming_file_and_line(
        which in 0usize..4,
        text in ".{0,400}",
    ) {
        let mut docs = common::documents();
        *field(&mut docs, which).1 = text;
        match parse(&docs) {
            // The JS page only cross-checks: without it every action is a reported gap.
            Ok(model) => prop_assert!(which == 2 && !model.diagnostics.is_empty(), "arbitrary text parsed as a document"),
            Err(error) => assert_names_file_and_line(&docs, error)?,
        }
    }

    #[test]
    fn reference_parser_gives_a_mutated_javascript_page_or_an_error_naming_file_and_line(
        edits in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut text = std::fs::read_to_string(common::fixture_dir(JS_PAGE)).unwrap();
        for edit in &edits {
            text = apply(&text, edit);
        }
        match reference::parse(JS_PAGE, &text) {
            Ok(page) => prop_assert!(!page.actions.is_empty()),
            Err(SpecError::Malformed { file, line, .. }) => {
                prop_assert_eq!(file, JS_PAGE);
                let lines = text.lines().count().max(1);
                prop_assert!(line >= 1 && line <= lines + 1, "line {} outside 1..={}", line, lines + 1);
            }
            Err(other) => prop_assert!(false, "not a document error: {other}"),
        }
    }

    #[test]
    fn arbitrary_bytes_are_text_or_an_error_naming_the_line(
        bytes in prop::collection::vec(any::<u8>(), 0..200)
    ) {
        match wegnology_parser::text("me/me.md", bytes.clone()) {
            Ok(text) => prop_assert_eq!(text.as_bytes(), &bytes[..]),
            Err(SpecError::Malformed { file, line, .. }) => {
                prop_assert_eq!(file, "me/me.md");
                let bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                prop_assert_eq!(line, 1 + bytes[..bad].iter().filter(|&&b| b == b'\n').count());
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}

/// Line ends are not content: CRLF documents give the same model.
#[test]
fn crlf_documents_give_the_same_model() {
    let docs = common::documents();
    let mut crlf = docs.clone();
    for which in 0..4 {
        let (_, text) = field(&mut crlf, which);
        *text = text.replace('\n', "\r\n");
    }
    assert_eq!(parse(&crlf).unwrap(), parse(&docs).unwrap());
}

/// A file that is not UTF-8 is named, with the line of the first bad byte, by `load`.
#[test]
fn a_non_utf8_file_is_named_with_its_line() {
    let dir = tempfile_dir();
    for name in FILES {
        std::fs::copy(
            common::fixture_dir("release-1.26.2").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    let mut bytes = std::fs::read(dir.join("me/rest-api-me.txt")).unwrap();
    let third_line = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    bytes.insert(third_line + 2, 0xff);
    std::fs::write(dir.join("me/rest-api-me.txt"), bytes).unwrap();
    let error = wegnology_parser::load(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        error,
        "me/rest-api-me.txt:3: expected UTF-8 text, found the byte 0xff"
    );
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wegnology-parser-utf8-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("me")).unwrap();
    dir
}
