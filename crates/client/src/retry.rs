//! When a failed call is tried again, and after how long.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};

use crate::error::{retryable_status, Error};

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

/// Whether `error` is retried for a request that is (or is not) safe to repeat.
pub(crate) fn should_retry(error: &Error, repeatable: bool) -> bool {
    match error {
        // A connection that was never opened carried nothing: safe for any request.
        Error::Transport { source, .. } => repeatable || source.is_connect(),
        Error::Api { status, .. } => repeatable && retryable_status(*status),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
