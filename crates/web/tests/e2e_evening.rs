//! The whole evening of seed 000 end to end in real headless Chromium: one
//! facilitator steers from the console by clicking its buttons and forms, a
//! projector screen follows, four table tablets and twelve phones take part
//! through their own pages. Every step checks what the SCREEN shows against
//! what the devices did (vote results are computed here, independently).
//!
//! No step takes a shortcut through the API: every answer, idea, action,
//! commitment and steering action is a click or keystroke in a browser. The
//! store is only read for the tables' tablet links and, at the end, to
//! confirm that the refused action was not stored.
//!
//! Live frames arrive while devices type: the test checks that a half-filled
//! form (an edit, a chosen priority, a ranking) survives them. How far a
//! projector page is taller than the screen is printed, not asserted (it
//! depends on how many ideas the hall writes).

#![allow(clippy::unwrap_used)]

mod common;

use common::browser::{Driver, js, shot, type_into, wait_js};
use common::proxy::{Mode, Proxy};
use common::*;
use fantoccini::{Client, Locator};
use futures::future::join_all;
use serde_json::Value;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// The evening's content.
// ---------------------------------------------------------------------------

const QUIZ_OPTIONS: [&str; 3] = [
    "Ongeveer de helft",
    "Ruim acht op de tien",
    "Bijna iedereen",
];
const QUIZ_EXPLANATION: &str = "Voorbeeldvraag: vervang dit cijfer door het cijfer van uw gemeente uit de Gezondheidsmonitor Jeugd. De meeste jongeren voelen zich gelukkig, maar een flinke groep niet — daar gaat deze avond over.";
const QUIZ_SOURCE: &str =
    "Bron: Voorbeeld — vervang door: Gezondheidsmonitor Jeugd (GGD), uw gemeente";
/// The option each phone picks (the right answer is option 1).
const QUIZ_CHOICES: [usize; 12] = [0, 1, 1, 2, 1, 1, 0, 1, 2, 1, 0, 1];

const GOAL: &str =
    "Alle jeugdigen in onze gemeente groeien zo gezond, gelukkig en veilig mogelijk op.";
/// Each phone's verdict on the goal, with an optional reason.
const GOAL_VERDICTS: [(&str, &str); 12] = [
    (
        "agree",
        "Dit doel sluit precies aan bij ons preventieakkoord.",
    ),
    ("agree", ""),
    ("agree", ""),
    (
        "live_with",
        "Goed, maar 'veilig' mag concreter: wat gaan we meten?",
    ),
    ("agree", ""),
    ("agree", ""),
    (
        "object",
        "Te vrijblijvend zonder afspraak over wie wat betaalt.",
    ),
    ("agree", ""),
    ("live_with", ""),
    ("agree", "Samen optrekken met ouders is essentieel."),
    ("live_with", ""),
    ("agree", ""),
];

/// Name and organisation type the phones join with (most stay anonymous).
const PHONE_PROFILES: [(&str, &str); 12] = [
    ("Fatima", "ggd"),
    ("Joost", "school"),
    ("Sanne", "sport"),
    ("", ""),
    ("", "cjg"),
    ("", ""),
    ("Mehmet", "jeugd"),
    ("", ""),
    ("", "huisarts"),
    ("", ""),
    ("", "gemeente"),
    ("", ""),
];

const IDEA_SPORT_OLD: &str = "Meer sportaanbod in de wijk voor jongeren van 12 tot 16";
const IDEA_SPORT_NEW: &str = "Betaalbaar sportaanbod in elke wijk voor jongeren van 12 tot 18";
const IDEA_ALCOHOL_SCHOOL: &str = "Voorlichting over alcohol op de middelbare school";
const IDEA_WITHDRAWN: &str = "Alcoholvoorlichting op school";
const IDEA_ALCOHOL_PARENTS: &str = "Alcoholvoorlichting voor ouders bij de start van de brugklas";
const IDEA_STREETWORK: &str = "Jongerenwerk vaker op straat, ook in het weekend";
const IDEA_YOUTHWORKER: &str = "Een vaste jongerenwerker als aanspreekpunt op elke school";
const IDEA_PARENT_EVENINGS: &str = "Ouderavonden over social media, slapen en gamen";
const IDEA_CLUBS: &str =
    "Sportverenigingen gratis laten kennismaken met kinderen uit gezinnen met weinig geld";
const IDEA_PARENT_CAFE: &str = "Oudercafé bij het CJG waar ouders van elkaar leren";
const IDEA_SPORTS_DAY: &str = "Een sportdag samen met de huisartsen en de GGD";
const IDEA_PLACE: &str = "Een plek in het dorp waar jongeren 's avonds terecht kunnen";

const CAT_SPORT: &str = "Sport en bewegen";
const CAT_ALCOHOL: &str = "Alcohol";
const CAT_PARENTS: &str = "Ouders";
const CAT_YOUTHWORK: &str = "Jongerenwerk";
const CAT_PLACES: &str = "Ontmoetingsplekken";
/// The categories after merging "Ontmoetingsplekken" into "Jongerenwerk":
/// the candidates of both votes, in this order.
const CANDIDATES: [&str; 4] = [CAT_SPORT, CAT_ALCOHOL, CAT_PARENTS, CAT_YOUTHWORK];

/// Dots per candidate (Sport, Alcohol, Ouders, Jongerenwerk) per phone:
/// five dots, at most two on one; the last phone uses only two.
const DOTS: [[u32; 4]; 12] = [
    [2, 1, 0, 2],
    [2, 0, 1, 2],
    [1, 2, 0, 2],
    [0, 2, 1, 2],
    [2, 1, 1, 1],
    [1, 1, 2, 1],
    [2, 0, 1, 2],
    [1, 1, 1, 2],
    [0, 2, 2, 1],
    [2, 1, 0, 2],
    [1, 1, 2, 1],
    [1, 0, 1, 0],
];

/// Each phone's top 3 (candidate indices, best first); the last ranks one.
const RANKINGS: [&[usize]; 12] = [
    &[3, 0, 1],
    &[3, 0, 2],
    &[0, 3, 1],
    &[1, 3, 2],
    &[0, 1, 3],
    &[2, 3, 0],
    &[3, 2, 0],
    &[0, 3, 2],
    &[1, 2, 3],
    &[3, 1, 0],
    &[2, 0, 3],
    &[3],
];
const TOP_K: usize = 3;

/// An action as a table types it.
struct Action {
    /// Index in the topic select (the priorities, best first).
    topic: usize,
    text: &'static str,
    so_that: &'static str,
    who: &'static str,
    by_when: &'static str,
    needs: &'static str,
}

const ACTIONS: [Action; 4] = [
    Action {
        topic: 0,
        text: "twee middagen per week een jongerenwerker op het Dorpscollege",
        so_that: "jongeren een vast aanspreekpunt hebben voordat problemen groot worden",
        who: "Stichting Jongerenwerk en het Dorpscollege",
        by_when: "na de zomervakantie",
        needs: "budget voor acht uur per week",
    },
    Action {
        topic: 1,
        text: "een gratis kennismakingsprogramma bij drie sportverenigingen",
        so_that: "kinderen uit gezinnen met weinig geld ook gaan sporten",
        who: "Sportservice en de verenigingen",
        by_when: "januari",
        needs: "Jeugdfonds Sport en een contactpersoon per club",
    },
    Action {
        topic: 1,
        text: "een sportdag met de GGD en de huisartsen",
        so_that: "ouders en kinderen horen wat gezond bewegen oplevert",
        who: "GGD, huisartsen en Sportservice",
        by_when: "mei",
        needs: "een sporthal en vrijwilligers",
    },
    Action {
        topic: 0,
        text: "op vrijdagavond een jongerenplek in het dorpshuis",
        so_that: "jongeren 's avonds een veilige plek hebben",
        who: "Jongerenwerk met vrijwilligers",
        by_when: "voor de herfstvakantie",
        needs: "de sleutel van het dorpshuis en twee vrijwilligers",
    },
];

// ---------------------------------------------------------------------------
// Independent computations of the expected results.
// ---------------------------------------------------------------------------

/// Lines `(rank, candidate, total)` best first: competition ranks ("1, 2,
/// 3=, 3="), ties by candidate order.
fn ranked(totals: &[u64]) -> Vec<(String, usize, u64)> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .map(|c| {
            let better = totals.iter().filter(|&&t| t > totals[c]).count();
            let tied = totals.iter().filter(|&&t| t == totals[c]).count() > 1;
            let mark = if tied { "=" } else { "" };
            (format!("{}{mark}", better + 1), c, totals[c])
        })
        .collect()
}

fn dot_totals() -> Vec<u64> {
    (0..CANDIDATES.len())
        .map(|c| DOTS.iter().map(|b| u64::from(b[c])).sum())
        .collect()
}

/// Borda: K points for a first place … 1 for the K-th, nothing unranked.
fn borda_totals() -> Vec<u64> {
    let mut t = vec![0u64; CANDIDATES.len()];
    for r in RANKINGS {
        for (place, &c) in r.iter().enumerate() {
            t[c] += (TOP_K - place) as u64;
        }
    }
    t
}

/// Schulze (winning votes) as tiers, best first: a ranked candidate beats
/// every unranked one, unranked ones tie.
// Matrix code: indices read as the textbook's d[a][b] and p[a][b].
#[allow(clippy::needless_range_loop)]
fn schulze_tiers() -> Vec<Vec<usize>> {
    let n = CANDIDATES.len();
    let mut d = vec![vec![0u64; n]; n];
    for r in RANKINGS {
        let pos = |c: usize| r.iter().position(|&x| x == c).unwrap_or(r.len());
        for a in 0..n {
            for b in 0..n {
                if a != b && pos(a) < pos(b) {
                    d[a][b] += 1;
                }
            }
        }
    }
    let mut p = vec![vec![0u64; n]; n];
    for a in 0..n {
        for b in 0..n {
            if a != b && d[a][b] > d[b][a] {
                p[a][b] = d[a][b];
            }
        }
    }
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                if i != j && j != k && i != k {
                    p[j][k] = p[j][k].max(p[j][i].min(p[i][k]));
                }
            }
        }
    }
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut tiers = Vec::new();
    while !remaining.is_empty() {
        let tier: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&b| !remaining.iter().any(|&a| p[a][b] > p[b][a]))
            .collect();
        assert!(!tier.is_empty(), "Schulze beats relation has a cycle");
        remaining.retain(|c| !tier.contains(c));
        tiers.push(tier);
    }
    tiers
}

// ---------------------------------------------------------------------------
// Browser helpers.
// ---------------------------------------------------------------------------

/// A JavaScript string literal.
fn lit(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Clicks like a person (WebDriver), retrying while a live frame replaces
/// the element between finding and clicking it.
async fn press(c: &Client, css: &str) {
    let mut last = String::new();
    for _ in 0..40 {
        match c.find(Locator::Css(css)).await {
            Ok(el) => match el.click().await {
                Ok(()) => return,
                Err(e) => {
                    last = e.to_string();
                    if last.contains("intercepted") {
                        // The sticky participant header covers what
                        // WebDriver scrolled to the top edge; scroll it to
                        // the middle, as a person would.
                        let _ = c
                            .execute(
                                "const e = document.querySelector(arguments[0]); if (e) { e.scrollIntoView({block: 'center'}); }",
                                vec![Value::String(css.to_string())],
                            )
                            .await;
                    }
                }
            },
            Err(e) => last = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    panic!("could not click {css}: {last}");
}

/// Clears a field and types into it.
async fn fill(c: &Client, css: &str, text: &str) {
    let mut last = String::new();
    for _ in 0..20 {
        match c.find(Locator::Css(css)).await {
            Ok(el) => {
                if let Err(e) = el.clear().await {
                    last = e.to_string();
                } else if let Err(e) = el.send_keys(text).await {
                    last = e.to_string();
                } else {
                    return;
                }
            }
            Err(e) => last = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    panic!("could not type into {css}: {last}");
}

/// Chooses an option of a select by its value.
async fn choose(c: &Client, css: &str, value: &str) {
    let mut last = String::new();
    for _ in 0..20 {
        match c.find(Locator::Css(css)).await {
            Ok(el) => match el.select_by_value(value).await {
                Ok(()) => return,
                Err(e) => last = e.to_string(),
            },
            Err(e) => last = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    panic!("could not choose {value} in {css}: {last}");
}

/// Like `wait_js`, with a longer bound (reconnects back off).
async fn wait_long(c: &Client, expr: &str, what: &str, secs: u64) {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if js(c, &format!("!!({expr})")).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    wait_js(c, expr, what).await;
}

async fn strings(c: &Client, expr: &str) -> Vec<String> {
    serde_json::from_value(js(c, expr).await).unwrap()
}

async fn text_of(c: &Client, css: &str) -> String {
    js(
        c,
        &format!(
            "(document.querySelector({}) || {{ textContent: '' }}).textContent.trim()",
            lit(css)
        ),
    )
    .await
    .as_str()
    .unwrap()
    .to_string()
}

/// Screenshots, remembered for the final list.
struct Shots(Vec<String>);

impl Shots {
    async fn take(&mut self, c: &Client, name: &str) {
        shot(c, name).await;
        self.0.push(format!("{name}.png"));
    }
}

async fn login(c: &Client, base: &str, email: &str, next: &str) {
    c.goto(&format!("{base}/login?next={next}")).await.unwrap();
    type_into(c, "#email", email).await;
    type_into(c, "#password", PASSWORD).await;
    press(c, "form[action='/login'] button[type=submit]").await;
}

async fn join_phone(c: &Client, base: &str, code: &str, name: &str, org: &str) {
    c.goto(&format!("{base}/")).await.unwrap();
    type_into(c, "#code", code).await;
    press(c, "form[action='/join'] button[type=submit]").await;
    wait_js(
        c,
        "document.querySelector('#display_name')",
        "the join page",
    )
    .await;
    if !name.is_empty() {
        type_into(c, "#display_name", name).await;
    }
    if !org.is_empty() {
        choose(c, "#org_type", org).await;
    }
    press(c, "form[action='/join'] button[type=submit]").await;
    wait_js(
        c,
        "document.body.classList.contains('device-phone') && document.getElementById('activity')",
        "the participant page",
    )
    .await;
}

async fn join_table(c: &Client, base: &str, token: &str) {
    c.goto(&format!("{base}/t/{token}")).await.unwrap();
    press(c, &format!("form[action='/t/{token}'] button[type=submit]")).await;
    wait_js(
        c,
        "document.body.classList.contains('device-tablet') && document.getElementById('activity')",
        "the tablet page",
    )
    .await;
}

/// The facilitator opens an activity from the agenda.
async fn open_from_agenda(fac: &Client, activity: &str) {
    press(fac, &format!("#console-agenda form:has(input[name=action][value=open]):has(input[name=activity_id][value='{activity}']) button")).await;
    wait_js(
        fac,
        &format!("document.querySelector(\"#console-live form:has(input[name=action][value=close]):has(input[name=activity_id][value='{activity}'])\")"),
        "the console to show the opened activity",
    )
    .await;
}

/// The facilitator presses a button of the live panel (close, show_results,
/// show, …) for an activity.
async fn live_control(fac: &Client, action: &str, activity: &str) {
    press(fac, &format!("#console-live .controls form:has(input[name=action][value={action}]):has(input[name=activity_id][value='{activity}']) button")).await;
}

/// Waits until the screen shows `activity` in `state`.
async fn screen_at(screen: &Client, title_part: &str, state: &str) {
    wait_js(
        screen,
        &format!(
            "document.querySelector('#screen-main .screen-activity.state-{state}') && document.querySelector('#screen-main .screen-question').textContent.includes({})",
            lit(title_part)
        ),
        &format!("the screen at '{title_part}' ({state})"),
    )
    .await;
}

async fn screen_responses(screen: &Client, n: usize) {
    wait_js(
        screen,
        &format!("document.querySelector('#screen-main .big-number') && document.querySelector('#screen-main .big-number').textContent.trim() === '{n}'"),
        &format!("{n} responses on the screen"),
    )
    .await;
}

async fn ack(p: &Client) {
    wait_js(
        p,
        "document.querySelector('.own-answer') && !document.querySelector('.own-answer').hidden",
        "the acknowledgement of the answer",
    )
    .await;
}

async fn answer_form_for(p: &Client, activity: &str) {
    wait_js(
        p,
        &format!("document.querySelector('form.answer-form[data-activity=\"{activity}\"]')"),
        "the answer form",
    )
    .await;
}

/// `[rank, label, total]` of each line of the vote on `c`.
async fn vote_lines(c: &Client, root: &str) -> Vec<Vec<String>> {
    serde_json::from_value(js(c, &format!(
        "Array.from(document.querySelectorAll('{root} .vote-line')).map(l => [l.querySelector('.vote-rank').firstChild.textContent.trim(), l.querySelector('.bar-label').textContent.trim(), l.querySelector('.vote-total').textContent.trim()])"
    )).await).unwrap()
}

fn expected_lines(totals: &[u64]) -> Vec<Vec<String>> {
    ranked(totals)
        .into_iter()
        .map(|(rank, c, total)| vec![rank, CANDIDATES[c].to_string(), total.to_string()])
        .collect()
}

/// The board as the screen shows it: `(category, ideas)`, then the ideas in
/// no category under "".
async fn screen_board(screen: &Client) -> Vec<(String, Vec<String>)> {
    let v = js(
        screen,
        "Array.from(document.querySelectorAll('#screen-main .board > section.category')).map(s => [s.classList.contains('unplaced') ? '' : s.querySelector('.category-name').firstChild.textContent.trim(), Array.from(s.querySelectorAll('.category-items li')).map(li => li.textContent.trim())])",
    )
    .await;
    serde_json::from_value(v).unwrap()
}

/// The id of the item with this text (or starting "text,") on a device.
async fn item_id(c: &Client, root: &str, text: &str) -> String {
    let expr = format!(
        "(() => {{ const t = {}; const li = Array.from(document.querySelectorAll('{root} .item[data-item]')).find(li => {{ const x = li.querySelector('.item-text').textContent.trim(); return x === t || x.startsWith(t + ','); }}); return li ? li.getAttribute('data-item') : ''; }})()",
        lit(text)
    );
    let id = js(c, &expr).await.as_str().unwrap().to_string();
    assert!(!id.is_empty(), "no item '{text}' in {root}");
    id
}

async fn shows_item(c: &Client, root: &str, text: &str) -> bool {
    js(
        c,
        &format!(
            "Array.from(document.querySelectorAll('{root} .item .item-text')).some(e => e.textContent.trim() === {})",
            lit(text)
        ),
    )
    .await
        == Value::Bool(true)
}

/// A device adds an idea through its form; waits until every watcher's
/// page shows it (so nobody is typing while a frame replaces the form).
async fn add_idea(dev: &Client, text: &str, watchers: &[&Client]) {
    fill(dev, "form.item-form textarea[name=text]", text).await;
    press(dev, "form.item-form button[type=submit]").await;
    for w in watchers {
        wait_js(
            w,
            &format!(
                "Array.from(document.querySelectorAll('.item .item-text')).some(e => e.textContent.trim() === {})",
                lit(text)
            ),
            &format!("the idea '{text}' everywhere"),
        )
        .await;
    }
}

/// The facilitator's console board: category id by name.
async fn category_id(fac: &Client, name: &str) -> String {
    let id = js(
        fac,
        &format!(
            "(() => {{ const s = Array.from(document.querySelectorAll('#console-live .manage-board section.category[data-category]')).find(s => s.querySelector('h3').textContent.startsWith({} + ' (')); return s ? s.getAttribute('data-category') : ''; }})()",
            lit(name)
        ),
    )
    .await
    .as_str()
    .unwrap()
    .to_string();
    assert!(!id.is_empty(), "no category {name} on the console");
    id
}

/// The facilitator moves an idea into a category with the keyboard form.
async fn move_idea(fac: &Client, board: &str, text: &str, category: &str) {
    let item = item_id(fac, "#console-live .manage-board", text).await;
    let cat = category_id(fac, category).await;
    choose(fac, &format!("#move-{item}"), &cat).await;
    press(
        fac,
        &format!("#console-live .manage-{board} li.item[data-item='{item}'] .move-form button"),
    )
    .await;
    wait_js(
        fac,
        &format!("document.querySelector(\"#console-live section.category[data-category='{cat}'] li.item[data-item='{item}']\")"),
        &format!("'{text}' in {category} on the console"),
    )
    .await;
}

/// How far the projector page is taller than its
/// viewport (a projector cannot scroll); `None` when it fits.
async fn screen_overflow(screen: &Client) -> Option<(u64, u64)> {
    let v = js(
        screen,
        "[document.documentElement.scrollHeight, window.innerHeight]",
    )
    .await;
    let (h, vh) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
    (h > vh + 2).then_some((h, vh))
}

fn outbox_len(session: &str) -> String {
    format!("JSON.parse(localStorage.getItem('koers-outbox-{session}') || '[]').length")
}

// ---------------------------------------------------------------------------
// The evening.
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_evening_of_seed_000_runs_on_phones_tablets_and_a_screen() {
    let started = Instant::now();
    let mut timings: Vec<(String, Duration)> = Vec::new();
    let mut mark = Instant::now();
    let mut lap = |name: &str, mark: &mut Instant| {
        timings.push((name.to_string(), mark.elapsed()));
        *mark = Instant::now();
    };
    let mut notes: Vec<String> = Vec::new();
    let mut shots = Shots(Vec::new());

    let app = spawn_app().await;
    let (ws, user) = app.workspace("landsmeer").await;
    let s = app
        .session(&ws, &user, "Preventief jeugdbeleid — ketenavond")
        .await;
    let sid = s.id.to_string();
    let ids = app.activity_ids(&s).await;
    assert_eq!(ids.len(), 13, "the ketenavond template");
    let (quiz, goal, wall, board, dots, ranking, actions) = (
        ids[3].as_str(),
        ids[5].as_str(),
        ids[6].as_str(),
        ids[7].as_str(),
        ids[8].as_str(),
        ids[9].as_str(),
        ids[10].as_str(),
    );
    let tables = app.store.tables(s.id).await.unwrap();
    assert_eq!(tables.len(), 4);
    let code = s.join_code.spaced();
    // Table 4's tablet goes through a proxy: its Wi-Fi drops at the end.
    let proxy = Proxy::start(app.addr).await;

    let driver = Driver::start().await;
    let fac = driver.browser(1280, 900).await;
    let screen = driver.browser(1920, 1080).await;
    let mut tablets = Vec::new();
    for (w, h) in [(1024, 768), (800, 1280), (1024, 768), (800, 1280)] {
        tablets.push(driver.browser(w, h).await);
    }
    let mut phones = Vec::new();
    for _ in 0..12 {
        phones.push(driver.browser(390, 844).await);
    }
    lap("browsers started", &mut mark);

    // --- Everyone joins ------------------------------------------------------
    login(
        &fac,
        &app.url,
        &user.email,
        &format!("/console/sessions/{}", s.id),
    )
    .await;
    wait_js(
        &fac,
        "document.getElementById('console-live')",
        "the console",
    )
    .await;
    screen
        .goto(&format!("{}/screen/{}", app.url, s.screen_token))
        .await
        .unwrap();
    wait_js(
        &screen,
        &format!("document.body.textContent.includes({})", lit(&code)),
        "the join code on the screen",
    )
    .await;
    join_all(phones.iter().zip(PHONE_PROFILES).map(|(p, (name, org))| {
        let (url, code) = (app.url.as_str(), code.as_str());
        async move { join_phone(p, url, code, name, org).await }
    }))
    .await;
    let proxied = proxy.url();
    for (n, (t, table)) in tablets.iter().zip(&tables).enumerate() {
        let base = if n == 3 { &proxied } else { &app.url };
        join_table(t, base, &table.join_token).await;
    }
    wait_js(
        &screen,
        "document.getElementById('screen-bar').textContent.includes('12 deelnemers · 4 tablets')",
        "12 phones and 4 tablets on the screen",
    )
    .await;
    assert_eq!(
        text_of(&tablets[0], ".device-label").await,
        "Tafel 1",
        "a tablet says which table it is"
    );
    shots.take(&screen, "evening-00-screen-welcome").await;
    lap("16 devices joined", &mut mark);

    // --- 1. Quiz -------------------------------------------------------------
    open_from_agenda(&fac, quiz).await;
    screen_at(&screen, "voelt zich gelukkig", "open").await;
    join_all(
        phones
            .iter()
            .zip(QUIZ_CHOICES)
            .map(|(p, choice)| async move {
                answer_form_for(p, quiz).await;
                press(
                    p,
                    &format!(
                        "form.answer-form label.choice:has(input[name=option][value='{choice}'])"
                    ),
                )
                .await;
                press(p, "form.answer-form button[type=submit]").await;
                ack(p).await;
                assert_eq!(
                    text_of(p, ".own-answer-text").await,
                    QUIZ_OPTIONS[choice],
                    "the phone confirms its choice"
                );
            }),
    )
    .await;
    screen_responses(&screen, 12).await;
    shots
        .take(&phones[1], "evening-01-phone-quiz-answered")
        .await;
    live_control(&fac, "close", quiz).await;
    screen_at(&screen, "voelt zich gelukkig", "closed").await;
    press(
        &fac,
        "#console-live .manage form:has(input[name=action][value=reveal]) button",
    )
    .await;
    wait_js(
        &screen,
        "document.querySelector('#screen-main .reveal') && document.querySelectorAll('#screen-main .bar-row').length === 3",
        "the revealed answer on the screen",
    )
    .await;
    assert_eq!(
        text_of(&screen, "#screen-main .reveal-answer").await,
        format!("Juiste antwoord: {}", QUIZ_OPTIONS[1])
    );
    assert_eq!(
        text_of(&screen, "#screen-main .reveal-explanation").await,
        QUIZ_EXPLANATION
    );
    assert_eq!(
        text_of(&screen, "#screen-main .reveal-source").await,
        QUIZ_SOURCE
    );
    let bars = js(&screen, "Array.from(document.querySelectorAll('#screen-main .bar-row')).map(r => [r.querySelector('.bar-label').lastChild.textContent.trim(), r.querySelector('.bar-value').textContent.trim(), r.classList.contains('correct')])").await;
    let mut counts = [0usize; 3];
    for c in QUIZ_CHOICES {
        counts[c] += 1;
    }
    let expected: Vec<Value> = (0..3)
        .map(|i| {
            let n = counts[i];
            let pct = (n * 100 + 6) / 12;
            let word = if n == 1 { "stem" } else { "stemmen" };
            serde_json::json!([QUIZ_OPTIONS[i], format!("{n} {word} ({pct}%)"), i == 1])
        })
        .collect();
    assert_eq!(bars, Value::Array(expected), "quiz bars on the screen");
    assert_eq!(
        js(
            &screen,
            "document.querySelectorAll('#screen-main .bar-row.correct .correct-mark').length"
        )
        .await,
        serde_json::json!(1)
    );
    shots.take(&screen, "evening-01-screen-quiz-revealed").await;
    wait_js(
        &phones[1],
        "document.querySelector('.results-block .bar-row.correct')",
        "the reveal on the phone",
    )
    .await;
    shots
        .take(&phones[1], "evening-01-phone-quiz-revealed")
        .await;
    lap("1. quiz", &mut mark);

    // --- 2. Goal -------------------------------------------------------------
    open_from_agenda(&fac, goal).await;
    screen_at(&screen, "gezamenlijke doel", "open").await;
    join_all(
        phones
            .iter()
            .zip(GOAL_VERDICTS)
            .map(|(p, (level, reason))| async move {
                answer_form_for(p, goal).await;
                assert_eq!(text_of(p, "form.answer-form .wording").await, GOAL);
                press(
                    p,
                    &format!(
                        "form.answer-form label.choice:has(input[name=level_0][value='{level}'])"
                    ),
                )
                .await;
                if !reason.is_empty() {
                    fill(p, "form.answer-form textarea[name=reason_0]", reason).await;
                }
                press(p, "form.answer-form button[type=submit]").await;
                ack(p).await;
            }),
    )
    .await;
    screen_responses(&screen, 12).await;
    shots
        .take(&phones[6], "evening-02-phone-goal-objection")
        .await;
    live_control(&fac, "close", goal).await;
    screen_at(&screen, "gezamenlijke doel", "closed").await;
    live_control(&fac, "show_results", goal).await;
    wait_js(
        &screen,
        "document.querySelector('#screen-main .consent')",
        "the agreement on the screen",
    )
    .await;
    let level = |l: &str| {
        let n = GOAL_VERDICTS.iter().filter(|v| v.0 == l).count();
        (n.to_string(), format!("({}%)", (n * 100 + 6) / 12))
    };
    for (class, l) in [
        ("level-agree", "agree"),
        ("level-live-with", "live_with"),
        ("level-object", "object"),
    ] {
        let (n, pct) = level(l);
        assert_eq!(
            text_of(
                &screen,
                &format!("#screen-main .consent-levels .{class} .level-count")
            )
            .await,
            n,
            "{l} on the screen"
        );
        assert_eq!(
            text_of(
                &screen,
                &format!("#screen-main .consent-levels .{class} .bar-pct")
            )
            .await,
            pct
        );
    }
    let mut reasons = strings(
        &screen,
        "Array.from(document.querySelectorAll('#screen-main .reasons .reason')).map(r => r.textContent.trim().replace(/\\s+/g, ' '))",
    )
    .await;
    reasons.sort();
    let label = |l: &str| match l {
        "agree" => "Eens",
        "live_with" => "Kan ermee leven",
        _ => "Bezwaar",
    };
    let mut expected: Vec<String> = GOAL_VERDICTS
        .iter()
        .filter(|v| !v.1.is_empty())
        .map(|(l, r)| format!("{}: {r}", label(l)))
        .collect();
    expected.sort();
    assert_eq!(reasons, expected, "every reason on the screen");
    shots.take(&screen, "evening-02-screen-goal-results").await;
    press(
        &fac,
        "#console-live form:has(input[name=op][value=agree_goal]) button",
    )
    .await;
    wait_js(
        &fac,
        &format!(
            "document.querySelector('#console-live .manage-goal') && document.querySelector('#console-live .manage-goal').textContent.includes({})",
            lit(GOAL)
        ),
        "the recorded goal on the console",
    )
    .await;
    lap("2. goal", &mut mark);

    // --- 3. Idea wall --------------------------------------------------------
    open_from_agenda(&fac, wall).await;
    screen_at(&screen, "Waar moeten we op inzetten", "open").await;
    let goal_line = format!("Ons doel: {GOAL}");
    assert_eq!(
        text_of(&screen, "#screen-main .screen-goal").await,
        goal_line,
        "the agreed goal above the idea wall"
    );
    for t in tablets.iter().chain(&phones[..1]) {
        answer_form_for(t, wall).await;
    }
    let mut watchers: Vec<&Client> = tablets.iter().collect();
    watchers.push(&phones[0]);
    watchers.push(&screen);
    let (t1, t2, t3, t4) = (&tablets[0], &tablets[1], &tablets[2], &tablets[3]);
    add_idea(t1, IDEA_SPORT_OLD, &watchers).await;
    add_idea(t2, IDEA_ALCOHOL_PARENTS, &watchers).await;
    add_idea(t3, IDEA_YOUTHWORKER, &watchers).await;
    add_idea(t4, IDEA_PARENT_CAFE, &watchers).await;
    add_idea(t1, IDEA_ALCOHOL_SCHOOL, &watchers).await;
    add_idea(t3, IDEA_PARENT_EVENINGS, &watchers).await;
    add_idea(&phones[0], IDEA_PLACE, &watchers).await;
    add_idea(t4, IDEA_SPORTS_DAY, &watchers).await;
    add_idea(t1, IDEA_WITHDRAWN, &watchers).await;
    add_idea(t3, IDEA_CLUBS, &watchers).await;

    // Table 1 starts changing its sport idea with the edit button
    // (participant.js loads the text into the form) …
    let sport_id = item_id(t1, "#activity", IDEA_SPORT_OLD).await;
    wait_js(
        t1,
        &format!(
            "document.querySelector(\"#activity li.item[data-item='{sport_id}'] .item-edit\")"
        ),
        "the edit button on the table's own idea",
    )
    .await;
    press(
        t1,
        &format!("#activity li.item[data-item='{sport_id}'] .item-edit"),
    )
    .await;
    wait_js(
        t1,
        &format!(
            "document.querySelector('form.item-form').getAttribute('data-editing') === '{sport_id}' && document.querySelector('form.item-form textarea[name=text]').value === {}",
            lit(IDEA_SPORT_OLD)
        ),
        "the idea loaded for editing",
    )
    .await;
    // … while table 2 adds its second idea (a live frame reaches table 1).
    add_idea(t2, IDEA_STREETWORK, &watchers).await;
    // A live frame redraws the form; the edit must survive it (else sending
    // would add a duplicate instead of changing the idea).
    wait_js(
        t1,
        &format!(
            "document.querySelector('form.item-form').getAttribute('data-editing') === '{sport_id}'"
        ),
        "the edit surviving a live frame",
    )
    .await;
    fill(t1, "form.item-form textarea[name=text]", IDEA_SPORT_NEW).await;
    press(t1, "form.item-form button[type=submit]").await;
    wait_js(
        &screen,
        &format!(
            "(document.querySelector(\"#screen-main li.item[data-item='{sport_id}'] .item-text\") || {{}}).textContent === {}",
            lit(IDEA_SPORT_NEW)
        ),
        "the changed idea on the screen",
    )
    .await;
    // Table 1 withdraws its near-duplicate.
    let withdrawn_id = item_id(t1, "#activity", IDEA_WITHDRAWN).await;
    press(
        t1,
        &format!("#activity li.item[data-item='{withdrawn_id}'] .item-withdraw"),
    )
    .await;
    wait_js(
        &screen,
        &format!("!document.querySelector(\"#screen-main li.item[data-item='{withdrawn_id}']\") && document.querySelectorAll('#screen-main .wall.items li.item').length === 10"),
        "the withdrawn idea gone from the screen",
    )
    .await;
    let wall_items = js(&screen, "Array.from(document.querySelectorAll('#screen-main .wall.items li.item')).map(li => [li.querySelector('.item-text').textContent.trim(), (li.querySelector('.item-author') || {textContent: ''}).textContent.trim()])").await;
    let wall_items: Vec<(String, String)> = serde_json::from_value(wall_items).unwrap();
    let expected_wall: Vec<(&str, &str)> = vec![
        (IDEA_SPORT_NEW, "Tafel 1"),
        (IDEA_ALCOHOL_PARENTS, "Tafel 2"),
        (IDEA_YOUTHWORKER, "Tafel 3"),
        (IDEA_PARENT_CAFE, "Tafel 4"),
        (IDEA_ALCOHOL_SCHOOL, "Tafel 1"),
        (IDEA_PARENT_EVENINGS, "Tafel 3"),
        (IDEA_PLACE, "Fatima"),
        (IDEA_SPORTS_DAY, "Tafel 4"),
        (IDEA_CLUBS, "Tafel 3"),
        (IDEA_STREETWORK, "Tafel 2"),
    ];
    let mut got = wall_items.clone();
    got.sort();
    let mut want: Vec<(String, String)> = expected_wall
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want, "every idea on the screen, with its table");
    for gone in [IDEA_SPORT_OLD, IDEA_WITHDRAWN] {
        assert!(
            !shows_item(&screen, "#screen-main", gone).await,
            "{gone} gone"
        );
    }
    let gap = js(
        &screen,
        "(() => { const li = document.querySelector('#screen-main .wall.items li.item'); return Math.round(li.querySelector('.item-text').getBoundingClientRect().top - li.getBoundingClientRect().top); })()",
    )
    .await;
    assert!(
        gap.as_i64().unwrap_or(99) <= 30,
        "the idea text starts {gap}px below the top of its card"
    );
    if let Some((h, vh)) = screen_overflow(&screen).await {
        notes.push(format!(
            "screen: the idea wall with 10 ideas is {h}px tall in a {vh}px viewport (the projector cannot scroll)"
        ));
    }
    shots.take(&screen, "evening-03-screen-idea-wall").await;
    shots.take(&phones[0], "evening-03-phone-idea-wall").await;
    shots.take(t1, "evening-03-tablet-idea-wall").await;
    lap("3. idea wall", &mut mark);

    // --- 4. Categorise -------------------------------------------------------
    live_control(&fac, "close", wall).await;
    screen_at(&screen, "Waar moeten we op inzetten", "closed").await;
    // "Volgende": the categorising board.
    live_control(&fac, "show", board).await;
    wait_js(
        &screen,
        "document.querySelector('#screen-main .board') && document.querySelectorAll('#screen-main .board .unplaced li').length === 10",
        "the board with ten unplaced ideas on the screen",
    )
    .await;
    wait_js(
        &fac,
        "document.querySelector('#console-live .manage-categorise .manage-board')",
        "the board tools on the console",
    )
    .await;
    assert_eq!(
        text_of(&screen, "#screen-main .screen-goal").await,
        goal_line
    );
    let proposal = text_of(&fac, "#console-live .proposal").await;
    println!("Koers's proposed grouping on the console: {proposal:?}");
    for name in [
        CAT_SPORT,
        CAT_ALCOHOL,
        CAT_PARENTS,
        CAT_YOUTHWORK,
        CAT_PLACES,
    ] {
        fill(&fac, &format!("#newcat-{board}"), name).await;
        press(
            &fac,
            "#console-live .board-tools form:has(input[name=op][value=board_create]) button",
        )
        .await;
        wait_js(
            &fac,
            &format!("Array.from(document.querySelectorAll('#console-live .manage-board section.category h3')).some(h => h.textContent.startsWith({} + ' ('))", lit(name)),
            &format!("the category {name} on the console"),
        )
        .await;
    }
    for (idea, cat) in [
        (IDEA_SPORT_NEW, CAT_SPORT),
        (IDEA_CLUBS, CAT_SPORT),
        (IDEA_SPORTS_DAY, CAT_SPORT),
        (IDEA_ALCOHOL_SCHOOL, CAT_ALCOHOL),
        (IDEA_ALCOHOL_PARENTS, CAT_ALCOHOL),
        (IDEA_PARENT_EVENINGS, CAT_PARENTS),
        (IDEA_PARENT_CAFE, CAT_PARENTS),
        (IDEA_YOUTHWORKER, CAT_YOUTHWORK),
        (IDEA_STREETWORK, CAT_YOUTHWORK),
        (IDEA_PLACE, CAT_PLACES),
    ] {
        move_idea(&fac, "categorise", idea, cat).await;
    }
    // The board lists ideas in the order they were added.
    let formed = vec![
        (
            CAT_SPORT.to_string(),
            vec![IDEA_SPORT_NEW, IDEA_SPORTS_DAY, IDEA_CLUBS],
        ),
        (
            CAT_ALCOHOL.to_string(),
            vec![IDEA_ALCOHOL_PARENTS, IDEA_ALCOHOL_SCHOOL],
        ),
        (
            CAT_PARENTS.to_string(),
            vec![IDEA_PARENT_CAFE, IDEA_PARENT_EVENINGS],
        ),
        (
            CAT_YOUTHWORK.to_string(),
            vec![IDEA_YOUTHWORKER, IDEA_STREETWORK],
        ),
        (CAT_PLACES.to_string(), vec![IDEA_PLACE]),
    ];
    let formed: Vec<(String, Vec<String>)> = formed
        .into_iter()
        .map(|(c, v)| (c, v.into_iter().map(String::from).collect()))
        .collect();
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .board > section.category').length === 5",
        "five categories and no unplaced ideas on the screen",
    )
    .await;
    assert_eq!(
        screen_board(&screen).await,
        formed,
        "the board on the screen"
    );
    shots.take(&screen, "evening-04-screen-board-formed").await;

    // One merge: "Ontmoetingsplekken" into "Jongerenwerk" (the form sits in
    // the category's "Categorie bewerken" disclosure).
    let places = category_id(&fac, CAT_PLACES).await;
    let youthwork = category_id(&fac, CAT_YOUTHWORK).await;
    press(
        &fac,
        &format!("#console-live section.category[data-category='{places}'] details > summary"),
    )
    .await;
    choose(&fac, &format!("#mrg-{places}"), &youthwork).await;
    press(&fac, &format!("#console-live section.category[data-category='{places}'] form:has(input[name=op][value=board_merge]) button")).await;
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .board > section.category').length === 4",
        "four categories after the merge",
    )
    .await;
    let mut merged = formed.clone();
    merged.pop();
    merged[3].1.push(IDEA_PLACE.to_string());
    // Members follow the wall's order: the place idea came before the
    // street-work idea.
    merged[3].1 = vec![
        IDEA_YOUTHWORKER.to_string(),
        IDEA_PLACE.to_string(),
        IDEA_STREETWORK.to_string(),
    ];
    assert_eq!(
        screen_board(&screen).await,
        merged,
        "the board after the merge"
    );
    assert_eq!(
        text_of(
            &screen,
            &format!("#screen-main section.category[data-category='{youthwork}'] .merged-text")
        )
        .await,
        format!("Samengevoegd: {CAT_PLACES}")
    );
    wait_js(
        &fac,
        &format!(
            "!document.querySelector(\"#console-live section.category[data-category='{places}']\")"
        ),
        "the merged category gone from the console",
    )
    .await;
    // One mistaken move, then "Ongedaan maken".
    let before_undo = screen_board(&screen).await;
    move_idea(&fac, "categorise", IDEA_ALCOHOL_PARENTS, CAT_PARENTS).await;
    wait_js(
        &screen,
        &format!("Array.from(document.querySelectorAll('#screen-main .board section.category')).some(s => s.querySelector('.category-name').textContent.startsWith({}) && s.textContent.includes({}))", lit(CAT_PARENTS), lit(IDEA_ALCOHOL_PARENTS)),
        "the mistaken move on the screen",
    )
    .await;
    assert_ne!(screen_board(&screen).await, before_undo);
    shots.take(&screen, "evening-04-screen-board-mistake").await;
    press(
        &fac,
        "#console-live .board-tools form:has(input[name=op][value=undo]) button",
    )
    .await;
    wait_js(
        &screen,
        &format!("Array.from(document.querySelectorAll('#screen-main .board section.category')).some(s => s.querySelector('.category-name').textContent.startsWith({}) && s.textContent.includes({}))", lit(CAT_ALCOHOL), lit(IDEA_ALCOHOL_PARENTS)),
        "the undo on the screen",
    )
    .await;
    assert_eq!(
        screen_board(&screen).await,
        before_undo,
        "after the undo the board is as before the undone step"
    );
    assert_eq!(before_undo, merged);
    if let Some((h, vh)) = screen_overflow(&screen).await {
        notes.push(format!(
            "screen: the board with 4 categories / 10 ideas is {h}px tall in a {vh}px viewport"
        ));
    }
    shots
        .take(&screen, "evening-04-screen-board-after-undo")
        .await;
    shots.take(&fac, "evening-04-console-board").await;
    lap("4. categorise", &mut mark);

    // --- 5. Dot vote ---------------------------------------------------------
    open_from_agenda(&fac, dots).await;
    screen_at(&screen, "Verdeel uw stippen", "open").await;
    assert_eq!(
        text_of(&screen, "#screen-main .screen-goal").await,
        goal_line
    );
    join_all(phones.iter().zip(DOTS).map(|(p, ballot)| async move {
        answer_form_for(p, dots).await;
        let labels = strings(
            p,
            "Array.from(document.querySelectorAll('form.answer-form .alloc-row label')).map(l => l.textContent.trim())",
        )
        .await;
        assert_eq!(labels, CANDIDATES, "the categories on the ballot");
        for (i, &n) in ballot.iter().enumerate() {
            if n > 0 {
                fill(p, &format!("#pts-{dots}-{i}"), &n.to_string()).await;
            }
        }
        press(p, "form.answer-form button[type=submit]").await;
        ack(p).await;
    }))
    .await;
    screen_responses(&screen, 12).await;
    assert!(
        !text_of(&phones[0], ".own-answer-text").await.is_empty(),
        "the phone says which dots it sent"
    );
    shots.take(&phones[0], "evening-05-phone-dots").await;
    live_control(&fac, "close", dots).await;
    screen_at(&screen, "Verdeel uw stippen", "closed").await;
    live_control(&fac, "show_results", dots).await;
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .vote-line').length === 4",
        "the dot vote's ranking on the screen",
    )
    .await;
    let dot_expected = expected_lines(&dot_totals());
    let dot_lines = vote_lines(&screen, "#screen-main").await;
    println!("dot vote on the screen: {dot_lines:?}");
    assert_eq!(
        dot_lines, dot_expected,
        "dot vote: order, totals and ties on the screen"
    );
    assert!(
        dot_lines.iter().filter(|l| l[0].ends_with('=')).count() == 2,
        "the tie shows as '3=' twice"
    );
    let top2: Vec<String> = ranked(&dot_totals())
        .iter()
        .take(2)
        .map(|(_, c, _)| CANDIDATES[*c].to_string())
        .collect();
    shots.take(&screen, "evening-05-screen-dots-results").await;
    wait_js(
        &phones[0],
        "document.querySelectorAll('.results-block .vote-line').length === 4",
        "the dot vote's results on the phone",
    )
    .await;
    shots
        .take(&phones[0], "evening-05-phone-dots-results")
        .await;
    lap("5. dot vote", &mut mark);

    // --- 6. Ranking vote -----------------------------------------------------
    open_from_agenda(&fac, ranking).await;
    screen_at(&screen, "drie belangrijkste richtingen", "open").await;
    join_all(phones.iter().zip(RANKINGS).map(|(p, order)| async move {
        answer_form_for(p, ranking).await;
        let options = strings(
            p,
            &format!("Array.from(document.querySelectorAll('#rank-{ranking}-1 option')).slice(1).map(o => o.textContent.trim())"),
        )
        .await;
        assert_eq!(options, CANDIDATES, "the categories to rank");
        for (place, &c) in order.iter().enumerate() {
            choose(p, &format!("#rank-{ranking}-{}", place + 1), &c.to_string()).await;
        }
        // Still as chosen (selects survive live frames).
        let chosen = strings(
            p,
            "Array.from(document.querySelectorAll('form.answer-form select[name^=rank_]')).map(s => s.value)",
        )
        .await;
        let mut want: Vec<String> = order.iter().map(|c| c.to_string()).collect();
        want.resize(TOP_K, String::new());
        assert_eq!(chosen, want);
        press(p, "form.answer-form button[type=submit]").await;
        ack(p).await;
    }))
    .await;
    screen_responses(&screen, 12).await;
    shots.take(&phones[3], "evening-06-phone-ranking").await;
    live_control(&fac, "close", ranking).await;
    screen_at(&screen, "drie belangrijkste richtingen", "closed").await;
    live_control(&fac, "show_results", ranking).await;
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .vote-line').length === 4 && document.querySelector('#screen-main .vote-schulze')",
        "the ranking's results on the screen",
    )
    .await;
    let borda = borda_totals();
    let rank_expected = expected_lines(&borda);
    let rank_lines = vote_lines(&screen, "#screen-main").await;
    println!("ranking (Borda) on the screen: {rank_lines:?}");
    assert_eq!(rank_lines, rank_expected, "Borda order and points");
    let tiers = schulze_tiers();
    let schulze_text = tiers
        .iter()
        .map(|t| {
            t.iter()
                .map(|&c| CANDIDATES[c])
                .collect::<Vec<_>>()
                .join(" = ")
        })
        .collect::<Vec<_>>()
        .join(" > ");
    assert_eq!(
        text_of(&screen, "#screen-main .vote-schulze").await,
        format!("Volgorde volgens Schulze: {schulze_text}")
    );
    let borda_tiers: Vec<Vec<usize>> = {
        let mut t: Vec<Vec<usize>> = Vec::new();
        for (_, c, total) in ranked(&borda) {
            match t.last_mut() {
                Some(last) if borda[last[0]] == total => last.push(c),
                _ => t.push(vec![c]),
            }
        }
        t
    };
    assert_eq!(
        js(
            &screen,
            "!!document.querySelector('#screen-main .vote-disagree')"
        )
        .await,
        Value::Bool(borda_tiers != tiers),
        "the disagreement note only when Borda and Schulze differ"
    );
    shots
        .take(&screen, "evening-06-screen-ranking-results")
        .await;
    wait_js(
        &phones[3],
        "document.querySelector('.results-block .vote-schulze')",
        "the ranking's results on the phone",
    )
    .await;
    shots
        .take(&phones[3], "evening-06-phone-ranking-results")
        .await;
    lap("6. ranking vote", &mut mark);

    // --- 7. Actions ----------------------------------------------------------
    open_from_agenda(&fac, actions).await;
    screen_at(&screen, "concrete actie", "open").await;
    assert_eq!(
        text_of(&screen, "#screen-main .screen-goal").await,
        goal_line
    );
    for t in &tablets {
        answer_form_for(t, actions).await;
        let topics = strings(
            t,
            &format!("Array.from(document.querySelectorAll('#topic-{actions} option')).map(o => o.textContent.trim())"),
        )
        .await;
        assert_eq!(
            topics, top2,
            "the priorities are the dot vote's top two, best first"
        );
    }
    assert_eq!(
        strings(
            &screen,
            "Array.from(document.querySelectorAll('#screen-main .item-group .group-title')).map(h => h.textContent.trim())"
        )
        .await,
        top2
    );
    // Phones see that the tables answer this one.
    assert_eq!(
        js(
            &phones[0],
            "getComputedStyle(document.querySelector('.form-slot')).display === 'none' && getComputedStyle(document.querySelector('.for-device .notice.only-phone')).display !== 'none'"
        )
        .await,
        Value::Bool(true),
        "the action form is for tablets only"
    );
    let mut watchers: Vec<&Client> = tablets.iter().collect();
    watchers.push(&phones[0]);
    watchers.push(&screen);
    // Table 2 starts typing its action for the second priority …
    let a2 = &ACTIONS[1];
    choose(t2, &format!("#topic-{actions}"), &a2.topic.to_string()).await;
    fill(t2, &format!("#we-do-{actions}"), a2.text).await;
    // … while table 1 sends its action (a live frame reaches table 2).
    submit_action(t1, actions, &ACTIONS[0]).await;
    for w in &watchers {
        wait_for_action(w, ACTIONS[0].text).await;
    }
    let topic_now = js(
        t2,
        &format!("document.querySelector('#topic-{actions}').value"),
    )
    .await;
    let text_now = js(
        t2,
        &format!("document.querySelector('#we-do-{actions}').value"),
    )
    .await;
    assert_eq!(
        text_now,
        Value::String(a2.text.into()),
        "typed text survives a live frame"
    );
    assert_eq!(
        topic_now,
        Value::String(a2.topic.to_string()),
        "the chosen priority survives a live frame"
    );
    submit_action(t2, actions, a2).await;
    for w in &watchers {
        wait_for_action(w, a2.text).await;
    }
    submit_action(t3, actions, &ACTIONS[2]).await;
    for w in &watchers {
        wait_for_action(w, ACTIONS[2].text).await;
    }
    submit_action(t4, actions, &ACTIONS[3]).await;
    for w in &watchers {
        wait_for_action(w, ACTIONS[3].text).await;
    }
    let groups = js(&screen, "Array.from(document.querySelectorAll('#screen-main .item-group')).map(g => [g.querySelector('.group-title').textContent.trim(), Array.from(g.querySelectorAll('li.item .item-text')).map(p => p.textContent.trim())])").await;
    let groups: Vec<(String, Vec<String>)> = serde_json::from_value(groups).unwrap();
    let expected_groups: Vec<(String, Vec<String>)> = top2
        .iter()
        .enumerate()
        .map(|(n, title)| {
            (
                title.clone(),
                ACTIONS
                    .iter()
                    .filter(|a| a.topic == n)
                    .map(|a| format!("{}, zodat {}", a.text, a.so_that))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups, expected_groups,
        "actions grouped under their priority"
    );
    let first = item_id(&screen, "#screen-main", ACTIONS[0].text).await;
    let meta = strings(
        &screen,
        &format!("Array.from(document.querySelectorAll(\"#screen-main li.item[data-item='{first}'] .action-meta div\")).map(d => d.querySelector('dt').textContent.trim() + ': ' + d.querySelector('dd').textContent.trim())"),
    )
    .await;
    assert_eq!(
        meta,
        vec![
            format!("Wie: {}", ACTIONS[0].who),
            format!("Wanneer klaar: {}", ACTIONS[0].by_when),
            format!("Wat is nodig: {}", ACTIONS[0].needs),
        ]
    );
    assert_eq!(
        text_of(
            &screen,
            &format!("#screen-main li.item[data-item='{first}'] .item-author")
        )
        .await,
        "Tafel 1"
    );
    // "Ik doe mee" from Fatima's phone (GGD).
    let phone = &phones[0];
    press(
        phone,
        &format!("#activity li.item[data-item='{first}'] .mark-form button"),
    )
    .await;
    wait_js(
        phone,
        &format!("(document.querySelector(\"#activity li.item[data-item='{first}'] .mark-form button\") || {{}}).getAttribute && document.querySelector(\"#activity li.item[data-item='{first}'] .mark-form button\").getAttribute('aria-pressed') === 'true'"),
        "the pressed 'Ik doe mee' on the phone",
    )
    .await;
    wait_js(
        &screen,
        &format!("(document.querySelector(\"#screen-main li.item[data-item='{first}'] .item-marks\") || {{textContent: ''}}).textContent.includes('1 doet mee')"),
        "'1 doet mee' on the screen",
    )
    .await;
    assert_eq!(
        text_of(
            &screen,
            &format!("#screen-main li.item[data-item='{first}'] .item-marks")
        )
        .await,
        "1 doet mee (GGD / jeugdgezondheidszorg)"
    );
    let group_of_first = js(&screen, &format!("document.querySelector(\"#screen-main li.item[data-item='{first}']\").closest('.item-group').querySelector('.group-title').textContent.trim()")).await;
    assert_eq!(group_of_first, Value::String(top2[0].clone()));
    let screen_buttons = js(
        &screen,
        "Array.from(document.querySelectorAll('#screen-main .mark-form')).filter(f => getComputedStyle(f).display !== 'none').length",
    )
    .await;
    assert_eq!(
        screen_buttons,
        serde_json::json!(0),
        "no 'Ik doe mee' buttons on the projector"
    );
    let widths = js(
        &phones[0],
        &format!("Array.from(document.querySelectorAll(\"#activity li.item[data-item='{first}'] .action-meta dd\")).map(d => Math.round(d.getBoundingClientRect().width))"),
    )
    .await;
    let narrow = widths
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_u64().unwrap_or(0) < 60);
    assert!(!narrow, "action details are {widths} px wide on a phone");
    if let Some((h, vh)) = screen_overflow(&screen).await {
        notes.push(format!(
            "screen: four actions under two priorities are {h}px tall in a {vh}px viewport; the second priority is below the fold"
        ));
    }
    shots.take(&screen, "evening-07-screen-actions").await;
    shots
        .take(phone, "evening-07-phone-actions-ik-doe-mee")
        .await;
    shots.take(t2, "evening-07-tablet-actions").await;

    // Table 4's Wi-Fi drops while it types one more action; meanwhile the
    // facilitator finalises the list.
    proxy.set(Mode::Down);
    wait_js(
        t4,
        "!document.getElementById('connection').hidden",
        "table 4's reconnecting banner",
    )
    .await;
    let late = Action {
        topic: 1,
        text: "een cursus signaleren voor alle trainers",
        so_that: "trainers zorgen bij kinderen eerder opmerken",
        who: "GGD",
        by_when: "maart",
        needs: "",
    };
    choose(t4, &format!("#topic-{actions}"), "1").await;
    fill(t4, &format!("#we-do-{actions}"), late.text).await;
    fill(t4, &format!("#so-that-{actions}"), late.so_that).await;
    press(
        &fac,
        "#console-live form:has(input[name=op][value=finalise]) button",
    )
    .await;
    wait_js(
        &fac,
        "document.querySelector('#console-live form:has(input[name=op][value=unfinalise])')",
        "the finalised list on the console",
    )
    .await;
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .mark-form').length === 0",
        "the final list on the screen (no more commitments)",
    )
    .await;
    let screen_final = js(&screen, "document.getElementById('screen-main').innerHTML").await;
    assert_eq!(
        text_of(
            &screen,
            &format!("#screen-main li.item[data-item='{first}'] .item-marks")
        )
        .await,
        "1 doet mee (GGD / jeugdgezondheidszorg)",
        "commitments stay on the final list"
    );

    // A connected tablet sees that the list is final.
    wait_js(
        t3,
        "(document.querySelector('#activity .form-slot .notice') || {textContent: ''}).textContent.includes('De actielijst is vastgesteld.')",
        "the final-list notice on table 3",
    )
    .await;
    let leftover = js(
        t3,
        "(() => { const b = document.querySelector('form.answer-form button[type=submit]'); return !!b && getComputedStyle(b).display !== 'none' && b.offsetParent !== null; })()",
    )
    .await;
    assert_eq!(
        leftover,
        Value::Bool(false),
        "a final action list offers no 'Toevoegen'"
    );
    shots.take(t3, "evening-07-tablet-final-list").await;

    // Table 4 (still offline, its page stale) sends its action: queued …
    press(t4, "form.answer-form button[type=submit]").await;
    wait_js(
        t4,
        &format!("{} === 1", outbox_len(&sid)),
        "the action waiting in table 4's outbox",
    )
    .await;
    // … and refused by the server once the Wi-Fi is back.
    proxy.set(Mode::Up);
    wait_long(
        t4,
        "document.getElementById('toast').classList.contains('error') && document.getElementById('toast').textContent.includes('vastgesteld')",
        "the refusal toast on table 4",
        60,
    )
    .await;
    let refusal = text_of(t4, "#toast").await;
    assert_eq!(
        refusal, "Deze lijst is vastgesteld en verandert niet meer.",
        "the tablet says why"
    );
    shots.take(t4, "evening-07-tablet-refused").await;
    wait_js(
        t4,
        &format!("{} === 0", outbox_len(&sid)),
        "table 4's outbox empty (refused, not retried)",
    )
    .await;
    wait_long(
        t4,
        "document.getElementById('connection').hidden && (document.querySelector('#activity .form-slot .notice') || {textContent: ''}).textContent.includes('vastgesteld')",
        "table 4 back online with the final list",
        60,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        js(&screen, "document.getElementById('screen-main').innerHTML").await,
        screen_final,
        "nothing changed on the screen"
    );
    assert!(
        !shows_item(
            &screen,
            "#screen-main",
            &format!("{}, zodat {}", late.text, late.so_that)
        )
        .await
    );
    let stored = app
        .store
        .items(actions.parse().unwrap())
        .await
        .unwrap()
        .len();
    assert_eq!(
        stored,
        ACTIONS.len(),
        "no action was stored after finalising"
    );
    shots.take(&screen, "evening-07-screen-actions-final").await;
    lap("7. actions", &mut mark);

    // --- The final ranking, once more on the screen ---------------------------
    press(&fac, &format!("#console-agenda form:has(input[name=action][value=show]):has(input[name=activity_id][value='{ranking}']) button")).await;
    wait_js(
        &screen,
        "document.querySelectorAll('#screen-main .vote-line').length === 4 && document.querySelector('#screen-main .vote-schulze')",
        "the ranking back on the screen",
    )
    .await;
    assert_eq!(
        vote_lines(&screen, "#screen-main").await,
        rank_expected,
        "the final ranking on the screen"
    );
    shots.take(&screen, "evening-08-screen-final-ranking").await;
    lap("final ranking", &mut mark);

    // --- The report of this evening, in every format ------------------------
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-shots");
    let has_links = js(
        &fac,
        "['pdf','docx','xlsx','md','csv'].every(f => document.querySelector(`a[href$='/export/${f}']`))",
    )
    .await;
    assert_eq!(
        has_links,
        Value::Bool(true),
        "the console offers every download"
    );
    let pdf = koers_web::report::export_pdf(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    let docx = koers_web::report::export_docx(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    let xlsx = koers_web::report::export_xlsx(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    let md = koers_web::report::export_markdown(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("verslag.pdf", &pdf),
        ("verslag.docx", &docx),
        ("verslag.xlsx", &xlsx),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = std::process::Command::new("pdftotext")
        .arg(dir.join("verslag.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
            .collect()
    };
    let pdf_text = squash(&String::from_utf8_lossy(&out.stdout));
    let md_text = squash(&md.replace('\\', ""));
    for idea in [
        IDEA_SPORT_NEW,
        IDEA_ALCOHOL_SCHOOL,
        IDEA_ALCOHOL_PARENTS,
        IDEA_STREETWORK,
        IDEA_YOUTHWORKER,
        IDEA_PARENT_EVENINGS,
        IDEA_CLUBS,
        IDEA_PARENT_CAFE,
        IDEA_SPORTS_DAY,
        IDEA_PLACE,
    ] {
        assert!(
            pdf_text.contains(&squash(idea)),
            "the PDF lacks the idea {idea:?}"
        );
        assert!(
            md_text.contains(&squash(idea)),
            "the Markdown lacks {idea:?}"
        );
    }
    assert!(
        !pdf_text.contains(&squash(IDEA_WITHDRAWN)),
        "a withdrawn idea is not reported"
    );
    for a in &ACTIONS {
        let line = squash(&format!("{}, zodat {}", a.text, a.so_that));
        assert!(
            pdf_text.contains(&line),
            "the PDF lacks the action {:?}",
            a.text
        );
    }
    lap("report", &mut mark);

    // --- Report ---------------------------------------------------------------
    println!("\nScreenshots in {}:", dir.display());
    for s in &shots.0 {
        println!("  {s}");
    }
    println!("\nTimings:");
    for (name, d) in &timings {
        println!("  {name:<22} {:>6.1}s", d.as_secs_f64());
    }
    println!(
        "  {:<22} {:>6.1}s",
        "total",
        started.elapsed().as_secs_f64()
    );
    if !notes.is_empty() {
        println!("\nNotes (not asserted):");
        for i in &notes {
            println!("  - {i}");
        }
    }
    for c in phones.into_iter().chain(tablets).chain([fac, screen]) {
        let _ = c.close().await;
    }
}

/// A tablet fills in and sends an action.
async fn submit_action(t: &Client, actions: &str, a: &Action) {
    choose(t, &format!("#topic-{actions}"), &a.topic.to_string()).await;
    fill(t, &format!("#we-do-{actions}"), a.text).await;
    fill(t, &format!("#so-that-{actions}"), a.so_that).await;
    fill(t, &format!("#who-{actions}"), a.who).await;
    fill(t, &format!("#when-{actions}"), a.by_when).await;
    fill(t, &format!("#needs-{actions}"), a.needs).await;
    // Still the chosen priority.
    assert_eq!(
        js(
            t,
            &format!("document.querySelector('#topic-{actions}').value")
        )
        .await,
        Value::String(a.topic.to_string())
    );
    press(t, "form.answer-form button[type=submit]").await;
}

async fn wait_for_action(c: &Client, text: &str) {
    wait_js(
        c,
        &format!(
            "Array.from(document.querySelectorAll('.item .item-text')).some(e => e.textContent.trim().startsWith({} + ','))",
            lit(text)
        ),
        &format!("the action '{text}'"),
    )
    .await;
}
