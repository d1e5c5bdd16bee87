//! How long 5,000 generated activities take. Ignored by default; run with
//! `cargo test --release -p koers-core scale -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::analysis::analyse;
use crate::inventory::lists::Lists;
use crate::inventory::matrix::{Axis, Filter, matrix};
use crate::inventory::model::{
    Actor, Evidence, Form, Inventory, MunicipalityRole, Offer, Partner, PreventionLevel,
    ResultLink, SocietalResult,
};

const WORDS: &str = "ouders kinderen jongeren school wijk sport bewegen gezond eten \
    voeding alcohol roken drugs lachgas gamen schermtijd slapen stress angst somber \
    pesten weerbaarheid vriendschap eenzaamheid armoede schulden taal lezen huiswerk \
    begeleiding training cursus groep gesprek coaching maatje vrijwilliger buurthuis \
    bibliotheek consultatiebureau kraamzorg zwangerschap baby peuter kleuter puber \
    brugklas mentor docent leerkracht trainer opvoeden opvoeding gezin scheiding ruzie \
    geweld veiligheid straat online social media sexting relaties seksualiteit \
    weerbaar zelfvertrouwen veerkracht talent muziek theater dans kunst natuur \
    zwemmen voetbal hockey judo fietsen spelen speeltuin plein zomer vakantie \
    avond week maand jaar lessen voorlichting preventie signalering verwijzing \
    huisarts wijkteam jongerenwerk politie leerplicht verzuim stage werk geld \
    budget koken boodschappen tandarts vaccinatie hygiene sportclub beweegprogramma \
    overgewicht leefstijl mentale gezondheid mantelzorg broertjes zusjes opa oma";

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn some<T: Clone + PartialEq>(&mut self, items: &[T], most: usize) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for _ in 0..=self.below(most) {
            let item = self.pick(items).clone();
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
    /// `least..=most` words, each common (from `words`) or, with chance
    /// `rare_percent`, one of `rare`.
    fn text(
        &mut self,
        words: &[&str],
        rare: &[String],
        rare_percent: usize,
        least: usize,
        most: usize,
    ) -> String {
        let n = least + self.below(most - least + 1);
        (0..n)
            .map(|_| {
                if self.below(100) < rare_percent {
                    self.pick(rare).as_str()
                } else {
                    *self.pick(words)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// An inventory of `n` generated activities, 40 partners and 12 results.
/// Texts take `rare_percent` of their words from 3,000 made-up words and the
/// rest from 130 common ones; the fewer rare words, the more alike the
/// texts and the more pairs to score.
pub fn generated(n: usize, rare_percent: usize) -> Inventory {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let syllables = [
        "ka", "lo", "mer", "te", "vin", "dor", "sla", "pe", "gru", "ant", "ber", "tol", "wis",
        "ro", "nek", "sul",
    ];
    let rare: Vec<String> = (0..3_000)
        .map(|_| (0..3).map(|_| *rng.pick(&syllables)).collect::<String>())
        .collect();
    let lists = Lists::default();
    let partners: Vec<Partner> = (0..40_u128)
        .map(|i| Partner {
            id: PartnerId(Uuid::from_u128(0x1000 + i)),
            name: format!("Partner {i:02}"),
            kind: "overig".into(),
            contact_name: None,
            contact_email: None,
            role: MunicipalityRole::Partner,
        })
        .collect();
    let results: Vec<SocietalResult> = (0..12_u128)
        .map(|i| SocietalResult {
            id: ResultId(Uuid::from_u128(0x2000 + i)),
            title: format!("Resultaat {i}"),
            indicator: None,
            baseline: None,
            target: None,
        })
        .collect();
    let keys = |items: &[crate::inventory::lists::ListItem]| -> Vec<String> {
        items.iter().map(|i| i.key.clone()).collect()
    };
    let (ages, themes, factors, settings) = (
        keys(&lists.age_groups),
        keys(&lists.themes),
        keys(&lists.factors),
        keys(&lists.settings),
    );
    let partner_ids: Vec<PartnerId> = partners.iter().map(|p| p.id).collect();
    let result_ids: Vec<ResultId> = results.iter().map(|r| r.id).collect();
    let offers = (0..n)
        .map(|i| Offer {
            id: OfferId(Uuid::from_u128(0x10_0000 + i as u128)),
            name: rng.text(&words, &rare, rare_percent, 2, 6),
            description: rng.text(&words, &rare, rare_percent, 15, 60),
            providers: rng.some(&partner_ids, 2),
            actor: *rng.pick(Actor::ALL),
            level: *rng.pick(PreventionLevel::ALL),
            age_groups: rng.some(&ages, 3),
            // A quarter name no setting (they could be anywhere).
            settings: if rng.below(4) == 0 {
                Vec::new()
            } else {
                rng.some(&settings, 2)
            },
            form: *rng.pick(Form::ALL),
            themes: rng.some(&themes, 2),
            factors: rng.some(&factors, 3),
            results: if rng.below(4) == 0 {
                Vec::new()
            } else {
                rng.some(&result_ids, 2)
                    .into_iter()
                    .map(|result| ResultLink {
                        result,
                        statement: None,
                    })
                    .collect()
            },
            evidence: *rng.pick(Evidence::ALL),
            reach: (rng.below(5) > 0).then(|| rng.below(2_000) as u64),
            cost: (rng.below(5) > 0).then(|| rng.below(50_000) as u64),
            funding: None,
            start: None,
            end: None,
        })
        .collect();
    Inventory {
        lists,
        partners,
        results,
        offers,
    }
}

/// Prints the fastest of a few runs of `analyse` (the least disturbed by
/// whatever else the machine is doing) and of `matrix`.
fn time(label: &str, inv: &Inventory) {
    let mut fastest = Duration::MAX;
    let mut pairs = 0;
    for _ in 0..7 {
        let started = Instant::now();
        pairs = analyse(inv, 2025).duplicates.pairs_total;
        fastest = fastest.min(started.elapsed());
    }
    let started = Instant::now();
    let m = matrix(inv, Axis::Level, Axis::AgeGroup, &Filter::default());
    let matrix_time = started.elapsed();
    eprintln!(
        "{label}: analyse {fastest:?} ({pairs} duplicate pairs); matrix {matrix_time:?} ({} activities)",
        m.total_offers
    );
}

#[test]
#[ignore = "timing; run in release"]
fn five_thousand_activities_analyse_quickly() {
    time("80% rare words", &generated(5_000, 80));
    time("50% rare words", &generated(5_000, 50));
    time("common words only", &generated(5_000, 0));
}

/// The indexed search (with common features left out of the index) finds
/// exactly the pairs that comparing every pair in every cell finds.
#[test]
fn the_indexed_search_finds_what_comparing_every_pair_finds() {
    use crate::inventory::analysis::similarity::{cosine, vectors};
    use crate::inventory::analysis::{DuplicateReason, MAX_LISTED, SIMILAR_TEXT};
    for (rare_percent, names_only) in [(0, false), (30, false), (80, false), (0, true), (20, true)]
    {
        let mut inv = generated(400, rare_percent);
        if names_only {
            // Short texts: a word or two in common already makes a pair.
            inv.offers.iter_mut().for_each(|o| o.description.clear());
        }
        let offers = &inv.offers;
        let v = vectors(
            offers
                .iter()
                .map(|o| (o.name.as_str(), o.description.as_str())),
        );
        let mut expected: Vec<(f32, usize, usize, DuplicateReason)> = Vec::new();
        for i in 0..offers.len() {
            for j in i + 1..offers.len() {
                let (a, b) = (&offers[i], &offers[j]);
                let shares = |x: &[String], y: &[String]| x.iter().any(|k| y.contains(k));
                if a.level != b.level || !shares(&a.age_groups, &b.age_groups) {
                    continue;
                }
                let score = cosine(&v[i], &v[j]);
                let same_place = a.settings.is_empty()
                    || b.settings.is_empty()
                    || shares(&a.settings, &b.settings);
                let same_target = shares(&a.themes, &b.themes)
                    && same_place
                    && a.results
                        .iter()
                        .any(|l| b.results.iter().any(|m| m.result == l.result));
                let reason = match (score >= SIMILAR_TEXT, same_target) {
                    (true, true) => DuplicateReason::Both,
                    (true, false) => DuplicateReason::SimilarText,
                    (false, true) => DuplicateReason::SameTarget,
                    (false, false) => continue,
                };
                expected.push((score, i, j, reason));
            }
        }
        expected.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let found = analyse(&inv, 2025).duplicates;
        let case = format!("{rare_percent}% rare words, names only: {names_only}");
        assert_eq!(found.pairs_total, expected.len(), "{case}");
        let want: Vec<_> = expected
            .iter()
            .take(MAX_LISTED)
            .map(|&(_, i, j, r)| (offers[i].id, offers[j].id, r))
            .collect();
        let got: Vec<_> = found.pairs.iter().map(|p| (p.a, p.b, p.reason)).collect();
        assert_eq!(got, want, "{case}");
        for (p, e) in found.pairs.iter().zip(&expected) {
            assert!((p.score - e.0).abs() < 1e-5);
        }
    }
}
