//! One figure of the report, as the bench binary prints it for `cargo xtask bench` to collect.

use std::fmt;

/// A line `RECORD<TAB>section<TAB>figure<TAB>value<TAB>ratio<TAB>note`; fields hold no tabs
/// or newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub section: String,
    pub figure: String,
    pub value: String,
    /// Against the figure's baseline, e.g. `1.02×`; empty when there is none.
    pub ratio: String,
    pub note: String,
}

impl Record {
    pub const PREFIX: &'static str = "RECORD\t";

    pub fn new(section: &str, figure: impl Into<String>, value: impl Into<String>) -> Record {
        Record {
            section: section.to_string(),
            figure: figure.into(),
            value: value.into(),
            ratio: String::new(),
            note: String::new(),
        }
    }

    pub fn ratio(mut self, ratio: impl Into<String>) -> Record {
        self.ratio = ratio.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Record {
        self.note = note.into();
        self
    }

    /// Parses a line written by `Display`; `None` for any other line.
    pub fn parse(line: &str) -> Option<Record> {
        let fields: Vec<&str> = line.strip_prefix(Self::PREFIX)?.split('\t').collect();
        let [section, figure, value, ratio, note] = fields[..] else {
            return None;
        };
        Some(Record {
            section: section.into(),
            figure: figure.into(),
            value: value.into(),
            ratio: ratio.into(),
            note: note.into(),
        })
    }
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = |s: &str| s.replace(['\t', '\n'], " ");
        write!(
            f,
            "{}{}\t{}\t{}\t{}\t{}",
            Self::PREFIX,
            clean(&self.section),
            clean(&self.figure),
            clean(&self.value),
            clean(&self.ratio),
            clean(&self.note)
        )
    }
}

/// `12345.6` → `12,346`.
pub fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1.0234` → `1.02×`.
pub fn times(ratio: f64) -> String {
    format!("{ratio:.2}×")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_printing_and_parsing() {
        let record = Record::new("Per call", "get\tsequential", "7,300 calls/s")
            .ratio("1.01×")
            .note("line\nbreak");
        let parsed = Record::parse(&record.to_string()).unwrap();
        assert_eq!(parsed.figure, "get sequential");
        assert_eq!(parsed.note, "line break");
        assert_eq!(parsed.ratio, "1.01×");
        assert_eq!(Record::parse("progress: 3 rounds"), None);
    }

    #[test]
    fn number_formatting() {
        assert_eq!(thousands(1234567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(times(1.0234), "1.02×");
    }
}
