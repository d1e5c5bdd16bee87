//! Validating one answer against its question, hostile values included.

use super::fixture::{self, choice, choices, contact, ids, matrix, qid, ranking, text};
use crate::ids::QuestionnaireId;
use crate::questionnaire::*;
use AnswerProblem as P;
use AnswerValue as V;
use uuid::Uuid;

fn q(id: crate::ids::QuestionId) -> Question {
    fixture::questionnaire().question(id).unwrap().clone()
}

/// A question of this kind, validated.
fn make(kind: KindInput) -> Question {
    QuestionnaireInput::new(
        "T",
        vec![SectionInput::new(vec![PageInput::new(vec![
            QuestionInput::new(qid(1), "Vraag", kind),
        ])])],
    )
    .validate(QuestionnaireId(Uuid::from_u128(2)))
    .unwrap()
    .questions()
    .next()
    .unwrap()
    .clone()
}

#[test]
fn a_value_of_another_type_is_refused() {
    let i = ids();
    assert_eq!(validate_answer(&q(i.sport), V::Scale(1)), Err(P::WrongType));
    assert_eq!(
        validate_answer(&q(i.sport), choices(&["ja"])),
        Err(P::WrongType)
    );
    assert_eq!(
        validate_answer(&q(i.club), choice("voetbal")),
        Err(P::WrongType)
    );
    assert_eq!(
        validate_answer(&q(i.happy), V::Number(3.0)),
        Err(P::WrongType)
    );
    assert_eq!(validate_answer(&q(i.tip), V::Scale(3)), Err(P::WrongType));
    assert_eq!(
        validate_answer(&q(i.contact), text("ja")),
        Err(P::WrongType)
    );
    assert_eq!(
        validate_answer(&q(i.matrix), ranking(&["veilig"])),
        Err(P::WrongType)
    );
}

#[test]
fn single_choice_takes_a_known_key() {
    let sport = q(ids().sport);
    assert_eq!(
        validate_answer(&sport, choice("ja")),
        Ok(Some(choice("ja")))
    );
    assert_eq!(validate_answer(&sport, choice("JA")), Err(P::UnknownOption));
    assert_eq!(validate_answer(&sport, choice("")), Err(P::UnknownOption));
    assert_eq!(
        validate_answer(&sport, choice(&"x".repeat(100_000))),
        Err(P::UnknownOption)
    );
}

#[test]
fn multiple_choice_is_distinct_known_within_the_limit_and_in_option_order() {
    let club = q(ids().club);
    assert_eq!(
        validate_answer(&club, choices(&["zwemmen", "voetbal"])),
        Ok(Some(choices(&["voetbal", "zwemmen"])))
    );
    assert_eq!(
        validate_answer(&club, choices(&["voetbal", "hockey", "dans"])),
        Err(P::TooManyChoices { max: 2 })
    );
    assert_eq!(
        validate_answer(&club, choices(&["voetbal", "voetbal"])),
        Err(P::Duplicate)
    );
    assert_eq!(
        validate_answer(&club, choices(&["voetbal", "golf"])),
        Err(P::UnknownOption)
    );
    assert_eq!(
        validate_answer(&club, choices(&[])),
        Ok(None),
        "nothing chosen is no answer"
    );
    let flood: Vec<&str> = std::iter::repeat_n("voetbal", 100_000).collect();
    assert_eq!(validate_answer(&club, choices(&flood)), Err(P::Duplicate));
}

#[test]
fn scale_values_stay_within_the_scale() {
    let happy = q(ids().happy);
    assert_eq!(validate_answer(&happy, V::Scale(1)), Ok(Some(V::Scale(1))));
    assert_eq!(validate_answer(&happy, V::Scale(5)), Ok(Some(V::Scale(5))));
    for bad in [0, 6, i64::MIN, i64::MAX, -1] {
        assert_eq!(
            validate_answer(&happy, V::Scale(bad)),
            Err(P::OutOfRange {
                min: Some(1.0),
                max: Some(5.0)
            }),
            "{bad}"
        );
    }
}

#[test]
fn matrix_ratings_are_points_for_known_statements() {
    let m = q(ids().matrix);
    assert_eq!(
        validate_answer(&m, matrix(&[("veilig", 4)])),
        Ok(Some(matrix(&[("veilig", 4)])))
    );
    assert_eq!(
        validate_answer(&m, matrix(&[("veilig", 5)])),
        Err(P::NotAPoint)
    );
    assert_eq!(
        validate_answer(&m, matrix(&[("veilig", i64::MIN)])),
        Err(P::NotAPoint)
    );
    assert_eq!(
        validate_answer(&m, matrix(&[("druk", 2)])),
        Err(P::UnknownOption)
    );
    assert_eq!(validate_answer(&m, matrix(&[])), Ok(None));
    let many: Vec<(String, i64)> = (0..10_000).map(|n| (format!("s{n}"), 1)).collect();
    let many = V::Matrix(many.into_iter().map(|(k, v)| (OptionKey(k), v)).collect());
    assert_eq!(validate_answer(&m, many), Err(P::UnknownOption));
    assert!(!is_complete(
        &m.kind,
        &matrix(&[("veilig", 4), ("schoon", 3)])
    ));
    assert!(is_complete(
        &m.kind,
        &matrix(&[("veilig", 4), ("schoon", 3), ("gezellig", 1)])
    ));
}

#[test]
fn rankings_keep_their_order_without_duplicates_up_to_top_k() {
    let r = q(ids().rank);
    assert_eq!(
        validate_answer(&r, ranking(&["wifi", "bankjes"])),
        Ok(Some(ranking(&["wifi", "bankjes"])))
    );
    assert_eq!(
        validate_answer(&r, ranking(&["wifi", "wifi"])),
        Err(P::Duplicate)
    );
    assert_eq!(
        validate_answer(&r, ranking(&["wifi", "bankjes", "sportveld"])),
        Err(P::TooManyRanked { max: 2 })
    );
    assert_eq!(
        validate_answer(&r, ranking(&["zwembad"])),
        Err(P::UnknownOption)
    );
    assert_eq!(validate_answer(&r, ranking(&[])), Ok(None));
    assert!(!is_complete(&r.kind, &ranking(&["wifi"])));
    assert!(is_complete(&r.kind, &ranking(&["wifi", "bankjes"])));
    let full = make(KindInput::Ranking {
        options: KindInput::options(&["a", "b", "c"]),
        top: None,
    });
    assert!(!is_complete(&full.kind, &ranking(&["c", "a"])));
    assert!(is_complete(&full.kind, &ranking(&["c", "a", "b"])));
}

#[test]
fn numbers_are_finite_within_bounds_and_whole_when_asked() {
    let hours = q(ids().hours);
    assert_eq!(
        validate_answer(&hours, V::Number(6.5)),
        Ok(Some(V::Number(6.5)))
    );
    let zero = validate_answer(&hours, V::Number(-0.0)).unwrap().unwrap();
    assert_eq!(
        serde_json::to_string(&zero).unwrap(),
        r#"{"number":0.0}"#,
        "−0 is stored as 0"
    );
    assert_eq!(
        validate_answer(&hours, V::Number(f64::NAN)),
        Err(P::NotANumber)
    );
    assert_eq!(
        validate_answer(&hours, V::Number(f64::INFINITY)),
        Err(P::NotANumber)
    );
    assert_eq!(
        validate_answer(&hours, V::Number(40.5)),
        Err(P::OutOfRange {
            min: Some(0.0),
            max: Some(40.0)
        })
    );
    assert_eq!(
        validate_answer(&hours, V::Number(-1.0)),
        Err(P::OutOfRange {
            min: Some(0.0),
            max: Some(40.0)
        })
    );
    let whole = make(KindInput::Number {
        min: None,
        max: None,
        integer: true,
        unit: TextsInput::default(),
    });
    assert_eq!(
        validate_answer(&whole, V::Number(3.0)),
        Ok(Some(V::Number(3.0)))
    );
    assert_eq!(
        validate_answer(&whole, V::Number(3.25)),
        Err(P::NotAWholeNumber)
    );
    assert_eq!(
        validate_answer(&whole, V::Number(1e300)),
        Err(P::OutOfRange {
            min: Some(-1e12),
            max: Some(1e12)
        }),
        "unbounded questions still have a sane bound"
    );
}

#[test]
fn texts_are_cleaned_and_limited_in_characters() {
    let tip = q(ids().tip); // short, max 100
    assert_eq!(
        validate_answer(&tip, text("  Meer\n\tbankjes \u{202E} ")),
        Ok(Some(text("Meer bankjes")))
    );
    assert_eq!(
        validate_answer(&tip, text(" \n ")),
        Ok(None),
        "a blank text is no answer"
    );
    assert_eq!(
        validate_answer(&tip, text(&"é".repeat(100))),
        Ok(Some(text(&"é".repeat(100))))
    );
    assert_eq!(
        validate_answer(&tip, text(&"é".repeat(101))),
        Err(P::TooLong { max: 100 })
    );
    assert_eq!(
        validate_answer(&tip, text(&"a".repeat(50_000_000))),
        Err(P::TooLong { max: 100 })
    );
    let why = q(ids().why); // long, max 500
    assert_eq!(
        validate_answer(&why, text("Eén\r\n\r\n\r\nTwee\u{0007}")),
        Ok(Some(text("Eén\n\nTwee")))
    );
}

#[test]
fn contact_details_come_only_with_consent() {
    let c = q(ids().contact);
    // A no drops whatever was typed.
    let no = V::Contact(ContactAnswer {
        consent: false,
        name: Some("Sam".into()),
        email: Some("sam@example.nl".into()),
        phone: Some("0612345678".into()),
    });
    assert_eq!(validate_answer(&c, no), Ok(Some(contact(false, None))));
    // A yes needs a way to contact.
    let bare_yes = V::Contact(ContactAnswer {
        consent: true,
        name: Some("Sam".into()),
        ..Default::default()
    });
    assert_eq!(validate_answer(&c, bare_yes), Err(P::NoContactDetails));
    assert_eq!(
        validate_answer(&c, contact(true, Some("  "))),
        Err(P::NoContactDetails)
    );
    assert_eq!(
        validate_answer(&c, contact(true, Some(" Sam@Example.NL "))),
        Ok(Some(contact(true, Some("sam@example.nl"))))
    );
    for bad in [
        "sam",
        "sam@",
        "@example.nl",
        "sam@example",
        "sam@@example.nl",
        "sam@.nl",
        "sa m@example.nl",
    ] {
        assert_eq!(
            validate_answer(&c, contact(true, Some(bad))),
            Err(P::NotAnEmail),
            "{bad}"
        );
    }
    assert_eq!(
        validate_answer(&c, contact(true, Some(&"a".repeat(10_000)))),
        Err(P::NotAnEmail)
    );
    let phone = |p: &str| {
        V::Contact(ContactAnswer {
            consent: true,
            phone: Some(p.into()),
            ..Default::default()
        })
    };
    assert!(validate_answer(&c, phone("+31 (0)6-1234 5678")).is_ok());
    for bad in ["12345", "06-1234567a", "0612+345678", "1234567890123456"] {
        assert_eq!(validate_answer(&c, phone(bad)), Err(P::NotAPhone), "{bad}");
    }
    let name = V::Contact(ContactAnswer {
        consent: true,
        name: Some("x".repeat(121)),
        email: Some("a@b.nl".into()),
        phone: None,
    });
    assert_eq!(validate_answer(&c, name), Err(P::TooLong { max: 120 }));

    let email_only = make(KindInput::Contact {
        name: false,
        email: true,
        phone: false,
    });
    assert_eq!(
        validate_answer(&email_only, phone("0612345678")),
        Err(P::NotAsked)
    );
    let named = V::Contact(ContactAnswer {
        consent: true,
        name: Some("Sam".into()),
        email: Some("a@b.nl".into()),
        phone: None,
    });
    assert_eq!(validate_answer(&email_only, named), Err(P::NotAsked));
}

#[test]
fn answers_are_compact_json() {
    let i = ids();
    let answers = fixture::saved(
        &fixture::questionnaire(),
        vec![
            (i.sport, choice("ja")),
            (i.club, choices(&["hockey"])),
            (i.happy, V::Scale(4)),
            (i.matrix, matrix(&[("veilig", 2)])),
            (i.tip, text("Meer bankjes")),
            (i.contact, contact(false, None)),
        ],
    );
    let json = serde_json::to_string(&answers).unwrap();
    let id = |q: crate::ids::QuestionId| q.to_string();
    let expected = format!(
        concat!(
            r#"{{"{}":{{"choice":"ja"}},"#,
            r#""{}":{{"contact":{{"consent":false}}}},"#,
            r#""{}":{{"matrix":{{"veilig":2}}}},"#,
            r#""{}":{{"choices":["hockey"]}},"#,
            r#""{}":{{"text":"Meer bankjes"}},"#,
            r#""{}":{{"scale":4}}}}"#
        ),
        id(i.sport),
        id(i.contact),
        id(i.matrix),
        id(i.club),
        id(i.tip),
        id(i.happy)
    );
    assert_eq!(json, expected);
    let back: ResponseAnswers = serde_json::from_str(&json).unwrap();
    assert_eq!(back, answers);
    // JSON cannot smuggle in a value of the wrong shape.
    assert!(serde_json::from_str::<AnswerValue>(r#"{"scale":"4"}"#).is_err());
    assert!(serde_json::from_str::<AnswerValue>(r#"{"scale":1e400}"#).is_err());
    assert!(serde_json::from_str::<AnswerValue>(r#"{"choice":"a","scale":1}"#).is_err());
}

#[test]
fn answer_problem_codes_are_stable() {
    assert_eq!(P::TooManyChoices { max: 2 }.code(), "too-many-choices");
    assert_eq!(P::Duplicate.code(), "duplicate");
    assert_eq!(P::Required.code(), "required");
    assert_eq!(P::NoContactDetails.code(), "no-contact-details");
    assert_eq!(
        serde_json::to_value(P::TooLong { max: 100 }).unwrap(),
        serde_json::json!({"problem": "too_long", "max": 100})
    );
}
