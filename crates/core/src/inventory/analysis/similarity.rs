//! How alike two activities' texts (name and description) are: TF-IDF
//! vectors over meaningful Dutch word stems, compared by cosine.
//!
//! The features follow the idea wall's grouping ([`crate::cluster`]), so the
//! two agree on what "alike" means: each text becomes its stems
//! ([`crate::cluster::stems`]: stop words dropped, Snowball Dutch); a stem that
//! is another stem of the inventory plus a short ending counts as that stem,
//! and a compound also carries the stems it starts or ends with, at
//! [`PART_WEIGHT`] ("alcoholgebruik" carries "alcohol"). Presence, not counts;
//! smoothed IDF `ln((1 + n) / (1 + df)) + 1` over the activities analysed.
//!
//! It is reimplemented here rather than called because the idea wall builds a
//! dense n × n similarity matrix, which 5,000 activities cannot afford; here
//! vectors are built once and only pairs within one matrix cell are compared.
//! Stemming is cached per distinct word, so long descriptions cost little.
//!
//! Features are numbered from the most common to the rarest, so a vector's
//! leading features are its common words. [`bounds`] tells how
//! many of them can be left out of the duplicate search's index without
//! missing a pair, and when a text's remaining common words can no longer
//! lift a new pair to the threshold (the *All-Pairs* bounds of Bayardo, Ma
//! and Srikant, 2007): pairs that share only common words ("kinderen",
//! "ouders") are then never scored at all.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use unicode_normalization::char::is_combining_mark;

use super::small;
use crate::cluster::stems;

/// Weight of a compound part relative to a whole word (as on the idea wall).
pub const PART_WEIGHT: f32 = 0.7;
/// A stem is another stem plus an ending of at most this many letters…
const MAX_ENDING_CHARS: usize = 3;
/// …the shorter stem (and any compound part) has at least this many letters…
const MIN_PART_CHARS: usize = 4;
/// …and the rest of a compound at least this many.
const MIN_REST_CHARS: usize = 3;

/// Margin for rounding in bounds: a pair just at the threshold is not lost
/// to a bound that rounding made a hair too small.
pub const ROUNDING: f32 = 1e-4;

/// A unit-length sparse vector: (feature, weight), sorted by feature, that
/// is from the most common feature to the rarest.
pub type Vector = Vec<(u32, f32)>;

/// The TF-IDF vector of each text, in input order. A text without
/// meaningful words gets an empty vector (similar to nothing).
pub fn vectors<'a>(texts: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Vector> {
    // Raw stems, interned; per text the set of stem ids.
    let mut stem_ids: FastMap<String, u32> = FastMap::default();
    let mut token_stems: FastMap<String, Vec<u32>> = FastMap::default();
    let mut per_text: Vec<Vec<u32>> = Vec::new();
    // Which text last had a stem: dedups without sorting.
    let mut last_text: Vec<usize> = Vec::new();
    for (text_no, (name, description)) in texts.enumerate() {
        let mut ids: Vec<u32> = Vec::new();
        for text in [name, description] {
            // The same split as `stems`, so stemming a token alone gives
            // what stemming the whole text gives for it.
            // (ASCII letters are never combining marks.)
            let tokens = text.split(|c: char| {
                if c.is_ascii() {
                    !c.is_ascii_alphanumeric()
                } else {
                    !(c.is_alphanumeric() || is_combining_mark(c))
                }
            });
            for token in tokens.filter(|t| !t.is_empty()) {
                let found = match token_stems.get(token) {
                    Some(found) => found,
                    None => {
                        let found: Vec<u32> = stems(token)
                            .into_iter()
                            .map(|s| intern(&mut stem_ids, s))
                            .collect();
                        last_text.resize(stem_ids.len(), usize::MAX);
                        token_stems.entry(token.to_owned()).or_insert(found)
                    }
                };
                for &id in found {
                    if last_text[id as usize] != text_no {
                        last_text[id as usize] = text_no;
                        ids.push(id);
                    }
                }
            }
        }
        per_text.push(ids);
    }

    let mut by_id: Vec<&str> = vec![""; stem_ids.len()];
    for (stem, &id) in &stem_ids {
        by_id[id as usize] = stem;
    }
    let features = features(&by_id, &stem_ids);

    // Document frequency of each feature (a stem as a word or as a part).
    let mut df = vec![0_u32; by_id.len()];
    last_text.iter_mut().for_each(|t| *t = usize::MAX);
    for (text_no, ids) in per_text.iter().enumerate() {
        for &id in ids {
            let (canonical, parts) = &features[id as usize];
            for &f in std::iter::once(canonical).chain(parts) {
                if last_text[f as usize] != text_no {
                    last_text[f as usize] = text_no;
                    df[f as usize] += 1;
                }
            }
        }
    }
    // Renumber: most common feature first.
    let mut order: Vec<u32> = (0..small(df.len())).collect();
    order.sort_unstable_by_key(|&f| (std::cmp::Reverse(df[f as usize]), f));
    let mut renumbered = vec![0_u32; df.len()];
    for (new, &old) in order.iter().enumerate() {
        renumbered[old as usize] = small(new);
    }
    let n = per_text.len() as f32;
    let mut idf = vec![0.0_f32; df.len()];
    for (old, &d) in df.iter().enumerate() {
        idf[renumbered[old] as usize] = ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0;
    }
    let features: Vec<(u32, Vec<u32>)> = features
        .into_iter()
        .map(|(canonical, parts)| {
            let parts = parts.into_iter().map(|p| renumbered[p as usize]).collect();
            (renumbered[canonical as usize], parts)
        })
        .collect();

    // Per text: feature → weight (whole word 1, compound part PART_WEIGHT),
    // times its IDF, as a unit vector.
    per_text
        .iter()
        .map(|ids| {
            let mut v: Vector = Vec::with_capacity(ids.len() * 2);
            for &id in ids {
                let (canonical, parts) = &features[id as usize];
                v.push((*canonical, 1.0));
                v.extend(parts.iter().map(|&p| (p, PART_WEIGHT)));
            }
            // Highest weight first within a feature, then keep one each.
            v.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            v.dedup_by_key(|x| x.0);
            for (f, w) in &mut v {
                *w *= idf[*f as usize];
            }
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect()
}

/// What the leading features of a vector can add to a dot product, for the
/// duplicate search's pruning.
#[derive(Clone, Debug, Default)]
pub struct Bounds {
    /// Entry `k`: the sum of the squared weights of the first `k` features.
    pub squares: Vec<f32>,
    /// Entry `k`: an upper bound of what the first `k` features add to the
    /// dot product with any unit vector — the smaller of `Σ w_f · max_f`
    /// (each weight times the feature's highest weight in any vector) and
    /// their norm (Cauchy–Schwarz).
    pub reach: Vec<f32>,
    /// How many leading features the search leaves out of its index: the
    /// most whose `reach` stays below the threshold. A pair reaching the
    /// threshold must then share a feature after them, so indexing only the
    /// rest still finds it.
    pub prefix: usize,
}

/// The [`Bounds`] of each vector for `threshold`.
pub fn bounds(vectors: &[Vector], threshold: f32) -> Vec<Bounds> {
    let features = vectors
        .iter()
        .flatten()
        .map(|&(f, _)| f as usize + 1)
        .max()
        .unwrap_or(0);
    let mut max_weight = vec![0.0_f32; features];
    for &(f, w) in vectors.iter().flatten() {
        let m = &mut max_weight[f as usize];
        *m = m.max(w);
    }
    let limit = threshold - ROUNDING;
    vectors
        .iter()
        .map(|v| {
            let (mut by_max, mut sum) = (0.0_f32, 0.0_f32);
            let mut b = Bounds {
                squares: Vec::with_capacity(v.len() + 1),
                reach: Vec::with_capacity(v.len() + 1),
                prefix: 0,
            };
            b.squares.push(0.0);
            b.reach.push(0.0);
            for &(f, w) in v {
                by_max += w * max_weight[f as usize];
                sum += w * w;
                let reach = by_max.min(sum.sqrt());
                b.squares.push(sum);
                b.reach.push(reach);
                if reach < limit {
                    b.prefix += 1;
                }
            }
            b
        })
        .collect()
}

/// A hash map with a fast non-cryptographic hash (FxHash, as in rustc), for
/// the many short keys of one analysis. Keys come from one workspace's own
/// inventory, so collisions forced by an attacker are not a concern here.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// FxHash: rotate, xor, multiply per eight bytes; rotated at the end.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits (the bucket) depending on the low
        // input bits only, that is on a string's first letters; rotating the
        // mixed high bits down spreads words that start alike (as rustc-hash
        // 2 does).
        self.0.rotate_left(26)
    }
}

fn intern(ids: &mut FastMap<String, u32>, stem: String) -> u32 {
    let next = small(ids.len());
    *ids.entry(stem).or_insert(next)
}

/// For each raw stem: the stem it counts as, and the stems it carries as a
/// compound (both as raw stem ids).
fn features(by_id: &[&str], ids: &FastMap<String, u32>) -> Vec<(u32, Vec<u32>)> {
    let canonical: Vec<u32> = (0..by_id.len())
        .map(|i| {
            let mut current = i;
            while let Some(shorter) = shorter_form(by_id[current], ids) {
                current = shorter as usize;
            }
            small(current)
        })
        .collect();
    let is_canonical: Vec<bool> = (0..by_id.len())
        .map(|i| canonical[i] as usize == i)
        .collect();
    canonical
        .iter()
        .map(|&c| {
            let stem = by_id[c as usize];
            (c, compound_parts(stem, ids, &is_canonical))
        })
        .collect()
}

/// The stem of the inventory that `stem` extends by a short ending.
fn shorter_form(stem: &str, ids: &FastMap<String, u32>) -> Option<u32> {
    let total = stem.chars().count();
    stem.char_indices()
        .enumerate()
        .filter(|&(chars, _)| chars >= MIN_PART_CHARS && total - chars <= MAX_ENDING_CHARS)
        .find_map(|(_, (byte, _))| ids.get(&stem[..byte]).copied())
}

/// The canonical stems `stem` starts or ends with, as a compound.
fn compound_parts(stem: &str, ids: &FastMap<String, u32>, is_canonical: &[bool]) -> Vec<u32> {
    let total = stem.chars().count();
    let canonical_id = |s: &str| {
        ids.get(s)
            .copied()
            .filter(|&id| is_canonical.get(id as usize).copied().unwrap_or(false))
    };
    let mut parts = Vec::new();
    for (chars, (byte, _)) in stem.char_indices().enumerate().skip(1) {
        let (head, tail) = stem.split_at(byte);
        let rest = total - chars;
        if chars >= MIN_PART_CHARS && rest >= MIN_REST_CHARS {
            parts.extend(canonical_id(head));
        }
        if rest >= MIN_PART_CHARS && chars >= MIN_REST_CHARS {
            parts.extend(canonical_id(tail));
        }
    }
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// Cosine similarity of two unit vectors, from 0 to 1.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0_f32);
    while let (Some(&(fa, wa)), Some(&(fb, wb))) = (a.get(i), b.get(j)) {
        match fa.cmp(&fb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    // Rounding can overshoot 1 for identical vectors.
    sum.clamp(0.0, 1.0)
}
