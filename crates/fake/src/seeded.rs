//! Deterministic numbers from the server's seed.
//!
//! Every generated value is a pure function of (seed, label, index) rather than the next draw of
//! a stateful generator, so the same query gives the same answer whatever was asked before it.

/// SplitMix64's finaliser: a well-mixed 64-bit value from any 64-bit input.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a, to turn a label into a number.
fn label_hash(label: &str) -> u64 {
    label.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// Values derived from one seed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seeded {
    seed: u64,
}

impl Seeded {
    pub(crate) fn new(seed: u64) -> Seeded {
        Seeded { seed }
    }

    /// A uniformly mixed number for `label` and `index`.
    pub(crate) fn value(self, label: &str, index: i64) -> u64 {
        mix(mix(self.seed ^ label_hash(label)) ^ index as u64)
    }

    /// A number in `low..=high` for `label` and `index`.
    pub(crate) fn range(self, label: &str, index: i64, low: u64, high: u64) -> u64 {
        let span = high.saturating_sub(low).saturating_add(1);
        low + self.value(label, index) % span.max(1)
    }

    /// A 24-hex-digit id, the shape of every id in the API.
    pub(crate) fn object_id(self, label: &str, index: i64) -> String {
        let high = self.value(label, index);
        let low = self.value(label, index ^ 0x5555_5555) as u32;
        format!("{high:016x}{low:08x}")
    }

    /// `count` bytes for `label` and `index`.
    pub(crate) fn bytes(self, label: &str, index: i64, count: usize) -> Vec<u8> {
        (0..count)
            .map(|i| {
                (self.value(label, index.wrapping_mul(1 << 16).wrapping_add(i as i64)) >> 24) as u8
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_values_other_seed_other_values() {
        let a = Seeded::new(7);
        let b = Seeded::new(7);
        let c = Seeded::new(8);
        assert_eq!(a.value("x", 3), b.value("x", 3));
        assert_ne!(a.value("x", 3), c.value("x", 3));
        assert_ne!(a.value("x", 3), a.value("y", 3));
        assert_eq!(a.object_id("user", 0).len(), 24);
        assert!((10..=20).contains(&a.range("r", 1, 10, 20)));
        assert_eq!(a.bytes("k", 0, 32), b.bytes("k", 0, 32));
    }
}
