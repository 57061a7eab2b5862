//! Values written as the official JS client writes them: JSON whose numbers are written as
//! `JSON.stringify` writes them, a whole number without a fraction (`300`, where serde_json
//! writes an `f64` as `300.0`). The JSON bodies, the JSON-text query values, the object fields
//! of a multipart body and the flattened query values are written so. The generated types
//! send their date-times as JavaScript sends a `Date` ([`date_time`]) and keep a `null` they
//! are given ([`keep_null`]).
//!
//! Imports nothing else of the crate.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

/// serde_json's compact formatter, but for whole `f64`s, written as JavaScript writes them.
struct JsNumbers;

impl Formatter for JsNumbers {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        match whole(value) {
            Some(text) => writer.write_all(text.as_bytes()),
            None => CompactFormatter.write_f64(writer, value),
        }
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        match whole(f64::from(value)) {
            Some(text) => writer.write_all(text.as_bytes()),
            None => CompactFormatter.write_f32(writer, value),
        }
    }
}

/// A whole number as JavaScript writes it: its digits without a fraction (`-0` as `0`); `None`
/// for a number with a fraction, and from 1e21 on, which JavaScript writes with an exponent
/// (serde_json's shortest form is then kept, as for every number with a fraction: the same as
/// JavaScript's from 1e-6 to 1e16 and at 1e21 and above, `1e+21`).
fn whole(value: f64) -> Option<String> {
    if !value.is_finite() || value.fract() != 0.0 || value.abs() >= 1e21 {
        return None;
    }
    // `Display` of an `f64` is its shortest round-trip digits, without exponent or `.0`: what
    // JavaScript's `Number.prototype.toString` gives below 1e21.
    Some(if value == 0.0 {
        "0".to_string()
    } else {
        format!("{value}")
    })
}

/// `value` as JSON bytes, its numbers as JavaScript writes them.
pub(crate) fn to_vec<V: Serialize + ?Sized>(value: &V) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, JsNumbers,
    ))?;
    Ok(out)
}

/// `value` as JSON text, its numbers as JavaScript writes them.
pub(crate) fn to_string<V: Serialize + ?Sized>(value: &V) -> serde_json::Result<String> {
    // serde_json writes UTF-8 only.
    String::from_utf8(to_vec(value)?).map_err(serde::ser::Error::custom)
}

/// A JSON number's text as JavaScript writes it (a flattened query value).
pub(crate) fn number_text(number: &serde_json::Number) -> String {
    match number.as_f64() {
        Some(value) if number.is_f64() => whole(value).unwrap_or_else(|| number.to_string()),
        _ => number.to_string(),
    }
}

/// The serializers of the generated types' date-time fields: written as JavaScript's
/// `Date.prototype.toISOString` writes them, always with milliseconds
/// (`2017-06-13T04:00:00.000Z`, where chrono writes `2017-06-13T04:00:00Z`); a time finer than
/// a millisecond, which a JavaScript `Date` cannot hold, keeps its digits.
pub mod date_time {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::Serializer;

    /// The text of `time`.
    pub fn text(time: &DateTime<Utc>) -> String {
        let format = if time.timestamp_subsec_nanos() % 1_000_000 == 0 {
            SecondsFormat::Millis
        } else {
            SecondsFormat::AutoSi
        };
        time.to_rfc3339_opts(format, true)
    }

    /// Serializes a date-time field.
    pub fn serialize<S: Serializer>(
        time: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&text(time))
    }

    /// Serializes an optional date-time field (`None` is skipped by the field's attributes).
    pub fn serialize_option<S: Serializer>(
        time: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => serialize(time, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// Decodes an optional member whose schema allows `null`, keeping a `null` that is there
/// (`Some(Value::Null)`, sent again as `null`) apart from a missing member (`None`, by the
/// field's `default`): serde decodes both as `None` by itself.
pub fn keep_null<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    serde::Deserialize::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers_are_written_as_javascript_writes_them() {
        let value = json!({"a": 300.0, "b": -2.0, "c": 0.5, "d": 1551887386704.0, "e": -0.0,
                           "f": 1e20, "g": 1e21, "h": 7, "i": [1.25, 4.0]});
        assert_eq!(
            to_string(&value).unwrap(),
            r#"{"a":300,"b":-2,"c":0.5,"d":1551887386704,"e":0,"f":100000000000000000000,"g":1e+21,"h":7,"i":[1.25,4]}"#
        );
        assert_eq!(to_vec(&f64::NAN).unwrap(), b"null");
        assert_eq!(to_string(&2.0f32).unwrap(), "2");
        let number = |v: serde_json::Value| match v {
            serde_json::Value::Number(n) => number_text(&n),
            _ => unreachable!(),
        };
        assert_eq!(number(json!(8883.0)), "8883");
        assert_eq!(number(json!(0.1)), "0.1");
        assert_eq!(number(json!(-5)), "-5");
    }

    #[test]
    fn a_null_is_kept_apart_from_a_missing_member() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct Patch {
            #[serde(
                default,
                deserialize_with = "keep_null",
                skip_serializing_if = "Option::is_none"
            )]
            version: Option<serde_json::Value>,
        }
        let null: Patch = serde_json::from_value(json!({"version": null})).unwrap();
        assert_eq!(null.version, Some(serde_json::Value::Null));
        assert_eq!(to_string(&null).unwrap(), r#"{"version":null}"#);
        let missing: Patch = serde_json::from_value(json!({})).unwrap();
        assert_eq!(missing.version, None);
        assert_eq!(to_string(&missing).unwrap(), "{}");
    }

    #[test]
    fn date_times_are_written_as_javascript_writes_them() {
        let time = |text: &str| text.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
        assert_eq!(
            date_time::text(&time("2017-06-13T04:00:00Z")),
            "2017-06-13T04:00:00.000Z"
        );
        assert_eq!(
            date_time::text(&time("2020-01-31T11:59:59.999Z")),
            "2020-01-31T11:59:59.999Z"
        );
        assert_eq!(
            date_time::text(&time("2020-01-31T11:59:59.999123Z")),
            "2020-01-31T11:59:59.999123Z"
        );
    }
}
