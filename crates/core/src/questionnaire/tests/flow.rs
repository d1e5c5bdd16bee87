//! Filling in a questionnaire: what is shown, the progress, moving between
//! pages, saving part of it and submitting it.

use super::fixture::{self, choice, choices, ids, matrix, qid, ranking, saved, stored, text};
use crate::ids::{QuestionId, QuestionnaireId};
use crate::questionnaire::*;
use uuid::Uuid;

fn set(changes: Vec<(QuestionId, AnswerValue)>) -> AnswerChanges {
    changes.into_iter().map(|(id, v)| (id, Some(v))).collect()
}

#[test]
fn conditions_show_and_hide_questions_and_whole_pages() {
    let q = fixture::questionnaire();
    let i = ids();
    // Nothing answered: conditional questions are hidden, page 1 entirely.
    let v = Visibility::of(&q, &ResponseAnswers::new());
    assert_eq!(
        v.hidden_questions().collect::<Vec<_>>(),
        [i.club, i.hours, i.why]
    );
    assert_eq!(v.visible_pages().collect::<Vec<_>>(), [0, 2, 3, 4]);
    assert_eq!(
        v.next_page(0),
        Some(2),
        "the page of hidden questions is skipped"
    );
    assert_eq!(v.previous_page(2), Some(0));

    let sporty = saved(
        &q,
        vec![(i.sport, choice("ja")), (i.happy, AnswerValue::Scale(2))],
    );
    let v = Visibility::of(&q, &sporty);
    assert!(v.is_visible(i.club) && v.is_visible(i.hours) && v.is_visible(i.why));
    assert_eq!(v.next_page(0), Some(1));
    assert_eq!(v.previous_page(2), Some(1));
    assert_eq!(v.visible_on_page(2).collect::<Vec<_>>(), [i.happy, i.why]);

    let unhappy_no_sport = saved(
        &q,
        vec![(i.sport, choice("nee")), (i.happy, AnswerValue::Scale(3))],
    );
    let v = Visibility::of(&q, &unhappy_no_sport);
    assert!(!v.is_visible(i.club));
    assert!(!v.is_visible(i.why), "3 is outside 1–2");
    assert!(!v.is_visible(qid(0xdead)));
}

#[test]
fn navigation_starts_ends_and_counts_shown_pages() {
    let q = fixture::questionnaire();
    let v = Visibility::of(&q, &ResponseAnswers::new());
    assert_eq!(v.first_page(), Some(0));
    assert_eq!(v.previous_page(0), None);
    assert_eq!(v.next_page(4), None, "after the last page comes submitting");
    assert_eq!(v.position(0), PagePosition { number: 1, of: 4 });
    assert_eq!(v.position(2), PagePosition { number: 2, of: 4 });
    assert_eq!(v.position(4), PagePosition { number: 4, of: 4 });
    // Standing on a page that has just been hidden counts the pages before it.
    assert_eq!(v.position(1), PagePosition { number: 1, of: 4 });
    assert!(!v.is_page_visible(1));
    assert!(!v.is_page_visible(99));
}

/// A → B → C, each shown only when the one before says "ja".
fn chain() -> (Questionnaire, [QuestionId; 3]) {
    let [a, b, c] = [qid(3), qid(2), qid(1)];
    let yes_no = || KindInput::SingleChoice {
        options: KindInput::options(&["ja", "nee"]),
    };
    let q = QuestionnaireInput::new(
        "Keten",
        vec![SectionInput::new(vec![
            PageInput::new(vec![QuestionInput::new(a, "A?", yes_no())]),
            PageInput::new(vec![
                QuestionInput::new(b, "B?", yes_no()).when(Condition::any_of(a, &["ja"])),
            ]),
            PageInput::new(vec![
                QuestionInput::new(c, "C?", yes_no())
                    .required()
                    .when(Condition::any_of(b, &["ja"])),
            ]),
        ])],
    )
    .validate(QuestionnaireId(Uuid::from_u128(3)))
    .unwrap();
    (q, [a, b, c])
}

#[test]
fn a_question_whose_condition_question_is_hidden_is_hidden() {
    let (q, [a, b, c]) = chain();
    // B was answered "ja" while A said "ja"; then A became "nee".
    let answers = saved(&q, vec![(a, choice("nee")), (b, choice("ja"))]);
    let v = Visibility::of(&q, &answers);
    assert!(!v.is_visible(b));
    assert!(!v.is_visible(c), "B's hidden answer does not show C");
    assert_eq!(v.next_page(0), None);
    // Submitting drops B's answer and does not ask for the required C.
    let submitted = answers.submit(&q).unwrap();
    assert_eq!(submitted.get(a), Some(&choice("nee")));
    assert_eq!(submitted.get(b), None);
    assert_eq!(submitted.len(), 1);
    // With A "ja" the chain is shown and C is required.
    let answers = saved(&q, vec![(a, choice("ja")), (b, choice("ja"))]);
    assert_eq!(
        answers.submit(&q),
        Err(vec![AnswerError {
            question: c,
            problem: AnswerProblem::Required
        }])
    );
}

#[test]
fn progress_counts_shown_questions_fully_answered() {
    let q = fixture::questionnaire();
    let i = ids();
    let p = Visibility::of(&q, &ResponseAnswers::new()).progress();
    assert_eq!(
        p,
        Progress {
            answered: 0,
            visible: 7,
            required_missing: 3
        }
    );
    assert_eq!(p.percent(), 0);
    assert!(!p.can_submit());

    let answers = saved(
        &q,
        vec![
            (i.age, choice("12-15")),
            (i.sport, choice("ja")),
            (i.club, choices(&["dans"])),
            (i.matrix, matrix(&[("veilig", 1)])),
        ],
    );
    let p = Visibility::of(&q, &answers).progress();
    // Shown: 7 + club and hours; the half-filled matrix does not count yet.
    assert_eq!(
        p,
        Progress {
            answered: 3,
            visible: 9,
            required_missing: 1
        }
    );
    assert_eq!(p.percent(), 33);
    let states = Visibility::of(&q, &answers).questions;
    let m = states.iter().find(|s| s.id == i.matrix).unwrap();
    assert!(m.answered && !m.complete && m.page == 3 && !m.required);
}

#[test]
fn saving_applies_every_change_or_none() {
    let q = fixture::questionnaire();
    let i = ids();
    let first = ResponseAnswers::new()
        .save(
            &q,
            set(vec![
                (i.age, choice("16-18")),
                (i.tip, text("Meer  bankjes")),
            ]),
        )
        .unwrap();
    assert_eq!(first.get(i.tip), Some(&text("Meer bankjes")));
    // One bad value refuses the whole save and reports every problem, in
    // question order and unknown questions last.
    let refused = first.save(
        &q,
        set(vec![
            (i.age, choice("12-15")),
            (i.happy, AnswerValue::Scale(9)),
            (qid(0xbad), choice("ja")),
        ]),
    );
    assert_eq!(
        refused,
        Err(vec![
            AnswerError {
                question: i.happy,
                problem: AnswerProblem::OutOfRange {
                    min: Some(1.0),
                    max: Some(5.0)
                }
            },
            AnswerError {
                question: qid(0xbad),
                problem: AnswerProblem::UnknownQuestion
            },
        ])
    );
    assert_eq!(
        first.get(i.age),
        Some(&choice("16-18")),
        "the original is unchanged"
    );
    // Null clears, an empty value clears, unnamed questions stay.
    let mut changes = AnswerChanges::new();
    changes.insert(i.age, None);
    changes.insert(i.tip, Some(text("   ")));
    changes.insert(i.sport, Some(choice("nee")));
    let next = first.save(&q, changes).unwrap();
    assert_eq!(next.get(i.age), None);
    assert_eq!(next.get(i.tip), None);
    assert_eq!(next.len(), 1);
    // A save may answer a hidden question (the respondent may go back).
    let hidden = next
        .save(&q, set(vec![(i.club, choices(&["dans"]))]))
        .unwrap();
    assert_eq!(hidden.get(i.club), Some(&choices(&["dans"])));
}

#[test]
fn submitting_requires_every_shown_required_question() {
    let q = fixture::questionnaire();
    let i = ids();
    let answers = saved(&q, vec![(i.sport, choice("ja"))]);
    assert_eq!(
        answers.submit(&q),
        Err(vec![
            AnswerError {
                question: i.age,
                problem: AnswerProblem::Required
            },
            AnswerError {
                question: i.happy,
                problem: AnswerProblem::Required
            },
        ])
    );
    // A required matrix must be rated on every statement.
    let mut input = fixture::input();
    input.sections[1].pages[1].questions[0].required = true;
    input.sections[1].pages[1].questions[1].required = true;
    let strict = input.validate(q.id).unwrap();
    let answers = saved(
        &strict,
        vec![
            (i.age, choice("19-23")),
            (i.sport, choice("nee")),
            (i.happy, AnswerValue::Scale(5)),
            (i.matrix, matrix(&[("veilig", 1), ("schoon", 2)])),
            (i.rank, ranking(&["wifi"])),
        ],
    );
    assert_eq!(
        answers.submit(&strict),
        Err(vec![
            AnswerError {
                question: i.matrix,
                problem: AnswerProblem::Incomplete
            },
            AnswerError {
                question: i.rank,
                problem: AnswerProblem::Incomplete
            },
        ])
    );
}

#[test]
fn submitting_drops_hidden_answers_and_answers_that_no_longer_fit() {
    let q = fixture::questionnaire();
    let i = ids();
    let answers = saved(
        &q,
        vec![
            (i.age, choice("12-15")),
            (i.sport, choice("ja")),
            (i.club, choices(&["dans"])),
            (i.hours, AnswerValue::Number(2.0)),
            (i.happy, AnswerValue::Scale(5)),
        ],
    );
    // Changing sport to "nee" hides club and hours; both were saved.
    let answers = answers
        .save(&q, set(vec![(i.sport, choice("nee")), (i.why, text("x"))]))
        .unwrap();
    assert_eq!(answers.len(), 6);
    let submitted = answers.submit(&q).unwrap();
    let kept: Vec<QuestionId> = submitted.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        kept,
        [i.sport, i.age, i.happy],
        "club, hours and why (happy is 5) are dropped"
    );

    // Stored answers that no longer fit (an option removed since) are dropped
    // too, and a required one is then asked again.
    let stale = stored(vec![
        (i.age, choice("10-11")),
        (i.sport, choice("nee")),
        (i.happy, AnswerValue::Scale(3)),
        (qid(0xdead), choice("ja")),
    ]);
    assert_eq!(
        stale.submit(&q),
        Err(vec![AnswerError {
            question: i.age,
            problem: AnswerProblem::Required
        }])
    );
    // Submitting what was submitted changes nothing.
    assert_eq!(submitted.submit(&q).unwrap(), submitted);
}

#[test]
fn response_status_keys_round_trip() {
    for s in [ResponseStatus::InProgress, ResponseStatus::Submitted] {
        assert_eq!(ResponseStatus::parse(s.key()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.key());
    }
    assert_eq!(ResponseStatus::parse("done"), None);
}
