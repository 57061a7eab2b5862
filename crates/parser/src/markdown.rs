//! Markdown documents as a flat list of blocks with line numbers.
//!
//! Both Markdown flavours (`me.md`, `_schemas.md`) are a sequence of headings, paragraphs, code
//! blocks, lists and tables; their parsers walk that sequence rather than raw events.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::SpecError;
use crate::text::{split_pipe_row, LineIndex};

/// Inline text with the last link target it contains, if any: `[Me](_schemas.md#me)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Inline {
    pub text: String,
    pub link: Option<String>,
    /// The `name` of an `<a name="…">` anchor inside it, if any.
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableRow {
    pub line: usize,
    pub cells: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Heading {
        level: u8,
        line: usize,
        inline: Inline,
    },
    Paragraph {
        line: usize,
        inline: Inline,
    },
    Code {
        line: usize,
        lang: String,
        text: String,
    },
    List {
        line: usize,
        items: Vec<(usize, Inline)>,
    },
    Table {
        line: usize,
        header: Vec<String>,
        rows: Vec<TableRow>,
    },
}

/// What is being collected while inside a container.
enum Open {
    Heading(u8, usize, Inline),
    Paragraph(usize, Inline),
    Code(usize, String, String),
    Table {
        line: usize,
        header: Vec<String>,
        rows: Vec<TableRow>,
        row: Option<TableRow>,
        cell: Option<Inline>,
    },
    List(usize, Vec<(usize, Inline)>, Option<(usize, Inline)>),
}

/// Splits `text` (the contents of `file`) into blocks. A table row whose cell count differs from
/// its header's is an error: GFM would silently pad it, hiding a lost cell.
pub(crate) fn blocks(file: &str, text: &str) -> Result<Vec<Block>, SpecError> {
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut table_width = 0usize;

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let line = index.line(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some(Open::Heading(heading_level(level), line, Inline::default()));
            }
            // Paragraphs inside list items or table cells belong to them.
            Event::Start(Tag::Paragraph) if open.is_none() => {
                open = Some(Open::Paragraph(line, Inline::default()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                open = Some(Open::Code(line, lang, String::new()));
            }
            Event::Start(Tag::Table(_)) => {
                open = Some(Open::Table {
                    line,
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: None,
                    cell: None,
                });
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let width = split_pipe_row(&text[range.clone()]).len();
                if let Some(Open::Table { header, row, .. }) = &mut open {
                    if header.is_empty() {
                        table_width = width;
                    } else if width != table_width {
                        return Err(SpecError::malformed(
                            file,
                            line,
                            format!(
                                "a table row of {table_width} cells ({}), found {width}",
                                header.join(" | ")
                            ),
                        ));
                    }
                    *row = Some(TableRow {
                        line,
                        cells: Vec::new(),
                    });
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(Open::Table { cell, .. }) = &mut open {
                    *cell = Some(Inline::default());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(Open::Table { row, cell, .. }) = &mut open {
                    if let (Some(row), Some(cell)) = (row.as_mut(), cell.take()) {
                        row.cells.push(trimmed(cell));
                    }
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(Open::Table { header, row, .. }) = &mut open {
                    if let Some(row) = row.take() {
                        *header = row.cells.into_iter().map(|c| c.text).collect();
                    }
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(Open::Table { rows, row, .. }) = &mut open {
                    rows.extend(row.take());
                }
            }
            Event::Start(Tag::List(_)) => open = Some(Open::List(line, Vec::new(), None)),
            Event::Start(Tag::Item) => {
                if let Some(Open::List(_, _, item)) = &mut open {
                    *item = Some((line, Inline::default()));
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(Open::List(_, items, item)) = &mut open {
                    items.extend(item.take().map(|(l, i)| (l, trimmed(i))));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(inline) = current_inline(&mut open) {
                    inline.link = Some(dest_url.to_string());
                }
            }
            Event::Text(t) | Event::Code(t) => match &mut open {
                Some(Open::Code(_, _, code)) => code.push_str(&t),
                _ => {
                    if let Some(inline) = current_inline(&mut open) {
                        inline.text.push_str(&t);
                    }
                }
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Some(inline) = current_inline(&mut open) {
                    inline.text.push(' ');
                }
            }
            Event::InlineHtml(html) => {
                if let Some(inline) = current_inline(&mut open) {
                    if let Some(name) = anchor_name(&html) {
                        inline.anchor = Some(name);
                    }
                }
            }
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::Table)
            | Event::End(TagEnd::List(_)) => {
                let closes_container = matches!(
                    (&event, &open),
                    (Event::End(TagEnd::Heading(_)), Some(Open::Heading(..)))
                        | (Event::End(TagEnd::Paragraph), Some(Open::Paragraph(..)))
                        | (Event::End(TagEnd::CodeBlock), Some(Open::Code(..)))
                        | (Event::End(TagEnd::Table), Some(Open::Table { .. }))
                        | (Event::End(TagEnd::List(_)), Some(Open::List(..)))
                );
                if closes_container {
                    out.extend(open.take().map(close));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn close(open: Open) -> Block {
    match open {
        Open::Heading(level, line, inline) => Block::Heading {
            level,
            line,
            inline: trimmed(inline),
        },
        Open::Paragraph(line, inline) => Block::Paragraph {
            line,
            inline: trimmed(inline),
        },
        Open::Code(line, lang, text) => Block::Code { line, lang, text },
        Open::Table {
            line, header, rows, ..
        } => Block::Table { line, header, rows },
        Open::List(line, items, _) => Block::List { line, items },
    }
}

fn current_inline(open: &mut Option<Open>) -> Option<&mut Inline> {
    match open.as_mut()? {
        Open::Heading(_, _, inline) | Open::Paragraph(_, inline) => Some(inline),
        Open::Table { cell, .. } => cell.as_mut(),
        Open::List(_, _, item) => item.as_mut().map(|(_, inline)| inline),
        Open::Code(..) => None,
    }
}

fn trimmed(mut inline: Inline) -> Inline {
    inline.text = inline.text.trim().to_string();
    inline
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `<a name="me-schema">` → `me-schema`.
fn anchor_name(html: &str) -> Option<String> {
    let rest = html.trim().strip_prefix("<a")?;
    let (_, value) = rest.split_once("name=\"")?;
    let (name, _) = value.split_once('"')?;
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_code_and_lines() {
        let doc = "# Title\n\nSome text\nmore.\n\n```json\n{}\n```\n";
        let blocks = blocks("t.md", doc).unwrap();
        assert_eq!(blocks.len(), 3);
        assert!(
            matches!(&blocks[0], Block::Heading { level: 1, line: 1, inline } if inline.text == "Title")
        );
        assert!(
            matches!(&blocks[1], Block::Paragraph { line: 3, inline } if inline.text == "Some text more.")
        );
        assert!(
            matches!(&blocks[2], Block::Code { line: 6, lang, text } if lang == "json" && text == "{}\n")
        );
    }

    #[test]
    fn table_cells_keep_links() {
        let doc = "| A | B |\n| - | - |\n| [Me](_schemas.md#me) | x |\n";
        let blocks = blocks("t.md", doc).unwrap();
        let Block::Table { header, rows, .. } = &blocks[0] else {
            panic!("not a table")
        };
        assert_eq!(header, &["A", "B"]);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].cells[0].text, "Me");
        assert_eq!(rows[0].cells[0].link.as_deref(), Some("_schemas.md#me"));
    }

    #[test]
    fn a_row_missing_a_cell_is_an_error() {
        let doc = "intro\n\n| A | B | C |\n| - | - | - |\n| 1 | 2 | 3 |\n| 1 | 2 |\n";
        let err = blocks("t.md", doc).unwrap_err().to_string();
        assert_eq!(
            err,
            "t.md:6: expected a table row of 3 cells (A | B | C), found 2"
        );
    }

    #[test]
    fn heading_anchor() {
        let doc = "### <a name=\"me-schema\"></a> Schema\n";
        let blocks = blocks("t.md", doc).unwrap();
        let Block::Heading { inline, .. } = &blocks[0] else {
            panic!("not a heading")
        };
        assert_eq!(inline.anchor.as_deref(), Some("me-schema"));
        assert_eq!(inline.text, "Schema");
    }
}
