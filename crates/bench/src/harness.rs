//! Interleaved rounds: two callers take turns, round after round, and each round gives one
//! ratio of their rates. The median of those ratios is the figure.
//!
//! Turns alternate (A then B, then B then A) and both callers run the same number of calls in
//! the same mode, so a burst of load from elsewhere on a shared machine lands on both sides
//! instead of on one.

use std::future::Future;
use std::time::Instant;

/// Why a measured call failed; the benchmark stops at the first one.
pub type CallError = Box<dyn std::error::Error + Send + Sync>;

/// One way of making one call, cheap to clone (clones share a connection pool).
pub trait Caller: Clone + Send + Sync + 'static {
    fn call(&self) -> impl Future<Output = Result<(), CallError>> + Send;
}

/// How calls are issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One call after another from one task.
    Sequential,
    /// This many tasks, each making its share of the calls one after another.
    InFlight(usize),
}

impl Mode {
    pub fn label(self) -> String {
        match self {
            Mode::Sequential => "sequential".to_string(),
            Mode::InFlight(n) => format!("{n} in flight"),
        }
    }
}

/// Makes `calls` calls and returns the rate in calls per second.
pub async fn rate<C: Caller>(caller: &C, mode: Mode, calls: usize) -> Result<f64, CallError> {
    let start = Instant::now();
    match mode {
        Mode::Sequential => {
            for _ in 0..calls {
                caller.call().await?;
            }
        }
        Mode::InFlight(tasks) => {
            let tasks = tasks.max(1);
            let mut handles = Vec::with_capacity(tasks);
            for task in 0..tasks {
                let share = calls / tasks + usize::from(task < calls % tasks);
                let caller = caller.clone();
                handles.push(tokio::spawn(async move {
                    for _ in 0..share {
                        caller.call().await?;
                    }
                    Ok::<(), CallError>(())
                }));
            }
            for handle in handles {
                handle.await??;
            }
        }
    }
    Ok(calls as f64 / start.elapsed().as_secs_f64())
}

/// The rates of two callers in interleaved rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub mode: Mode,
    pub calls_per_round: usize,
    /// Per round: (rate of A, rate of B) in calls per second.
    pub rounds: Vec<(f64, f64)>,
}

impl Comparison {
    /// Median over rounds of rate(A) / rate(B): above 1 means A makes more calls per second.
    pub fn median_ratio(&self) -> f64 {
        median(self.rounds.iter().map(|(a, b)| a / b).collect())
    }

    pub fn median_rate_a(&self) -> f64 {
        median(self.rounds.iter().map(|(a, _)| *a).collect())
    }

    pub fn median_rate_b(&self) -> f64 {
        median(self.rounds.iter().map(|(_, b)| *b).collect())
    }

    /// Lowest and highest per-round ratio, to show the spread.
    pub fn ratio_range(&self) -> (f64, f64) {
        let ratios: Vec<f64> = self.rounds.iter().map(|(a, b)| a / b).collect();
        let low = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let high = ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (low, high)
    }
}

/// Runs A and B in `rounds` interleaved rounds of `calls` calls each, after one untimed
/// warm-up round of each (connections opened, caches filled).
pub async fn compare<A: Caller, B: Caller>(
    a: &A,
    b: &B,
    mode: Mode,
    rounds: usize,
    calls: usize,
) -> Result<Comparison, CallError> {
    let warm_up = (calls / 4).max(1);
    rate(a, mode, warm_up).await?;
    rate(b, mode, warm_up).await?;
    let mut results = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (rate_a, rate_b) = if round % 2 == 0 {
            let rate_a = rate(a, mode, calls).await?;
            (rate_a, rate(b, mode, calls).await?)
        } else {
            let rate_b = rate(b, mode, calls).await?;
            (rate(a, mode, calls).await?, rate_b)
        };
        results.push((rate_a, rate_b));
    }
    Ok(Comparison {
        mode,
        calls_per_round: calls,
        rounds: results,
    })
}

/// The median (the mean of the middle two for an even count); NaN for no values.
pub fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn ratio_is_the_median_of_per_round_ratios() {
        let comparison = Comparison {
            mode: Mode::Sequential,
            calls_per_round: 1,
            rounds: vec![(10.0, 5.0), (9.0, 9.0), (3.0, 4.0)],
        };
        assert_eq!(comparison.median_ratio(), 1.0);
        assert_eq!(comparison.ratio_range(), (0.75, 2.0));
        assert_eq!(comparison.median_rate_a(), 9.0);
        assert_eq!(comparison.median_rate_b(), 5.0);
    }
}
