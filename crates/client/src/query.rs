//! A request's query pairs: each name, and its value's text, kept without an allocation where
//! it can be (a boolean's static text, an integer's digits inline).

use std::borrow::Cow;
use std::fmt;

/// One query pair of a request: its name, and its value's text.
pub(crate) type QueryPair = (Cow<'static, str>, QueryText);

/// The text of a query value, kept without an allocation where it can be: a boolean's (or any
/// static) text, an integer's digits inline; other text owned.
#[derive(Clone)]
pub(crate) enum QueryText {
    Owned(String),
    Static(&'static str),
    /// An `i64`'s decimal digits (at most 20 bytes, sign included).
    Digits {
        bytes: [u8; 20],
        len: u8,
    },
}

impl QueryText {
    /// `value` in decimal, as `to_string` writes it.
    pub(crate) fn integer(value: i64) -> QueryText {
        let mut buffer = itoa::Buffer::new();
        let digits = buffer.format(value).as_bytes();
        let mut bytes = [0; 20];
        bytes[..digits.len()].copy_from_slice(digits);
        QueryText::Digits {
            bytes,
            len: digits.len() as u8,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            QueryText::Owned(text) => text,
            QueryText::Static(text) => text,
            // Digits are ASCII: never the empty fallback.
            QueryText::Digits { bytes, len } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
        }
    }
}

impl From<String> for QueryText {
    fn from(text: String) -> QueryText {
        QueryText::Owned(text)
    }
}

impl From<&'static str> for QueryText {
    fn from(text: &'static str) -> QueryText {
        QueryText::Static(text)
    }
}

/// As the text it is.
impl fmt::Debug for QueryText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_integer_s_inline_digits_are_its_decimal_text() {
        for value in [0, 7, -1, 10, 1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(QueryText::integer(value).as_str(), value.to_string());
        }
    }
}
