//! Validating conditions, question ids and the contact question.

use super::definition::{Q0, errors, problem_at, qn_id, question, single};
use super::fixture::{self, ids, qid};
use crate::questionnaire::*;

#[test]
fn a_condition_must_look_back_at_a_suitable_question() {
    let i = ids();
    // On a later question (which would also allow a cycle).
    let mut input = fixture::input();
    question(&mut input, 0, 0, 1).condition = Some(Condition::any_of(i.club, &["voetbal"]));
    let e = errors(&input);
    assert_eq!(
        problem_at(&e, "sections.0.pages.0.questions.1.condition.question"),
        DefinitionProblem::NotEarlier
    );
    assert_eq!(e.len(), 1);
    // On itself.
    let mut input = fixture::input();
    question(&mut input, 0, 0, 1).condition = Some(Condition::any_of(i.sport, &["ja"]));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.0.pages.0.questions.1.condition.question"
        ),
        DefinitionProblem::NotEarlier
    );
    // On a question that does not exist.
    let mut input = fixture::input();
    question(&mut input, 1, 2, 0).condition = Some(Condition::any_of(qid(0xdead), &["ja"]));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.1.pages.2.questions.0.condition.question"
        ),
        DefinitionProblem::UnknownQuestion
    );
    // On a text, matrix or ranking question.
    for source in [i.why, i.matrix, i.rank] {
        let mut input = fixture::input();
        question(&mut input, 1, 2, 0).condition = Some(Condition::any_of(source, &["x"]));
        assert_eq!(
            problem_at(
                &errors(&input),
                "sections.1.pages.2.questions.0.condition.question"
            ),
            DefinitionProblem::Unsuitable
        );
    }
    // A range test on a choice question, an option test on a scale.
    let mut input = fixture::input();
    question(&mut input, 1, 2, 0).condition = Some(Condition::between(i.sport, 1, 2));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.1.pages.2.questions.0.condition.question"
        ),
        DefinitionProblem::Unsuitable
    );
    let mut input = fixture::input();
    question(&mut input, 1, 2, 0).condition = Some(Condition::any_of(i.happy, &["1"]));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.1.pages.2.questions.0.condition.question"
        ),
        DefinitionProblem::Unsuitable
    );
}

#[test]
fn a_condition_must_name_existing_options_or_a_reachable_range() {
    let i = ids();
    let mut input = fixture::input();
    question(&mut input, 0, 1, 0).condition =
        Some(Condition::any_of(i.sport, &["ja", "misschien"]));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.0.pages.1.questions.0.condition.test"
        ),
        DefinitionProblem::UnknownOption {
            key: "misschien".into()
        }
    );
    let mut input = fixture::input();
    question(&mut input, 0, 1, 0).condition = Some(Condition::any_of(i.sport, &[]));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.0.pages.1.questions.0.condition.test"
        ),
        DefinitionProblem::NeverTrue
    );
    let mut input = fixture::input();
    question(&mut input, 1, 0, 1).condition = Some(Condition::between(i.happy, 6, 9));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.1.pages.0.questions.1.condition.test"
        ),
        DefinitionProblem::NeverTrue
    );
    let mut input = fixture::input();
    question(&mut input, 1, 0, 1).condition = Some(Condition::between(i.happy, 3, 2));
    assert_eq!(
        problem_at(
            &errors(&input),
            "sections.1.pages.0.questions.1.condition.test"
        ),
        DefinitionProblem::BadRange
    );
    // A repeated option is kept once.
    let mut input = fixture::input();
    question(&mut input, 0, 1, 0).condition = Some(Condition::any_of(i.sport, &["ja", "ja"]));
    let q = input.validate(qn_id()).unwrap();
    assert_eq!(
        q.question(i.club).unwrap().condition,
        Some(Condition::any_of(i.sport, &["ja"]))
    );
}

#[test]
fn ids_are_unique_and_contact_is_asked_once_with_a_way_to_contact() {
    let i = ids();
    let mut input = fixture::input();
    question(&mut input, 1, 2, 0).id = i.age;
    assert_eq!(
        problem_at(&errors(&input), "sections.1.pages.2.questions.0.id"),
        DefinitionProblem::Duplicate
    );

    let mut input = fixture::input();
    question(&mut input, 1, 2, 0).kind = KindInput::Contact {
        name: false,
        email: true,
        phone: false,
    };
    assert_eq!(
        problem_at(&errors(&input), "sections.1.pages.2.questions.1.kind"),
        DefinitionProblem::SecondContact
    );

    let e = errors(&single(KindInput::Contact {
        name: true,
        email: false,
        phone: false,
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.email")),
        DefinitionProblem::Missing
    );
}
