//! `koers questionnaire list` and `koers questionnaire export` as an
//! administrator runs them: the workspace's questionnaires with their
//! response counts, and one questionnaire's responses as csv and xlsx, a
//! row each, without ids or contact details; unknown names and unwritable
//! paths exit non-zero with a message.

#![allow(clippy::unwrap_used)]

use calamine::{Data, Reader, Xlsx, open_workbook};
use koers_core::ids::{QuestionId, QuestionnaireId};
use koers_core::questionnaire::{
    AnswerChanges, AnswerValue, ContactAnswer, KindInput, OptionKey, PageInput, QuestionInput,
    QuestionnaireInput, SectionInput, TextsInput,
};
use koers_store::{Link, QuestionnaireRecord, Store, StoreOptions};
use std::path::Path;
use std::process::{Command, Output};

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";
const DETAILS: [&str; 3] = ["sam@example.nl", "kim@example.nl", "0612345678"];

fn koers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_koers"))
        .args(args)
        .env_remove("KOERS_DATA")
        .env_remove("KOERS_DATABASE")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn url(dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", dir.join("koers.db").display())
}

fn contact(consent: bool, email: Option<&str>, phone: Option<&str>) -> AnswerValue {
    AnswerValue::Contact(ContactAnswer {
        consent,
        name: None,
        email: email.map(str::to_string),
        phone: phone.map(str::to_string),
    })
}

/// A workspace "noord" with questionnaire "buurt" (age, happiness, a tip,
/// may we contact you) and three responses: two submitted, one in progress
/// whose draft still holds contact details; and a closed questionnaire
/// "oud" without responses. Returns the id of "buurt".
async fn seed(dir: &Path) -> QuestionnaireId {
    let store = Store::open(&url(dir), StoreOptions::default())
        .await
        .unwrap();
    let ws = store
        .create_workspace("noord", "Gemeente Noord")
        .await
        .unwrap();
    let (age, happy, tip, reach) = (
        QuestionId::new(),
        QuestionId::new(),
        QuestionId::new(),
        QuestionId::new(),
    );
    let input = QuestionnaireInput::new(
        "Jij en je buurt",
        vec![SectionInput::new(vec![PageInput::new(vec![
            QuestionInput::new(
                age,
                "Hoe oud ben je?",
                KindInput::SingleChoice {
                    options: KindInput::options(&["12-15", "16-18", "19-23"]),
                },
            ),
            QuestionInput::new(
                happy,
                "Hoe tevreden ben je?",
                KindInput::Scale {
                    min: 1,
                    max: 5,
                    min_label: TextsInput::default(),
                    max_label: TextsInput::default(),
                },
            ),
            QuestionInput::new(tip, "Tip?", KindInput::ShortText { max_chars: None }),
            QuestionInput::new(
                reach,
                "Mogen we je mailen?",
                KindInput::Contact {
                    name: false,
                    email: true,
                    phone: true,
                },
            ),
        ])])],
    );
    let q = input.validate(QuestionnaireId::new()).unwrap();
    let id = q.id;
    store
        .save_questionnaire(&QuestionnaireRecord {
            workspace_id: ws.id,
            questionnaire: q,
            slug: "buurt".into(),
            public_token: Some("publiek".into()),
            opens_at: None,
            closes_at: None,
            retain_until: None,
        })
        .await
        .unwrap();
    let changes = |answers: Vec<(QuestionId, AnswerValue)>| -> AnswerChanges {
        answers.into_iter().map(|(q, v)| (q, Some(v))).collect()
    };
    let choice = |k: &str| AnswerValue::Choice(OptionKey::from(k));
    store
        .submit_response(
            ws.id,
            id,
            Link::Public("hash-1"),
            changes(vec![
                (age, choice("12-15")),
                (happy, AnswerValue::Scale(4)),
                (tip, AnswerValue::Text(FORMULA.into())),
                (reach, contact(true, Some(DETAILS[0]), None)),
            ]),
        )
        .await
        .unwrap()
        .unwrap();
    store
        .submit_response(
            ws.id,
            id,
            Link::Public("hash-2"),
            changes(vec![
                (age, choice("16-18")),
                (happy, AnswerValue::Scale(2)),
                (reach, contact(false, None, None)),
            ]),
        )
        .await
        .unwrap()
        .unwrap();
    store
        .save_response(
            ws.id,
            id,
            Link::Public("hash-3"),
            changes(vec![
                (age, choice("19-23")),
                (reach, contact(true, Some(DETAILS[1]), Some(DETAILS[2]))),
            ]),
        )
        .await
        .unwrap()
        .unwrap();
    let old = QuestionnaireInput::new(
        "Vorig jaar",
        vec![SectionInput::new(vec![PageInput::new(vec![
            QuestionInput::new(
                QuestionId::new(),
                "Tip?",
                KindInput::ShortText { max_chars: None },
            ),
        ])])],
    )
    .validate(QuestionnaireId::new())
    .unwrap();
    store
        .save_questionnaire(&QuestionnaireRecord {
            workspace_id: ws.id,
            questionnaire: old,
            slug: "oud".into(),
            public_token: None,
            opens_at: Some(1_000),
            closes_at: Some(2_000),
            retain_until: None,
        })
        .await
        .unwrap();
    store.close().await;
    id
}

const HEADER: [&str; 7] = [
    "Respons",
    "Status",
    "Laatst gewijzigd",
    "Hoe oud ben je?",
    "Hoe tevreden ben je?",
    "Tip?",
    "Mogen we je mailen?",
];

#[tokio::test]
async fn questionnaires_are_listed_and_their_responses_exported_a_row_each() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let id = seed(dir.path()).await;

    // The list: slug first, then id, title, submitted/total, open or closed.
    let out = koers(&[
        "questionnaire",
        "list",
        "--workspace",
        "noord",
        "--data",
        data,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    let mut lines: Vec<&str> = listed.lines().collect();
    lines.sort();
    assert_eq!(lines.len(), 2, "{listed}");
    assert_eq!(lines[0], format!("buurt\t{id}\tJij en je buurt\t2/3\topen"));
    assert!(
        lines[1].starts_with("oud\t") && lines[1].ends_with("\tVorig jaar\t0/0\tclosed"),
        "{listed}"
    );
    // The same through --database.
    let database = url(dir.path());
    let out = koers(&[
        "questionnaire",
        "list",
        "--workspace",
        "noord",
        "--database",
        &database,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2);

    // csv, by slug: a numbered row per response, no ids, no details.
    let csv_path = dir.path().join("buurt.csv");
    let out = koers(&[
        "questionnaire",
        "export",
        "--workspace",
        "noord",
        "--questionnaire",
        "buurt",
        "--format",
        "csv",
        "--out",
        csv_path.to_str().unwrap(),
        "--data",
        data,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 responses"),
        "{}",
        text(&out.stdout)
    );
    let raw = std::fs::read_to_string(&csv_path).unwrap();
    for detail in DETAILS {
        assert!(!raw.contains(detail), "{raw}");
    }
    assert!(!raw.contains(&id.to_string()));
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(HEADER.to_vec())
    );
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(records.len(), 3);
    let numbers: Vec<&str> = records.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    for r in &records {
        // The hour it last changed: "YYYY-MM-DD HH:00".
        assert!(r[2].len() == 16 && r[2].ends_with(":00"), "{r:?}");
    }
    // Within the hour the order says nothing; sorted by age they are:
    let mut rows: Vec<Vec<&str>> = records
        .iter()
        .map(|r| {
            r[3..]
                .iter()
                .map(String::as_str)
                .chain([r[1].as_str()])
                .collect()
        })
        .collect();
    rows.sort();
    let neutralised = format!("'{FORMULA}");
    assert_eq!(
        rows,
        [
            vec!["12-15", "4", neutralised.as_str(), "ja", "ingediend"],
            vec!["16-18", "2", "", "nee", "ingediend"],
            vec!["19-23", "", "", "ja", "bezig"],
        ]
    );

    // xlsx, by id, in English: numbers are numbers, the formula a string.
    let xlsx_path = dir.path().join("buurt.xlsx");
    let id_text = id.to_string();
    let out = koers(&[
        "questionnaire",
        "export",
        "--workspace",
        "noord",
        "--questionnaire",
        &id_text,
        "--format",
        "xlsx",
        "--lang",
        "en",
        "--out",
        xlsx_path.to_str().unwrap(),
        "--data",
        data,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut wb: Xlsx<_> = open_workbook(&xlsx_path).unwrap();
    assert_eq!(wb.sheet_names(), ["Responses", "Questions"]);
    let r = wb.worksheet_range("Responses").unwrap();
    assert_eq!((r.height(), r.width()), (4, 7));
    assert_eq!(r.get_value((0, 0)), Some(&Data::String("Response".into())));
    let mut seen = Vec::new();
    for row in 1..4 {
        let cell = |c: u32| r.get_value((row, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(cell(0), Data::Float(f64::from(row)));
        assert!(matches!(cell(2), Data::DateTime(_)), "{:?}", cell(2));
        seen.push((cell(3).to_string(), cell(4), cell(5), cell(6), cell(1)));
    }
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    let s = |x: &str| Data::String(x.into());
    assert_eq!(
        seen,
        [
            (
                "12-15".to_string(),
                Data::Float(4.0),
                s(FORMULA),
                s("yes"),
                s("submitted")
            ),
            (
                "16-18".to_string(),
                Data::Float(2.0),
                Data::Empty,
                s("no"),
                s("submitted")
            ),
            (
                "19-23".to_string(),
                Data::Empty,
                Data::Empty,
                s("yes"),
                s("in progress")
            ),
        ]
    );
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for (_, _, v) in range.used_cells() {
            let v = v.to_string();
            assert!(DETAILS.iter().all(|d| !v.contains(d)), "{name}: {v}");
        }
    }

    // Unknown questionnaire, unknown workspace, a path that cannot be written.
    let elsewhere = dir.path().join("x.csv");
    let elsewhere = elsewhere.to_str().unwrap();
    let export = |workspace: &str, questionnaire: &str, path: &str| {
        koers(&[
            "questionnaire",
            "export",
            "--workspace",
            workspace,
            "--questionnaire",
            questionnaire,
            "--format",
            "csv",
            "--out",
            path,
            "--data",
            data,
        ])
    };
    let out = export("noord", "bestaat-niet", elsewhere);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("no questionnaire") && err.contains("bestaat-niet"),
        "{err}"
    );
    let out = export("zuid", "buurt", elsewhere);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("zuid"), "{}", text(&out.stderr));
    let out = koers(&[
        "questionnaire",
        "list",
        "--workspace",
        "zuid",
        "--data",
        data,
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("zuid"), "{}", text(&out.stderr));
    let missing = dir.path().join("geen-map").join("buurt.csv");
    let out = export("noord", "buurt", missing.to_str().unwrap());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("cannot write"),
        "{}",
        text(&out.stderr)
    );
    assert!(!Path::new(elsewhere).exists());
}
