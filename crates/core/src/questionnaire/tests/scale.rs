//! How long 100,000 generated responses take to aggregate. Ignored by
//! default; run with
//! `cargo test --release -p koers-core questionnaire::tests::scale -- --ignored --nocapture`.

use super::fixture::{self, choice, choices, contact, ids, matrix, ranking, stored, text};
use crate::questionnaire::*;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` responses to the fixture, about four in five submitted, most
/// questions answered, one in four with a text tip.
pub(crate) fn generated(n: usize) -> Vec<(ResponseStatus, ResponseAnswers)> {
    const AGES: [&str; 3] = ["12-15", "16-18", "19-23"];
    const CLUBS: [&str; 4] = ["voetbal", "hockey", "zwemmen", "dans"];
    const PLACES: [&str; 4] = ["sportveld", "jongerencentrum", "wifi", "bankjes"];
    let i = ids();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|_| {
            let mut r = |k: u64| rng.below(k);
            let sport = r(3) > 0;
            let happy = 1 + r(5) as i64;
            let mut a = vec![
                (i.age, choice(AGES[r(3) as usize])),
                (i.sport, choice(if sport { "ja" } else { "nee" })),
                (i.happy, AnswerValue::Scale(happy)),
                (
                    i.matrix,
                    matrix(&[
                        ("veilig", 1 + r(4) as i64),
                        ("schoon", 1 + r(4) as i64),
                        ("gezellig", 1 + r(4) as i64),
                    ]),
                ),
            ];
            if sport {
                let c = r(4) as usize;
                a.push((
                    i.club,
                    choices(&[CLUBS[c], CLUBS[(c + 1 + r(3) as usize) % 4]][..1 + r(2) as usize]),
                ));
                a.push((i.hours, AnswerValue::Number(r(80) as f64 / 2.0)));
            }
            if happy <= 2 {
                a.push((
                    i.why,
                    text("Er is te weinig te doen voor jongeren in de avond."),
                ));
            }
            let first = r(4) as usize;
            a.push((
                i.rank,
                ranking(&[PLACES[first], PLACES[(first + 1 + r(3) as usize) % 4]]),
            ));
            if r(4) == 0 {
                a.push((i.tip, text("Meer bankjes bij het café")));
            }
            if r(3) == 0 {
                let yes = r(2) == 0;
                a.push((i.contact, contact(yes, yes.then_some("iemand@example.nl"))));
            }
            let status = if r(5) > 0 {
                ResponseStatus::Submitted
            } else {
                ResponseStatus::InProgress
            };
            (status, stored(a))
        })
        .collect()
}

#[test]
#[ignore = "timing; run in release"]
fn a_hundred_thousand_responses_aggregate_quickly() {
    let q = fixture::questionnaire();
    let responses = generated(100_000);
    let i = ids();
    let mut fastest = Duration::MAX;
    let mut results = None;
    for _ in 0..5 {
        let started = Instant::now();
        let mut a = Aggregator::new(&q).with_crosstab(i.happy, i.age).unwrap();
        for (s, answers) in &responses {
            a.add(*s, answers);
        }
        results = Some(a.finish());
        fastest = fastest.min(started.elapsed());
    }
    let results = results.unwrap();
    let started = Instant::now();
    let Summary::Text(tips) = &results.question(i.tip).unwrap().summary else {
        panic!()
    };
    let found = tips.matching("cafe").count();
    let filter = started.elapsed();
    eprintln!(
        "100,000 responses: aggregate with one cross-tab {fastest:?}; text filter over {} tips {filter:?} ({found} found)",
        tips.texts.len()
    );
    assert_eq!(results.responses, 100_000);
    assert_eq!(results.crosstabs[0].respondents, 100_000);
    if !cfg!(debug_assertions) {
        assert!(fastest < Duration::from_millis(200), "{fastest:?}");
    }
}
