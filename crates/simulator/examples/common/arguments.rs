//! The arguments the diagnostic examples share: `[--truth bkt|growth] [--learners N] [--seed S]
//! BANK...` (a bank is a file, or `oatutor` for the converted sample).

use adaptive_practice_simulator::TruthModel;

/// The truth models, learners per cell, seed and bank arguments; 60 learners and seed 2 unless
/// given.
pub struct Arguments {
    pub truths: Vec<TruthModel>,
    pub learners: usize,
    pub seed: u64,
    pub paths: Vec<String>,
}

/// Reads the process's arguments.
pub fn read() -> Result<Arguments, String> {
    let mut arguments = std::env::args().skip(1);
    let mut read = Arguments {
        truths: TruthModel::ALL.to_vec(),
        learners: 60,
        seed: 2,
        paths: Vec::new(),
    };
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--truth" => {
                read.truths = vec![arguments
                    .next()
                    .and_then(|t| TruthModel::from_name(&t))
                    .ok_or("--truth bkt|growth")?]
            }
            "--learners" => {
                read.learners = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(60)
            }
            "--seed" => read.seed = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(2),
            _ => read.paths.push(argument),
        }
    }
    Ok(read)
}
