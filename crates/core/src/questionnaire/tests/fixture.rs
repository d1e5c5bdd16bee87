//! The fixture questionnaire "Jij en je buurt" and six responses, whose
//! results the tests work out by hand.
//!
//! | page | question | kind | shown when |
//! |------|----------|------|------------|
//! | 0 | age | single choice 12-15 / 16-18 / 19-23, required | always |
//! | 0 | sport | single choice ja / nee, required | always |
//! | 1 | club | multiple choice voetbal / hockey / zwemmen / dans, max 2 | sport = ja |
//! | 1 | hours | number 0–40, decimals | sport = ja |
//! | 2 | happy | scale 1–5, required | always |
//! | 2 | why | long text, max 500 | happy 1–2 |
//! | 3 | matrix | veilig / schoon / gezellig on 1–4 | always |
//! | 3 | rank | ranking sportveld / jongerencentrum / wifi / bankjes, top 2 | always |
//! | 4 | tip | short text, max 100 | always |
//! | 4 | contact | contact (name, e-mail, phone) | always |
//!
//! Question ids are deliberately not in question order, so matching answers
//! to questions cannot rely on it.

use crate::ids::{QuestionId, QuestionnaireId};
use crate::questionnaire::*;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The fixture's question ids.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ids {
    pub age: QuestionId,
    pub sport: QuestionId,
    pub club: QuestionId,
    pub hours: QuestionId,
    pub happy: QuestionId,
    pub why: QuestionId,
    pub matrix: QuestionId,
    pub rank: QuestionId,
    pub tip: QuestionId,
    pub contact: QuestionId,
}

pub(crate) fn qid(n: u128) -> QuestionId {
    QuestionId(Uuid::from_u128(n))
}

pub(crate) fn ids() -> Ids {
    Ids {
        age: qid(0x90),
        sport: qid(0x20),
        club: qid(0x70),
        hours: qid(0x10),
        happy: qid(0xa0),
        why: qid(0x30),
        matrix: qid(0x60),
        rank: qid(0x40),
        tip: qid(0x80),
        contact: qid(0x50),
    }
}

pub(crate) fn opts(keys: &[&str]) -> Vec<OptionInput> {
    KindInput::options(keys)
}

/// The fixture as the editor would send it.
pub(crate) fn input() -> QuestionnaireInput {
    let i = ids();
    let points = ["Oneens", "Beetje oneens", "Beetje eens", "Eens"]
        .iter()
        .map(|l| PointInput {
            value: None,
            label: TextsInput::nl(*l),
        })
        .collect();
    let about = SectionInput {
        title: TextsInput::both("Over jou", "About you"),
        intro: TextsInput::default(),
        pages: vec![
            PageInput::new(vec![
                QuestionInput::new(
                    i.age,
                    "Hoe oud ben je?",
                    KindInput::SingleChoice {
                        options: vec![
                            OptionInput::new("12-15", "12 tot en met 15"),
                            OptionInput::new("16-18", "16 tot en met 18"),
                            OptionInput::new("19-23", "19 tot en met 23"),
                        ],
                    },
                )
                .required(),
                QuestionInput::new(
                    i.sport,
                    "Sport je?",
                    KindInput::SingleChoice {
                        options: opts(&["ja", "nee"]),
                    },
                )
                .required(),
            ]),
            PageInput::new(vec![
                QuestionInput::new(
                    i.club,
                    "Welke sporten doe je?",
                    KindInput::MultipleChoice {
                        options: opts(&["voetbal", "hockey", "zwemmen", "dans"]),
                        max_choices: Some(2),
                    },
                )
                .when(Condition::any_of(i.sport, &["ja"])),
                QuestionInput::new(
                    i.hours,
                    "Hoeveel uur per week sport je?",
                    KindInput::Number {
                        min: Some(0.0),
                        max: Some(40.0),
                        integer: false,
                        unit: TextsInput::nl("uur per week"),
                    },
                )
                .when(Condition::any_of(i.sport, &["ja"])),
            ]),
        ],
    };
    let area = SectionInput {
        title: TextsInput::nl("Je buurt"),
        intro: TextsInput::default(),
        pages: vec![
            PageInput::new(vec![
                QuestionInput::new(
                    i.happy,
                    "Hoe tevreden ben je over je buurt?",
                    KindInput::Scale {
                        min: 1,
                        max: 5,
                        min_label: TextsInput::nl("Helemaal niet"),
                        max_label: TextsInput::nl("Heel erg"),
                    },
                )
                .required(),
                QuestionInput::new(
                    i.why,
                    "Wat mis je?",
                    KindInput::LongText {
                        max_chars: Some(500),
                    },
                )
                .when(Condition::between(i.happy, 1, 2)),
            ]),
            PageInput::new(vec![
                QuestionInput::new(
                    i.matrix,
                    "Mijn buurt is …",
                    KindInput::Matrix {
                        statements: opts(&["veilig", "schoon", "gezellig"]),
                        points,
                    },
                ),
                QuestionInput::new(
                    i.rank,
                    "Wat moet er als eerste komen?",
                    KindInput::Ranking {
                        options: opts(&["sportveld", "jongerencentrum", "wifi", "bankjes"]),
                        top: Some(2),
                    },
                ),
            ]),
            PageInput::new(vec![
                QuestionInput::new(
                    i.tip,
                    "Heb je nog een tip?",
                    KindInput::ShortText {
                        max_chars: Some(100),
                    },
                ),
                QuestionInput::new(
                    i.contact,
                    "Mogen we contact met je opnemen?",
                    KindInput::Contact {
                        name: true,
                        email: true,
                        phone: true,
                    },
                ),
            ]),
        ],
    };
    QuestionnaireInput {
        title: TextsInput::both("Jij en je buurt", "You and your neighbourhood"),
        intro: TextsInput::nl("Vertel ons wat je van je buurt vindt."),
        closing: TextsInput::nl("Bedankt!"),
        sections: vec![about, area],
    }
}

pub(crate) fn questionnaire() -> Questionnaire {
    input()
        .validate(QuestionnaireId(Uuid::from_u128(1)))
        .expect("the fixture is valid")
}

pub(crate) fn choice(k: &str) -> AnswerValue {
    AnswerValue::Choice(OptionKey::from(k))
}

pub(crate) fn choices(ks: &[&str]) -> AnswerValue {
    AnswerValue::Choices(ks.iter().map(|k| OptionKey::from(*k)).collect())
}

pub(crate) fn ranking(ks: &[&str]) -> AnswerValue {
    AnswerValue::Ranking(ks.iter().map(|k| OptionKey::from(*k)).collect())
}

pub(crate) fn matrix(ratings: &[(&str, i64)]) -> AnswerValue {
    AnswerValue::Matrix(
        ratings
            .iter()
            .map(|(k, v)| (OptionKey::from(*k), *v))
            .collect(),
    )
}

pub(crate) fn text(t: &str) -> AnswerValue {
    AnswerValue::Text(t.to_string())
}

pub(crate) fn contact(consent: bool, email: Option<&str>) -> AnswerValue {
    AnswerValue::Contact(ContactAnswer {
        consent,
        name: None,
        email: email.map(str::to_string),
        phone: None,
    })
}

/// Answers saved (so validated) on a fresh response.
pub(crate) fn saved(q: &Questionnaire, answers: Vec<(QuestionId, AnswerValue)>) -> ResponseAnswers {
    let changes: AnswerChanges = answers.into_iter().map(|(id, v)| (id, Some(v))).collect();
    ResponseAnswers::new()
        .save(q, changes)
        .expect("valid answers")
}

/// The six responses:
///
/// 1. submitted: 12-15, ja, voetbal+zwemmen, 4 h, happy 4, matrix 4/3/4,
///    sportveld > wifi, tip about the café, contact yes.
/// 2. submitted: 16-18, nee, happy 2, why, matrix 2/1/2,
///    jongerencentrum > sportveld, contact no.
/// 3. submitted: 16-18, ja, hockey, 6.5 h, happy 4, matrix 4/4/3,
///    sportveld > jongerencentrum, tip about the cafe.
/// 4. submitted: 19-23, ja, voetbal+hockey, 10 h, happy 1, why, matrix 1/2/–,
///    wifi > bankjes.
/// 5. in progress: 12-15, nee, yet club zwemmen and 3 h (hidden: saved before
///    changing sport to nee), happy 3, and a why (hidden: happy is 3).
/// 6. in progress: 12-15 only.
pub(crate) fn responses(q: &Questionnaire) -> Vec<(ResponseStatus, ResponseAnswers)> {
    let i = ids();
    use ResponseStatus::{InProgress, Submitted};
    vec![
        (
            Submitted,
            saved(
                q,
                vec![
                    (i.age, choice("12-15")),
                    (i.sport, choice("ja")),
                    (i.club, choices(&["zwemmen", "voetbal"])),
                    (i.hours, AnswerValue::Number(4.0)),
                    (i.happy, AnswerValue::Scale(4)),
                    (
                        i.matrix,
                        matrix(&[("veilig", 4), ("schoon", 3), ("gezellig", 4)]),
                    ),
                    (i.rank, ranking(&["sportveld", "wifi"])),
                    (i.tip, text("Meer bankjes bij het café")),
                    (i.contact, contact(true, Some("Sam@Example.nl"))),
                ],
            ),
        ),
        (
            Submitted,
            saved(
                q,
                vec![
                    (i.age, choice("16-18")),
                    (i.sport, choice("nee")),
                    (i.happy, AnswerValue::Scale(2)),
                    (i.why, text("Te weinig te doen")),
                    (
                        i.matrix,
                        matrix(&[("veilig", 2), ("schoon", 1), ("gezellig", 2)]),
                    ),
                    (i.rank, ranking(&["jongerencentrum", "sportveld"])),
                    (i.contact, contact(false, None)),
                ],
            ),
        ),
        (
            Submitted,
            saved(
                q,
                vec![
                    (i.age, choice("16-18")),
                    (i.sport, choice("ja")),
                    (i.club, choices(&["hockey"])),
                    (i.hours, AnswerValue::Number(6.5)),
                    (i.happy, AnswerValue::Scale(4)),
                    (
                        i.matrix,
                        matrix(&[("veilig", 4), ("schoon", 4), ("gezellig", 3)]),
                    ),
                    (i.rank, ranking(&["sportveld", "jongerencentrum"])),
                    (i.tip, text("Cafe open tot laat")),
                ],
            ),
        ),
        (
            Submitted,
            saved(
                q,
                vec![
                    (i.age, choice("19-23")),
                    (i.sport, choice("ja")),
                    (i.club, choices(&["voetbal", "hockey"])),
                    (i.hours, AnswerValue::Number(10.0)),
                    (i.happy, AnswerValue::Scale(1)),
                    (i.why, text("Onveilig 's avonds")),
                    (i.matrix, matrix(&[("veilig", 1), ("schoon", 2)])),
                    (i.rank, ranking(&["wifi", "bankjes"])),
                ],
            ),
        ),
        (
            InProgress,
            saved(
                q,
                vec![
                    (i.age, choice("12-15")),
                    (i.sport, choice("nee")),
                    (i.club, choices(&["zwemmen"])),
                    (i.hours, AnswerValue::Number(3.0)),
                    (i.happy, AnswerValue::Scale(3)),
                    (i.why, text("verborgen")),
                ],
            ),
        ),
        (InProgress, saved(q, vec![(i.age, choice("12-15"))])),
    ]
}

/// The answers of one response as a map, for building stored answers.
pub(crate) fn stored(answers: Vec<(QuestionId, AnswerValue)>) -> ResponseAnswers {
    ResponseAnswers::from_stored(answers.into_iter().collect::<BTreeMap<_, _>>())
}
