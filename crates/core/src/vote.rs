//! Prioritisation votes: ballots, their rules, and the tallies (dot voting,
//! ranking of a top K with Borda points and the Schulze order, 100-points
//! allocation).
//!
//! Candidates are numbered `0..candidates` (the categories or ideas on the
//! ballot, frozen when the vote opens); a ballot refers to them by index.

use serde::{Deserialize, Serialize};

use crate::error::DomainError;

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

impl VoteMethod {
    /// Checks bounds: Dots 1..=20 dots, max_per_item 1..=dots; Ranking top_k
    /// 1..=10; Points total 10..=1000.
    ///
    /// Errors: [`DomainError::InvalidActivity`]`("vote-method")`.
    pub fn validated(self) -> Result<VoteMethod, DomainError> {
        let ok = match &self {
            VoteMethod::Dots { dots, max_per_item } => {
                (1..=20).contains(dots) && (1..=*dots).contains(max_per_item)
            }
            VoteMethod::Ranking { top_k } => (1..=10).contains(top_k),
            VoteMethod::Points { total } => (10..=1000).contains(total),
        };
        if ok {
            Ok(self)
        } else {
            Err(DomainError::InvalidActivity("vote-method"))
        }
    }

    /// Stable name: `"dots"`, `"ranking"` or `"points"` (the serde tag).
    pub fn name(&self) -> &'static str {
        match self {
            VoteMethod::Dots { .. } => "dots",
            VoteMethod::Ranking { .. } => "ranking",
            VoteMethod::Points { .. } => "points",
        }
    }
}

/// Checks and normalises a ballot for `candidates` candidates.
///
/// - Dots: an allocation with exactly `candidates` entries (else
///   [`DomainError::WrongAnswerType`]), each at most `max_per_item`
///   ([`DomainError::TooManyPerItem`]), together at most `dots`
///   ([`DomainError::TooManyDots`]) and more than 0 ([`DomainError::Empty`]).
/// - Points: an allocation with exactly `candidates` entries that add up to
///   exactly `total` ([`DomainError::PointsMustTotal`]).
/// - Ranking: 1 to `min(top_k, candidates)` candidate indices (none:
///   [`DomainError::Empty`], more: [`DomainError::InvalidRanking`]), each
///   below `candidates` ([`DomainError::NoSuchOption`]), none twice
///   ([`DomainError::InvalidRanking`]).
///
/// A ranking for an allocation method or vice versa is
/// [`DomainError::WrongAnswerType`]. A ballot that passes is already in its
/// canonical form, so it is returned unchanged.
pub fn check_ballot(
    method: &VoteMethod,
    candidates: usize,
    ballot: Ballot,
) -> Result<Ballot, DomainError> {
    check(method, candidates, &ballot)?;
    Ok(ballot)
}

/// The rules of [`check_ballot`], by reference so that [`tally`] can apply
/// them without cloning every ballot.
fn check(method: &VoteMethod, candidates: usize, ballot: &Ballot) -> Result<(), DomainError> {
    match (method, ballot) {
        (VoteMethod::Dots { dots, max_per_item }, Ballot::Allocation { points }) => {
            if points.len() != candidates {
                return Err(DomainError::WrongAnswerType);
            }
            if points.iter().any(|p| p > max_per_item) {
                return Err(DomainError::TooManyPerItem { max: *max_per_item });
            }
            // u64: the sum of many u32 entries must not wrap around to a
            // small, seemingly valid number.
            let sum: u64 = points.iter().map(|&p| u64::from(p)).sum();
            if sum > u64::from(*dots) {
                return Err(DomainError::TooManyDots { max: *dots });
            }
            if sum == 0 {
                return Err(DomainError::Empty);
            }
            Ok(())
        }
        (VoteMethod::Points { total }, Ballot::Allocation { points }) => {
            if points.len() != candidates {
                return Err(DomainError::WrongAnswerType);
            }
            let sum: u64 = points.iter().map(|&p| u64::from(p)).sum();
            if sum != u64::from(*total) {
                return Err(DomainError::PointsMustTotal { total: *total });
            }
            Ok(())
        }
        (VoteMethod::Ranking { top_k }, Ballot::Ranking { order }) => {
            if order.is_empty() {
                return Err(DomainError::Empty);
            }
            if order.len() > allowed_length(*top_k, candidates) {
                return Err(DomainError::InvalidRanking);
            }
            if order.iter().any(|&c| !in_range(c, candidates)) {
                return Err(DomainError::NoSuchOption);
            }
            if positions(candidates, order).is_none() {
                return Err(DomainError::InvalidRanking);
            }
            Ok(())
        }
        (VoteMethod::Dots { .. } | VoteMethod::Points { .. }, Ballot::Ranking { .. })
        | (VoteMethod::Ranking { .. }, Ballot::Allocation { .. }) => {
            Err(DomainError::WrongAnswerType)
        }
    }
}

/// How many candidates a ranking may name: `top_k`, but never more than there
/// are candidates.
fn allowed_length(top_k: u32, candidates: usize) -> usize {
    usize::try_from(top_k).map_or(candidates, |k| k.min(candidates))
}

fn in_range(candidate: u32, candidates: usize) -> bool {
    usize::try_from(candidate).is_ok_and(|c| c < candidates)
}

/// Each candidate's position in `order` (0 = most preferred); every unranked
/// candidate gets `order.len()`, one place below the last ranked one, so
/// that "ranked beats unranked" and "unranked ties unranked" both fall out
/// of comparing positions. `None` when `order` names a candidate that does
/// not exist or names one twice.
fn positions(candidates: usize, order: &[u32]) -> Option<Vec<usize>> {
    let unranked = order.len();
    let mut pos = vec![unranked; candidates];
    for (i, &c) in order.iter().enumerate() {
        let slot = pos.get_mut(usize::try_from(c).ok()?)?;
        if *slot != unranked {
            return None;
        }
        *slot = i;
    }
    Some(pos)
}

/// Borda points for the candidate at `position` (0-based) in a top-`top_k`
/// ranking: K for the first, 1 for the K-th.
fn borda_points(top_k: u32, position: usize) -> u64 {
    let position = u64::try_from(position).unwrap_or(u64::MAX);
    u64::from(top_k).saturating_sub(position)
}

/// The results of a vote over the ballots as they are now (one per voter).
///
/// Ballots that [`check_ballot`] would refuse (wrong shape or length, out of
/// range, empty, not adding up) are skipped and not counted as voters; this
/// never panics. A voter's score for a candidate is its dots or points, or
/// its Borda points for a ranking. The result depends only on the set of
/// ballots, not on their order.
pub fn tally(method: &VoteMethod, candidates: usize, ballots: &[Ballot]) -> VoteResult {
    let counted: Vec<&Ballot> = ballots
        .iter()
        .filter(|b| check(method, candidates, b).is_ok())
        .collect();
    let voters = u64::try_from(counted.len()).unwrap_or(u64::MAX);

    let mut totals = vec![0u64; candidates];
    let mut supporters = vec![0u64; candidates];
    // Sums of squared scores, kept as exact integers: the spread is then
    // computed from integers only, so it does not depend on the order of the
    // ballots (float sums would, in the last bits).
    let mut squares = vec![0u128; candidates];
    let mut add = |c: usize, score: u64| {
        if score > 0 {
            totals[c] = totals[c].saturating_add(score);
            supporters[c] += 1;
            squares[c] = squares[c].saturating_add(u128::from(score) * u128::from(score));
        }
    };
    for ballot in &counted {
        match (method, ballot) {
            (VoteMethod::Ranking { top_k }, Ballot::Ranking { order }) => {
                for (i, &c) in order.iter().enumerate() {
                    // In range: checked above.
                    add(c as usize, borda_points(*top_k, i));
                }
            }
            (_, Ballot::Allocation { points }) => {
                for (c, &p) in points.iter().enumerate() {
                    add(c, u64::from(p));
                }
            }
            // check() refuses a ranking for an allocation method.
            (_, Ballot::Ranking { .. }) => {}
        }
    }

    let mut rows: Vec<VoteRow> = (0..candidates)
        .map(|c| {
            let total = totals[c];
            // Competition rank: how many do strictly better, plus one.
            let better = totals.iter().filter(|&&t| t > total).count();
            let equal = totals.iter().filter(|&&t| t == total).count();
            VoteRow {
                candidate: c as u32,
                rank: u32::try_from(better + 1).unwrap_or(u32::MAX),
                tied: equal > 1,
                total,
                supporters: supporters[c],
                share: ratio(supporters[c], voters),
                mean: ratio(total, voters),
                spread: spread(voters, total, squares[c]),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.candidate.cmp(&b.candidate)));

    let (schulze_tiers, methods_disagree) = match method {
        VoteMethod::Ranking { .. } if candidates > 0 => {
            let rankings: Vec<Vec<u32>> = counted
                .iter()
                .filter_map(|b| match b {
                    Ballot::Ranking { order } => Some(order.clone()),
                    Ballot::Allocation { .. } => None,
                })
                .collect();
            let tiers = schulze(candidates, &rankings);
            let disagree = borda_tiers(&rows) != tiers;
            (tiers, disagree)
        }
        _ => (Vec::new(), false),
    };

    VoteResult {
        voters,
        rows,
        schulze: schulze_tiers,
        methods_disagree,
    }
}

/// `part / whole`, 0 when nobody voted (never NaN).
fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Population standard deviation of `n` scores from their sum and the sum of
/// their squares: sqrt(n·Σs² − (Σs)²) / n. The numerator is computed exactly
/// in integers (it is never negative), so there is no cancellation error.
fn spread(n: u64, sum: u64, sum_of_squares: u128) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let numerator = u128::from(n)
        .saturating_mul(sum_of_squares)
        .saturating_sub(u128::from(sum) * u128::from(sum));
    (numerator as f64).sqrt() / n as f64
}

/// Groups rows (already sorted by total, best first, then by candidate) into
/// tiers of equal totals.
fn borda_tiers(rows: &[VoteRow]) -> Vec<Vec<u32>> {
    rows.chunk_by(|a, b| a.total == b.total)
        .map(|tier| tier.iter().map(|r| r.candidate).collect())
        .collect()
}

/// Borda points for rankings of a top K: the first gets K points, the K-th
/// gets 1, unranked candidates 0. The result has one entry per candidate.
///
/// A ranking that names a candidate that does not exist, names one twice, or
/// ranks more than `top_k` is skipped as a whole (as [`check_ballot`] would
/// refuse it).
pub fn borda(candidates: usize, top_k: u32, rankings: &[Vec<u32>]) -> Vec<u64> {
    let mut totals = vec![0u64; candidates];
    let max_len = usize::try_from(top_k).unwrap_or(usize::MAX);
    for order in rankings {
        if order.len() > max_len || positions(candidates, order).is_none() {
            continue;
        }
        for (i, &c) in order.iter().enumerate() {
            // In range: positions() checked it.
            let t = &mut totals[c as usize];
            *t = t.saturating_add(borda_points(top_k, i));
        }
    }
    totals
}

/// The Schulze order (strongest paths, winning votes) as tiers of tied
/// candidates, best first, each tier sorted ascending.
///
/// Candidate a beats b when the strongest path from a to b is stronger than
/// the one back. The first tier is the Schulze winners (beaten by nobody);
/// each next tier is the candidates beaten by nobody left after removing the
/// tiers before. So no candidate beats another of its own tier, and every
/// candidate is beaten by someone in the tier just above it. Not every
/// candidate above beats it, though: the relation is a strict partial
/// order, not always a ranking with ties (with a ~ b, b ~ c and a beating
/// c, the tiers are {a, b}, {c} although b and c tie).
///
/// A partial ranking prefers every ranked candidate over every unranked one;
/// unranked candidates are mutually indifferent. A ranking that names a
/// candidate that does not exist or names one twice is skipped. With no
/// ballots all candidates form one tier; with no candidates there are no
/// tiers.
pub fn schulze(candidates: usize, rankings: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let n = candidates;
    if n == 0 {
        return Vec::new();
    }
    // Flat n×n matrices, row-major: [a * n + b].
    // d: how many voters prefer a to b.
    let mut d = vec![0u64; n * n];
    for order in rankings {
        let Some(pos) = positions(n, order) else {
            continue;
        };
        // Only a ranked candidate can be preferred to another.
        for &a in order {
            let a = a as usize;
            for b in 0..n {
                if pos[a] < pos[b] {
                    d[a * n + b] += 1;
                }
            }
        }
    }

    // p: strength of the strongest path from a to b. Winning votes: a link
    // a→b exists only when a beats b, and its strength is the number of
    // voters who prefer a (not the margin).
    let mut p = vec![0u64; n * n];
    for a in 0..n {
        for b in 0..n {
            if a != b && d[a * n + b] > d[b * n + a] {
                p[a * n + b] = d[a * n + b];
            }
        }
    }
    // Floyd–Warshall for widest paths: allow paths through `via`.
    for via in 0..n {
        for a in 0..n {
            if a == via {
                continue;
            }
            for b in 0..n {
                if b == a || b == via {
                    continue;
                }
                let through = p[a * n + via].min(p[via * n + b]);
                if through > p[a * n + b] {
                    p[a * n + b] = through;
                }
            }
        }
    }

    // a beats b iff p[a][b] > p[b][a]. Schulze proves this relation
    // transitive, so among the remaining candidates there are always some
    // that nobody remaining beats: they form the next tier. It is not always
    // a strict weak order (a ~ b and b ~ c while a beats c happens), so the
    // tiers are layers: see the doc comment.
    let beats = |a: usize, b: usize| p[a * n + b] > p[b * n + a];
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut tiers = Vec::new();
    while !remaining.is_empty() {
        let (mut tier, rest): (Vec<usize>, Vec<usize>) = remaining
            .iter()
            .copied()
            .partition(|&b| !remaining.iter().any(|&a| beats(a, b)));
        if tier.is_empty() {
            // Unreachable for a transitive relation; rather than loop
            // forever, call whatever is left a tie.
            tier = rest;
            remaining = Vec::new();
        } else {
            remaining = rest;
        }
        tiers.push(tier.into_iter().map(|c| c as u32).collect());
    }
    tiers
}

#[cfg(test)]
mod tests;
