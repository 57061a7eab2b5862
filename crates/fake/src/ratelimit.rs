//! Optional rate limiting per token, by `governor` (GCRA, the continuous form of a token
//! bucket): bursts of `burst` requests, refilled at `per_second`, and 429 with `Retry-After` once
//! a token's allowance is spent. Off unless configured.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::Quota;

/// Most tokens tracked; past it, tokens whose allowance is whole again are forgotten first,
/// which changes nothing for them.
const MAX_TRACKED: usize = 10_000;

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
    /// When the allowance is whole again.
    pub reset: Duration,
}

type Limiter<C> =
    governor::RateLimiter<String, DashMapStateStore<String>, C, StateInformationMiddleware>;

/// The limiter of a server: one allowance per key (the bearer token).
pub(crate) struct RateLimiter<C: Clock = DefaultClock> {
    per_second: NonZeroU32,
    burst: NonZeroU32,
    limiter: Limiter<C>,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("per_second", &self.per_second)
            .field("burst", &self.burst)
            .field("tracked", &self.limiter.len())
            .finish()
    }
}

impl RateLimiter {
    pub(crate) fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter::with_clock(limit, DefaultClock::default())
    }
}

impl<C: Clock> RateLimiter<C> {
    fn with_clock(limit: RateLimit, clock: C) -> RateLimiter<C> {
        let per_second = NonZeroU32::new(limit.per_second).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(limit.burst).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::per_second(per_second).allow_burst(burst);
        let limiter = governor::RateLimiter::dashmap_with_clock(quota, clock)
            .with_middleware::<StateInformationMiddleware>();
        RateLimiter {
            per_second,
            burst,
            limiter,
        }
    }

    /// Takes one request from `key`'s allowance if it has one.
    pub(crate) fn check(&self, key: &str) -> Decision {
        if self.limiter.len() >= MAX_TRACKED {
            self.limiter.retain_recent();
        }
        let per_request = Duration::from_secs(1) / self.per_second.get();
        let burst = self.burst.get();
        match self.limiter.check_key(&key.to_string()) {
            Ok(state) => {
                let remaining = state.remaining_burst_capacity();
                Decision {
                    allowed: true,
                    limit: burst,
                    remaining,
                    retry_after: Duration::ZERO,
                    reset: per_request * (burst - remaining.min(burst)),
                }
            }
            Err(not_until) => {
                let retry_after = not_until.wait_time_from(self.limiter.clock().now());
                Decision {
                    allowed: false,
                    limit: burst,
                    remaining: 0,
                    retry_after,
                    // The next request, then the rest of the burst.
                    reset: retry_after + per_request * (burst - 1),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    #[test]
    fn a_burst_then_the_rate_per_token() {
        let clock = FakeRelativeClock::default();
        let limiter = RateLimiter::with_clock(
            RateLimit {
                per_second: 2,
                burst: 3,
            },
            clock.clone(),
        );
        let decisions: Vec<Decision> = (0..3).map(|_| limiter.check("a")).collect();
        assert!(decisions.iter().all(|d| d.allowed));
        let remaining: Vec<u32> = decisions.iter().map(|d| d.remaining).collect();
        assert_eq!(remaining, [2, 1, 0]);
        assert_eq!(decisions[2].reset, Duration::from_millis(1_500));
        let refused = limiter.check("a");
        assert!(!refused.allowed && refused.remaining == 0);
        assert_eq!(refused.retry_after, Duration::from_millis(500));
        assert_eq!(refused.limit, 3);
        // Another token has its own allowance.
        assert!(limiter.check("b").allowed);
        // Half a second later one request is back.
        clock.advance(Duration::from_millis(500));
        assert!(limiter.check("a").allowed);
        assert!(!limiter.check("a").allowed);
    }

    #[test]
    fn tokens_back_to_a_whole_allowance_are_forgotten_first() {
        let clock = FakeRelativeClock::default();
        let limiter = RateLimiter::with_clock(RateLimit::per_second(1_000), clock.clone());
        for i in 0..MAX_TRACKED {
            limiter.check(&format!("token-{i}"));
        }
        assert_eq!(limiter.limiter.len(), MAX_TRACKED);
        clock.advance(Duration::from_secs(2));
        limiter.check("newcomer");
        assert!(
            limiter.limiter.len() < MAX_TRACKED,
            "{}",
            limiter.limiter.len()
        );
    }
}
