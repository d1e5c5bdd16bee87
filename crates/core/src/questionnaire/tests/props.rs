//! Properties over random responses to the fixture: the counts agree with
//! the number of responses answering each (shown) question.

use super::fixture::{self, choice, choices, contact, ids, matrix, ranking, saved, text};
use crate::questionnaire::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::subsequence;

/// One random response, as indices into the fixture's options.
#[derive(Clone, Debug)]
struct Gen {
    submitted: bool,
    age: Option<usize>,
    sport: Option<usize>,
    club: Option<Vec<usize>>,
    hours: Option<u8>,
    happy: Option<i64>,
    why: Option<String>,
    matrix: [Option<i64>; 3],
    rank: Option<Vec<usize>>,
    tip: Option<String>,
    contact: Option<bool>,
}

fn gen_response() -> impl Strategy<Value = Gen> {
    (
        (
            any::<bool>(),
            option::of(0..3usize),
            option::of(0..2usize),
            option::of(subsequence(vec![0usize, 1, 2, 3], 1..=2)),
            option::of(0..=80u8),
            option::of(1..=5i64),
        ),
        (
            option::of("[a-zé ]{1,12}"),
            [
                option::of(1..=4i64),
                option::of(1..=4i64),
                option::of(1..=4i64),
            ],
            option::of(
                Just(vec![0usize, 1, 2, 3])
                    .prop_shuffle()
                    .prop_flat_map(|p| (1..=2usize).prop_map(move |k| p[..k].to_vec())),
            ),
            option::of("[a-z]{1,8}"),
            option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |((submitted, age, sport, club, hours, happy), (why, matrix, rank, tip, contact))| {
                Gen {
                    submitted,
                    age,
                    sport,
                    club,
                    hours,
                    happy,
                    why,
                    matrix,
                    rank,
                    tip,
                    contact,
                }
            },
        )
}

const AGES: [&str; 3] = ["12-15", "16-18", "19-23"];
const SPORT: [&str; 2] = ["ja", "nee"];
const CLUBS: [&str; 4] = ["voetbal", "hockey", "zwemmen", "dans"];
const PLACES: [&str; 4] = ["sportveld", "jongerencentrum", "wifi", "bankjes"];
const STATEMENTS: [&str; 3] = ["veilig", "schoon", "gezellig"];

fn build(q: &Questionnaire, g: &Gen) -> (ResponseStatus, ResponseAnswers) {
    let i = ids();
    let mut a: Vec<(crate::ids::QuestionId, AnswerValue)> = Vec::new();
    let keys = |names: &[&'static str], picks: &[usize]| {
        picks.iter().map(|p| names[*p]).collect::<Vec<_>>()
    };
    if let Some(x) = g.age {
        a.push((i.age, choice(AGES[x])));
    }
    if let Some(x) = g.sport {
        a.push((i.sport, choice(SPORT[x])));
    }
    if let Some(c) = &g.club {
        a.push((i.club, choices(&keys(&CLUBS, c))));
    }
    if let Some(h) = g.hours {
        a.push((i.hours, AnswerValue::Number(f64::from(h) / 2.0)));
    }
    if let Some(v) = g.happy {
        a.push((i.happy, AnswerValue::Scale(v)));
    }
    if let Some(t) = &g.why {
        a.push((i.why, text(t)));
    }
    let rated: Vec<(&str, i64)> = STATEMENTS
        .iter()
        .zip(g.matrix)
        .filter_map(|(s, v)| Some((*s, v?)))
        .collect();
    if !rated.is_empty() {
        a.push((i.matrix, matrix(&rated)));
    }
    if let Some(r) = &g.rank {
        a.push((i.rank, ranking(&keys(&PLACES, r))));
    }
    if let Some(t) = &g.tip {
        a.push((i.tip, text(t)));
    }
    if let Some(yes) = g.contact {
        a.push((i.contact, contact(yes, yes.then_some("a@b.nl"))));
    }
    let status = if g.submitted {
        ResponseStatus::Submitted
    } else {
        ResponseStatus::InProgress
    };
    (status, saved(q, a))
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|t| t.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn counts_equal_the_responses_answering_each_shown_question(gens in vec(gen_response(), 0..40)) {
        let q = fixture::questionnaire();
        let i = ids();
        let built: Vec<_> = gens.iter().map(|g| build(&q, g)).collect();
        let r = aggregate(&q, built.iter().map(|(s, a)| (*s, a)));
        let n = gens.len() as u64;
        prop_assert_eq!(r.responses, n);
        prop_assert_eq!(r.submitted, gens.iter().filter(|g| g.submitted).count() as u64);

        let sporty = |g: &&Gen| g.sport == Some(0);
        let low = |g: &&Gen| g.happy.is_some_and(|h| h <= 2);
        let count = |f: &dyn Fn(&&Gen) -> bool| gens.iter().filter(f).count() as u64;
        let expected = [
            (i.age, n, count(&|g| g.age.is_some())),
            (i.sport, n, count(&|g| g.sport.is_some())),
            (i.club, count(&sporty), count(&|g| sporty(g) && g.club.is_some())),
            (i.hours, count(&sporty), count(&|g| sporty(g) && g.hours.is_some())),
            (i.happy, n, count(&|g| g.happy.is_some())),
            (i.why, count(&low), count(&|g| low(g) && !blank(&g.why))),
            (i.matrix, n, count(&|g| g.matrix.iter().any(Option::is_some))),
            (i.rank, n, count(&|g| g.rank.is_some())),
            (i.tip, n, count(&|g| !blank(&g.tip))),
            (i.contact, n, count(&|g| g.contact.is_some())),
        ];
        for (id, seen, answered) in expected {
            let got = r.question(id).unwrap();
            prop_assert_eq!((got.seen, got.answered), (seen, answered), "question {}", id);
            let total: u64 = match &got.summary {
                Summary::Choice { options } => options.iter().map(|o| o.count).sum(),
                Summary::Scale(d) => d.counts.iter().sum(),
                Summary::Number(s) => s.count,
                Summary::Text(t) => t.texts.len() as u64,
                Summary::Contact { yes, no } => yes + no,
                Summary::Ranking { options, .. } => options.iter().map(|o| o.first).sum(),
                Summary::Matrix { statements, .. } => statements.iter().map(|s| s.distribution.answered).max().unwrap_or(0),
            };
            if id == i.club {
                // Multiple choice: each respondent chose one or two.
                prop_assert!(total >= answered && total <= 2 * answered);
            } else if id == i.matrix {
                prop_assert!(total <= answered);
            } else {
                prop_assert_eq!(total, answered, "question {}", id);
            }
        }

        // The cross-tabulation counts those who answered both.
        let t = cross_tabulate(&q, i.age, i.sport, built.iter().map(|(_, a)| a)).unwrap();
        prop_assert_eq!(t.respondents, count(&|g| g.age.is_some() && g.sport.is_some()));
        prop_assert_eq!(t.row_totals.iter().sum::<u64>(), t.respondents);
        prop_assert_eq!(t.counts.iter().flatten().sum::<u64>(), t.respondents);
    }

    #[test]
    fn submitted_answers_are_all_shown_and_count_the_same(gens in vec(gen_response(), 1..20)) {
        let q = fixture::questionnaire();
        let built: Vec<_> = gens.iter().map(|g| build(&q, g)).collect();
        let submitted: Vec<ResponseAnswers> = built.iter().filter_map(|(_, a)| a.submit(&q).ok()).collect();
        for s in &submitted {
            let v = Visibility::of(&q, s);
            for (id, _) in s.iter() {
                prop_assert!(v.is_visible(*id));
            }
            prop_assert!(v.progress().can_submit());
        }
        // Submitting only drops what aggregation ignores anyway.
        let originals: Vec<&ResponseAnswers> = built.iter().filter(|(_, a)| a.submit(&q).is_ok()).map(|(_, a)| a).collect();
        let before = aggregate(&q, originals.into_iter().map(|a| (ResponseStatus::Submitted, a)));
        let after = aggregate(&q, submitted.iter().map(|a| (ResponseStatus::Submitted, a)));
        prop_assert_eq!(before, after);
    }
}
