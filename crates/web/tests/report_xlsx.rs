//! The report as XLSX, read back with a spreadsheet reader (calamine): a
//! summary sheet and a sheet per activity in agenda order, numbers as
//! number cells, the date as a date, every idea and action exactly as
//! typed in a string cell, hostile texts as text and no formula anywhere.

#![allow(clippy::unwrap_used)]

mod common;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use common::*;
use koers_core::answer::{Agreement, Answer, Verdict};
use koers_core::board::BoardOp;
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, CategoryId, ClientId, ItemId, ParticipantId};
use koers_core::items::{ItemDetail, ItemDraft, Moderation};
use koers_core::lang::Lang;
use koers_core::session::Control;
use koers_store::{Command, Outcome, SessionRecord, Store};
use std::io::Cursor;

/// The header row of every activity sheet (below the question and facts).
const HEADER: u32 = 5;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";
const SCRIPT: &str = "<script>alert(1)</script> & meer";
const EMOJI: &str = "Samen 👩‍👩‍👧 sterk";
const ARABIC: &str = "مساحة للشباب في الحي";
const HEBREW: &str = "מקום לצעירים בשכונה";
const ESCAPE: &str = "Letterlijk _x0041_ laten staan";

async fn run(store: &Store, s: &SessionRecord, actor: Actor, cmd: Command) -> Outcome {
    store.execute(s.id, actor, cmd).await.unwrap().outcome
}

async fn join(store: &Store, s: &SessionRecord, org: Option<&str>) -> ParticipantId {
    let cmd = Command::Join {
        token_hash: format!("hash-{}", uuid::Uuid::new_v4()),
        table: None,
        display_name: None,
        org_type: org.map(String::from),
    };
    match run(store, s, Actor::System, cmd).await {
        Outcome::Joined(p) => p,
        other => panic!("unexpected {other:?}"),
    }
}

async fn submit(store: &Store, s: &SessionRecord, p: ParticipantId, a: ActivityId, answer: Answer) {
    let cmd = Command::Submit {
        device: p,
        client_id: ClientId::new(),
        activity: a,
        answer,
    };
    run(store, s, Actor::Device(p), cmd).await;
}

async fn contribute(
    store: &Store,
    s: &SessionRecord,
    p: ParticipantId,
    a: ActivityId,
    text: &str,
    detail: ItemDetail,
) -> ItemId {
    let cmd = Command::Contribute {
        device: p,
        client_id: ClientId::new(),
        activity: a,
        draft: ItemDraft {
            text: text.into(),
            detail,
        },
    };
    match run(store, s, Actor::Device(p), cmd).await {
        Outcome::Item { item, .. } => item,
        other => panic!("unexpected {other:?}"),
    }
}

/// A session from the partner-evening template in `lang`, with answers to
/// every kind of activity, hostile ideas, a hidden and a merged idea, a
/// board, two votes, actions and questions. Returns the app, the session,
/// the activity ids in agenda order and the database URL.
async fn evening(lang: Lang) -> (TestApp, SessionRecord, Vec<ActivityId>, String) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("koers.db").display()
    );
    let app = spawn_app_on(&url, dir, |_| {}).await;
    let (ws, user) = app.workspace("xlsx").await;
    let new = koers_web::session_templates::new_session(
        "ketenavond",
        lang,
        ws.id,
        Some(user.id),
        "Ketenavond Landsmeer".into(),
    );
    let s = app.store.create_session(new).await.unwrap();
    let store = &app.store;
    let ids: Vec<ActivityId> = store
        .agenda(s.id)
        .await
        .unwrap()
        .activities
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 13);
    let fac = Actor::User(user.id);
    let control = |c: Control| run(store, &s, fac, Command::Control(c));

    let orgs = [
        Some("school"),
        Some("school"),
        Some("ggd"),
        Some("sport"),
        None,
        Some("ggd"),
    ];
    let mut phones = Vec::new();
    for org in orgs {
        phones.push(join(store, &s, org).await);
    }
    let tables = store.tables(s.id).await.unwrap();
    let tablet = match run(
        store,
        &s,
        Actor::System,
        Command::Join {
            token_hash: "hash-tablet".into(),
            table: Some(tables[0].id),
            display_name: None,
            org_type: None,
        },
    )
    .await
    {
        Outcome::Joined(p) => p,
        other => panic!("unexpected {other:?}"),
    };

    // Polls: who is here (3, 2, 1), a word cloud, the quiz, an estimate.
    control(Control::Open(ids[0])).await;
    for (p, option) in phones.iter().zip([0, 0, 0, 1, 1, 2]) {
        submit(store, &s, *p, ids[0], Answer::Choice { option }).await;
    }
    control(Control::Open(ids[2])).await;
    for (p, words) in phones.iter().zip([
        vec!["samen", "sport"],
        vec!["samen"],
        vec!["jeugd", "samen"],
    ]) {
        let words = words.into_iter().map(String::from).collect();
        submit(store, &s, *p, ids[2], Answer::Words { words }).await;
    }
    control(Control::Open(ids[3])).await;
    for (p, option) in phones.iter().zip([1, 1, 1, 1, 0, 2]) {
        submit(store, &s, *p, ids[3], Answer::Choice { option }).await;
    }
    control(Control::Reveal(ids[3])).await;
    control(Control::Open(ids[4])).await;
    for (p, value) in phones.iter().zip([15.0, 20.0, 25.0, 40.0]) {
        submit(store, &s, *p, ids[4], Answer::Number { value }).await;
    }
    // The goal: agree, live with it, object with a hostile reason.
    control(Control::Open(ids[5])).await;
    let verdicts = [
        (Agreement::Agree, ""),
        (Agreement::Agree, ""),
        (Agreement::LiveWith, "Te vaag"),
        (Agreement::Object, "=cmd|' /C calc'!A0"),
    ];
    for (p, (level, reason)) in phones.iter().zip(verdicts) {
        let verdicts = vec![Verdict {
            level,
            reason: reason.into(),
        }];
        submit(store, &s, *p, ids[5], Answer::Consent { verdicts }).await;
    }

    // Ideas, some hostile; one hidden, one merged into another.
    control(Control::Open(ids[6])).await;
    let texts = [
        "Meer jongerenwerk in de wijk",
        FORMULA,
        SCRIPT,
        EMOJI,
        ARABIC,
        HEBREW,
        ESCAPE,
        "Placeholder voor een heel lang woord",
        "Placeholder voor een te lange tekst",
        "Sportveld open in de avond",
        "Sportvelden 's avonds open",
    ];
    let mut ideas = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let p = if n == 3 {
            tablet
        } else {
            phones[n % phones.len()]
        };
        ideas.push(contribute(store, &s, p, ids[6], text, ItemDetail::Plain).await);
    }
    run(
        store,
        &s,
        fac,
        Command::Moderate {
            item: ideas[0],
            moderation: Moderation::Hide,
        },
    )
    .await;
    run(
        store,
        &s,
        fac,
        Command::MergeItems {
            from: ideas[10],
            into: ideas[9],
        },
    )
    .await;
    control(Control::Close(ids[6])).await;

    // The board: three categories, one with a hostile name.
    let cats = [CategoryId::new(), CategoryId::new(), CategoryId::new()];
    let mut ops: Vec<BoardOp> = cats
        .iter()
        .zip(["Sport", "=SUM(A1:A9)", "Ontmoeten"])
        .map(|(id, name)| BoardOp::Create {
            id: *id,
            name: name.into(),
        })
        .collect();
    for (idea, cat) in [(9, 0), (1, 1), (2, 1), (3, 2), (4, 2)] {
        ops.push(BoardOp::Move {
            item: ideas[idea],
            to: Some(cats[cat]),
        });
    }
    for op in ops {
        run(
            store,
            &s,
            fac,
            Command::Board {
                activity: ids[7],
                op,
            },
        )
        .await;
    }

    // Dots (Sport 5, formula 4, Ontmoeten 6) and a ranking.
    control(Control::Open(ids[8])).await;
    for (p, points) in phones.iter().zip([[2, 1, 2], [1, 2, 2], [2, 1, 2]]) {
        let points = points.to_vec();
        submit(store, &s, *p, ids[8], Answer::Allocation { points }).await;
    }
    control(Control::Close(ids[8])).await;
    control(Control::Open(ids[9])).await;
    for (p, order) in phones.iter().zip([[2, 0, 1], [2, 1, 0]]) {
        let order = order.to_vec();
        submit(store, &s, *p, ids[9], Answer::Ranking { order }).await;
    }

    // Actions on the top two, with a commitment.
    control(Control::Open(ids[10])).await;
    let action = contribute(
        store,
        &s,
        tablet,
        ids[10],
        "We openen de buurthuizen op vrijdag",
        ItemDetail::Action {
            topic: 0,
            so_that: "jongeren een plek hebben".into(),
            who: "Jongerenwerk".into(),
            by_when: "zomer 2026".into(),
            needs: "=1+1".into(),
        },
    )
    .await;
    for p in &phones[..2] {
        let cmd = Command::Mark {
            device: *p,
            client_id: ClientId::new(),
            item: action,
            on: true,
        };
        run(store, &s, Actor::Device(*p), cmd).await;
    }

    // Questions: one approved, one waiting.
    control(Control::Open(ids[11])).await;
    let q = contribute(
        store,
        &s,
        phones[0],
        ids[11],
        "Wie betaalt dit?",
        ItemDetail::Plain,
    )
    .await;
    contribute(store, &s, phones[1], ids[11], "@SUM(1)", ItemDetail::Plain).await;
    run(
        store,
        &s,
        fac,
        Command::Moderate {
            item: q,
            moderation: Moderation::Show,
        },
    )
    .await;

    // How was the evening: 7, 8, 8, 10.
    control(Control::Open(ids[12])).await;
    for (p, value) in phones.iter().zip([7, 8, 8, 10]) {
        submit(store, &s, *p, ids[12], Answer::Scale { value }).await;
    }

    // Texts no form accepts (the limit is 500 characters, control
    // characters are removed), as an older version or a bug might have
    // stored them: the report must still come out whole.
    let word = "Jeugd".repeat(1000);
    let long = format!("Begin {}", "lang ".repeat(8_000));
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    for (id, text) in [(ideas[7], format!("{word}\u{1}\u{7}")), (ideas[8], long)] {
        sqlx::query("UPDATE items SET text = $1 WHERE id = $2")
            .bind(text)
            .bind(id.to_string())
            .execute(&mut conn)
            .await
            .unwrap();
    }
    (app, s, ids, url)
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

#[track_caller]
fn cell(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[track_caller]
fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match cell(r, row, col) {
        Data::String(s) => s,
        other => panic!("({row}, {col}) is not a string: {other:?}"),
    }
}

#[track_caller]
fn num(r: &Range<Data>, row: u32, col: u32) -> f64 {
    match cell(r, row, col) {
        Data::Float(x) => x,
        Data::Int(n) => n as f64,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

/// The column whose heading in `row` is `header`.
#[track_caller]
fn column(r: &Range<Data>, row: u32, header: &str) -> u32 {
    (0..r.width() as u32)
        .find(|&c| cell(r, row, c) == Data::String(header.into()))
        .unwrap_or_else(|| panic!("no column {header:?} in row {row}"))
}

/// The first row from `from` whose cell in `col` is the string `value`.
#[track_caller]
fn row_of(r: &Range<Data>, col: u32, value: &str) -> u32 {
    (0..r.height() as u32)
        .find(|&row| cell(r, row, col) == Data::String(value.into()))
        .unwrap_or_else(|| panic!("no row with {value:?} in column {col}"))
}

/// The data rows of an activity sheet's table.
#[track_caller]
fn rows(r: &Range<Data>) -> Vec<u32> {
    (HEADER + 1..r.height() as u32)
        .take_while(|&row| cell(r, row, 0) != Data::Empty || cell(r, row, 1) != Data::Empty)
        .collect()
}

#[tokio::test]
async fn the_workbook_has_typed_data_per_activity_and_keeps_hostile_text_as_text() {
    let (app, s, ids, _url) = evening(Lang::Nl).await;
    let store = &app.store;
    let bytes = koers_web::report::export_xlsx(store, s.id)
        .await
        .unwrap()
        .unwrap();
    let mut wb = open(bytes);

    // A summary, then a sheet per activity in agenda order, named validly.
    let names = wb.sheet_names();
    assert_eq!(names.len(), 14);
    assert_eq!(names[0], "Overzicht");
    let agenda = store.agenda(s.id).await.unwrap();
    for (n, (name, a)) in names[1..].iter().zip(&agenda.activities).enumerate() {
        assert!(name.starts_with(&format!("{:02} ", n + 1)), "{name}");
        assert!(name.encode_utf16().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
        let start: String = a.def.title.chars().take(5).collect();
        assert!(
            name[3..].starts_with(start.trim_end()),
            "{name} ~ {}",
            a.def.title
        );
    }
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), names.len(), "names are unique");

    // No cell of any sheet is a formula.
    for name in &names {
        let formulas = wb.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula"
        );
    }

    // The summary: facts, the date as a date, participants per organisation.
    let sum = wb.worksheet_range("Overzicht").unwrap();
    assert_eq!(text(&sum, 0, 0), "Ketenavond Landsmeer");
    let date_row = row_of(&sum, 0, "Datum");
    let Data::DateTime(date) = cell(&sum, date_row, 1) else {
        panic!("the date is a date: {:?}", cell(&sum, date_row, 1))
    };
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap())
        .date();
    let (y, m, d) = (today.year(), today.month(), today.day());
    let days = date.as_f64().floor();
    let expected = jiff::civil::date(1899, 12, 30)
        .until(jiff::civil::date(y, m, d))
        .unwrap()
        .get_days() as f64;
    assert_eq!(days, expected, "created today, Amsterdam time");
    assert_eq!(num(&sum, row_of(&sum, 0, "Deelnemers"), 1), 6.0);
    assert_eq!(num(&sum, row_of(&sum, 0, "Tafels"), 1), 1.0);
    let org_header = row_of(&sum, 0, "Organisatie");
    assert_eq!(text(&sum, org_header + 1, 0), "GGD / jeugdgezondheidszorg");
    assert_eq!(num(&sum, org_header + 1, 1), 2.0);
    let orgs: f64 = (org_header + 1..org_header + 5)
        .map(|r| num(&sum, r, 1))
        .sum();
    assert_eq!(orgs, 6.0, "every phone counted once");

    // The totals: one row per activity, equal to the data on its sheet.
    let totals = row_of(&sum, 0, "Nr.");
    let col = |h: &str| column(&sum, totals, h);
    let (resp, head, count, pct, sheet) = (
        col("Respondenten"),
        col("Uitkomst"),
        col("Aantal"),
        col("Percentage"),
        col("Tabblad"),
    );
    for n in 0..13 {
        assert_eq!(num(&sum, totals + 1 + n, 0), f64::from(n + 1));
        assert_eq!(text(&sum, totals + 1 + n, sheet), names[n as usize + 1]);
    }
    let org_poll = totals + 1;
    assert_eq!(num(&sum, org_poll, resp), 6.0);
    assert_eq!(num(&sum, org_poll, count), 3.0);
    assert_eq!(num(&sum, org_poll, pct), 0.5);
    let poll = wb.worksheet_range(&names[1]).unwrap();
    assert_eq!(
        text(&sum, org_poll, head),
        text(&poll, HEADER + 1, 0),
        "the top option"
    );
    assert_eq!(num(&poll, 3, 1), 6.0, "respondents");
    let counts: Vec<f64> = rows(&poll).iter().map(|&r| num(&poll, r, 1)).collect();
    assert_eq!(counts[..3], [3.0, 2.0, 1.0]);
    assert_eq!(num(&poll, HEADER + 2, 2), 2.0 / 6.0, "a share is a number");
    assert_eq!(num(&sum, totals + 3, count), 3.0, "samen, three times");
    assert_eq!(text(&sum, totals + 3, head), "samen");
    assert_eq!(num(&sum, totals + 13, count), 8.25, "the scale's mean");

    // The quiz: the right answer is marked as a yes/no cell.
    let quiz = wb.worksheet_range(&names[4]).unwrap();
    let right = column(&quiz, HEADER, "Juiste antwoord");
    let marked: Vec<bool> = rows(&quiz)
        .iter()
        .map(|&r| cell(&quiz, r, right) == Data::Bool(true))
        .collect();
    assert_eq!(marked, [false, true, false]);
    let source = row_of(&quiz, 0, "Bron");
    assert!(text(&quiz, source, 1).contains("Gezondheidsmonitor Jeugd"));
    assert_eq!(num(&quiz, HEADER + 2, 1), 4.0);

    // The estimate: median and range as numbers, the right answer too.
    let est = wb.worksheet_range(&names[5]).unwrap();
    assert_eq!(num(&est, HEADER + 1, 0), 22.5);
    assert_eq!(num(&est, HEADER + 1, 1), 15.0);
    assert_eq!(num(&est, HEADER + 1, 2), 40.0);
    assert_eq!(num(&est, HEADER + 1, 4), 20.0);
    assert_eq!(text(&est, HEADER + 1, 5), "%");

    // The goal: counts and shares per level; the hostile reason is text.
    let goal = wb.worksheet_range(&names[6]).unwrap();
    let agree = [1, 3, 5].map(|c| num(&goal, HEADER + 1, c));
    assert_eq!(agree, [2.0, 1.0, 1.0]);
    assert_eq!(num(&goal, HEADER + 1, 2), 0.5);
    row_of(&goal, 2, "=cmd|' /C calc'!A0");

    // The idea wall: every idea exactly as stored, in a string cell.
    let wall = wb.worksheet_range(&names[7]).unwrap();
    let text_col = column(&wall, HEADER, "Tekst");
    let status = column(&wall, HEADER, "Status");
    let merged_into = column(&wall, HEADER, "Samengevoegd met");
    let items = store.items(ids[6]).await.unwrap();
    assert_eq!(
        rows(&wall).len(),
        items.len(),
        "every idea, hidden and merged ones too"
    );
    for item in &items {
        let t = &item.draft.text;
        if t.encode_utf16().count() > 32_767 {
            continue;
        }
        let row = row_of(&wall, text_col, t);
        assert!(row > HEADER, "{t:.40}");
    }
    for hostile in [FORMULA, SCRIPT, EMOJI, ARABIC, HEBREW, ESCAPE] {
        row_of(&wall, text_col, hostile);
    }
    let word_row = row_of(
        &wall,
        text_col,
        &format!("{}\u{1}\u{7}", "Jeugd".repeat(1000)),
    );
    assert_eq!(text(&wall, word_row, status), "zichtbaar");
    let long = rows(&wall)
        .into_iter()
        .map(|r| text(&wall, r, text_col))
        .find(|t| t.starts_with("Begin lang"))
        .unwrap();
    let units = long.encode_utf16().count();
    assert!(
        (32_700..=32_767).contains(&units),
        "cut at Excel's limit: {units}"
    );
    assert!(long.ends_with("… [ingekort]"));
    let hidden = row_of(&wall, text_col, "Meer jongerenwerk in de wijk");
    assert_eq!(text(&wall, hidden, status), "verborgen");
    let merged = row_of(&wall, text_col, "Sportvelden 's avonds open");
    assert_eq!(text(&wall, merged, status), "samengevoegd");
    assert_eq!(
        text(&wall, merged, merged_into),
        "Sportveld open in de avond"
    );
    assert_eq!(
        num(&sum, totals + 7, count),
        10.0,
        "ideas, not counting the merged one"
    );

    // The board: ideas per category, the hostile name as text.
    let board = wb.worksheet_range(&names[8]).unwrap();
    let in_formula: Vec<String> = rows(&board)
        .into_iter()
        .filter(|&r| cell(&board, r, 0) == Data::String("=SUM(A1:A9)".into()))
        .map(|r| text(&board, r, 1))
        .collect();
    assert_eq!(in_formula, [FORMULA, SCRIPT]);

    // The dot vote: ranks, totals, shares, means and spreads as numbers.
    let dots = wb.worksheet_range(&names[9]).unwrap();
    let lines: Vec<(f64, String, f64)> = rows(&dots)
        .into_iter()
        .map(|r| (num(&dots, r, 0), text(&dots, r, 2), num(&dots, r, 3)))
        .collect();
    assert_eq!(
        lines,
        [
            (1.0, "Ontmoeten".into(), 6.0),
            (2.0, "Sport".into(), 5.0),
            (3.0, "=SUM(A1:A9)".into(), 4.0)
        ]
    );
    assert_eq!(num(&dots, HEADER + 1, 4), 1.0, "every voter gave it dots");
    assert_eq!(num(&dots, HEADER + 1, 5), 2.0, "mean");
    num(&dots, HEADER + 1, 6);
    assert_eq!(text(&sum, totals + 9, head), "Ontmoeten");
    assert_eq!(num(&sum, totals + 9, count), 6.0);
    assert_eq!(num(&sum, totals + 9, resp), 3.0);

    // Actions: every field, the commitments counted.
    let acts = wb.worksheet_range(&names[11]).unwrap();
    let row = row_of(
        &acts,
        column(&acts, HEADER, "Tekst"),
        "We openen de buurthuizen op vrijdag",
    );
    for (header, value) in [
        ("Zodat", "jongeren een plek hebben"),
        ("Wie", "Jongerenwerk"),
        ("Wanneer klaar", "zomer 2026"),
        ("Wat is nodig", "=1+1"),
        ("Groep", "Ontmoeten"),
    ] {
        assert_eq!(
            text(&acts, row, column(&acts, HEADER, header)),
            value,
            "{header}"
        );
    }
    assert_eq!(num(&acts, row, column(&acts, HEADER, "Toezeggingen")), 2.0);

    // Questions: the waiting one is there and marked.
    let qs = wb.worksheet_range(&names[12]).unwrap();
    let waiting = row_of(&qs, column(&qs, HEADER, "Tekst"), "@SUM(1)");
    assert_eq!(
        text(&qs, waiting, column(&qs, HEADER, "Status")),
        "wacht op goedkeuring"
    );

    // The scale: values and counts as numbers, the mean below.
    let scale = wb.worksheet_range(&names[13]).unwrap();
    let values: Vec<(f64, f64)> = rows(&scale)
        .into_iter()
        .map(|r| (num(&scale, r, 0), num(&scale, r, 2)))
        .filter(|v| v.1 > 0.0)
        .collect();
    assert_eq!(values, [(7.0, 1.0), (8.0, 2.0), (10.0, 1.0)]);
    assert_eq!(num(&scale, row_of(&scale, 0, "Gemiddeld"), 1), 8.25);
}

#[tokio::test]
async fn an_english_session_gets_an_english_workbook() {
    let (app, s, _ids, _url) = evening(Lang::En).await;
    let bytes = koers_web::report::export_xlsx(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    let mut wb = open(bytes);
    let names = wb.sheet_names();
    assert_eq!(names[0], "Summary");
    let agenda = app.store.agenda(s.id).await.unwrap();
    assert!(names[1].starts_with(&format!("01 {}", &agenda.activities[0].def.title[..10])));
    let sum = wb.worksheet_range("Summary").unwrap();
    let date_row = row_of(&sum, 0, "Date");
    assert!(matches!(cell(&sum, date_row, 1), Data::DateTime(_)));
    let totals = row_of(&sum, 0, "No.");
    assert_eq!(
        num(&sum, totals + 1, column(&sum, totals, "Respondents")),
        6.0
    );
    let wall = wb.worksheet_range(&names[7]).unwrap();
    let hidden = row_of(
        &wall,
        column(&wall, HEADER, "Text"),
        "Meer jongerenwerk in de wijk",
    );
    assert_eq!(
        text(&wall, hidden, column(&wall, HEADER, "Status")),
        "hidden"
    );
}

#[tokio::test]
async fn no_session_no_workbook() {
    let app = spawn_app().await;
    let id = koers_core::ids::SessionId::new();
    assert!(
        koers_web::report::export_xlsx(&app.store, id)
            .await
            .unwrap()
            .is_none()
    );
}

/// How long a big evening takes to export: 500 phones answering the polls
/// and posting an idea each, 100 questions. Measures, asserts nothing about
/// time (a shared machine makes timed tests flaky); run by hand with
/// `cargo test -p koers-web --test report_xlsx -- --ignored --nocapture`.
#[tokio::test]
#[ignore = "measures; run by hand"]
async fn a_big_evening_exports() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("groot").await;
    let s = app.session(&ws, &user, "Grote avond").await;
    let store = &app.store;
    let ids: Vec<ActivityId> = store
        .agenda(s.id)
        .await
        .unwrap()
        .activities
        .iter()
        .map(|a| a.id)
        .collect();
    let fac = Actor::User(user.id);
    let mut phones = Vec::new();
    for n in 0..500 {
        phones.push(join(store, &s, Some(["school", "ggd", "sport", "jeugd"][n % 4])).await);
    }
    for a in [0, 2, 6, 11, 12] {
        run(store, &s, fac, Command::Control(Control::Open(ids[a]))).await;
    }
    for (n, p) in phones.iter().enumerate() {
        let n32 = n as u32;
        submit(store, &s, *p, ids[0], Answer::Choice { option: n32 % 8 }).await;
        let words = vec![format!("woord{}", n % 40), "samen".into()];
        submit(store, &s, *p, ids[2], Answer::Words { words }).await;
        let idea = format!(
            "Idee {n}: {}",
            "meer ruimte voor jongeren in de wijk ".repeat(4)
        );
        contribute(store, &s, *p, ids[6], idea.trim(), ItemDetail::Plain).await;
        if n % 5 == 0 {
            let q = format!("Vraag {n}: hoe betalen we dit?");
            contribute(store, &s, *p, ids[11], &q, ItemDetail::Plain).await;
        }
        let value = 1 + (n as i64 % 10);
        submit(store, &s, *p, ids[12], Answer::Scale { value }).await;
    }
    let start = std::time::Instant::now();
    let md = koers_web::report::export_markdown(store, s.id)
        .await
        .unwrap()
        .unwrap();
    let read = start.elapsed();
    let start = std::time::Instant::now();
    let bytes = koers_web::report::export_xlsx(store, s.id)
        .await
        .unwrap()
        .unwrap();
    let xlsx = start.elapsed();
    let mut wb = open(bytes.clone());
    let wall = wb.worksheet_range(&wb.sheet_names()[7]).unwrap();
    assert_eq!(rows(&wall).len(), 500);
    eprintln!(
        "500 phones, 500 ideas, 100 questions: Markdown (reading the store) {read:?} ({} bytes), \
         XLSX (reading and writing) {xlsx:?} ({} bytes)",
        md.len(),
        bytes.len()
    );
}
