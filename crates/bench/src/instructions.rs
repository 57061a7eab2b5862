//! Instruction counts from valgrind's callgrind: a count, not a time, so the same binary and
//! inputs give the same figure whatever else the machine is doing. The bench binary runs itself
//! under `valgrind --tool=callgrind --separate-threads=yes` and reads the files back here.

use std::path::Path;

/// Instructions of one run: the first thread's (the client's: the bench runs its calls on the
/// main thread's current-thread runtime) and the whole process's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstructionCount {
    pub client: u64,
    pub process: u64,
}

/// The `totals:` (or, failing that, `summary:`) figure of one callgrind output file.
pub fn total(text: &str) -> Option<u64> {
    let field = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|value| value.split_whitespace().next()?.parse().ok())
    };
    field("totals:").or_else(|| field("summary:"))
}

/// The counts of the run whose files are `dir/<stem>-01`, `dir/<stem>-02`, … (one per thread).
pub fn read_counts(dir: &Path, stem: &str) -> Result<InstructionCount, String> {
    let prefix = format!("{stem}-");
    let mut count = InstructionCount {
        client: 0,
        process: 0,
    };
    let mut first_thread = false;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(thread) = name.strip_prefix(&prefix) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        let total = total(&text).ok_or_else(|| format!("{name}: no `totals:` line"))?;
        count.process += total;
        if thread == "01" {
            count.client = total;
            first_thread = true;
        }
    }
    if !first_thread {
        return Err(format!(
            "callgrind wrote no file for the first thread ({})",
            dir.join(format!("{stem}-01")).display()
        ));
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_read_per_thread_and_summed() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "run-01",
            "events: Ir\nsummary: 900\nfn=main\n1 5\ntotals: 1000\n",
        );
        write("run-02", "events: Ir\ntotals: 250\n");
        write("other-01", "totals: 7\n");
        let count = read_counts(dir.path(), "run").unwrap();
        assert_eq!(
            count,
            InstructionCount {
                client: 1000,
                process: 1250
            }
        );
        assert!(read_counts(dir.path(), "missing").is_err());
        write("bad-01", "events: Ir\n");
        assert!(read_counts(dir.path(), "bad")
            .unwrap_err()
            .contains("bad-01"));
        assert_eq!(total("summary: 42\n"), Some(42));
    }
}
