//! A proposed grouping of short Dutch texts (the ideas on an idea wall), as a
//! starting point for the facilitator's categorising: texts that share
//! meaningful word stems are grouped, and near-duplicates are flagged for
//! merging. Deterministic: the same texts give the same proposal.

use serde::{Deserialize, Serialize};

/// A proposed category: a label and the texts in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposedGroup {
    /// A short label: the most telling word of the group, as written.
    pub label: String,
    /// Indices into the input, ascending.
    pub members: Vec<usize>,
}

/// Two texts that say nearly the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    /// Index of the first text (the lower index).
    pub a: usize,
    /// Index of the second text.
    pub b: usize,
    /// Similarity from 0 to 1.
    pub similarity: f32,
}

/// The proposal: groups (each with at least two texts), and near-duplicates.
/// Texts in no group are left for the facilitator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Proposed groups, largest first.
    pub groups: Vec<ProposedGroup>,
    /// Pairs of near-duplicates, most similar first.
    pub near_duplicates: Vec<NearDuplicate>,
}
