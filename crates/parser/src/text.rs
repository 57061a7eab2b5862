//! Small text rules shared by the document parsers: sentences every flavour writes alike.

use crate::error::SpecError;

/// Columns of the parameter tables of the action reference and the JS page (the same table,
/// flattened there).
pub(crate) const PARAM_HEADER: [&str; 6] = [
    "Name",
    "Type",
    "Required",
    "Description",
    "Default",
    "Example",
];
/// Columns of the response tables of every flavour.
pub(crate) const RESPONSE_HEADER: [&str; 3] = ["Code", "Type", "Description"];

/// A Required cell of `file`: `Y` or `N`.
pub(crate) fn required_cell(file: &str, cell: &str, line: usize) -> Result<bool, SpecError> {
    match cell {
        "Y" => Ok(true),
        "N" => Ok(false),
        other => Err(SpecError::malformed(
            file,
            line,
            format!("`Y` or `N` in the Required cell, found `{other}`"),
        )),
    }
}

/// Byte offset → 1-based line number.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        // memchr's search, not `match_indices`: the package's schemas page has 140,000 lines.
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// How the documents say an action needs no token: "No api access token is required to call
/// this action." (`me.md`, the JS page), "… to access this endpoint." (the REST page).
pub(crate) const NO_TOKEN: &str = "No api access token is required";

/// The scope list of an authentication sentence: `… the following scopes: all.User, me.*, or
/// me.get.` → `["all.User", "me.*", "me.get"]`; empty when it says no token is required
/// ([`NO_TOKEN`]). `None` when the sentence names no scopes.
pub(crate) fn parse_scopes(sentence: &str) -> Option<Vec<String>> {
    if sentence.contains(NO_TOKEN) {
        return Some(Vec::new());
    }
    let (_, list) = sentence.split_once("following scopes:")?;
    let list = list.trim().strip_suffix('.').unwrap_or(list.trim());
    let scopes: Vec<String> = list
        .split(',')
        .map(|s| s.trim())
        .map(|s| s.strip_prefix("or ").unwrap_or(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!scopes.is_empty()).then_some(scopes)
}

/// The list of a description's "Accepted values are: a, b, c" sentence, if it has one.
pub(crate) fn accepted_values(description: &str) -> Vec<String> {
    let Some((_, list)) = description.split_once("Accepted values are:") else {
        return Vec::new();
    };
    list.trim()
        .trim_end_matches('.')
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// A description as compared across documents: typographic apostrophes and runs of white space
/// differ between the publications without changing what they say.
pub(crate) fn normalize(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cells of a pipe-table row as written in the text flavours: `a | b | c |` → `[a, b, c]`.
/// A leading pipe is optional and one trailing pipe closes the row rather than opening a cell.
pub(crate) fn split_pipe_row(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split('|').map(|c| c.trim().to_string()).collect()
}

/// Appends `/key` to a JSON pointer; its length before, to truncate back to.
pub(crate) fn push_key(pointer: &mut String, key: &str) -> usize {
    let len = pointer.len();
    pointer.push('/');
    pointer.push_str(key);
    len
}

/// Appends `/index` to a JSON pointer; its length before, to truncate back to.
pub(crate) fn push_index(pointer: &mut String, index: usize) -> usize {
    use std::fmt::Write;
    let len = pointer.len();
    write!(pointer, "/{index}").expect("writing to a String cannot fail");
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_with_oxford_or() {
        let s = "The token must include at least one of the following scopes: all.User, me.*, or me.get.";
        assert_eq!(parse_scopes(s).unwrap(), ["all.User", "me.*", "me.get"]);
    }

    #[test]
    fn scopes_two_items() {
        let s = "at least one of the following scopes: all.User, or me.*.";
        assert_eq!(parse_scopes(s).unwrap(), ["all.User", "me.*"]);
        assert_eq!(parse_scopes("no scopes here"), None);
    }

    #[test]
    fn accepted_values_list() {
        let d = "Resolution in milliseconds. Accepted values are: 86400000, 3600000";
        assert_eq!(accepted_values(d), ["86400000", "3600000"]);
        assert!(accepted_values("Parent id").is_empty());
    }

    #[test]
    fn line_index_counts_from_one() {
        let index = LineIndex::new("a\nbc\n\nd");
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(5), 3);
        assert_eq!(index.line(6), 4);
    }

    #[test]
    fn pipe_rows_keep_inner_empty_cells() {
        assert_eq!(
            split_pipe_row("start | N | d | start=0 | |"),
            ["start", "N", "d", "start=0", ""]
        );
        assert_eq!(
            split_pipe_row("end | N | d | end=1 |"),
            ["end", "N", "d", "end=1"]
        );
        assert_eq!(split_pipe_row("---|"), ["---"]);
    }

    #[test]
    fn normalize_folds_apostrophes_and_space() {
        assert_eq!(normalize("user\u{2019}s  password "), "user's password");
    }
}
