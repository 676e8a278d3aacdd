//! A small seeded pseudo-random number generator (SplitMix64) for the simulator only: the engine
//! stays free of randomness and receives seeds.

/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference code): one 64-bit state, good enough
/// for simulation, fully deterministic for its seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1) with 53 random bits.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in [low, high).
    pub fn next_between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.next_unit()
    }

    /// A whole number in [0, bound); 0 when `bound` is 0.
    pub fn next_below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        // Multiply-shift (Lemire) without the rejection step: the bias is below 2^-50 for our bounds.
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// A normally distributed number (Box-Muller; one of the pair is dropped for simplicity).
    pub fn next_normal(&mut self, mean: f64, standard_deviation: f64) -> f64 {
        let uniform_open = 1.0 - self.next_unit();
        let angle = std::f64::consts::TAU * self.next_unit();
        mean + standard_deviation * (-2.0 * uniform_open.ln()).sqrt() * angle.cos()
    }

    /// A log-normally distributed number with the given median and spread of its logarithm.
    pub fn next_log_normal(&mut self, median: f64, log_spread: f64) -> f64 {
        median * self.next_normal(0.0, log_spread).exp()
    }

    /// True with probability `probability`.
    pub fn next_bernoulli(&mut self, probability: f64) -> bool {
        self.next_unit() < probability
    }
}

/// A seed for an independent stream: mixes a seed with a stream number, so that, for example,
/// learner 7's answers and learner 7's session schedule never share random numbers.
pub fn derive_seed(seed: u64, stream: u64) -> u64 {
    let mut mixer = SplitMix64::new(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
    mixer.next_u64()
}

/// The stream numbers the simulator uses.
pub const STREAM_LEARNER_TRAITS: u64 = 1;
pub const STREAM_ANSWERS: u64 = 2;
pub const STREAM_SCHEDULE: u64 = 3;
pub const STREAM_RANDOM_POLICY: u64 = 4;
pub const STREAM_ENGINE_SEED: u64 = 5;
pub const STREAM_TRUTH_CHANCE: u64 = 6;
