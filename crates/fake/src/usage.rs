//! Usage statistics: device, notebook-minute and payload counts over a requested range.
//!
//! Numbers are a pure function of the seed and the time bucket, so the same range gives the same
//! answer, and overlapping ranges agree on the buckets they share.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use crate::call::ApiError;
use crate::seeded::Seeded;

pub(crate) const DAY_MS: i64 = 86_400_000;

/// Largest accepted timestamp: the end of year 9999, so every date prints as RFC 3339.
pub(crate) const MAX_TIMESTAMP_MS: i64 = 253_402_300_799_999;

/// Most buckets in one answer; a longer range reports its most recent buckets only.
pub(crate) const MAX_BUCKETS: i64 = 1_000;

/// Default range when `start` is not given: this many days before `end`.
const DEFAULT_RANGE_DAYS: i64 = 30;

/// A range in ms since the epoch, both ends included, `0 <= start <= end <= MAX_TIMESTAMP_MS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeRange {
    pub start: i64,
    pub end: i64,
}

impl TimeRange {
    /// The range of a request: `end` defaults to now, `start` to 30 days before `end`.
    pub(crate) fn resolve(
        start: Option<i64>,
        end: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<TimeRange, ApiError> {
        let end = end.unwrap_or_else(|| now.timestamp_millis());
        let start = start.unwrap_or_else(|| end.saturating_sub(DEFAULT_RANGE_DAYS * DAY_MS).max(0));
        for (name, value) in [("start", start), ("end", end)] {
            if !(0..=MAX_TIMESTAMP_MS).contains(&value) {
                return Err(ApiError::validation(format!(
                    "`{name}` must be between 0 and {MAX_TIMESTAMP_MS} ms since the epoch"
                )));
            }
        }
        if start > end {
            return Err(ApiError::validation("`start` must not be after `end`"));
        }
        Ok(TimeRange { start, end })
    }

    /// The buckets of `resolution` ms that the range touches, as (bucket number, date), the
    /// date being the bucket's start or the range's start, whichever is later: always inside
    /// the range. At most [`MAX_BUCKETS`], the most recent ones.
    pub(crate) fn buckets(self, resolution: i64) -> Vec<(i64, i64)> {
        let resolution = resolution.max(1);
        let last = self.end / resolution;
        let first = (self.start / resolution).max(last - (MAX_BUCKETS - 1));
        (first..=last)
            .map(|bucket| (bucket, (bucket * resolution).max(self.start)))
            .collect()
    }
}

/// RFC 3339 with milliseconds, as the API writes dates.
pub(crate) fn date(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn range_header(range: TimeRange) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert("start".into(), Value::from(date(range.start)));
    object.insert("end".into(), Value::from(date(range.end)));
    object
}

/// Devices in the account at the end of day `day`: a line between weekly seeded levels, so it
/// drifts by a few devices a day rather than jumping.
fn device_total(seeded: Seeded, day: i64) -> i64 {
    let week = day.div_euclid(7);
    let into_week = day.rem_euclid(7);
    let level = |week: i64| seeded.range("device-level", week, 10, 40) as i64;
    level(week) + (level(week + 1) - level(week)) * into_week / 7
}

/// Device counts by day: `total` moves by `created - deleted` from one day to the next.
pub(crate) fn device_counts(seeded: Seeded, range: TimeRange) -> Value {
    let counts: Vec<Value> = range
        .buckets(DAY_MS)
        .into_iter()
        .map(|(day, date_ms)| {
            let total = device_total(seeded, day);
            let change = total - device_total(seeded, day - 1);
            let churn = seeded.range("device-churn", day, 0, 3) as i64;
            let created = change.max(0) + churn;
            let deleted = created - change;
            json!({"date": date(date_ms), "created": created, "deleted": deleted, "total": total})
        })
        .collect();
    let mut object = range_header(range);
    object.insert("counts".into(), Value::from(counts));
    Value::Object(object)
}

/// Notebook execution usage by day.
pub(crate) fn notebook_minute_counts(seeded: Seeded, range: TimeRange) -> Value {
    let counts: Vec<Value> = range
        .buckets(DAY_MS)
        .into_iter()
        .map(|(day, date_ms)| {
            let completed = seeded.range("notebook-completed", day, 0, 12);
            json!({
                "date": date(date_ms),
                "minutes": completed * seeded.range("notebook-minutes", day, 1, 9),
                "completed": completed,
                "canceled": seeded.range("notebook-canceled", day, 0, 1),
                "errored": seeded.range("notebook-errored", day, 0, 2),
                "timeout": seeded.range("notebook-timeout", day, 0, 1),
            })
        })
        .collect();
    let mut object = range_header(range);
    object.insert("counts".into(), Value::from(counts));
    Value::Object(object)
}

/// Where payloads of one category come from, in the documents' `source.kind` form.
fn payload_sources(category: &str) -> &'static [&'static str] {
    match category {
        "deviceState" => &["device.mqtt", "device.rest", "flow.flow"],
        "deviceConnect" | "deviceDisconnect" | "mqttIn" | "mqttOut" => &["device.mqtt"],
        "deviceCommand" => &["flow.flow", "public.rest"],
        "webhook" | "endpoint" => &["public.rest"],
        "timer" => &["timer.flow"],
        _ => &["flow.flow"],
    }
}

/// Rough size of one payload, for `asBytes`.
const BYTES_PER_PAYLOAD: u64 = 212;

/// Payload counts by category and source over the range. `categories` are the properties of
/// the documents' Payload Stats schema.
pub(crate) fn payload_stats(
    seeded: Seeded,
    range: TimeRange,
    categories: &[String],
    as_bytes: bool,
) -> Value {
    let days = range.buckets(DAY_MS);
    let mut stats = Map::new();
    for category in categories {
        let mut by_source = Map::new();
        for source in payload_sources(category) {
            let label = format!("payloads/{category}/{source}");
            let daily_high = seeded.range(&label, -1, 0, 2_000);
            let count: u64 = days
                .iter()
                .map(|(day, _)| seeded.range(&label, *day, 0, daily_high))
                .sum();
            let value = if as_bytes {
                count * BYTES_PER_PAYLOAD
            } else {
                count
            };
            if value > 0 {
                by_source.insert((*source).to_string(), Value::from(value));
            }
        }
        if !by_source.is_empty() {
            stats.insert(category.clone(), Value::Object(by_source));
        }
    }
    Value::Object(stats)
}

/// Payload counts per bucket of `resolution` ms.
pub(crate) fn payload_counts_breakdown(
    seeded: Seeded,
    range: TimeRange,
    resolution: i64,
    as_bytes: bool,
    include_non_billable: bool,
) -> Value {
    let label = format!("payload-breakdown/{resolution}");
    let high = (resolution / 40).max(1) as u64;
    let counts: Vec<Value> = range
        .buckets(resolution)
        .into_iter()
        .map(|(bucket, date_ms)| {
            let mut count = seeded.range(&label, bucket, 0, high);
            if include_non_billable {
                count += seeded.range("payload-breakdown/non-billable", bucket, 0, high / 10);
            }
            let value = if as_bytes {
                count * BYTES_PER_PAYLOAD
            } else {
                count
            };
            json!({"date": date(date_ms), "value": value})
        })
        .collect();
    let mut object = range_header(range);
    object.insert("counts".into(), Value::from(counts));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_stay_inside_the_range_and_are_bounded() {
        let range = TimeRange {
            start: 10 * DAY_MS + 5,
            end: 12 * DAY_MS,
        };
        let buckets = range.buckets(DAY_MS);
        assert_eq!(buckets.len(), 3);
        assert!(buckets
            .iter()
            .all(|(_, date)| (range.start..=range.end).contains(date)));

        let huge = TimeRange {
            start: 0,
            end: MAX_TIMESTAMP_MS,
        };
        let buckets = huge.buckets(3_600_000);
        assert_eq!(buckets.len() as i64, MAX_BUCKETS);
        assert_eq!(
            buckets.last().map(|b| b.1 / 3_600_000),
            Some(MAX_TIMESTAMP_MS / 3_600_000)
        );
    }

    #[test]
    fn device_totals_follow_created_and_deleted() {
        let seeded = Seeded::new(3);
        let range = TimeRange {
            start: 100 * DAY_MS,
            end: 140 * DAY_MS,
        };
        let value = device_counts(seeded, range);
        let counts = value["counts"].as_array().cloned().unwrap_or_default();
        assert_eq!(counts.len(), 41);
        for pair in counts.windows(2) {
            let before = pair[0]["total"].as_i64().unwrap_or_default();
            let after = &pair[1];
            let created = after["created"].as_i64().unwrap_or_default();
            let deleted = after["deleted"].as_i64().unwrap_or_default();
            assert!(created >= 0 && deleted >= 0);
            assert_eq!(
                before + created - deleted,
                after["total"].as_i64().unwrap_or_default()
            );
        }
    }
}
