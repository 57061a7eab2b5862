//! Resident memory of a process making many calls: the current and peak resident set size
//! from `/proc/self/status` (Linux), sampled as the calls go.

use crate::harness::{CallError, Caller};

/// `VmRSS` and `VmHWM` (peak) in KiB, or `None` where `/proc` has no such figures.
pub fn rss_kib() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Resident memory after a number of sequential calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    pub calls: usize,
    pub rss_kib: u64,
    pub peak_kib: u64,
}

/// Makes `calls` sequential calls, sampling memory after each checkpoint (counts of calls
/// done, ascending).
pub async fn probe<C: Caller>(
    caller: &C,
    calls: usize,
    checkpoints: &[usize],
) -> Result<Vec<Sample>, CallError> {
    let mut samples = Vec::new();
    for done in 1..=calls {
        caller.call().await?;
        if checkpoints.contains(&done) {
            let (rss_kib, peak_kib) = rss_kib().ok_or("no /proc/self/status")?;
            samples.push(Sample {
                calls: done,
                rss_kib,
                peak_kib,
            });
        }
    }
    Ok(samples)
}
