//! Validating a definition: what is accepted, cleaned and refused.

use super::fixture::{self, ids, qid};
use crate::ids::QuestionnaireId;
use crate::lang::Lang;
use crate::questionnaire::limits::MAX_QUESTIONS;
use crate::questionnaire::*;
use uuid::Uuid;

pub(super) fn qn_id() -> QuestionnaireId {
    QuestionnaireId(Uuid::from_u128(7))
}

pub(super) fn errors(input: &QuestionnaireInput) -> Vec<DefinitionError> {
    input.validate(qn_id()).expect_err("should be refused")
}

/// The one problem reported for `field`, failing if there is none.
pub(super) fn problem_at(errors: &[DefinitionError], field: &str) -> DefinitionProblem {
    let found: Vec<_> = errors.iter().filter(|e| e.field == field).collect();
    assert_eq!(found.len(), 1, "one problem at {field} in {errors:?}");
    found[0].problem.clone()
}

pub(super) fn question(
    input: &mut QuestionnaireInput,
    s: usize,
    p: usize,
    q: usize,
) -> &mut QuestionInput {
    &mut input.sections[s].pages[p].questions[q]
}

/// One page with one question of this kind.
pub(super) fn single(kind: KindInput) -> QuestionnaireInput {
    QuestionnaireInput::new(
        "Test",
        vec![SectionInput::new(vec![PageInput::new(vec![
            QuestionInput::new(qid(1), "Vraag", kind),
        ])])],
    )
}

pub(super) const Q0: &str = "sections.0.pages.0.questions.0";

#[test]
fn the_fixture_validates_with_cleaned_texts_and_keys() {
    let q = fixture::questionnaire();
    assert_eq!(q.page_count(), 5);
    assert_eq!(q.question_count(), 10);
    assert_eq!(q.title.get(Lang::En), "You and your neighbourhood");
    assert_eq!(
        q.sections[1].title.as_ref().unwrap().get(Lang::En),
        "Je buurt"
    );
    let happy = q.question(ids().happy).unwrap();
    assert!(happy.required);
    assert_eq!(happy.help, None);
    // Matrix points without values count up from 1.
    let QuestionKind::Matrix { points, .. } = &q.question(ids().matrix).unwrap().kind else {
        panic!("matrix")
    };
    assert_eq!(
        points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(q.page_of(ids().rank), Some(3));
    assert_eq!(q.page_location(3), Some((1, 1)));
    assert_eq!(q.page_location(5), None);
}

#[test]
fn the_editor_gets_back_what_validates_to_the_same_questionnaire() {
    let q = fixture::questionnaire();
    let again = QuestionnaireInput::from(&q).validate(q.id).unwrap();
    assert_eq!(again, q);
}

#[test]
fn texts_are_required_in_dutch_and_limited_in_both_languages() {
    let mut input = fixture::input();
    input.title = TextsInput::both("", "Only English");
    input.intro = TextsInput::both("Hallo", "x".repeat(5000));
    question(&mut input, 0, 0, 0).text = TextsInput::nl(" \n ");
    let e = errors(&input);
    assert_eq!(problem_at(&e, "title.nl"), DefinitionProblem::Missing);
    assert_eq!(
        problem_at(&e, "intro.en"),
        DefinitionProblem::TooLong { max: 4000 }
    );
    assert_eq!(
        problem_at(&e, "sections.0.pages.0.questions.0.text.nl"),
        DefinitionProblem::Missing
    );
    assert_eq!(e.len(), 3);
    // An English version alone, without Dutch, is refused even where optional.
    let mut input = fixture::input();
    input.closing = TextsInput::both("", "Thanks");
    assert_eq!(
        problem_at(&errors(&input), "closing.nl"),
        DefinitionProblem::Missing
    );
}

#[test]
fn empty_structure_and_too_many_questions_are_refused() {
    let mut input = fixture::input();
    input.sections[1].pages[2].questions.clear();
    input.sections[0].pages.clear();
    let e = errors(&input);
    assert_eq!(
        problem_at(&e, "sections.0.pages"),
        DefinitionProblem::TooFew { min: 1 }
    );
    assert_eq!(
        problem_at(&e, "sections.1.pages.2.questions"),
        DefinitionProblem::TooFew { min: 1 }
    );
    let e = errors(&QuestionnaireInput::new("Leeg", vec![]));
    assert_eq!(
        problem_at(&e, "sections"),
        DefinitionProblem::TooFew { min: 1 }
    );

    let questions: Vec<QuestionInput> = (0..=MAX_QUESTIONS as u128)
        .map(|n| {
            QuestionInput::new(
                qid(n + 1),
                "Vraag",
                KindInput::ShortText { max_chars: None },
            )
        })
        .collect();
    let pages = questions
        .chunks(10)
        .map(|c| PageInput::new(c.to_vec()))
        .collect();
    let e = errors(&QuestionnaireInput::new(
        "Lang",
        vec![SectionInput::new(pages)],
    ));
    assert_eq!(
        e,
        [DefinitionError {
            field: "sections.0.pages.20.questions.0".to_string(),
            problem: DefinitionProblem::TooMany { max: MAX_QUESTIONS }
        }]
    );
}

#[test]
fn definitions_serialize_with_a_type_tag_and_conditions_by_test() {
    let q = fixture::questionnaire();
    let club = serde_json::to_value(q.question(ids().club).unwrap()).unwrap();
    assert_eq!(club["kind"]["type"], "multiple_choice");
    assert_eq!(club["kind"]["max_choices"], 2);
    assert_eq!(
        club["kind"]["options"][0],
        serde_json::json!({"key": "voetbal", "text": {"nl": "voetbal"}})
    );
    assert_eq!(
        club["condition"],
        serde_json::json!({"question": "00000000-0000-0000-0000-000000000020", "test": {"any_of": ["ja"]}})
    );
    let why = serde_json::to_value(q.question(ids().why).unwrap()).unwrap();
    assert_eq!(
        why["condition"]["test"],
        serde_json::json!({"between": {"min": 1, "max": 2}})
    );
    let back: Questionnaire = serde_json::from_str(&serde_json::to_string(&q).unwrap()).unwrap();
    assert_eq!(back, q);
}

#[test]
fn problem_codes_are_stable() {
    assert_eq!(
        DefinitionProblem::NotEarlier.code(),
        "condition-not-earlier"
    );
    assert_eq!(
        DefinitionProblem::UnknownOption { key: "x".into() }.code(),
        "unknown-option"
    );
    assert_eq!(
        DefinitionProblem::BadLimit { min: 1, max: 2 }.code(),
        "bad-limit"
    );
    let json = serde_json::to_value(DefinitionProblem::TooFew { min: 2 }).unwrap();
    assert_eq!(json, serde_json::json!({"problem": "too_few", "min": 2}));
}
