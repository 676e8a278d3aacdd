//! A small deterministic generator (SplitMix64): the engine takes seeds, never entropy. Templates
//! draw their values with it, and the engine's tests draw their generated cases with it.

/// The sequence of numbers that follows from a seed.
pub struct SeededSequence(pub u64);

impl SeededSequence {
    /// The next number, all 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..count` (0 when `count` is 0).
    pub fn below(&mut self, count: u64) -> u64 {
        if count == 0 {
            0
        } else {
            self.next_u64() % count
        }
    }

    /// A number in [0, 1), from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How many generated cases a test that compares with std draws: a tenth of `count` in `make
/// test`, all of them with `AP_LONG_TESTS=1` (`make test-long`).
#[cfg(test)]
pub fn rounds(count: usize) -> usize {
    if std::env::var_os("AP_LONG_TESTS").is_some_and(|value| value == "1") {
        count
    } else {
        count / 10
    }
}
