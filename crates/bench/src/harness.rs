//! Interleaved rounds: two callers take turns, round after round, and each round gives one
//! ratio of their rates. The median of those ratios is the figure.
//!
//! Within a round the callers take several short turns each, in the order A B B A A B …, and
//! both run the same number of calls in the same mode, so a burst of load from elsewhere on a
//! shared machine (or time stolen from a virtual machine by its host) lands on both sides
//! instead of on one: a round's ratio then moves far less than with one long turn per side.

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

/// CPU time the calling thread has used so far (nanoseconds), from `/proc/thread-self/schedstat`;
/// `None` where that is not available.
///
/// On a shared machine, CPU time per call is steadier than calls per second: time spent waiting
/// for a core does not count. On a current-thread runtime every task of the client (its calls and
/// its pooled connections) runs on this thread, so this is the client's whole cost, without the
/// server's.
pub fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Pins the calling thread to CPU `core` when the machine has more than one, so that the two
/// sides of a comparison and the server they share do not migrate between cores from one round
/// to the next. Whether it was pinned.
pub fn pin_to_core(core: usize) -> bool {
    let Some(cores) = core_affinity::get_core_ids() else {
        return false;
    };
    match cores.get(core) {
        Some(id) if cores.len() > 1 => core_affinity::set_for_current(*id),
        _ => false,
    }
}

/// Makes `calls` calls and returns the rate in calls per second.
pub async fn rate<C: Caller>(caller: &C, mode: Mode, calls: usize) -> Result<f64, CallError> {
    let turn = measure(caller, mode, calls).await?;
    Ok(calls as f64 / turn.seconds)
}

/// What one turn of calls took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Turn {
    /// Wall-clock seconds.
    pub seconds: f64,
    /// CPU nanoseconds of the calling thread (NaN when unknown; see [`thread_cpu_ns`]).
    pub cpu_ns: f64,
}

impl Turn {
    fn add(&mut self, other: Turn) {
        self.seconds += other.seconds;
        self.cpu_ns += other.cpu_ns;
    }
}

/// Makes `calls` calls; how long they took.
pub async fn measure<C: Caller>(caller: &C, mode: Mode, calls: usize) -> Result<Turn, CallError> {
    let cpu_start = thread_cpu_ns();
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
    let seconds = start.elapsed().as_secs_f64();
    let cpu_ns = match (cpu_start, thread_cpu_ns()) {
        (Some(before), Some(after)) => after.saturating_sub(before) as f64,
        _ => f64::NAN,
    };
    Ok(Turn { seconds, cpu_ns })
}

/// The rates of two callers in interleaved rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub mode: Mode,
    pub calls_per_round: usize,
    /// Per round: (rate of A, rate of B) in calls per second.
    pub rounds: Vec<(f64, f64)>,
    /// Per round: (CPU ns per call of A, of B) on the calling thread; NaN when unknown.
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

    /// How many rounds gave A a rate at least `ratio` times B's.
    pub fn rounds_at_least(&self, ratio: f64) -> usize {
        self.rounds.iter().filter(|(a, b)| a / b >= ratio).count()
    }

    /// Lowest and highest per-round ratio, to show the spread.
    pub fn ratio_range(&self) -> (f64, f64) {
        let ratios: Vec<f64> = self.rounds.iter().map(|(a, b)| a / b).collect();
        let low = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let high = ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (low, high)
    }
}

/// Runs A and B in `rounds` interleaved rounds of `calls` calls each, every round split into
/// `turns` turns per side taken in the order A B B A A B …, after one untimed warm-up of each
/// (connections opened, caches filled).
pub async fn compare<A: Caller, B: Caller>(
    a: &A,
    b: &B,
    mode: Mode,
    rounds: usize,
    calls: usize,
    turns: usize,
) -> Result<Comparison, CallError> {
    let warm_up = (calls / 4).max(1);
    rate(a, mode, warm_up).await?;
    rate(b, mode, warm_up).await?;
    let turns = turns.clamp(1, calls.max(1));
    let mut results = Vec::with_capacity(rounds);
    let mut cpu = Vec::with_capacity(rounds);
    let mut a_first = true;
    for _ in 0..rounds {
        let (mut of_a, mut of_b) = (Turn::default(), Turn::default());
        for turn in 0..turns {
            // The calls of a round, spread over its turns (the first ones take the remainder).
            let share = calls / turns + usize::from(turn < calls % turns);
            if a_first {
                of_a.add(measure(a, mode, share).await?);
                of_b.add(measure(b, mode, share).await?);
            } else {
                of_b.add(measure(b, mode, share).await?);
                of_a.add(measure(a, mode, share).await?);
            }
            a_first = !a_first;
        }
        let per_call = calls.max(1) as f64;
        results.push((calls as f64 / of_a.seconds, calls as f64 / of_b.seconds));
        cpu.push((of_a.cpu_ns / per_call, of_b.cpu_ns / per_call));
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
    fn thread_cpu_time_grows_with_work() {
        let Some(before) = thread_cpu_ns() else {
            return; // not Linux: the figure is reported as unknown
        };
        let mut sum = 0u64;
        for i in 0..20_000_000u64 {
            sum = sum.wrapping_add(std::hint::black_box(i));
        }
        std::hint::black_box(sum);
        assert!(thread_cpu_ns().expect("readable a moment ago") > before);
    }

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
        assert_eq!(comparison.rounds_at_least(1.0), 2);
        assert_eq!(comparison.median_rate_a(), 9.0);
        assert_eq!(comparison.median_rate_b(), 5.0);
    }
}
