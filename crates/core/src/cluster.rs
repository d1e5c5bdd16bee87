//! A proposed grouping of short Dutch texts (the ideas on an idea wall), as a
//! starting point for the facilitator's categorising: texts that share
//! meaningful word stems are grouped, and near-duplicates are flagged for
//! merging. Deterministic: the same texts give the same proposal.
//!
//! # How
//!
//! 1. Each text becomes its meaningful words ([`stems`]): folded, stop words
//!    and short words dropped, Snowball Dutch stemmed.
//! 2. The stems of the whole wall are reconciled, because Snowball leaves
//!    derivations and compounds apart and Dutch is full of both:
//!    - a stem that is another stem of the wall plus a short ending (at most
//!      three letters) counts as that stem: "jongerenwerker" (from
//!      "jongerenwerkers") as "jongerenwerk", "kinder" (from "kinderen") as
//!      "kind";
//!    - a stem that starts or ends with another stem of the wall (at least
//!      four letters, the rest at least three) also carries that stem, at
//!      [`PART_WEIGHT`]: "alcoholvoorlicht" carries "alcohol" and
//!      "voorlicht", "sportclub" carries "sport". Only stems that occur on the
//!      wall as words of their own are used as parts, so nothing is guessed
//!      from a dictionary.
//! 3. Each text is a TF-IDF vector over those features (presence, not counts:
//!    a repeated word in a short idea does not make it more about that word),
//!    with a smoothed IDF, `ln((1 + n) / (1 + df)) + 1`, so that a word on
//!    half the wall (such as "jongeren" on a youth evening) weighs less than a
//!    telling one but still counts. Texts are compared by cosine similarity.
//! 4. Near-duplicates are the pairs with similarity at least
//!    [`NEAR_DUPLICATE_SIMILARITY`]. Groups come from average-linkage
//!    agglomerative clustering that stops when the two most similar groups
//!    are on average less similar than [`GROUP_SIMILARITY`]. Average linkage
//!    does not chain: one shared word between two otherwise different groups
//!    does not merge them, since every pair of members counts. A text that
//!    shares no feature with any other text has similarity 0 to all of them
//!    and stays ungrouped.
//!
//! Known limits: Snowball sometimes joins words that mean different things
//! ("openbaar" and "open" both stem to "open"; "ouders" and "ouderen" to
//! "ouder"), and the reconciling of step 2 can join a few more ("parkeren"
//! to "park"). Synonyms without a shared stem ("blowen" and "drugs") are not
//! recognised. The proposal is a starting point for the facilitator.

use std::collections::{BTreeMap, BTreeSet};

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;

use crate::words::normalize_word;

mod stopwords;
#[cfg(test)]
mod tests;

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

/// Cosine similarity from which two texts are flagged as near-duplicates.
///
/// With presence-weighted vectors, two texts with the same meaningful words
/// (after reconciling stems) score 1 ("Meer jongerenwerkers in de wijk" and
/// "meer jongerenwerk in wijken"), one extra word next to two or three shared
/// ones scores about 0.8, and one differing word on each side of two shared
/// ones about 0.67 or less: "the same idea, worded a bit differently" clears
/// 0.75, "the same topic, a different idea" ("Voorlichting over alcohol en
/// drugs voor jongeren" and "Drugs en lachgas: eerlijke voorlichting zonder
/// vingertje", about 0.43) does not.
pub const NEAR_DUPLICATE_SIMILARITY: f32 = 0.75;

/// Average cosine similarity from which two groups are merged.
///
/// Two short ideas that share one telling word out of three to six score
/// roughly 0.1–0.4. On realistic walls of five or six themes, the merges
/// within a theme happen at 0.105 and above, while themes linked only by a
/// word on much of the wall ("jongeren") average 0.035 or less; 0.1 keeps a
/// theme together without letting such words join themes. Higher values
/// split themes into pairs and triples ("gratis sportclub" apart from
/// "sporten in het park").
pub const GROUP_SIMILARITY: f32 = 0.1;

/// Words with fewer letters than this are dropped.
const MIN_WORD_CHARS: usize = 3;
/// A stem counts as another stem of the wall plus an ending if the ending has
/// at most this many letters…
const MAX_ENDING_CHARS: usize = 3;
/// …and the shorter stem at least this many. Also the least length of a
/// compound part.
const MIN_PART_CHARS: usize = 4;
/// The rest of a compound next to a recognised part has at least this many
/// letters.
const MIN_REST_CHARS: usize = 3;
/// Weight of a compound part relative to a whole word: a "sportclub" is
/// about sport, but less plainly than "sporten" is. At 0.5 the compounds on
/// the test walls fell out of their themes; at 1 a compound would count as
/// fully about each part.
pub const PART_WEIGHT: f32 = 0.7;

/// A meaningful word of a text: as written, and its stem.
#[derive(Debug)]
struct Word {
    surface: String,
    stem: String,
}

/// The meaningful word stems of a Dutch text, in text order: lower case,
/// accents folded, split on everything that is not a letter or digit, Dutch
/// stop words, words shorter than three letters and bare numbers dropped,
/// then Snowball Dutch stemmed.
pub fn stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::Dutch);
    meaningful_words(text, &stemmer)
        .into_iter()
        .map(|word| word.stem)
        .collect()
}

fn meaningful_words(text: &str, stemmer: &Stemmer) -> Vec<Word> {
    let mut words = Vec::new();
    // Combining marks stay with their letter ("cafe\u{301}" is one word).
    let tokens = text.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)));
    for token in tokens {
        // ASCII (most Dutch words) needs no decomposition; the fast path
        // gives what `normalize_word` would.
        let folded = if token.is_ascii() {
            token.to_ascii_lowercase()
        } else {
            normalize_word(token)
        };
        // Compatibility decomposition can bring in separators ("½" → "1⁄2").
        let pieces: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|piece| !piece.is_empty())
            .collect();
        let whole = pieces.len() == 1;
        for piece in pieces {
            if piece.chars().count() < MIN_WORD_CHARS
                || piece.chars().all(char::is_numeric)
                || stopwords::is_stop_word(piece)
            {
                continue;
            }
            let stem = stemmer.stem(piece);
            if stem.is_empty() {
                continue;
            }
            let surface = if whole {
                token.trim_start_matches(|c: char| !c.is_alphanumeric())
            } else {
                piece
            };
            words.push(Word {
                surface: surface.to_owned(),
                stem: stem.into_owned(),
            });
        }
    }
    words
}

/// Proposes groups and near-duplicates for the texts. See the module
/// documentation for the method.
pub fn propose(texts: &[&str]) -> Proposal {
    let stemmer = Stemmer::create(Algorithm::Dutch);
    let words: Vec<Vec<Word>> = texts
        .iter()
        .map(|text| meaningful_words(text, &stemmer))
        .collect();

    let all_stems: BTreeSet<&str> = words.iter().flatten().map(|w| w.stem.as_str()).collect();
    let canonical: BTreeMap<&str, &str> = all_stems
        .iter()
        .map(|&stem| (stem, canonical_stem(stem, &all_stems)))
        .collect();
    let canonical_stems: BTreeSet<&str> = canonical.values().copied().collect();
    let parts: BTreeMap<&str, Vec<&str>> = canonical_stems
        .iter()
        .map(|&stem| (stem, compound_parts(stem, &canonical_stems)))
        .collect();

    // Per text: canonical stem (as a whole word or a compound part) → weight.
    let features: Vec<BTreeMap<&str, f32>> = words
        .iter()
        .map(|text_words| {
            let mut weights: BTreeMap<&str, f32> = BTreeMap::new();
            for word in text_words {
                let Some(&stem) = canonical.get(word.stem.as_str()) else {
                    continue;
                };
                weights.insert(stem, 1.0);
                for &part in parts.get(stem).into_iter().flatten() {
                    weights.entry(part).or_insert(PART_WEIGHT);
                }
            }
            weights
        })
        .collect();

    let mut document_frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for &feature in features.iter().flat_map(BTreeMap::keys) {
        *document_frequency.entry(feature).or_insert(0) += 1;
    }
    // Smoothed IDF, plus one so that a word in every text still counts.
    let count = texts.len() as f32;
    let idf: BTreeMap<&str, (usize, f32)> = document_frequency
        .iter()
        .enumerate()
        .map(|(index, (&feature, &df))| {
            let idf = ((1.0 + count) / (1.0 + df as f32)).ln() + 1.0;
            (feature, (index, idf))
        })
        .collect();
    let vectors: Vec<Vec<(usize, f32)>> = features
        .iter()
        .map(|weights| tf_idf_vector(weights, &idf))
        .collect();

    // Cosine similarity of the unit vectors, summed feature by feature over
    // the texts that have it: only pairs that share something cost anything.
    let n = texts.len();
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); idf.len()];
    for (text, vector) in vectors.iter().enumerate() {
        for &(feature, weight) in vector {
            if let Some(list) = postings.get_mut(feature) {
                list.push((text, weight));
            }
        }
    }
    let mut similarity = vec![0.0_f32; n * n];
    for list in &postings {
        for (p, &(a, wa)) in list.iter().enumerate() {
            for &(b, wb) in &list[p + 1..] {
                similarity[a * n + b] += wa * wb;
            }
        }
    }
    for a in 0..n {
        for b in (a + 1)..n {
            // Rounding can overshoot 1 for identical vectors.
            let s = similarity[a * n + b].clamp(0.0, 1.0);
            similarity[a * n + b] = s;
            similarity[b * n + a] = s;
        }
    }

    let mut near_duplicates = Vec::new();
    for a in 0..n {
        for b in (a + 1)..n {
            let s = similarity[a * n + b];
            if s >= NEAR_DUPLICATE_SIMILARITY {
                near_duplicates.push(NearDuplicate {
                    a,
                    b,
                    similarity: s,
                });
            }
        }
    }
    near_duplicates.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });

    let mut groups: Vec<ProposedGroup> = average_linkage(&similarity, n, GROUP_SIMILARITY)
        .into_iter()
        .map(|members| ProposedGroup {
            label: label(&members, &words, &canonical, &features, &document_frequency),
            members,
        })
        .collect();
    groups.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then(x.members.first().cmp(&y.members.first()))
    });

    Proposal {
        groups,
        near_duplicates,
    }
}

/// The stem that `stem` counts as: the shortest stem of the wall of which it
/// is an extension by a short ending, followed as long as that applies again
/// ("abcdefgh" → "abcdef" → "abcd").
fn canonical_stem<'a>(stem: &'a str, all_stems: &BTreeSet<&str>) -> &'a str {
    let mut current = stem;
    while let Some(shorter) = shorter_form(current, all_stems) {
        current = shorter;
    }
    current
}

fn shorter_form<'a>(stem: &'a str, all_stems: &BTreeSet<&str>) -> Option<&'a str> {
    let total = stem.chars().count();
    stem.char_indices()
        .enumerate()
        .filter(|&(chars, _)| chars >= MIN_PART_CHARS && total - chars <= MAX_ENDING_CHARS)
        .map(|(_, (byte, _))| &stem[..byte])
        .find(|prefix| all_stems.contains(prefix))
}

/// The canonical stems of the wall that `stem` starts or ends with, as a
/// compound ("alcoholvoorlicht" → "alcohol", "voorlicht"), sorted.
fn compound_parts<'a>(stem: &'a str, canonical_stems: &BTreeSet<&str>) -> Vec<&'a str> {
    let total = stem.chars().count();
    let mut parts = Vec::new();
    for (chars, (byte, _)) in stem.char_indices().enumerate().skip(1) {
        let (head, tail) = stem.split_at(byte);
        let rest = total - chars;
        if chars >= MIN_PART_CHARS && rest >= MIN_REST_CHARS && canonical_stems.contains(head) {
            parts.push(head);
        }
        if rest >= MIN_PART_CHARS && chars >= MIN_REST_CHARS && canonical_stems.contains(tail) {
            parts.push(tail);
        }
    }
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// A unit-length TF-IDF vector, as (feature index, weight) sorted by index.
/// `idf` maps each feature of the wall to its index and inverse document
/// frequency; indices follow the key order, so iterating `weights` (a
/// `BTreeMap` too) yields them sorted. Empty if the text has no features.
fn tf_idf_vector(
    weights: &BTreeMap<&str, f32>,
    idf: &BTreeMap<&str, (usize, f32)>,
) -> Vec<(usize, f32)> {
    let mut vector: Vec<(usize, f32)> = weights
        .iter()
        .filter_map(|(feature, weight)| {
            let &(index, idf) = idf.get(feature)?;
            Some((index, weight * idf))
        })
        .collect();
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

/// Average-linkage agglomerative clustering over an `n`×`n` similarity
/// matrix: repeatedly merge the two most similar clusters (ties: the lowest
/// pair of indices) while their average pairwise similarity is at least
/// `threshold`. Returns the clusters with at least two members, each sorted.
///
/// Each cluster remembers its most similar other cluster, so a merge costs
/// one pass over the clusters (plus a rescan for those whose partner was
/// merged) instead of a pass over all pairs.
fn average_linkage(similarity: &[f32], n: usize, threshold: f32) -> Vec<Vec<usize>> {
    // Cluster-to-cluster average similarity, a cluster known by the lowest
    // index among its texts; kept up to date on each merge (Lance–Williams:
    // the average over a union is the size-weighted mean of the averages).
    let mut linkage = similarity.to_vec();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Only texts with a similar enough other text take part: a text below
    // the threshold with every other text is below it on average with any
    // cluster too. Ascending, which the tie rules rely on.
    let mut active: Vec<usize> = (0..n)
        .filter(|&i| (0..n).any(|j| j != i && similarity[i * n + j] >= threshold))
        .collect();
    let mut nearest: Vec<Option<(usize, f32)>> = vec![None; n];
    for &i in &active {
        nearest[i] = most_similar(i, &active, &linkage, n);
    }
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for &i in &active {
            if let Some((j, s)) = nearest[i]
                && s >= threshold
                && best.is_none_or(|(_, _, b)| s > b)
            {
                best = Some((i, j, s));
            }
        }
        let Some((a, b, _)) = best else {
            break;
        };
        // The merged cluster lives on under the lower index.
        let (i, j) = (a.min(b), a.max(b));
        let size_i = members[i].len() as f32;
        let size_j = members[j].len() as f32;
        for &k in &active {
            if k != i && k != j {
                let s =
                    (size_i * linkage[i * n + k] + size_j * linkage[j * n + k]) / (size_i + size_j);
                linkage[i * n + k] = s;
                linkage[k * n + i] = s;
            }
        }
        let moved = std::mem::take(&mut members[j]);
        members[i].extend(moved);
        active.retain(|&k| k != j);
        nearest[j] = None;
        nearest[i] = most_similar(i, &active, &linkage, n);
        for &k in &active {
            if k == i {
                continue;
            }
            let t = linkage[k * n + i];
            nearest[k] = match nearest[k] {
                // The merged cluster became more similar than the former
                // best, or the former best was `i` and is no less similar.
                Some((m, s)) if m != j && (t > s || (t == s && i <= m)) => Some((i, t)),
                // Nothing to do with the merge.
                Some((m, s)) if m != i && m != j => Some((m, s)),
                // The former best is gone or became less similar.
                _ => most_similar(k, &active, &linkage, n),
            };
        }
    }
    active
        .into_iter()
        .filter_map(|i| {
            let mut cluster = std::mem::take(&mut members[i]);
            cluster.sort_unstable();
            (cluster.len() >= 2).then_some(cluster)
        })
        .collect()
}

/// The active cluster most similar to cluster `i`, lowest index on ties.
fn most_similar(i: usize, active: &[usize], linkage: &[f32], n: usize) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    for &k in active {
        let s = linkage[i * n + k];
        if k != i && best.is_none_or(|(_, b)| s > b) {
            best = Some((k, s));
        }
    }
    best
}

/// The group's label: the meaningful word found in most of its members
/// (counting compound parts: "sportclub" counts for "sport"), written as most
/// members wrote it, first letter capitalised. Ties go to the word that is
/// rarer on the whole wall (it tells this group apart), then alphabetically.
fn label(
    members: &[usize],
    words: &[Vec<Word>],
    canonical: &BTreeMap<&str, &str>,
    features: &[BTreeMap<&str, f32>],
    document_frequency: &BTreeMap<&str, usize>,
) -> String {
    // Candidates are stems written as a word of their own in the group, so
    // the label is always something someone wrote.
    let mut surfaces: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut members_with: BTreeMap<&str, usize> = BTreeMap::new();
    for &member in members {
        for word in words.get(member).into_iter().flatten() {
            if let Some(&stem) = canonical.get(word.stem.as_str()) {
                *surfaces
                    .entry(stem)
                    .or_default()
                    .entry(word.surface.as_str())
                    .or_insert(0) += 1;
            }
        }
        for &feature in features.get(member).into_iter().flat_map(BTreeMap::keys) {
            *members_with.entry(feature).or_insert(0) += 1;
        }
    }
    let best = surfaces
        .iter()
        .filter_map(|(&stem, forms)| {
            // The most common way of writing it; ties alphabetically.
            let (&surface, _) = forms
                .iter()
                .max_by(|(s1, c1), (s2, c2)| c1.cmp(c2).then(s2.cmp(s1)))?;
            let count = members_with.get(stem).copied().unwrap_or(0);
            let df = document_frequency.get(stem).copied().unwrap_or(0);
            Some((count, df, normalize_word(surface), surface))
        })
        .min_by(|x, y| {
            y.0.cmp(&x.0)
                .then(x.1.cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(y.3))
        });
    best.map(|(_, _, _, surface)| capitalise(surface))
        .unwrap_or_default()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
