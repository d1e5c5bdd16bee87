//! The fixture's six responses counted, with the figures worked out by hand
//! from the table in [`super::fixture::responses`].

use super::fixture::{self, choice, ids, qid, stored, text};
use crate::questionnaire::*;

fn results() -> Results {
    let q = fixture::questionnaire();
    let responses = fixture::responses(&q);
    aggregate(&q, responses.iter().map(|(s, a)| (*s, a)))
}

fn counts(r: &QuestionResult) -> Vec<(String, u64)> {
    let Summary::Choice { options } = &r.summary else {
        panic!("choice")
    };
    options
        .iter()
        .map(|o| (o.key.to_string(), o.count))
        .collect()
}

fn owned(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn responses_and_completion_are_counted() {
    let r = results();
    assert_eq!((r.responses, r.submitted), (6, 4));
    assert!(close(r.completion_rate.unwrap(), 4.0 / 6.0));
    assert!(!r.submitted_only);
    assert_eq!(r.questions.len(), 10);
    let empty = aggregate(&fixture::questionnaire(), std::iter::empty());
    assert_eq!(empty.completion_rate, None);
    assert_eq!(empty.question(ids().age).unwrap().answered, 0);
}

#[test]
fn choice_counts_and_shares() {
    let r = results();
    let i = ids();
    let age = r.question(i.age).unwrap();
    assert_eq!((age.seen, age.answered), (6, 6));
    assert_eq!(
        counts(age),
        owned(&[("12-15", 3), ("16-18", 2), ("19-23", 1)])
    );
    let Summary::Choice { options } = &age.summary else {
        panic!()
    };
    assert!(close(options[0].share, 0.5) && close(options[2].share, 1.0 / 6.0));

    let sport = r.question(i.sport).unwrap();
    assert_eq!((sport.seen, sport.answered), (6, 5));
    assert_eq!(counts(sport), owned(&[("ja", 3), ("nee", 2)]));
    assert!(close(sport.answer_rate(), 5.0 / 6.0));

    // Shown only to the three who sport; response 5's hidden "zwemmen" does
    // not count.
    let club = r.question(i.club).unwrap();
    assert_eq!((club.seen, club.answered), (3, 3));
    assert_eq!(
        counts(club),
        owned(&[("voetbal", 2), ("hockey", 2), ("zwemmen", 1), ("dans", 0)])
    );
    let Summary::Choice { options } = &club.summary else {
        panic!()
    };
    assert!(close(options[0].share, 2.0 / 3.0));
}

#[test]
fn scale_distribution_mean_and_median() {
    let r = results();
    let happy = r.question(ids().happy).unwrap();
    assert_eq!((happy.seen, happy.answered), (6, 5));
    let Summary::Scale(d) = &happy.summary else {
        panic!("scale")
    };
    // 4, 2, 4, 1, 3.
    assert_eq!(d.values, [1, 2, 3, 4, 5]);
    assert_eq!(d.counts, [1, 1, 1, 2, 0]);
    assert_eq!(d.answered, 5);
    assert!(close(d.mean.unwrap(), 2.8));
    assert_eq!(d.median, Some(3.0));
}

#[test]
fn matrix_distribution_per_statement() {
    let r = results();
    let m = r.question(ids().matrix).unwrap();
    assert_eq!((m.seen, m.answered), (6, 4));
    let Summary::Matrix { points, statements } = &m.summary else {
        panic!("matrix")
    };
    assert_eq!(points, &[1, 2, 3, 4]);
    let by_key = |k: &str| {
        &statements
            .iter()
            .find(|s| s.key.as_str() == k)
            .unwrap()
            .distribution
    };
    // veilig: 4, 2, 4, 1.
    let veilig = by_key("veilig");
    assert_eq!(veilig.counts, [1, 1, 0, 2]);
    assert!(close(veilig.mean.unwrap(), 2.75));
    assert_eq!(veilig.median, Some(3.0));
    // schoon: 3, 1, 4, 2.
    let schoon = by_key("schoon");
    assert_eq!(schoon.counts, [1, 1, 1, 1]);
    assert_eq!((schoon.mean, schoon.median), (Some(2.5), Some(2.5)));
    // gezellig: 4, 2, 3 (response 4 left it out).
    let gezellig = by_key("gezellig");
    assert_eq!(gezellig.counts, [0, 1, 1, 1]);
    assert_eq!(
        (gezellig.answered, gezellig.mean, gezellig.median),
        (3, Some(3.0), Some(3.0))
    );
}

#[test]
fn ranking_mean_rank_firsts_and_points() {
    let r = results();
    let rank = r.question(ids().rank).unwrap();
    assert_eq!(rank.answered, 4);
    let Summary::Ranking { places, options } = &rank.summary else {
        panic!("ranking")
    };
    assert_eq!(*places, 2);
    let got: Vec<(&str, u64, u64, u64)> = options
        .iter()
        .map(|o| (o.key.as_str(), o.ranked, o.first, o.points))
        .collect();
    // sportveld 1st, 2nd, 1st; jongerencentrum 1st, 2nd; wifi 2nd, 1st;
    // bankjes 2nd. A first place earns 2 points, a second 1.
    assert_eq!(
        got,
        [
            ("sportveld", 3, 2, 5),
            ("jongerencentrum", 2, 1, 3),
            ("wifi", 2, 1, 3),
            ("bankjes", 1, 0, 1)
        ]
    );
    assert!(close(options[0].mean_rank.unwrap(), 4.0 / 3.0));
    assert_eq!(options[3].mean_rank, Some(2.0));
}

#[test]
fn number_statistics_leave_hidden_answers_out() {
    let r = results();
    let hours = r.question(ids().hours).unwrap();
    let Summary::Number(n) = &hours.summary else {
        panic!("number")
    };
    // 4, 6.5, 10; response 5's hidden 3 is not among them.
    assert_eq!(n.count, 3);
    assert_eq!((n.min, n.max, n.median), (Some(4.0), Some(10.0), Some(6.5)));
    assert!(close(n.mean.unwrap(), 20.5 / 3.0));
    let even = number_stats(&[5.0, 1.0, 3.0, 2.0]);
    assert_eq!(even.median, Some(2.5));
    assert_eq!(
        (even.min, even.max, even.mean),
        (Some(1.0), Some(5.0), Some(2.75))
    );
}

/// The number figures of these hours, each from one response.
fn number_stats(values: &[f64]) -> NumberStats {
    let q = fixture::questionnaire();
    let i = ids();
    let responses: Vec<ResponseAnswers> = values
        .iter()
        .map(|v| {
            fixture::saved(
                &q,
                vec![(i.sport, choice("ja")), (i.hours, AnswerValue::Number(*v))],
            )
        })
        .collect();
    let r = aggregate(&q, responses.iter().map(|a| (ResponseStatus::Submitted, a)));
    match &r.question(i.hours).unwrap().summary {
        Summary::Number(n) => n.clone(),
        _ => panic!("number"),
    }
}

#[test]
fn texts_are_listed_and_filtered_ignoring_case_and_accents() {
    let r = results();
    let why = r.question(ids().why).unwrap();
    assert_eq!((why.seen, why.answered), (2, 2));
    let Summary::Text(t) = &why.summary else {
        panic!("text")
    };
    assert_eq!(
        t.texts,
        ["Te weinig te doen", "Onveilig 's avonds"],
        "response 5's hidden text is left out"
    );

    let tip = r.question(ids().tip).unwrap();
    let Summary::Text(t) = &tip.summary else {
        panic!("text")
    };
    assert_eq!(
        t.matching("CAFE").collect::<Vec<_>>(),
        ["Meer bankjes bij het café", "Cafe open tot laat"]
    );
    assert_eq!(
        t.matching("café open").collect::<Vec<_>>(),
        ["Cafe open tot laat"]
    );
    assert_eq!(t.matching("bankjes").count(), 1);
    assert_eq!(t.matching("zwembad").count(), 0);
    assert_eq!(t.matching("  ").count(), 2);
}

#[test]
fn contact_counts_yes_and_no_only() {
    let r = results();
    let c = r.question(ids().contact).unwrap();
    assert_eq!(c.summary, Summary::Contact { yes: 1, no: 1 });
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        !json.contains("sam@example.nl"),
        "contact details never reach the results"
    );
}

#[test]
fn submitted_only_counts_answers_of_submitted_responses() {
    let q = fixture::questionnaire();
    let responses = fixture::responses(&q);
    let mut a = Aggregator::new(&q).submitted_only();
    for (s, answers) in &responses {
        a.add(*s, answers);
    }
    let r = a.finish();
    assert!(r.submitted_only);
    assert_eq!((r.responses, r.submitted), (6, 4));
    let age = r.question(ids().age).unwrap();
    assert_eq!((age.seen, age.answered), (4, 4));
    assert_eq!(
        counts(age),
        owned(&[("12-15", 1), ("16-18", 2), ("19-23", 1)])
    );
}

#[test]
fn cross_tabulation_of_choice_by_choice() {
    let q = fixture::questionnaire();
    let i = ids();
    let responses = fixture::responses(&q);
    let t = cross_tabulate(&q, i.sport, i.age, responses.iter().map(|(_, a)| a)).unwrap();
    // ja: 12-15 (1), 16-18 (3), 19-23 (4); nee: 16-18 (2), 12-15 (5).
    assert_eq!(
        t.row_keys,
        [
            CrossKey::Option("ja".into()),
            CrossKey::Option("nee".into())
        ]
    );
    assert_eq!(t.col_keys.len(), 3);
    assert_eq!(t.counts, [vec![1, 1, 1], vec![1, 1, 0]]);
    assert_eq!(t.row_totals, [3, 2]);
    assert_eq!(t.col_totals, [2, 2, 1]);
    assert_eq!(t.respondents, 5);
    assert!(close(t.row_share(1, 0), 0.5));
    assert_eq!(t.row_share(9, 9), 0.0);
}

#[test]
fn cross_tabulation_of_multiple_choice_and_scale() {
    let q = fixture::questionnaire();
    let i = ids();
    let responses = fixture::responses(&q);
    let answers = || responses.iter().map(|(_, a)| a);
    // Clubs by age: voetbal 12-15 (1) and 19-23 (4); hockey 16-18 (3) and
    // 19-23 (4); zwemmen 12-15 (1); response 5's hidden zwemmen not at all.
    let t = cross_tabulate(&q, i.club, i.age, answers()).unwrap();
    assert_eq!(
        t.counts,
        [vec![1, 0, 1], vec![0, 1, 1], vec![1, 0, 0], vec![0, 0, 0]]
    );
    assert_eq!(t.row_totals, [2, 2, 1, 0]);
    assert_eq!(t.col_totals, [1, 1, 1]);
    assert_eq!(t.respondents, 3);
    // Happiness by sport: ja 4, 4, 1; nee 2, 3.
    let t = cross_tabulate(&q, i.happy, i.sport, answers()).unwrap();
    assert_eq!(t.row_keys[0], CrossKey::Value(1));
    assert_eq!(
        t.counts,
        [vec![1, 0], vec![0, 1], vec![0, 1], vec![2, 0], vec![0, 0]]
    );
    assert_eq!(t.row_totals, [1, 1, 1, 2, 0]);
    assert_eq!(
        serde_json::to_value(&t.row_keys[0]).unwrap(),
        serde_json::json!(1)
    );
}

#[test]
fn the_aggregator_cross_tabulates_alongside() {
    let q = fixture::questionnaire();
    let i = ids();
    let responses = fixture::responses(&q);
    let mut a = Aggregator::new(&q).with_crosstab(i.sport, i.age).unwrap();
    for (s, answers) in &responses {
        a.add(*s, answers);
    }
    let r = a.finish();
    let alone = cross_tabulate(&q, i.sport, i.age, responses.iter().map(|(_, a)| a)).unwrap();
    assert_eq!(r.crosstabs, [alone]);
}

#[test]
fn cross_tabulation_needs_two_suitable_questions() {
    let q = fixture::questionnaire();
    let i = ids();
    let none = std::iter::empty();
    assert_eq!(
        cross_tabulate(&q, i.age, i.age, none.clone()),
        Err(CrossTabError::SameQuestion)
    );
    assert_eq!(
        cross_tabulate(&q, i.age, i.tip, none.clone()),
        Err(CrossTabError::Unsuitable)
    );
    assert_eq!(
        cross_tabulate(&q, i.matrix, i.age, none.clone()),
        Err(CrossTabError::Unsuitable)
    );
    assert_eq!(
        cross_tabulate(&q, qid(0xbad), i.age, none),
        Err(CrossTabError::UnknownQuestion)
    );
    assert!(Aggregator::new(&q).with_crosstab(i.rank, i.age).is_err());
    assert_eq!(CrossTabError::Unsuitable.code(), "unsuitable");
}

#[test]
fn answers_that_do_not_fit_are_not_counted() {
    // Stored data is trusted, but aggregating never panics on, or counts,
    // answers of the wrong type or outside the question.
    let q = fixture::questionnaire();
    let i = ids();
    let odd = stored(vec![
        (i.age, AnswerValue::Scale(3)),
        (i.sport, choice("misschien")),
        (i.happy, AnswerValue::Scale(i64::MIN)),
        (i.tip, text("ok")),
        (
            i.rank,
            super::fixture::ranking(&["wifi", "wifi", "zwembad", "bankjes", "sportveld"]),
        ),
        (qid(0xdead), choice("ja")),
    ]);
    let r = aggregate(&q, [(ResponseStatus::InProgress, &odd)]);
    assert_eq!(r.question(i.age).unwrap().answered, 0);
    assert_eq!(r.question(i.sport).unwrap().answered, 0);
    assert_eq!(r.question(i.happy).unwrap().answered, 0);
    assert_eq!(r.question(i.tip).unwrap().answered, 1);
    let Summary::Ranking { options, .. } = &r.question(i.rank).unwrap().summary else {
        panic!()
    };
    // wifi once (first), bankjes second; the rest is beyond the top 2.
    let ranked: Vec<u64> = options.iter().map(|o| o.ranked).collect();
    assert_eq!(ranked, [0, 0, 1, 1]);
}
