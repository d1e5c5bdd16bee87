//! A small questionnaire and three responses, exported: the table cell by
//! cell, the csv and the xlsx read back, hostile text kept as text and
//! contact details nowhere.

use super::*;
use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use koers_core::ids::{QuestionId, QuestionnaireId, ResponseId};
use koers_core::questionnaire::{
    AnswerChanges, Condition, ContactAnswer, KindInput, OptionInput, OptionKey, PageInput,
    PointInput, QuestionInput, QuestionnaireInput, ResponseAnswers, ResponseStatus, SectionInput,
    TextsInput,
};
use std::io::Cursor;
use uuid::Uuid;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";
const EMAIL: &str = "sam@example.nl";
const PHONE: &str = "0612345678";
const OTHER_EMAIL: &str = "kim@example.nl";

fn qid(n: u128) -> QuestionId {
    QuestionId(Uuid::from_u128(n))
}

// Question ids, deliberately not in question order.
const AGE: u128 = 9;
const SPORT: u128 = 2;
const CLUB: u128 = 7;
const HOURS: u128 = 1;
const HAPPY: u128 = 10;
const WHY: u128 = 3;
const MATRIX: u128 = 6;
const RANK: u128 = 4;
const TIP: u128 = 8;
const CONTACT: u128 = 5;

fn questionnaire() -> Questionnaire {
    let opts = KindInput::options;
    let age = ["12-15", "16-18", "19-23"]
        .iter()
        .zip(["12 tot en met 15", "16 tot en met 18", "19 tot en met 23"])
        .zip(["12 to 15", "16 to 18", "19 to 23"])
        .map(|((k, nl), en)| OptionInput {
            key: (*k).to_string(),
            text: TextsInput::both(nl, en),
        })
        .collect();
    let mut age_q = QuestionInput::new(
        qid(AGE),
        "Hoe oud ben je?",
        KindInput::SingleChoice { options: age },
    );
    age_q.text = TextsInput::both("Hoe oud ben je?", "How old are you?");
    let points = ["Oneens", "Beetje oneens", "Beetje eens", "Eens"]
        .iter()
        .map(|l| PointInput {
            value: None,
            label: TextsInput::nl(*l),
        })
        .collect();
    let pages = vec![
        PageInput::new(vec![
            age_q,
            QuestionInput::new(
                qid(SPORT),
                "Sport je?",
                KindInput::SingleChoice {
                    options: opts(&["ja", "nee"]),
                },
            ),
        ]),
        PageInput::new(vec![
            QuestionInput::new(
                qid(CLUB),
                "Welke sporten doe je?",
                KindInput::MultipleChoice {
                    options: opts(&["voetbal", "hockey", "dans"]),
                    max_choices: None,
                },
            )
            .when(Condition::any_of(qid(SPORT), &["ja"])),
            QuestionInput::new(
                qid(HOURS),
                "Hoeveel uur per week sport je?",
                KindInput::Number {
                    min: Some(0.0),
                    max: Some(40.0),
                    integer: false,
                    unit: TextsInput::nl("uur"),
                },
            )
            .when(Condition::any_of(qid(SPORT), &["ja"])),
        ]),
        PageInput::new(vec![
            QuestionInput::new(
                qid(HAPPY),
                "Hoe tevreden ben je over je buurt?",
                KindInput::Scale {
                    min: 1,
                    max: 5,
                    min_label: TextsInput::default(),
                    max_label: TextsInput::default(),
                },
            ),
            QuestionInput::new(
                qid(WHY),
                "Wat mis je?",
                KindInput::LongText { max_chars: None },
            )
            .when(Condition::between(qid(HAPPY), 1, 2)),
            QuestionInput::new(
                qid(MATRIX),
                "Mijn buurt is …",
                KindInput::Matrix {
                    statements: opts(&["veilig", "schoon"]),
                    points,
                },
            ),
            QuestionInput::new(
                qid(RANK),
                "Wat moet er komen?",
                KindInput::Ranking {
                    options: opts(&["sportveld", "wifi", "bankjes"]),
                    top: Some(2),
                },
            ),
        ]),
        PageInput::new(vec![
            QuestionInput::new(
                qid(TIP),
                "Heb je nog een tip?",
                KindInput::ShortText { max_chars: None },
            ),
            QuestionInput::new(
                qid(CONTACT),
                "Mogen we je mailen?",
                KindInput::Contact {
                    name: true,
                    email: true,
                    phone: true,
                },
            ),
        ]),
    ];
    QuestionnaireInput::new("Jij en je buurt", vec![SectionInput::new(pages)])
        .validate(QuestionnaireId(Uuid::from_u128(1)))
        .expect("valid")
}

fn key(k: &str) -> OptionKey {
    OptionKey::from(k)
}

/// Answers as saved (so checked against the questions).
fn saved(q: &Questionnaire, answers: Vec<(u128, AnswerValue)>) -> ResponseAnswers {
    let changes: AnswerChanges = answers
        .into_iter()
        .map(|(id, v)| (qid(id), Some(v)))
        .collect();
    ResponseAnswers::new().save(q, changes).expect("valid")
}

/// 14:00 on 1 March 2025 in the Netherlands (13:00 UTC).
fn two_pm() -> i64 {
    "2025-03-01T13:00:00Z"
        .parse::<jiff::Timestamp>()
        .expect("a time")
        .as_millisecond()
}

/// Three responses, given out of order:
///
/// - `0x300`, submitted at 15:00: all answered, a formula as tip, contact yes
///   with an e-mail address (the store keeps it apart on submitting; were it
///   still here, the export would leave it out all the same).
/// - `0x200`, in progress since 14:25: no sport (yet club and hours saved
///   before changing that: hidden), unhappy so why is shown, contact yes with
///   details still in the draft.
/// - `0x100`, submitted at 15:00: some answers, a whole number of hours,
///   contact no.
fn responses(q: &Questionnaire) -> Vec<StoredResponse> {
    use AnswerValue as V;
    let hour = 3_600_000;
    let contact = |consent, email: Option<&str>, phone: Option<&str>| {
        V::Contact(ContactAnswer {
            consent,
            name: None,
            email: email.map(str::to_string),
            phone: phone.map(str::to_string),
        })
    };
    vec![
        StoredResponse {
            id: ResponseId(Uuid::from_u128(0x300)),
            status: ResponseStatus::Submitted,
            hour: two_pm() + hour,
            answers: saved(
                q,
                vec![
                    (AGE, V::Choice(key("12-15"))),
                    (SPORT, V::Choice(key("ja"))),
                    (CLUB, V::Choices(vec![key("dans"), key("voetbal")])),
                    (HOURS, V::Number(6.5)),
                    (HAPPY, V::Scale(4)),
                    (
                        MATRIX,
                        V::Matrix([(key("veilig"), 4), (key("schoon"), 3)].into()),
                    ),
                    (RANK, V::Ranking(vec![key("wifi"), key("sportveld")])),
                    (TIP, V::Text(FORMULA.into())),
                    (CONTACT, contact(true, Some(OTHER_EMAIL), None)),
                ],
            ),
        },
        StoredResponse {
            id: ResponseId(Uuid::from_u128(0x200)),
            status: ResponseStatus::InProgress,
            hour: two_pm() + 25 * 60_000,
            answers: saved(
                q,
                vec![
                    (AGE, V::Choice(key("16-18"))),
                    (SPORT, V::Choice(key("nee"))),
                    (CLUB, V::Choices(vec![key("hockey")])),
                    (HOURS, V::Number(3.0)),
                    (HAPPY, V::Scale(2)),
                    (WHY, V::Text("Te weinig te doen".into())),
                    (CONTACT, contact(true, Some(EMAIL), Some(PHONE))),
                ],
            ),
        },
        StoredResponse {
            id: ResponseId(Uuid::from_u128(0x100)),
            status: ResponseStatus::Submitted,
            hour: two_pm() + hour,
            answers: saved(
                q,
                vec![
                    (AGE, V::Choice(key("19-23"))),
                    (SPORT, V::Choice(key("ja"))),
                    (HOURS, V::Number(10.0)),
                    (HAPPY, V::Scale(5)),
                    (MATRIX, V::Matrix([(key("veilig"), 1)].into())),
                    (CONTACT, contact(false, None, None)),
                ],
            ),
        },
    ]
}

const HEADER: [&str; 18] = [
    "Respons",
    "Status",
    "Laatst gewijzigd",
    "Hoe oud ben je?",
    "Sport je?",
    "Welke sporten doe je?: voetbal",
    "Welke sporten doe je?: hockey",
    "Welke sporten doe je?: dans",
    "Hoeveel uur per week sport je?",
    "Hoe tevreden ben je over je buurt?",
    "Wat mis je?",
    "Mijn buurt is …: veilig",
    "Mijn buurt is …: schoon",
    "Wat moet er komen?: sportveld",
    "Wat moet er komen?: wifi",
    "Wat moet er komen?: bankjes",
    "Heb je nog een tip?",
    "Mogen we je mailen?",
];

fn at(h: i8) -> Cell {
    Cell::Time(jiff::civil::date(2025, 3, 1).at(h, 0, 0, 0))
}

fn t(s: &str) -> Cell {
    Cell::text(s)
}

#[test]
fn a_row_per_response_a_column_per_answer_part() {
    use Cell::{Empty as E, Int as I, Number as N};
    let q = questionnaire();
    let (header, rows) = table(&q, &responses(&q), Lang::Nl);
    assert_eq!(header, HEADER);
    // Ordered by hour, then by (random) id; numbered, not identified.
    assert_eq!(
        rows,
        vec![
            vec![
                I(1),
                t("bezig"),
                at(14),
                t("16 tot en met 18"),
                t("nee"),
                // Club and hours are hidden now that sport is no.
                E,
                E,
                E,
                E,
                I(2),
                t("Te weinig te doen"),
                E,
                E,
                E,
                E,
                E,
                E,
                t("ja"),
            ],
            vec![
                I(2),
                t("ingediend"),
                at(15),
                t("19 tot en met 23"),
                t("ja"),
                E,
                E,
                E,
                N(10.0),
                I(5),
                E,
                I(1),
                E,
                E,
                E,
                E,
                E,
                t("nee"),
            ],
            vec![
                I(3),
                t("ingediend"),
                at(15),
                t("12 tot en met 15"),
                t("ja"),
                I(1),
                I(0),
                I(1),
                N(6.5),
                I(4),
                E,
                I(4),
                I(3),
                I(2),
                I(1),
                E,
                t(FORMULA),
                t("ja"),
            ],
        ]
    );
    // In English where there is English, Dutch where there is not.
    let (header, rows) = table(&q, &responses(&q), Lang::En);
    assert_eq!(
        header[..5],
        [
            "Response",
            "Status",
            "Last changed",
            "How old are you?",
            "Sport je?"
        ]
    );
    assert_eq!(
        rows[0][1..5],
        [t("in progress"), at(14), t("16 to 18"), t("nee")]
    );
    assert_eq!(rows[0][17], t("yes"));
    // No responses: just the header.
    let (header, rows) = table(&q, &[], Lang::Nl);
    assert_eq!((header.len(), rows.len()), (18, 0));
}

#[test]
fn answers_that_no_longer_fit_are_empty() {
    let q = questionnaire();
    let stale = StoredResponse {
        id: ResponseId(Uuid::from_u128(1)),
        status: ResponseStatus::Submitted,
        hour: two_pm(),
        answers: ResponseAnswers::from_stored(
            [
                (qid(AGE), AnswerValue::Choice(key("70-plus"))),
                (qid(HAPPY), AnswerValue::Text("blij".into())),
                (qid(TIP), AnswerValue::Scale(3)),
            ]
            .into(),
        ),
    };
    let (header, rows) = table(&q, &[stale], Lang::Nl);
    assert_eq!(rows[0].len(), header.len());
    assert!(rows[0][3..].iter().all(|c| *c == Cell::Empty), "{rows:?}");
}

#[test]
fn the_csv_has_the_same_cells_and_formulas_as_text() {
    let q = questionnaire();
    let bytes = csv(&q, &responses(&q), Lang::Nl).unwrap();
    let all = String::from_utf8(bytes.clone()).unwrap();
    for detail in [EMAIL, PHONE, OTHER_EMAIL] {
        assert!(!all.contains(detail), "{all}");
    }
    assert!(
        !all.contains("0x") && !all.contains("00000000-0000"),
        "no ids"
    );
    let mut r = ::csv::Reader::from_reader(Cursor::new(bytes));
    assert_eq!(
        r.headers().unwrap(),
        &::csv::StringRecord::from(HEADER.to_vec())
    );
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        [
            row(&[
                "1",
                "bezig",
                "2025-03-01 14:00",
                "16 tot en met 18",
                "nee",
                "",
                "",
                "",
                "",
                "2",
                "Te weinig te doen",
                "",
                "",
                "",
                "",
                "",
                "",
                "ja",
            ]),
            row(&[
                "2",
                "ingediend",
                "2025-03-01 15:00",
                "19 tot en met 23",
                "ja",
                "",
                "",
                "",
                "10",
                "5",
                "",
                "1",
                "",
                "",
                "",
                "",
                "",
                "nee",
            ]),
            row(&[
                "3",
                "ingediend",
                "2025-03-01 15:00",
                "12 tot en met 15",
                "ja",
                "1",
                "0",
                "1",
                "6.5",
                "4",
                "",
                "4",
                "3",
                "2",
                "1",
                "",
                &format!("'{FORMULA}"),
                "ja",
            ]),
        ]
    );
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn cell(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_has_typed_cells_and_the_questions() {
    let q = questionnaire();
    let mut wb = open(xlsx(&q, &responses(&q), Lang::Nl).unwrap());
    assert_eq!(wb.sheet_names(), ["Antwoorden", "Vragen"]);
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}"
        );
    }
    let r = wb.worksheet_range("Antwoorden").unwrap();
    assert_eq!((r.height(), r.width()), (4, 18));
    for (c, h) in HEADER.iter().enumerate() {
        assert_eq!(cell(&r, 0, c as u32), Data::String((*h).into()));
    }
    // Numbers are numbers, texts are texts, the formula is a plain string.
    let s = |x: &str| Data::String(x.into());
    assert_eq!(cell(&r, 3, 0), Data::Float(3.0));
    assert_eq!(cell(&r, 3, 1), s("ingediend"));
    assert_eq!(cell(&r, 3, 3), s("12 tot en met 15"));
    assert_eq!(
        (5..10).map(|c| cell(&r, 3, c)).collect::<Vec<_>>(),
        [
            Data::Float(1.0),
            Data::Float(0.0),
            Data::Float(1.0),
            Data::Float(6.5),
            Data::Float(4.0)
        ]
    );
    assert_eq!(cell(&r, 3, 15), Data::Empty, "unranked");
    assert_eq!(cell(&r, 3, 16), s(FORMULA));
    assert_eq!(cell(&r, 2, 8), Data::Float(10.0));
    assert_eq!(cell(&r, 1, 17), s("ja"));
    assert_eq!(cell(&r, 1, 5), Data::Empty, "hidden");
    // The hour as a date and time: 1 March 2025, 14:00.
    let Data::DateTime(when) = cell(&r, 1, 2) else {
        panic!("a date: {:?}", cell(&r, 1, 2))
    };
    let days = jiff::civil::date(1899, 12, 30)
        .until(jiff::civil::date(2025, 3, 1))
        .unwrap()
        .get_days() as f64;
    assert!(
        (when.as_f64() - (days + 14.0 / 24.0)).abs() < 1e-9,
        "{when:?}"
    );
    // Contact details are nowhere.
    for name in wb.sheet_names() {
        let r = wb.worksheet_range(&name).unwrap();
        for (_, _, v) in r.used_cells() {
            let v = v.to_string();
            for detail in [EMAIL, PHONE, OTHER_EMAIL] {
                assert!(!v.contains(detail), "{name}: {v}");
            }
        }
    }
    // The questions: number, page, kind, text.
    let qs = wb.worksheet_range("Vragen").unwrap();
    assert_eq!((qs.height(), qs.width()), (11, 4));
    assert_eq!(
        (0..4).map(|c| cell(&qs, 0, c)).collect::<Vec<_>>(),
        [s("Nr."), s("Pagina"), s("Soort"), s("Vraag")]
    );
    assert_eq!(
        (0..4).map(|c| cell(&qs, 4, c)).collect::<Vec<_>>(),
        [
            Data::Float(4.0),
            Data::Float(2.0),
            s("Getal"),
            s("Hoeveel uur per week sport je?")
        ]
    );
    assert_eq!(cell(&qs, 10, 2), s("Contact"));
    // In English.
    let wb = open(xlsx(&q, &responses(&q), Lang::En).unwrap());
    assert_eq!(wb.sheet_names(), ["Responses", "Questions"]);
}
