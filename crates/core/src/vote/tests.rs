#![allow(clippy::unwrap_used)]
// The reference implementations index matrices as the definitions do.
#![allow(clippy::needless_range_loop)]

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn alloc(points: &[u32]) -> Ballot {
    Ballot::Allocation {
        points: points.to_vec(),
    }
}

fn rank(order: &[u32]) -> Ballot {
    Ballot::Ranking {
        order: order.to_vec(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn row(result: &VoteResult, candidate: u32) -> &VoteRow {
    result
        .rows
        .iter()
        .find(|r| r.candidate == candidate)
        .unwrap()
}

/// The ranking strings of the classic Wikipedia example, as candidate
/// indices (A = 0 … E = 4), repeated `count` times.
fn letters(groups: &[(usize, &str)]) -> Vec<Vec<u32>> {
    groups
        .iter()
        .flat_map(|&(count, order)| {
            let order: Vec<u32> = order.bytes().map(|b| u32::from(b - b'A')).collect();
            std::iter::repeat_n(order, count)
        })
        .collect()
}

fn wikipedia_example() -> Vec<Vec<u32>> {
    letters(&[
        (5, "ACBED"),
        (5, "ADECB"),
        (8, "BEDAC"),
        (3, "CABED"),
        (7, "CAEBD"),
        (2, "CBADE"),
        (7, "DCEBA"),
        (8, "EBADC"),
    ])
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

#[test]
fn validated_accepts_the_bounds_and_refuses_outside_them() {
    let bad = Err(DomainError::InvalidActivity("vote-method"));
    let dots = |dots, max_per_item| VoteMethod::Dots { dots, max_per_item };
    for ok in [
        dots(1, 1),
        dots(20, 1),
        dots(20, 20),
        dots(5, 3),
        VoteMethod::Ranking { top_k: 1 },
        VoteMethod::Ranking { top_k: 10 },
        VoteMethod::Points { total: 10 },
        VoteMethod::Points { total: 100 },
        VoteMethod::Points { total: 1000 },
    ] {
        assert_eq!(ok.clone().validated(), Ok(ok));
    }
    for wrong in [
        dots(0, 0),
        dots(0, 1),
        dots(21, 1),
        dots(5, 0),
        dots(5, 6),
        VoteMethod::Ranking { top_k: 0 },
        VoteMethod::Ranking { top_k: 11 },
        VoteMethod::Points { total: 9 },
        VoteMethod::Points { total: 1001 },
    ] {
        assert_eq!(wrong.validated(), bad);
    }
}

#[test]
fn names_are_stable_and_match_the_serde_tag() {
    for (method, name) in [
        (
            VoteMethod::Dots {
                dots: 3,
                max_per_item: 1,
            },
            "dots",
        ),
        (VoteMethod::Ranking { top_k: 3 }, "ranking"),
        (VoteMethod::Points { total: 100 }, "points"),
    ] {
        assert_eq!(method.name(), name);
        let json = serde_json::to_value(&method).unwrap();
        assert_eq!(json["method"], name);
    }
}

// ---------------------------------------------------------------------------
// check_ballot: every refusal
// ---------------------------------------------------------------------------

#[test]
fn dot_ballot_refusals() {
    let m = VoteMethod::Dots {
        dots: 5,
        max_per_item: 2,
    };
    assert_eq!(
        check_ballot(&m, 3, rank(&[0])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[1, 1])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[1, 1, 0, 0])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[3, 0, 0])),
        Err(DomainError::TooManyPerItem { max: 2 })
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[2, 2, 2])),
        Err(DomainError::TooManyDots { max: 5 })
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[0, 0, 0])),
        Err(DomainError::Empty)
    );
    // Huge entries must not wrap around to a small sum.
    let wide = VoteMethod::Dots {
        dots: 20,
        max_per_item: u32::MAX,
    };
    assert_eq!(
        check_ballot(&wide, 2, alloc(&[u32::MAX, 1])),
        Err(DomainError::TooManyDots { max: 20 })
    );
}

#[test]
fn points_ballot_refusals() {
    let m = VoteMethod::Points { total: 100 };
    assert_eq!(
        check_ballot(&m, 3, rank(&[0, 1])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[50, 50])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[50, 40, 0])),
        Err(DomainError::PointsMustTotal { total: 100 })
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[50, 40, 11])),
        Err(DomainError::PointsMustTotal { total: 100 })
    );
    assert_eq!(
        check_ballot(&m, 3, alloc(&[0, 0, 0])),
        Err(DomainError::PointsMustTotal { total: 100 })
    );
    assert_eq!(
        check_ballot(&m, 2, alloc(&[u32::MAX, 101])),
        Err(DomainError::PointsMustTotal { total: 100 })
    );
}

#[test]
fn ranking_ballot_refusals() {
    let top2 = VoteMethod::Ranking { top_k: 2 };
    let top5 = VoteMethod::Ranking { top_k: 5 };
    assert_eq!(
        check_ballot(&top2, 3, alloc(&[1, 0, 0])),
        Err(DomainError::WrongAnswerType)
    );
    assert_eq!(check_ballot(&top2, 3, rank(&[])), Err(DomainError::Empty));
    // More than top_k.
    assert_eq!(
        check_ballot(&top2, 3, rank(&[0, 1, 2])),
        Err(DomainError::InvalidRanking)
    );
    // More than there are candidates.
    assert_eq!(
        check_ballot(&top5, 3, rank(&[0, 1, 2, 0])),
        Err(DomainError::InvalidRanking)
    );
    assert_eq!(
        check_ballot(&top2, 3, rank(&[0, 3])),
        Err(DomainError::NoSuchOption)
    );
    assert_eq!(
        check_ballot(&top2, 3, rank(&[u32::MAX])),
        Err(DomainError::NoSuchOption)
    );
    assert_eq!(
        check_ballot(&top2, 3, rank(&[1, 1])),
        Err(DomainError::InvalidRanking)
    );
    assert_eq!(
        check_ballot(&top5, 0, rank(&[0])),
        Err(DomainError::InvalidRanking)
    );
}

#[test]
fn valid_ballots_come_back_unchanged() {
    let dots = VoteMethod::Dots {
        dots: 5,
        max_per_item: 2,
    };
    let points = VoteMethod::Points { total: 100 };
    let ranking = VoteMethod::Ranking { top_k: 3 };
    for (m, b) in [
        (&dots, alloc(&[2, 0, 2])),
        (&dots, alloc(&[0, 1, 0])),
        (&points, alloc(&[100, 0, 0])),
        (&points, alloc(&[33, 33, 34])),
        (&ranking, rank(&[2])),
        (&ranking, rank(&[2, 0, 1])),
    ] {
        assert_eq!(check_ballot(m, 3, b.clone()), Ok(b));
    }
}

// ---------------------------------------------------------------------------
// Tallies by hand
// ---------------------------------------------------------------------------

#[test]
fn dot_vote_with_a_tie_shows_the_tie() {
    let m = VoteMethod::Dots {
        dots: 3,
        max_per_item: 2,
    };
    let ballots = [alloc(&[2, 1, 0]), alloc(&[0, 1, 2]), alloc(&[1, 1, 0])];
    let r = tally(&m, 3, &ballots);
    assert_eq!(r.voters, 3);
    let order: Vec<(u32, u32, bool, u64)> = r
        .rows
        .iter()
        .map(|r| (r.candidate, r.rank, r.tied, r.total))
        .collect();
    assert_eq!(order, [(0, 1, true, 3), (1, 1, true, 3), (2, 3, false, 2)]);

    // Candidate 0 scores 2, 0, 1.
    let c0 = row(&r, 0);
    assert_eq!(c0.supporters, 2);
    assert!(close(c0.share, 2.0 / 3.0));
    assert!(close(c0.mean, 1.0));
    assert!(close(c0.spread, (2.0f64 / 3.0).sqrt()));
    // Candidate 1 scores 1, 1, 1: full agreement.
    let c1 = row(&r, 1);
    assert_eq!(c1.supporters, 3);
    assert!(close(c1.share, 1.0));
    assert!(close(c1.mean, 1.0));
    assert_eq!(c1.spread, 0.0);
    // Candidate 2 scores 0, 2, 0.
    let c2 = row(&r, 2);
    assert_eq!(c2.supporters, 1);
    assert!(close(c2.share, 1.0 / 3.0));
    assert!(close(c2.mean, 2.0 / 3.0));
    assert!(close(c2.spread, (8.0f64 / 9.0).sqrt()));

    assert!(r.schulze.is_empty());
    assert!(!r.methods_disagree);
}

#[test]
fn points_vote() {
    let m = VoteMethod::Points { total: 100 };
    let ballots = [alloc(&[50, 30, 20]), alloc(&[0, 30, 70])];
    let r = tally(&m, 3, &ballots);
    assert_eq!(r.voters, 2);
    let order: Vec<(u32, u32, bool, u64)> = r
        .rows
        .iter()
        .map(|r| (r.candidate, r.rank, r.tied, r.total))
        .collect();
    assert_eq!(
        order,
        [(2, 1, false, 90), (1, 2, false, 60), (0, 3, false, 50)]
    );
    let c0 = row(&r, 0);
    assert_eq!(c0.supporters, 1);
    assert!(close(c0.share, 0.5));
    assert!(close(c0.mean, 25.0));
    assert!(close(c0.spread, 25.0));
    let c1 = row(&r, 1);
    assert_eq!(c1.supporters, 2);
    assert!(close(c1.mean, 30.0));
    assert_eq!(c1.spread, 0.0);
    let c2 = row(&r, 2);
    assert!(close(c2.mean, 45.0));
    assert!(close(c2.spread, 25.0));
    assert!(r.schulze.is_empty());
    assert!(!r.methods_disagree);
}

#[test]
fn ballots_that_do_not_fit_are_skipped() {
    let m = VoteMethod::Points { total: 100 };
    let ballots = [
        alloc(&[100, 0, 0]),
        alloc(&[100, 0]),
        alloc(&[50, 0, 0]),
        rank(&[1]),
        alloc(&[0, 0, 100]),
    ];
    let r = tally(&m, 3, &ballots);
    assert_eq!(r.voters, 2);
    let totals: Vec<(u32, u64)> = r.rows.iter().map(|r| (r.candidate, r.total)).collect();
    assert_eq!(totals, [(0, 100), (2, 100), (1, 0)]);
}

#[test]
fn no_candidates_means_empty_results() {
    for m in [
        VoteMethod::Dots {
            dots: 3,
            max_per_item: 1,
        },
        VoteMethod::Ranking { top_k: 3 },
        VoteMethod::Points { total: 100 },
    ] {
        let r = tally(&m, 0, &[alloc(&[]), rank(&[]), rank(&[0]), alloc(&[1])]);
        assert_eq!(
            r,
            VoteResult {
                voters: 0,
                rows: vec![],
                schulze: vec![],
                methods_disagree: false,
            }
        );
    }
    assert!(schulze(0, &[vec![0]]).is_empty());
    assert!(borda(0, 3, &[vec![0]]).is_empty());
}

#[test]
fn borda_by_hand() {
    // Top 3 of 4: 3, 2, 1 points, unranked 0.
    let rankings = vec![vec![0, 1, 2], vec![1, 0], vec![3]];
    assert_eq!(borda(4, 3, &rankings), [3 + 2, 2 + 3, 1, 3]);
}

#[test]
fn borda_and_schulze_skip_rankings_that_are_not_ballots() {
    let good = vec![vec![0, 1]];
    let with_bad = vec![vec![0, 1], vec![2, 2], vec![5], vec![1, 0, 2]];
    // [1, 0, 2] is longer than top 2: skipped by Borda, fine for Schulze.
    assert_eq!(borda(3, 2, &with_bad), borda(3, 2, &good));
    assert_eq!(
        schulze(3, &[vec![0, 1], vec![2, 2], vec![5]]),
        schulze(3, &good)
    );
}

#[test]
fn schulze_wikipedia_example() {
    // https://en.wikipedia.org/wiki/Schulze_method#Example: E > A > C > B > D.
    let rankings = wikipedia_example();
    assert_eq!(rankings.len(), 45);
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    assert_eq!(schulze(5, &rankings), [[e], [a], [c], [b], [d]]);

    // Borda (5, 4, 3, 2, 1 points), counted by hand: A 143, B 137, C 134,
    // D 114, E 147. B and C swap places: the methods disagree.
    let ballots: Vec<Ballot> = rankings.iter().map(|o| rank(o)).collect();
    let r = tally(&VoteMethod::Ranking { top_k: 5 }, 5, &ballots);
    assert_eq!(r.voters, 45);
    let totals: Vec<(u32, u64, u32)> = r
        .rows
        .iter()
        .map(|r| (r.candidate, r.total, r.rank))
        .collect();
    assert_eq!(
        totals,
        [
            (e, 147, 1),
            (a, 143, 2),
            (b, 137, 3),
            (c, 134, 4),
            (d, 114, 5)
        ]
    );
    assert_eq!(r.schulze, [[e], [a], [c], [b], [d]]);
    assert!(r.methods_disagree);
}

#[test]
fn borda_and_schulze_disagree_on_a_small_hall() {
    // 3 voters A > B > C, 2 voters B > C > A.
    // Borda: A 3·3 + 2·1 = 11, B 3·2 + 2·3 = 12, C 3·1 + 2·2 = 7: B first.
    // Pairwise, A beats B 3:2 and C 3:2, and B beats C 5:0: Schulze A first.
    let mut ballots = vec![rank(&[0, 1, 2]); 3];
    ballots.extend(vec![rank(&[1, 2, 0]); 2]);
    let r = tally(&VoteMethod::Ranking { top_k: 3 }, 3, &ballots);
    let totals: Vec<(u32, u64)> = r.rows.iter().map(|r| (r.candidate, r.total)).collect();
    assert_eq!(totals, [(1, 12), (0, 11), (2, 7)]);
    assert_eq!(r.schulze, [[0], [1], [2]]);
    assert!(r.methods_disagree);
}

#[test]
fn schulze_ties_and_partial_rankings() {
    // No ballots: one tier.
    assert_eq!(schulze(3, &[]), [vec![0, 1, 2]]);
    // A cycle of equal strength: A > B > C > A, one voter each way.
    let cycle = vec![vec![0, 1, 2], vec![1, 2, 0], vec![2, 0, 1]];
    assert_eq!(schulze(3, &cycle), [vec![0, 1, 2]]);
    // Partial: ranked over unranked, unranked tied.
    assert_eq!(schulze(4, &[vec![2]]), [vec![2], vec![0, 1, 3]]);
    // Two opposite voters cancel out.
    assert_eq!(schulze(2, &[vec![0, 1], vec![1, 0]]), [vec![0, 1]]);
}

#[test]
fn schulze_tiers_are_layers_when_ties_do_not_chain() {
    // Pairwise: 0 and 1 tie 4:4, 1 and 2 tie 5:5, but 0 beats 2 4:2. The
    // tiers cannot say all of that; the winners 0 and 1 come first, then 2.
    let rankings = vec![
        vec![1],
        vec![1],
        vec![1],
        vec![1, 2],
        vec![0, 1],
        vec![0, 2],
        vec![0, 2],
        vec![0, 2],
        vec![2],
        vec![2],
    ];
    assert_eq!(schulze(3, &rankings), [vec![0, 1], vec![2]]);
}

#[test]
fn ranking_agreement_is_not_a_disagreement() {
    let ballots = vec![rank(&[1, 0]), rank(&[1]), rank(&[0, 1])];
    let r = tally(&VoteMethod::Ranking { top_k: 2 }, 3, &ballots);
    // Borda: 1 → 1 + 2 + 1 = 4, 0 → 1 + 0 + 2 = 3, 2 → 0.
    let totals: Vec<u64> = r.rows.iter().map(|r| r.total).collect();
    assert_eq!(totals, [5, 3, 0]);
    assert_eq!(r.schulze, [[1], [0], [2]]);
    assert!(!r.methods_disagree);
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn method() -> impl Strategy<Value = VoteMethod> {
    prop_oneof![
        (1u32..=20)
            .prop_flat_map(|dots| (Just(dots), 1..=dots))
            .prop_map(|(dots, max_per_item)| VoteMethod::Dots { dots, max_per_item }),
        (1u32..=10).prop_map(|top_k| VoteMethod::Ranking { top_k }),
        (10u32..=1000).prop_map(|total| VoteMethod::Points { total }),
    ]
}

fn allocation_method() -> impl Strategy<Value = VoteMethod> {
    method().prop_filter("an allocation method", |m| {
        !matches!(m, VoteMethod::Ranking { .. })
    })
}

/// A ranking of `1..=max_len` distinct candidates out of `n` (empty when
/// `n` is 0).
fn ranking(n: usize, max_len: usize) -> BoxedStrategy<Vec<u32>> {
    let all: Vec<u32> = (0..n as u32).collect();
    (Just(all).prop_shuffle(), 1..=max_len.max(1))
        .prop_map(|(mut order, len)| {
            order.truncate(len);
            order
        })
        .boxed()
}

/// A ballot that fits `method` (a dot ballot may still be all zeros).
fn fitting_ballot(method: &VoteMethod, n: usize) -> BoxedStrategy<Ballot> {
    match *method {
        VoteMethod::Dots { dots, max_per_item } => vec(0..=max_per_item, n)
            .prop_map(move |mut points| {
                let mut left = dots;
                for p in &mut points {
                    *p = (*p).min(left);
                    left -= *p;
                }
                points
            })
            // Capping from the front favours the first candidates; shuffle.
            .prop_shuffle()
            .prop_map(|points| Ballot::Allocation { points })
            .boxed(),
        VoteMethod::Points { total } => vec(0..=total, n.saturating_sub(1))
            .prop_map(move |mut cuts| {
                cuts.push(0);
                cuts.push(total);
                cuts.sort_unstable();
                Ballot::Allocation {
                    points: cuts.windows(2).map(|w| w[1] - w[0]).collect(),
                }
            })
            .boxed(),
        VoteMethod::Ranking { top_k } => ranking(n, (top_k as usize).min(n))
            .prop_map(|order| Ballot::Ranking { order })
            .boxed(),
    }
}

/// Anything at all, mostly not fitting.
fn garbage_ballot() -> BoxedStrategy<Ballot> {
    prop_oneof![
        vec(0u32..25, 0..10).prop_map(|points| Ballot::Allocation { points }),
        vec(0u32..10, 0..10).prop_map(|order| Ballot::Ranking { order }),
    ]
    .boxed()
}

fn some_ballot(method: &VoteMethod, n: usize) -> BoxedStrategy<Ballot> {
    prop_oneof![4 => fitting_ballot(method, n), 1 => garbage_ballot()].boxed()
}

/// A method, 1 to 8 candidates and up to 40 ballots, some not fitting.
fn vote() -> impl Strategy<Value = (VoteMethod, usize, Vec<Ballot>)> {
    (method(), 1usize..=8).prop_flat_map(|(m, n)| {
        let ballots = vec(some_ballot(&m, n), 0..40);
        (Just(m), Just(n), ballots)
    })
}

/// Sets of rankings of `n` candidates, at most `max_len` long, with ties
/// made likely and some rankings that must be skipped.
fn ranking_sets(n: usize, max_len: usize) -> BoxedStrategy<Vec<Vec<u32>>> {
    prop_oneof![
        vec(ranking(n, max_len), 0..40),
        // A few distinct rankings, repeated: equal pair counts, so ties.
        (vec(ranking(n, max_len), 1..4), vec(any::<Index>(), 0..40)).prop_map(|(pool, picks)| {
            picks
                .iter()
                .map(|i| pool[i.index(pool.len())].clone())
                .collect()
        }),
        // With some that are not rankings (repeats, unknown candidates).
        vec(
            prop_oneof![4 => ranking(n, max_len), 1 => vec(0u32..10, 0..6)],
            0..40
        ),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------
// Reference implementations, written from the definitions and shaped
// differently on purpose: nested Vec matrices filled pair by pair, strongest
// paths as "the highest threshold at which b is still reachable from a",
// and tiers from how many candidates beat each one.
// ---------------------------------------------------------------------------

fn ref_is_ranking(n: usize, order: &[u32]) -> bool {
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.len() == order.len() && order.iter().all(|&c| (c as usize) < n)
}

/// Does this voter prefer x to y?
fn ref_prefers(order: &[u32], x: usize, y: usize) -> bool {
    let place = |c: usize| order.iter().position(|&o| o as usize == c);
    match (place(x), place(y)) {
        (Some(i), Some(j)) => i < j,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Strongest path strengths p[a][b].
fn ref_strongest_paths(n: usize, rankings: &[Vec<u32>]) -> Vec<Vec<u64>> {
    let valid: Vec<&Vec<u32>> = rankings.iter().filter(|r| ref_is_ranking(n, r)).collect();
    let mut d = vec![vec![0u64; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            if i != j {
                *cell = valid.iter().filter(|r| ref_prefers(r, i, j)).count() as u64;
            }
        }
    }
    // Winning votes: a link only where the majority goes.
    let link = |i: usize, j: usize| if d[i][j] > d[j][i] { d[i][j] } else { 0 };
    let mut thresholds: Vec<u64> = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .map(|(i, j)| link(i, j))
        .filter(|&t| t > 0)
        .collect();
    thresholds.sort_unstable();
    thresholds.dedup();
    let mut p = vec![vec![0u64; n]; n];
    // Ascending, so the last threshold at which b is reachable is the largest.
    for &t in &thresholds {
        for a in 0..n {
            let mut reached = vec![false; n];
            let mut todo = vec![a];
            while let Some(x) = todo.pop() {
                for y in 0..n {
                    if y != x && !reached[y] && link(x, y) >= t {
                        reached[y] = true;
                        todo.push(y);
                    }
                }
            }
            for b in 0..n {
                if b != a && reached[b] {
                    p[a][b] = t;
                }
            }
        }
    }
    p
}

fn ref_beats(p: &[Vec<u64>], a: usize, b: usize) -> bool {
    p[a][b] > p[b][a]
}

/// Tiers as layers: a candidate's tier is the length of the longest chain
/// of candidates beating one another above it (0 for the winners).
fn ref_schulze(n: usize, rankings: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let p = ref_strongest_paths(n, rankings);
    let mut depth = vec![0usize; n];
    // n rounds of relaxation reach the longest chain (the relation has no
    // cycles; the strict-partial-order test below checks that).
    for _ in 0..n {
        for b in 0..n {
            for a in 0..n {
                if ref_beats(&p, a, b) {
                    depth[b] = depth[b].max(depth[a] + 1);
                }
            }
        }
    }
    let deepest = depth.iter().copied().max().unwrap_or(0);
    (0..=deepest)
        .map(|k| {
            (0..n)
                .filter(|&c| depth[c] == k)
                .map(|c| c as u32)
                .collect::<Vec<u32>>()
        })
        .filter(|tier| !tier.is_empty())
        .collect()
}

fn ref_borda(n: usize, top_k: u32, rankings: &[Vec<u32>]) -> Vec<u64> {
    let mut totals = vec![0u64; n];
    for r in rankings {
        if !ref_is_ranking(n, r) || r.len() > top_k as usize {
            continue;
        }
        let mut points = u64::from(top_k);
        for &c in r {
            totals[c as usize] += points;
            points -= 1;
        }
    }
    totals
}

fn ref_tiers_by_total(totals: &[u64]) -> Vec<Vec<u32>> {
    let mut levels = totals.to_vec();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    levels.dedup();
    levels
        .iter()
        .map(|&t| {
            (0..totals.len())
                .filter(|&c| totals[c] == t)
                .map(|c| c as u32)
                .collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    /// Equal totals always share a rank and are marked tied; the rank is the
    /// competition rank; rows are in order and name every candidate once.
    #[test]
    fn equal_totals_share_rank_and_are_tied((m, n, ballots) in vote()) {
        let r = tally(&m, n, &ballots);
        let mut seen: Vec<u32> = r.rows.iter().map(|r| r.candidate).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..n as u32).collect::<Vec<_>>());
        for pair in r.rows.windows(2) {
            prop_assert!(
                pair[0].total > pair[1].total
                    || (pair[0].total == pair[1].total && pair[0].candidate < pair[1].candidate)
            );
        }
        for a in &r.rows {
            let better = r.rows.iter().filter(|b| b.total > a.total).count() as u32;
            prop_assert_eq!(a.rank, better + 1);
            let others_equal = r.rows.iter().any(|b| b.candidate != a.candidate && b.total == a.total);
            prop_assert_eq!(a.tied, others_equal);
            for b in &r.rows {
                if a.total == b.total {
                    prop_assert_eq!(a.rank, b.rank);
                }
            }
        }
    }

    /// Without ballots: nobody voted, everything is 0 (not NaN), all tie.
    #[test]
    fn no_ballots_give_zeros_not_nan(m in method(), n in 0usize..=8) {
        let r = tally(&m, n, &[]);
        prop_assert_eq!(r.voters, 0);
        prop_assert_eq!(r.rows.len(), n);
        for row in &r.rows {
            prop_assert_eq!(row.total, 0);
            prop_assert_eq!(row.supporters, 0);
            prop_assert_eq!(row.rank, 1);
            prop_assert_eq!(row.tied, n > 1);
            prop_assert_eq!(row.share, 0.0);
            prop_assert_eq!(row.mean, 0.0);
            prop_assert_eq!(row.spread, 0.0);
        }
        let one_tier: Vec<Vec<u32>> = if n == 0 { vec![] } else { vec![(0..n as u32).collect()] };
        match m {
            VoteMethod::Ranking { .. } => prop_assert_eq!(r.schulze, one_tier),
            _ => prop_assert!(r.schulze.is_empty()),
        }
        prop_assert!(!r.methods_disagree);
    }

    /// One voter's ranking is the result: Borda rows in ballot order, then
    /// the unranked; Schulze ranked in order, then one tier of the unranked.
    #[test]
    fn single_voter_ranking_is_the_ballot(
        (top_k, n, order) in (1u32..=10, 1usize..=8)
            .prop_flat_map(|(k, n)| (Just(k), Just(n), ranking(n, (k as usize).min(n))))
    ) {
        let m = VoteMethod::Ranking { top_k };
        let r = tally(&m, n, &[rank(&order)]);
        prop_assert_eq!(r.voters, 1);
        let head: Vec<u32> = r.rows.iter().take(order.len()).map(|r| r.candidate).collect();
        prop_assert_eq!(&head, &order);
        for (i, row) in r.rows.iter().enumerate().take(order.len()) {
            prop_assert_eq!(row.total, u64::from(top_k) - i as u64);
            prop_assert_eq!(row.rank, i as u32 + 1);
            prop_assert!(!row.tied);
            prop_assert_eq!(row.share, 1.0);
            prop_assert_eq!(row.spread, 0.0);
        }
        let unranked: Vec<u32> = (0..n as u32).filter(|c| !order.contains(c)).collect();
        let tail: Vec<u32> = r.rows.iter().skip(order.len()).map(|r| r.candidate).collect();
        prop_assert_eq!(&tail, &unranked);
        for row in r.rows.iter().skip(order.len()) {
            prop_assert_eq!(row.total, 0);
            prop_assert_eq!(row.rank, order.len() as u32 + 1);
            prop_assert_eq!(row.tied, unranked.len() > 1);
        }
        let mut tiers: Vec<Vec<u32>> = order.iter().map(|&c| vec![c]).collect();
        if !unranked.is_empty() {
            tiers.push(unranked);
        }
        prop_assert_eq!(&schulze(n, std::slice::from_ref(&order)), &tiers);
        prop_assert_eq!(r.schulze, tiers);
        prop_assert!(!r.methods_disagree);
    }

    /// A voter changes their ballot while the vote is open: only the final
    /// version counts, wherever and in whatever order the store keeps the
    /// ballots.
    #[test]
    fn a_changed_ballot_counts_only_in_its_final_version(
        (m, n, ballots, changed, new, order) in vote().prop_flat_map(|(m, n, ballots)| {
            let len = ballots.len();
            (
                Just(m.clone()),
                Just(n),
                Just(ballots),
                any::<Index>(),
                some_ballot(&m, n),
                Just((0..len).collect::<Vec<usize>>()).prop_shuffle(),
            )
        })
    ) {
        // The store: one ballot per voter, the last one given.
        let mut store = std::collections::BTreeMap::new();
        for (voter, b) in ballots.iter().enumerate() {
            store.insert(voter, b.clone());
        }
        let voter = if ballots.is_empty() { 0 } else { changed.index(ballots.len()) };
        store.insert(voter, new.clone());
        // Newest first, as a store might return them.
        let mut current: Vec<Ballot> = store.values().cloned().collect();
        current.reverse();

        let mut replaced = ballots.clone();
        match replaced.get_mut(voter) {
            Some(slot) => *slot = new,
            None => replaced.push(new),
        }
        let expected = tally(&m, n, &replaced);
        prop_assert_eq!(&tally(&m, n, &current), &expected);

        // Any permutation of the same ballots gives the same result.
        if !order.is_empty() {
            let permuted: Vec<Ballot> = order.iter().map(|&i| replaced[i].clone()).collect();
            prop_assert_eq!(&tally(&m, n, &permuted), &expected);
        }
    }

    /// A participant who never votes leaves no ballot, and an empty ballot
    /// is not a vote: neither changes anything, and voters counts only
    /// ballots that are accepted.
    #[test]
    fn a_participant_who_never_votes_changes_nothing((m, n, ballots) in vote()) {
        let r = tally(&m, n, &ballots);
        let accepted = ballots.iter().filter(|b| check_ballot(&m, n, (*b).clone()).is_ok()).count();
        prop_assert_eq!(r.voters, accepted as u64);
        let nothing = match m {
            VoteMethod::Ranking { .. } => rank(&[]),
            _ => alloc(&vec![0; n]),
        };
        let mut with_silent = ballots.clone();
        with_silent.push(nothing.clone());
        with_silent.insert(0, nothing);
        prop_assert_eq!(tally(&m, n, &with_silent), r);
    }

    /// Totals and supporters are plain sums over the allocations.
    #[test]
    fn totals_are_the_sums_of_the_allocations(
        (m, n, ballots) in (allocation_method(), 1usize..=8).prop_flat_map(|(m, n)| {
            let ballots = vec(fitting_ballot(&m, n), 0..40);
            (Just(m), Just(n), ballots)
        })
    ) {
        let r = tally(&m, n, &ballots);
        let allocations: Vec<&Vec<u32>> = ballots
            .iter()
            .filter_map(|b| match b {
                Ballot::Allocation { points } => Some(points),
                Ballot::Ranking { .. } => None,
            })
            .collect();
        for row in &r.rows {
            let c = row.candidate as usize;
            let sum: u64 = allocations.iter().map(|p| u64::from(p[c])).sum();
            let given = allocations.iter().filter(|p| p[c] > 0).count() as u64;
            prop_assert_eq!(row.total, sum);
            prop_assert_eq!(row.supporters, given);
        }
        let grand: u64 = r.rows.iter().map(|r| r.total).sum();
        match m {
            VoteMethod::Points { total } => {
                prop_assert_eq!(r.voters, ballots.len() as u64);
                prop_assert_eq!(grand, r.voters * u64::from(total));
            }
            VoteMethod::Dots { dots, .. } => prop_assert!(grand <= r.voters * u64::from(dots)),
            VoteMethod::Ranking { .. } => {}
        }
    }

    /// Shares lie in [0, 1], supporters never exceed voters, and the
    /// statistics are finite and consistent with the totals.
    #[test]
    fn shares_lie_between_zero_and_one((m, n, ballots) in vote()) {
        let r = tally(&m, n, &ballots);
        for row in &r.rows {
            prop_assert!((0.0..=1.0).contains(&row.share), "share {}", row.share);
            prop_assert!(row.supporters <= r.voters);
            prop_assert!(row.mean.is_finite() && row.mean >= 0.0);
            prop_assert!(row.spread.is_finite() && row.spread >= 0.0);
            if r.voters > 0 {
                prop_assert!(close(row.share, row.supporters as f64 / r.voters as f64));
                prop_assert!((row.mean * r.voters as f64 - row.total as f64).abs() < 1e-6);
            }
        }
        if !matches!(m, VoteMethod::Ranking { .. }) {
            prop_assert!(r.schulze.is_empty());
            prop_assert!(!r.methods_disagree);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Production Schulze equals the reference; the "beats" relation is a
    /// strict partial order (Schulze's theorem) and the tiers are its
    /// layers.
    #[test]
    fn schulze_matches_the_reference(
        (n, rankings) in (1usize..=8).prop_flat_map(|n| (Just(n), ranking_sets(n, n)))
    ) {
        let tiers = schulze(n, &rankings);
        prop_assert_eq!(&tiers, &ref_schulze(n, &rankings));

        let p = ref_strongest_paths(n, &rankings);
        let beats = |a: usize, b: usize| ref_beats(&p, a, b);
        for a in 0..n {
            prop_assert!(!beats(a, a));
            for b in 0..n {
                for c in 0..n {
                    if beats(a, b) && beats(b, c) {
                        prop_assert!(beats(a, c), "not transitive: {} {} {}", a, b, c);
                    }
                }
            }
        }
        let mut all: Vec<u32> = tiers.concat();
        all.sort_unstable();
        prop_assert_eq!(all, (0..n as u32).collect::<Vec<_>>());
        for (k, tier) in tiers.iter().enumerate() {
            prop_assert!(!tier.is_empty());
            prop_assert!(tier.windows(2).all(|w| w[0] < w[1]));
            for &x in tier {
                for &y in tier {
                    prop_assert!(!beats(x as usize, y as usize));
                }
                // Beaten by someone just above, and by nobody below.
                if k > 0 {
                    prop_assert!(tiers[k - 1].iter().any(|&a| beats(a as usize, x as usize)));
                }
                for lower in &tiers[k + 1..] {
                    prop_assert!(lower.iter().all(|&b| !beats(b as usize, x as usize)));
                }
            }
        }
    }

    /// Production Borda equals the reference.
    #[test]
    fn borda_matches_the_reference(
        (n, top_k, rankings) in (1usize..=8, 1u32..=10).prop_flat_map(|(n, k)| {
            (Just(n), Just(k), ranking_sets(n, (k as usize).min(n)))
        })
    ) {
        prop_assert_eq!(borda(n, top_k, &rankings), ref_borda(n, top_k, &rankings));
    }

    /// A ranking vote's tally agrees with the references: Borda totals,
    /// Schulze tiers and whether the two disagree.
    #[test]
    fn ranking_tally_matches_the_reference(
        (n, top_k, rankings) in (1usize..=8, 1u32..=10).prop_flat_map(|(n, k)| {
            (Just(n), Just(k), ranking_sets(n, (k as usize).min(n)))
        })
    ) {
        let ballots: Vec<Ballot> = rankings.iter().map(|o| rank(o)).collect();
        let r = tally(&VoteMethod::Ranking { top_k }, n, &ballots);
        // What the tally counts: the rankings check_ballot accepts.
        let counted: Vec<Vec<u32>> = rankings
            .iter()
            .filter(|o| !o.is_empty() && o.len() <= top_k as usize && ref_is_ranking(n, o))
            .cloned()
            .collect();
        prop_assert_eq!(r.voters, counted.len() as u64);
        let totals = ref_borda(n, top_k, &counted);
        for row in &r.rows {
            prop_assert_eq!(row.total, totals[row.candidate as usize]);
        }
        let schulze_tiers = ref_schulze(n, &counted);
        prop_assert_eq!(&r.schulze, &schulze_tiers);
        prop_assert_eq!(r.methods_disagree, ref_tiers_by_total(&totals) != schulze_tiers);
    }
}
