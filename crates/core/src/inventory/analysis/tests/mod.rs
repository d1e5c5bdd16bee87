//! The analysis of the fixture inventory, whose right answers are worked out
//! by hand in each test.

mod diversity_and_coherence;
pub(crate) mod fixture;
mod gaps_and_duplicates;
mod preventiveness_and_contributions;
mod scale;
