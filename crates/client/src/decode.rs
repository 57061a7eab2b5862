//! How a success answer becomes the action's type: by its status and body.
//!
//! Most actions have one success answer, a JSON body of a type with a serde impl: [`json`], the
//! default, which every `DeserializeOwned` type gets through [`Answer`]. An action whose
//! documents list several success statuses with different bodies (`200` an `Application`, `202`
//! a `JobEnqueuedResult`) answers a generated enum, which has no serde impl: the generated code
//! implements [`Answer`] for it, choosing the variant by status and failing with
//! [`undocumented`] for a status its documents do not list. An action whose success answer is a
//! bodiless `undefined` (a `204`) answers `()` and is given [`nothing`] with
//! `Request::decode_with`.

use reqwest::StatusCode;
use serde::de::DeserializeOwned;

/// What a success answer is decoded into: a type the runtime can make from the answer's status
/// and body. Every `DeserializeOwned` type is one, decoded as JSON whatever the status
/// ([`json`]); a generated multi-status enum implements it itself:
///
/// ```
/// use wegnology::runtime::{decode, Answer, StatusCode};
///
/// #[derive(Debug, PartialEq)]
/// enum Export {
///     Ok(serde_json::Value),
///     Accepted(serde_json::Value),
/// }
///
/// impl Answer for Export {
///     fn decode(status: StatusCode, body: &[u8]) -> Result<Self, serde_json::Error> {
///         match status.as_u16() {
///             200 => decode::json(status, body).map(Export::Ok),
///             202 => decode::json(status, body).map(Export::Accepted),
///             _ => Err(decode::undocumented(status)),
///         }
///     }
/// }
///
/// let accepted = Export::decode(StatusCode::ACCEPTED, br#"{"jobQueued":true}"#).unwrap();
/// assert_eq!(accepted, Export::Accepted(serde_json::json!({"jobQueued": true})));
/// assert!(Export::decode(StatusCode::CREATED, b"{}").is_err());
/// ```
pub trait Answer: Sized {
    /// The answer of a success `status` whose body is `body`. A failure becomes
    /// `Error::Decode`, with the action and an excerpt of the body.
    fn decode(status: StatusCode, body: &[u8]) -> Result<Self, serde_json::Error>;
}

impl<T: DeserializeOwned> Answer for T {
    fn decode(status: StatusCode, body: &[u8]) -> Result<Self, serde_json::Error> {
        json(status, body)
    }
}

/// The body as JSON of `T`, whatever the status: what every action with one documented
/// success answer does (the default).
pub fn json<T: DeserializeOwned>(_status: StatusCode, body: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(body)
}

/// `()` for any body: for an action whose documents give its success answer no schema
/// (`undefined`, a `204 No Content`).
///
/// A `204` has no content by definition (RFC 9110 §15.3.5), so the usual body is empty, which
/// [`json`] would refuse as an early end of input; and when a server or a proxy in between does
/// send something (`{}`, `null`, a blank line), the documents promise nothing about it, so there
/// is nothing for the caller to read either. Accepting any body keeps a call that succeeded a
/// success.
pub fn nothing(_status: StatusCode, _body: &[u8]) -> Result<(), serde_json::Error> {
    Ok(())
}

/// The error of a decoder given a success status its action's documents do not list: it names
/// the status. The runtime keeps this message even for types holding secrets, whose other
/// decoding errors it withholds (it quotes no value of the body).
pub fn undocumented(status: StatusCode) -> serde_json::Error {
    use serde::de::Error as _;
    serde_json::Error::custom(format_args!(
        "{UNDOCUMENTED_PREFIX}{status}{UNDOCUMENTED_SUFFIX}"
    ))
}

const UNDOCUMENTED_PREFIX: &str = "the success status ";
const UNDOCUMENTED_SUFFIX: &str = " is not one the action's documents list";

/// Whether `error` is one [`undocumented`] made: a custom error (no position) with its words.
pub(crate) fn is_undocumented(error: &serde_json::Error) -> bool {
    if error.line() != 0 {
        return false;
    }
    let text = error.to_string();
    text.starts_with(UNDOCUMENTED_PREFIX) && text.ends_with(UNDOCUMENTED_SUFFIX)
}

/// A string of an answer, borrowed from the body where it has no escapes: what a string enum
/// (`string_enum!`) reads before it matches its values, so that only an unknown value is
/// copied.
#[doc(hidden)]
pub struct WireStr<'de>(std::borrow::Cow<'de, str>);

impl<'de> WireStr<'de> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for WireStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;

        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = WireStr<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(WireStr(std::borrow::Cow::Borrowed(v)))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(WireStr(std::borrow::Cow::Owned(v.to_string())))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(WireStr(std::borrow::Cow::Owned(v)))
            }
        }

        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_takes_any_body() {
        for body in [&b""[..], b"{}", b"null", b"\n", b"not json"] {
            assert!(nothing(StatusCode::NO_CONTENT, body).is_ok());
        }
        // JSON of `()` is `null` only: why `nothing` exists.
        assert!(json::<()>(StatusCode::NO_CONTENT, b"").is_err());
    }

    /// What the generated code does for a multi-status action: a type of this crate, with no serde
    /// impl, beside the blanket impl (the doc example and `tests/decoders.rs` do it downstream).
    enum Export {
        Ok(u8),
        Accepted(String),
    }

    impl Answer for Export {
        fn decode(status: StatusCode, body: &[u8]) -> Result<Self, serde_json::Error> {
            match status.as_u16() {
                200 => json(status, body).map(Export::Ok),
                202 => json(status, body).map(Export::Accepted),
                _ => Err(undocumented(status)),
            }
        }
    }

    #[test]
    fn a_type_of_this_crate_decodes_by_status() {
        assert!(matches!(
            Export::decode(StatusCode::OK, b"7"),
            Ok(Export::Ok(7))
        ));
        assert!(matches!(
            Export::decode(StatusCode::ACCEPTED, br#""queued""#),
            Ok(Export::Accepted(text)) if text == "queued"
        ));
        let error = Export::decode(StatusCode::NON_AUTHORITATIVE_INFORMATION, b"7");
        assert!(error.is_err_and(|e| is_undocumented(&e)));
    }

    #[test]
    fn an_undocumented_status_is_named_and_recognised() {
        let error = undocumented(StatusCode::CREATED);
        assert!(error.to_string().contains("201 Created"), "{error}");
        assert!(is_undocumented(&error));
        let parse = json::<u8>(StatusCode::OK, b"\"x\"").unwrap_err();
        assert!(!is_undocumented(&parse));
        use serde::de::Error as _;
        assert!(!is_undocumented(&serde_json::Error::custom("other")));
    }
}
