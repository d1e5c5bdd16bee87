//! Validating a question's settings: options and their keys, limits,
//! ranges and matrix points.

use super::definition::{Q0, errors, problem_at, qn_id, single};
use super::fixture::opts;
use crate::questionnaire::limits::{DEFAULT_SHORT_TEXT, MAX_OPTIONS, MAX_RANKED};
use crate::questionnaire::*;

#[test]
fn options_that_differ_only_in_case_accents_or_punctuation_are_duplicates() {
    let e = errors(&single(KindInput::SingleChoice {
        options: vec![
            OptionInput::new("", "Eén keer per week"),
            OptionInput::new("", "een keer per WEEK!"),
        ],
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options.1.text.nl")),
        DefinitionProblem::Duplicate
    );
}

#[test]
fn missing_keys_are_made_from_the_text_and_kept_unique() {
    let q = single(KindInput::SingleChoice {
        options: vec![
            OptionInput::new("", "Eén keer per week"),
            OptionInput::new("een-keer-per-week-2", "Vaker"),
            OptionInput::new("", "Eén-keer per week"),
            OptionInput::new("", "???"),
        ],
    })
    .validate(qn_id())
    .unwrap();
    let question = q.questions().next().unwrap();
    let keys: Vec<&str> = question
        .kind
        .options()
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    // The given key is kept; made keys avoid it and each other.
    assert_eq!(
        keys,
        [
            "een-keer-per-week",
            "een-keer-per-week-2",
            "een-keer-per-week-3",
            "option-4"
        ]
    );
    assert_eq!(question.option("option-4").unwrap().text.nl, "???");
}

#[test]
fn a_given_key_must_be_well_formed_and_unique() {
    let input = single(KindInput::SingleChoice {
        options: vec![
            OptionInput::new("Ja", "Ja"),
            OptionInput::new("nee", "Nee"),
            OptionInput::new("nee", "Weet niet"),
            OptionInput::new("-x", "Anders"),
        ],
    });
    let e = errors(&input);
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options.0.key")),
        DefinitionProblem::BadKey
    );
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options.2.key")),
        DefinitionProblem::Duplicate
    );
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options.3.key")),
        DefinitionProblem::BadKey
    );
    assert_eq!(e.len(), 3);
    assert!(!OptionKey::is_well_formed(&"a".repeat(41)));
    assert!(OptionKey::is_well_formed("12-15_b"));
}

#[test]
fn choice_questions_need_enough_options() {
    let e = errors(&single(KindInput::SingleChoice { options: vec![] }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options")),
        DefinitionProblem::TooFew { min: 2 }
    );
    let e = errors(&single(KindInput::SingleChoice {
        options: opts(&["ja"]),
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options")),
        DefinitionProblem::TooFew { min: 2 }
    );
    let e = errors(&single(KindInput::MultipleChoice {
        options: vec![],
        max_choices: None,
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options")),
        DefinitionProblem::TooFew { min: 1 }
    );
    let e = errors(&single(KindInput::Ranking {
        options: opts(&["a"]),
        top: None,
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options")),
        DefinitionProblem::TooFew { min: 2 }
    );
    let many: Vec<String> = (0..=MAX_OPTIONS).map(|i| format!("o{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let e = errors(&single(KindInput::SingleChoice {
        options: opts(&many),
    }));
    assert_eq!(
        e,
        [DefinitionError {
            field: format!("{Q0}.kind.options"),
            problem: DefinitionProblem::TooMany { max: MAX_OPTIONS }
        }]
    );
}

#[test]
fn an_option_without_text_is_missing() {
    let e = errors(&single(KindInput::SingleChoice {
        options: vec![OptionInput::new("a", "A"), OptionInput::new("b", "  ")],
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.options.1.text.nl")),
        DefinitionProblem::Missing
    );
}

#[test]
fn limits_of_choices_ranks_and_texts_are_checked() {
    let e = errors(&single(KindInput::MultipleChoice {
        options: opts(&["a", "b"]),
        max_choices: Some(0),
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.max_choices")),
        DefinitionProblem::BadLimit { min: 1, max: 2 }
    );
    let e = errors(&single(KindInput::MultipleChoice {
        options: opts(&["a", "b"]),
        max_choices: Some(3),
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.max_choices")),
        DefinitionProblem::BadLimit { min: 1, max: 2 }
    );
    // A limit equal to the number of options is no limit.
    let q = single(KindInput::MultipleChoice {
        options: opts(&["a", "b"]),
        max_choices: Some(2),
    })
    .validate(qn_id())
    .unwrap();
    assert!(matches!(
        q.questions().next().unwrap().kind,
        QuestionKind::MultipleChoice {
            max_choices: None,
            ..
        }
    ));

    let e = errors(&single(KindInput::Ranking {
        options: opts(&["a", "b", "c"]),
        top: Some(4),
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.top")),
        DefinitionProblem::BadLimit { min: 1, max: 3 }
    );
    let many: Vec<String> = (0..=MAX_RANKED).map(|i| format!("o{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let e = errors(&single(KindInput::Ranking {
        options: opts(&many),
        top: None,
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.top")),
        DefinitionProblem::BadLimit {
            min: 1,
            max: MAX_RANKED as u32
        },
        "ranking more than {MAX_RANKED} options needs a top-K"
    );
    assert!(
        single(KindInput::Ranking {
            options: opts(&many),
            top: Some(3)
        })
        .validate(qn_id())
        .is_ok()
    );

    let e = errors(&single(KindInput::ShortText { max_chars: Some(0) }));
    assert!(matches!(
        problem_at(&e, &format!("{Q0}.kind.max_chars")),
        DefinitionProblem::BadLimit { min: 1, .. }
    ));
    let e = errors(&single(KindInput::LongText {
        max_chars: Some(1_000_000),
    }));
    assert!(matches!(
        problem_at(&e, &format!("{Q0}.kind.max_chars")),
        DefinitionProblem::BadLimit { .. }
    ));
    let q = single(KindInput::ShortText { max_chars: None })
        .validate(qn_id())
        .unwrap();
    assert_eq!(
        q.questions().next().unwrap().kind,
        QuestionKind::ShortText {
            max_chars: DEFAULT_SHORT_TEXT
        }
    );
}

#[test]
fn scales_and_numbers_need_sensible_ranges() {
    let scale = |min, max| KindInput::Scale {
        min,
        max,
        min_label: TextsInput::default(),
        max_label: TextsInput::default(),
    };
    assert_eq!(
        problem_at(&errors(&single(scale(5, 5))), &format!("{Q0}.kind.max")),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(&errors(&single(scale(5, 1))), &format!("{Q0}.kind.max")),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(&errors(&single(scale(0, 101))), &format!("{Q0}.kind.max")),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(
            &errors(&single(scale(i32::MIN, 0))),
            &format!("{Q0}.kind.min")
        ),
        DefinitionProblem::BadRange
    );
    assert!(single(scale(0, 100)).validate(qn_id()).is_ok());
    assert!(single(scale(-2, 2)).validate(qn_id()).is_ok());

    let number = |min, max| KindInput::Number {
        min,
        max,
        integer: true,
        unit: TextsInput::default(),
    };
    assert_eq!(
        problem_at(
            &errors(&single(number(Some(f64::NAN), None))),
            &format!("{Q0}.kind.min")
        ),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(
            &errors(&single(number(None, Some(f64::INFINITY)))),
            &format!("{Q0}.kind.max")
        ),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(
            &errors(&single(number(Some(10.0), Some(10.0)))),
            &format!("{Q0}.kind.max")
        ),
        DefinitionProblem::BadRange
    );
    assert!(single(number(None, None)).validate(qn_id()).is_ok());
}

#[test]
fn a_matrix_needs_ascending_labelled_points() {
    let point = |value: Option<i32>, label: &str| PointInput {
        value,
        label: TextsInput::nl(label),
    };
    let e = errors(&single(KindInput::Matrix {
        statements: opts(&["a"]),
        points: vec![
            point(Some(3), "Veel"),
            point(Some(3), "Weinig"),
            point(None, ""),
        ],
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.points.1.value")),
        DefinitionProblem::BadRange
    );
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.points.2.label.nl")),
        DefinitionProblem::Missing
    );
    let e = errors(&single(KindInput::Matrix {
        statements: vec![],
        points: vec![point(None, "Ja")],
    }));
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.statements")),
        DefinitionProblem::TooFew { min: 1 }
    );
    assert_eq!(
        problem_at(&e, &format!("{Q0}.kind.points")),
        DefinitionProblem::TooFew { min: 2 }
    );
    let q = single(KindInput::Matrix {
        statements: opts(&["a"]),
        points: vec![
            point(Some(-2), "Min"),
            point(None, "Nul"),
            point(Some(5), "Plus"),
        ],
    })
    .validate(qn_id())
    .unwrap();
    let QuestionKind::Matrix { points, .. } = &q.questions().next().unwrap().kind else {
        panic!()
    };
    assert_eq!(
        points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [-2, -1, 5]
    );
}
