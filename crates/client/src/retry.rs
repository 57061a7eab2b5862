//! When a failed call is tried again, and after how long.

use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use reqwest::header::{HeaderMap, RETRY_AFTER};

use crate::Error;

/// How a client retries calls that failed in a way a later attempt may not.
///
/// Retried: connection failures, and answers 408, 409, 429 and 5xx. Only requests that are
/// safe to repeat are retried (`GET`, and actions the generator marks as safe to repeat); a
/// connection that could not be opened is retried for every request, since nothing was sent.
///
/// The pause before a retry is the answer's `Retry-After` (seconds or an HTTP date, at most
/// [`RetryPolicy::max_retry_after`]) when it has one, else an exponential backoff (the `backon`
/// crate's: from [`RetryPolicy::initial_delay`], doubling up to [`RetryPolicy::max_delay`], each
/// step plus a random jitter of up to the step itself). The
/// call's timeout bounds everything: a pause that would end after the deadline is not taken,
/// and the last error is returned at once.
///
/// Default: 2 retries, 200 ms initial delay, 5 s maximal delay, `Retry-After` up to 30 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every call is one attempt.
    pub fn none() -> RetryPolicy {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// How many times a call may be retried after its first attempt (`0`: never).
    pub fn max_retries(self, max_retries: u32) -> RetryPolicy {
        RetryPolicy {
            max_retries,
            ..self
        }
    }

    /// The backoff pause before the first retry (later ones double, plus jitter).
    pub fn initial_delay(self, initial_delay: Duration) -> RetryPolicy {
        RetryPolicy {
            initial_delay,
            ..self
        }
    }

    /// The longest backoff pause.
    pub fn max_delay(self, max_delay: Duration) -> RetryPolicy {
        RetryPolicy { max_delay, ..self }
    }

    /// The longest `Retry-After` honoured; a longer one is shortened to this.
    pub fn max_retry_after(self, max_retry_after: Duration) -> RetryPolicy {
        RetryPolicy {
            max_retry_after,
            ..self
        }
    }

    /// The number of retries allowed.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// The backoff schedule of one call (built only once a call fails).
    pub(crate) fn backoff(&self) -> ExponentialBackoff {
        ExponentialBuilder::default()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_jitter()
            .without_max_times()
            .build()
    }

    /// The pause before retrying after `error`: `Retry-After` (capped), else the next backoff step.
    pub(crate) fn pause(&self, error: &Error, backoff: &mut ExponentialBackoff) -> Duration {
        match error.retry_after() {
            Some(asked) => asked.min(self.max_retry_after),
            None => backoff.next().unwrap_or(self.max_delay),
        }
    }
}

/// Statuses a later identical request may not get: 408, 409, 429 and 5xx.
pub(crate) fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429 | 500..=599)
}

/// Whether `error` is retried for a request that is (or is not) safe to repeat.
pub(crate) fn should_retry(error: &Error, repeatable: bool) -> bool {
    match error {
        // A connection that was never opened carried nothing: safe for any request.
        Error::Transport { source, .. } => repeatable || source.is_connect(),
        Error::Api { status, .. } => repeatable && retryable_status(*status),
        _ => false,
    }
}

/// `Retry-After` as a duration: delta-seconds, or an HTTP date (a date in the past is zero).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(retry_after).unwrap());
        headers
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        assert_eq!(retry_after(&headers("7")), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        let waited = retry_after(&headers(&httpdate::fmt_http_date(later))).unwrap();
        assert!(waited > Duration::from_secs(100) && waited <= Duration::from_secs(120));
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn backoff_grows_with_jitter_and_stays_capped() {
        let policy = RetryPolicy::default()
            .initial_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(400));
        let pauses: Vec<Duration> = policy.backoff().take(5).collect();
        // Jitter adds up to one step on top of each step: [100, 200), [200, 400), then capped.
        assert!(pauses[0] >= Duration::from_millis(100) && pauses[0] < Duration::from_millis(200));
        assert!(pauses[1] >= Duration::from_millis(200) && pauses[1] < Duration::from_millis(400));
        for pause in &pauses[2..] {
            assert!(*pause >= Duration::from_millis(400) && *pause < Duration::from_millis(800));
        }
    }

    #[test]
    fn retryable_statuses() {
        for status in [408, 409, 429, 500, 502, 503, 504] {
            assert!(retryable_status(status), "{status}");
        }
        for status in [400, 401, 403, 404, 410, 422] {
            assert!(!retryable_status(status), "{status}");
        }
    }
}
