//! Prioritisation votes: ballots, their rules, and the tallies (dot voting,
//! ranking of a top K with Borda points and the Schulze order, 100-points
//! allocation).
//!
//! Candidates are numbered `0..candidates` (the categories or ideas on the
//! ballot, frozen when the vote opens); a ballot refers to them by index.

use serde::{Deserialize, Serialize};

/// How participants vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum VoteMethod {
    /// Each voter places up to `dots` dots, at most `max_per_item` on one item.
    Dots {
        /// Dots per voter (1 to 20).
        dots: u32,
        /// Most dots on one item (1 to `dots`).
        max_per_item: u32,
    },
    /// Each voter ranks up to `top_k` items, best first.
    Ranking {
        /// How many items a voter ranks (1 to 10).
        top_k: u32,
    },
    /// Each voter divides exactly `total` points (e.g. 100) over the items.
    Points {
        /// Points per voter (10 to 1000).
        total: u32,
    },
}

/// One voter's ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Ballot {
    /// Dots or points per candidate, one entry per candidate in candidate order.
    Allocation {
        /// Dots or points per candidate.
        points: Vec<u32>,
    },
    /// Candidate indices, most preferred first.
    Ranking {
        /// Candidate indices in order of preference.
        order: Vec<u32>,
    },
}

/// One candidate's line in the results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRow {
    /// The candidate's index.
    pub candidate: u32,
    /// Competition rank, 1-based: candidates with equal totals share a rank
    /// ("1, 2, 2, 4").
    pub rank: u32,
    /// True when another candidate has the same rank.
    pub tied: bool,
    /// Dots, points, or Borda points in total.
    pub total: u64,
    /// Voters who gave this candidate anything (or ranked it).
    pub supporters: u64,
    /// `supporters / voters` (0 when nobody voted).
    pub share: f64,
    /// Mean score per voter, counting voters who gave it nothing as 0.
    pub mean: f64,
    /// Population standard deviation of the score per voter: low means the
    /// hall agrees on this item, high means opinions differ.
    pub spread: f64,
}

/// The results of a vote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteResult {
    /// Number of ballots counted (empty ballots are not counted).
    pub voters: u64,
    /// One row per candidate, by rank, then by candidate index.
    pub rows: Vec<VoteRow>,
    /// For a ranking: the Schulze order as tiers of candidates that tie
    /// (best tier first, each tier sorted by index). Empty for other methods.
    pub schulze: Vec<Vec<u32>>,
    /// For a ranking: true when the Borda order (tiers of equal totals) and
    /// the Schulze order differ. Always false for other methods.
    pub methods_disagree: bool,
}
