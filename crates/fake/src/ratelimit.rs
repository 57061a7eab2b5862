//! Optional rate limiting per token: a token bucket of `burst` requests refilled at
//! `per_second`, answering 429 with `Retry-After` once it is empty. Off unless configured.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Most buckets kept; past it, full buckets (tokens idle long enough to be back at their
/// burst) are forgotten, which changes nothing for them.
const MAX_BUCKETS: usize = 10_000;

/// Requests per second allowed per token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Sustained requests per second (at least 1).
    pub per_second: u32,
    /// Requests that may come at once before the rate applies (at least 1).
    pub burst: u32,
}

impl RateLimit {
    /// `per_second` requests a second, with bursts of as many.
    pub fn per_second(per_second: u32) -> RateLimit {
        RateLimit {
            per_second: per_second.max(1),
            burst: per_second.max(1),
        }
    }
}

/// The outcome for one request, with what the rate-limit headers report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// When the next request would be allowed (zero if now).
    pub retry_after: Duration,
    /// When the bucket is full again.
    pub reset: Duration,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    available: f64,
    at: Instant,
}

#[derive(Debug)]
pub(crate) struct RateLimiter {
    limit: RateLimit,
    buckets: HashMap<String, Bucket>,
}

impl RateLimiter {
    pub(crate) fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter {
            limit: RateLimit {
                per_second: limit.per_second.max(1),
                burst: limit.burst.max(1),
            },
            buckets: HashMap::new(),
        }
    }

    /// Takes one request from `key`'s bucket if it has one.
    pub(crate) fn check(&mut self, key: &str, now: Instant) -> Decision {
        let rate = f64::from(self.limit.per_second);
        let burst = f64::from(self.limit.burst);
        let refilled = |bucket: &Bucket| {
            let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
            (bucket.available + elapsed * rate).min(burst)
        };
        if self.buckets.len() >= MAX_BUCKETS && !self.buckets.contains_key(key) {
            self.buckets.retain(|_, bucket| refilled(bucket) < burst);
        }
        let bucket = self.buckets.entry(key.to_string()).or_insert(Bucket {
            available: burst,
            at: now,
        });
        let mut available = refilled(bucket);
        let allowed = available >= 1.0;
        if allowed {
            available -= 1.0;
        }
        *bucket = Bucket { available, at: now };
        let seconds = |missing: f64| Duration::from_secs_f64((missing.max(0.0)) / rate);
        Decision {
            allowed,
            limit: self.limit.burst,
            remaining: available.floor() as u32,
            retry_after: if allowed {
                Duration::ZERO
            } else {
                seconds(1.0 - available)
            },
            reset: seconds(burst - available),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate_per_token() {
        let mut limiter = RateLimiter::new(RateLimit {
            per_second: 2,
            burst: 3,
        });
        let start = Instant::now();
        let allowed: Vec<bool> = (0..4).map(|_| limiter.check("a", start).allowed).collect();
        assert_eq!(allowed, [true, true, true, false]);
        let refused = limiter.check("a", start);
        assert!(!refused.allowed && refused.remaining == 0);
        assert_eq!(refused.retry_after, Duration::from_millis(500));
        // Another token has its own bucket.
        assert!(limiter.check("b", start).allowed);
        // Half a second later one request is back.
        let later = start + Duration::from_millis(500);
        assert!(limiter.check("a", later).allowed);
        assert!(!limiter.check("a", later).allowed);
    }
}
