//! The search for similar texts within one cell of the duplicate search:
//! an inverted index over the activities' TF-IDF vectors with the pruning
//! of [`super::similarity::bounds`], so that of the many pairs in a cell only
//! those that can reach [`SIMILAR_TEXT`] are scored.

use super::duplicates::SIMILAR_TEXT;
use super::similarity::{Bounds, ROUNDING, Vector, bounds, cosine};
use super::small;

/// An activity's unindexed prefix (see [`Bounds`]).
#[derive(Clone, Copy)]
struct PrefixBound {
    /// Its length.
    len: usize,
    /// Its last feature (0 when empty: then nothing meets it anyway).
    last: u32,
    /// What it can add to a dot product at most.
    reach: f32,
    /// Its squared norm.
    squares: f32,
}

/// The index and buffers, reused from cell to cell.
pub(super) struct Search<'v> {
    /// Every activity's vector.
    vectors: &'v [Vector],
    /// Every activity's bounds.
    bounds: Vec<Bounds>,
    /// The same, for the unindexed prefix only, packed for the inner loop.
    prefixes: Vec<PrefixBound>,
    /// Per feature: (position in the cell, weight, norm of the features up
    /// to this one) of the members seen so far.
    postings: Vec<Vec<(u32, f32, f32)>>,
    /// Features with postings, to clear.
    touched: Vec<u32>,
    /// Per position in the cell: dot product with the current member over
    /// the earlier member's indexed features.
    acc: Vec<f32>,
    /// Positions with a non-zero dot product.
    hit: Vec<u32>,
}

impl<'v> Search<'v> {
    pub(super) fn new(vectors: &'v [Vector]) -> Search<'v> {
        let features = vectors
            .iter()
            .flatten()
            .map(|&(f, _)| f as usize + 1)
            .max()
            .unwrap_or(0);
        let bounds = bounds(vectors, SIMILAR_TEXT);
        let prefixes = bounds
            .iter()
            .zip(vectors)
            .map(|(b, v)| PrefixBound {
                len: b.prefix,
                last: v[..b.prefix].last().map_or(0, |&(f, _)| f),
                reach: b.reach[b.prefix],
                squares: b.squares[b.prefix],
            })
            .collect();
        Search {
            vectors,
            bounds,
            prefixes,
            postings: vec![Vec::new(); features],
            touched: Vec::new(),
            acc: Vec::new(),
            hit: Vec::new(),
        }
    }

    /// Calls `found(a, b, score)` for the pairs of `members` (ascending
    /// offer indices, a < b) with similarity at least [`SIMILAR_TEXT`].
    ///
    /// Each member is scored against the earlier members through an
    /// inverted index of their features, rarest feature first, with the
    /// pruning of [`bounds`]: an earlier member's common leading features
    /// are not indexed, and no new pair is started once what is left of the
    /// two vectors cannot reach the threshold (L2AP, Anastasiu and Karypis,
    /// 2014). A candidate's score is then completed with the features left
    /// out.
    pub(super) fn similar_pairs(&mut self, members: &[u32], mut found: impl FnMut(u32, u32, f32)) {
        let limit = SIMILAR_TEXT - ROUNDING;
        self.acc.clear();
        self.acc.resize(members.len(), 0.0);
        for (p, &i) in members.iter().enumerate() {
            let vector = &self.vectors[i as usize];
            let own = &self.bounds[i as usize];
            for (k, &(f, w)) in vector.iter().enumerate().rev() {
                // Features 0..=k are all that is left of this member.
                let admit = own.reach[k + 1] >= limit;
                let own_norm = own.squares[k + 1].sqrt();
                for &(q, wq, their_norm) in &self.postings[f as usize] {
                    let slot = &mut self.acc[q as usize];
                    if *slot == 0.0 {
                        // A member not met yet shares no rarer feature, so
                        // the pair is at most the product of the norms up
                        // to here.
                        if !admit || own_norm * their_norm < limit {
                            continue;
                        }
                        self.hit.push(q);
                    }
                    *slot += w * wq;
                }
            }
            for q in self.hit.drain(..) {
                let j = members[q as usize];
                let partial = std::mem::take(&mut self.acc[q as usize]);
                let theirs = self.prefixes[j as usize];
                if partial + theirs.reach < limit {
                    continue;
                }
                // This member's features up to the other's last unindexed
                // one are all that can meet the other's prefix.
                let upto = vector.partition_point(|&(f, _)| f <= theirs.last);
                if partial + (theirs.squares * own.squares[upto]).sqrt() < limit {
                    continue;
                }
                let other = &self.vectors[j as usize][..theirs.len];
                let score = (partial + cosine(&vector[..upto], other)).clamp(0.0, 1.0);
                if score >= SIMILAR_TEXT {
                    found(j, i, score);
                }
            }
            for (k, &(f, w)) in vector.iter().enumerate().skip(own.prefix) {
                let list = &mut self.postings[f as usize];
                if list.is_empty() {
                    self.touched.push(f);
                }
                list.push((small(p), w, own.squares[k + 1].sqrt()));
            }
        }
        for f in self.touched.drain(..) {
            self.postings[f as usize].clear();
        }
    }
}
