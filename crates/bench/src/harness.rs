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

/// CPU time this process has used so far (all threads, nanoseconds), from
/// `/proc/self/task/*/schedstat`; `None` where that is not available.
///
/// On a shared machine, CPU time per call is steadier than calls per second: time the process
/// spends waiting for a core does not count.
pub fn process_cpu_ns() -> Option<u64> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// Makes `calls` calls and returns the rate in calls per second.
pub async fn rate<C: Caller>(caller: &C, mode: Mode, calls: usize) -> Result<f64, CallError> {
    Ok(measure(caller, mode, calls).await?.0)
}

/// Makes `calls` calls; the rate in calls per second and the process's CPU nanoseconds per
/// call (NaN when unknown; the canned server's thread counts too, alike for both sides).
pub async fn measure<C: Caller>(
    caller: &C,
    mode: Mode,
    calls: usize,
) -> Result<(f64, f64), CallError> {
    let cpu_start = process_cpu_ns();
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
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, process_cpu_ns()) {
        (Some(before), Some(after)) => after.saturating_sub(before) as f64 / calls.max(1) as f64,
        _ => f64::NAN,
    };
    Ok((calls as f64 / elapsed, cpu))
}

/// The rates of two callers in interleaved rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub mode: Mode,
    pub calls_per_round: usize,
    /// Per round: (rate of A, rate of B) in calls per second.
    pub rounds: Vec<(f64, f64)>,
    /// Per round: (CPU ns per call of A, of B), whole process; NaN when unknown.
    pub cpu_per_call: Vec<(f64, f64)>,
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

    /// Median over rounds of CPU per call of B ÷ of A: above 1 means A costs less CPU per call.
    pub fn median_cpu_ratio(&self) -> f64 {
        median(
            self.cpu_per_call
                .iter()
                .map(|(a, b)| b / a)
                .filter(|r| r.is_finite())
                .collect(),
        )
    }

    /// Median CPU nanoseconds per call of A and of B.
    pub fn median_cpu_per_call(&self) -> (f64, f64) {
        (
            median(self.cpu_per_call.iter().map(|(a, _)| *a).collect()),
            median(self.cpu_per_call.iter().map(|(_, b)| *b).collect()),
        )
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
    let mut cpu = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (of_a, of_b) = if round % 2 == 0 {
            let of_a = measure(a, mode, calls).await?;
            (of_a, measure(b, mode, calls).await?)
        } else {
            let of_b = measure(b, mode, calls).await?;
            (measure(a, mode, calls).await?, of_b)
        };
        results.push((of_a.0, of_b.0));
        cpu.push((of_a.1, of_b.1));
    }
    Ok(Comparison {
        mode,
        calls_per_round: calls,
        rounds: results,
        cpu_per_call: cpu,
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
            cpu_per_call: vec![(100.0, 110.0), (100.0, f64::NAN), (200.0, 100.0)],
        };
        assert_eq!(comparison.median_cpu_ratio(), 0.8);
        assert_eq!(comparison.median_ratio(), 1.0);
        assert_eq!(comparison.ratio_range(), (0.75, 2.0));
        assert_eq!(comparison.median_rate_a(), 9.0);
        assert_eq!(comparison.median_rate_b(), 5.0);
    }
}
