//! Fragments shared by the first page render and the live frames, and the
//! rendering of a session's frames from one snapshot.

use crate::config::WebConfig;
use crate::i18n::Tr;
use crate::inventory::matrix::session_grid;
use crate::views::evening::{
    BoardProposal, BoardView, ItemView, VoteView, board_proposal, board_view, item_groups,
    item_view,
};
use crate::views::models::{ActivityView, Results};
use crate::views::qr;
use askama::Template;
use koers_core::activity::{Activity, ActivityKind, ActivityState};
use koers_core::items::ItemStatus;
use koers_core::lang::Lang;
use koers_core::session::neighbour;
use koers_core::tally::{Tally, tally};
use koers_store::LiveData;
use serde_json::json;

/// The results of one activity.
#[derive(Template)]
#[template(path = "frag/results.html")]
pub struct ResultsFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The activity kind (CSS hook).
    pub kind: &'a str,
    /// The results.
    pub results: &'a Results,
    /// Number of respondents.
    pub respondents: u64,
    /// Many rows: a tighter layout (so a projector shows all without scrolling).
    pub dense: bool,
    /// The join code (forms for marks).
    pub code: &'a str,
    /// Which mark phones can put on items: `upvote`, `commit` or none.
    pub marks: &'static str,
    /// The activity is open.
    pub open: bool,
    /// A quiz answer is revealed (mark the right option).
    pub revealed: bool,
    /// Say how many answered (not for lists, where the items speak).
    pub show_respondents: bool,
}

/// The answer form of an activity.
#[derive(Template)]
#[template(path = "frag/answer_form.html")]
pub struct AnswerFormFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The activity.
    pub a: &'a ActivityView,
    /// The session's join code (form action).
    pub code: &'a str,
    /// CSRF token ("" in live frames: the page script fills it in).
    pub csrf: &'a str,
}

/// What a phone or tablet shows.
#[derive(Template)]
#[template(path = "frag/participant.html")]
pub struct ParticipantFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The current activity.
    pub activity: Option<&'a ActivityView>,
    /// Its answer form.
    pub form_html: String,
    /// Its results (shown when visible).
    pub results_html: String,
    /// The session is locked.
    pub locked: bool,
}

/// The screen's main area.
#[derive(Template)]
#[template(path = "frag/screen.html")]
pub struct ScreenFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The session title (welcome).
    pub title: &'a str,
    /// The current activity.
    pub activity: Option<&'a ActivityView>,
    /// Its results.
    pub results_html: String,
    /// Number of answers so far.
    pub responses: i64,
    /// Host to type in the browser.
    pub host: String,
    /// The join code.
    pub code: String,
    /// The join code with a space.
    pub code_spaced: String,
    /// QR code SVG of the join link.
    pub qr: String,
    /// The agreed goal, shown above later steps.
    pub goal: Option<String>,
    /// The quiz leaderboard (scored quizzes, after a reveal).
    pub leaderboard: &'a [koers_core::quiz::Standing],
}

/// The screen's top bar.
#[derive(Template)]
#[template(path = "frag/screen_bar.html")]
pub struct ScreenBarFrag {
    /// Translations.
    pub t: Tr,
    /// Host to type in the browser.
    pub host: String,
    /// The join code with a space.
    pub code_spaced: String,
    /// Phones joined.
    pub participants: i64,
    /// Tablets joined.
    pub tables: i64,
    /// The session is locked.
    pub locked: bool,
}

/// The console's live panel.
#[derive(Template)]
#[template(path = "frag/console_live.html")]
pub struct ConsoleLiveFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The session.
    pub session_id: String,
    /// CSRF token ("" in frames).
    pub csrf: &'a str,
    /// The current activity.
    pub activity: Option<&'a ActivityView>,
    /// Translation key of its state.
    pub state_key: &'static str,
    /// Its results.
    pub results_html: String,
    /// Answers to it.
    pub responses: i64,
    /// The previous activity.
    pub prev: Option<String>,
    /// The next activity.
    pub next: Option<String>,
    /// Phones joined.
    pub phones: i64,
    /// Tablets joined.
    pub tablets: i64,
    /// The session is locked.
    pub locked: bool,
    /// Tools for the current activity (reveal, goal, items, board, timer).
    pub manage_html: String,
}

/// The console's tools for the current activity.
#[derive(Template)]
#[template(path = "frag/console_manage.html")]
pub struct ManageFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The session.
    pub session_id: String,
    /// CSRF token ("" in frames).
    pub csrf: &'a str,
    /// The activity.
    pub a: &'a ActivityView,
    /// The agreed goal.
    pub goal: Option<String>,
    /// Items to moderate (not withdrawn or merged).
    pub items: Vec<ItemView>,
    /// The categorising board.
    pub board: Option<BoardView>,
    /// Proposed groups: label and texts of ideas not yet placed.
    pub proposal: Vec<(String, Vec<String>)>,
    /// Near-duplicates: (id, text, id, text, similarity %).
    pub duplicates: Vec<(String, String, String, String, u32)>,
    /// The idea wall is shown per table.
    pub by_author: bool,
    /// A vote broken down by organisation type: (type, voters, top three).
    pub breakdown: Vec<(String, u64, String)>,
    /// The inventory's results a category can be linked to: (id, title).
    pub results: Vec<(String, String)>,
}
pub struct AgendaItem {
    /// The activity.
    pub view: ActivityView,
    /// Translation key of its state.
    pub state_key: &'static str,
    /// Answers to it.
    pub responses: i64,
    /// It is on the screen.
    pub current: bool,
}

/// One step on the console's agenda.
pub struct AgendaStep {
    /// The step id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its activities.
    pub items: Vec<AgendaItem>,
}

/// The console's agenda.
#[derive(Template)]
#[template(path = "frag/console_agenda.html")]
pub struct ConsoleAgendaFrag<'a> {
    /// Translations.
    pub t: Tr,
    /// The session.
    pub session_id: String,
    /// CSRF token ("" in frames).
    pub csrf: &'a str,
    /// The steps.
    pub steps: Vec<AgendaStep>,
    /// The session is locked.
    pub locked: bool,
}

/// Translation key of an activity state.
pub fn state_key(state: ActivityState) -> &'static str {
    match state {
        ActivityState::Pending => "state-pending",
        ActivityState::Open => "state-open",
        ActivityState::Closed => "state-closed",
    }
}

/// Frames for every audience of a session.
#[derive(Debug)]
pub struct Frames {
    /// The screen's frame.
    pub screen: String,
    /// Phones' and tablets' frames per language.
    pub participant: Vec<(Lang, String)>,
    /// The console's frames per language.
    pub console: Vec<(Lang, String)>,
}

/// Everything derived from a snapshot that the fragments need.
pub struct Derived<'a> {
    /// The snapshot.
    pub data: &'a LiveData,
    /// The current activity.
    pub current: Option<&'a Activity>,
    /// Its tally, computed once per snapshot.
    pub tally: Option<Tally>,
    /// For categorising: Koers's proposal, computed once per snapshot (not
    /// once per console language).
    pub proposal: Option<BoardProposal<'a>>,
}

impl<'a> Derived<'a> {
    /// Derives from a snapshot.
    pub fn new(data: &'a LiveData) -> Derived<'a> {
        let current = data.session.current.and_then(|id| data.agenda.activity(id));
        let candidates = data.doc.list.as_ref().map(|l| l.keys.len()).unwrap_or(0);
        let tally = current.map(|a| tally(&a.def.kind, candidates, &data.current_answers));
        let proposal = current
            .filter(|a| matches!(a.def.kind, ActivityKind::Categorise { .. }))
            .map(|_| board_proposal(&data.doc.board, &data.items));
        Derived {
            data,
            current,
            tally,
            proposal,
        }
    }

    /// Results of the current activity.
    pub fn results_html(&self, t: Tr) -> String {
        self.results_html_for(t, true)
    }

    /// The current activity's view, with its document.
    pub fn view(&self, t: &Tr) -> Option<ActivityView> {
        self.current
            .map(|a| ActivityView::new(t, a).with_doc(&self.data.doc))
    }

    /// Results of the current activity; `shown_only` leaves out hidden and
    /// pending items (the console sees them, to moderate).
    pub fn results_html_for(&self, t: Tr, shown_only: bool) -> String {
        let (Some(a), Some(tl)) = (self.current, self.tally.as_ref()) else {
            return String::new();
        };
        let orgs = &self.data.session.org_types;
        let results = match (&a.def.kind, tl) {
            (_, Tally::Vote(r)) => {
                let labels = self
                    .data
                    .doc
                    .list
                    .as_ref()
                    .map(|l| l.labels.clone())
                    .unwrap_or_default();
                Results::Vote(VoteView::new(&t, r, &labels))
            }
            (ActivityKind::Categorise { .. }, _) => Results::Board(board_view(
                &self.data.doc.board,
                &self.data.items,
                orgs,
                &self.data.results,
            )),
            (ActivityKind::Matrix { rows, cols }, _) => {
                let empty = koers_core::inventory::Inventory::default();
                let inv = self.data.inventory.as_deref().unwrap_or(&empty);
                Results::Matrix(session_grid(&t, inv, *rows, *cols))
            }
            (kind, Tally::Items) => Results::Items(item_groups(
                &t,
                kind,
                &self.data.doc,
                &self.data.items,
                orgs,
                shown_only,
            )),
            (kind, tl) => Results::from_tally(&t, kind, tl),
        };
        ResultsFrag {
            t,
            kind: a.def.kind.name(),
            dense: match &results {
                Results::Bars(b) | Results::Scale { bars: b, .. } => b.len() > 5,
                _ => false,
            },
            results: &results,
            respondents: tl.respondents(),
            code: self.data.session.join_code.as_str(),
            marks: match &a.def.kind {
                ActivityKind::Questions { .. } => "upvote",
                ActivityKind::Actions { .. } if !self.data.doc.finalised => "commit",
                _ => "",
            },
            open: a.state == ActivityState::Open,
            revealed: a.revealed,
            show_respondents: !matches!(
                results,
                Results::Items(_) | Results::Board(_) | Results::Matrix(_)
            ),
        }
        .render()
        .unwrap_or_default()
    }

    /// Answers to the current activity.
    pub fn responses(&self) -> i64 {
        self.current
            .and_then(|a| self.data.answer_counts.get(&a.id).copied())
            .unwrap_or(0)
    }

    /// The participant fragment.
    pub fn participant_html(&self, t: Tr, csrf: &str) -> String {
        let view = self.view(&t);
        let form_html = view
            .as_ref()
            .filter(|v| v.open)
            .map(|v| {
                AnswerFormFrag {
                    t,
                    a: v,
                    code: self.data.session.join_code.as_str(),
                    csrf,
                }
                .render()
                .unwrap_or_default()
            })
            .unwrap_or_default();
        let results_html = if view.as_ref().is_some_and(|v| v.results_visible) {
            self.results_html(t)
        } else {
            String::new()
        };
        ParticipantFrag {
            t,
            activity: view.as_ref(),
            form_html,
            results_html,
            locked: self.data.session.locked,
        }
        .render()
        .unwrap_or_default()
    }

    /// The screen's main fragment and top bar.
    pub fn screen_html(&self, config: &WebConfig) -> (String, String) {
        let s = &self.data.session;
        let t = Tr::new(s.lang);
        let view = self.view(&t);
        let results_html = if view.as_ref().is_some_and(|v| v.results_visible) {
            self.results_html(t)
        } else {
            String::new()
        };
        let join_url = format!("{}/j/{}", config.public_url, s.join_code);
        let main = ScreenFrag {
            t,
            title: &s.title,
            activity: view.as_ref(),
            results_html,
            responses: self.responses(),
            host: config.public_host().to_string(),
            code: s.join_code.to_string(),
            code_spaced: s.join_code.spaced(),
            qr: if view.is_none() {
                qr::svg(
                    &join_url,
                    &t.t1("qr-join-label", "code", s.join_code.as_str()),
                )
            } else {
                String::new()
            },
            goal: s.goal.clone(),
            leaderboard: &self.data.leaderboard,
        }
        .render()
        .unwrap_or_default();
        let bar = ScreenBarFrag {
            t,
            host: config.public_host().to_string(),
            code_spaced: s.join_code.spaced(),
            participants: self.data.counts.phones,
            tables: self.data.counts.tablets,
            locked: s.locked,
        }
        .render()
        .unwrap_or_default();
        (main, bar)
    }

    /// The console's live panel and agenda.
    pub fn console_html(&self, t: Tr, csrf: &str) -> (String, String) {
        let s = &self.data.session;
        let view = self.view(&t);
        let ids = self.data.agenda.ordered_ids();
        let live = ConsoleLiveFrag {
            t,
            session_id: s.id.to_string(),
            csrf,
            state_key: self
                .current
                .map(|a| state_key(a.state))
                .unwrap_or("state-pending"),
            activity: view.as_ref(),
            results_html: self.results_html(t),
            responses: self.responses(),
            prev: neighbour(&ids, s.current, false).map(|a| a.to_string()),
            next: neighbour(&ids, s.current, true).map(|a| a.to_string()),
            phones: self.data.counts.phones,
            tablets: self.data.counts.tablets,
            locked: s.locked,
            manage_html: view
                .as_ref()
                .map(|v| self.manage_html(t, csrf, v))
                .unwrap_or_default(),
        }
        .render()
        .unwrap_or_default();
        let steps = self
            .data
            .agenda
            .by_step()
            .into_iter()
            .map(|(step, acts)| AgendaStep {
                id: step.id.to_string(),
                title: step.title.clone(),
                items: acts
                    .into_iter()
                    .map(|a| AgendaItem {
                        view: ActivityView::new(&t, a),
                        state_key: state_key(a.state),
                        responses: self.data.answer_counts.get(&a.id).copied().unwrap_or(0),
                        current: s.current == Some(a.id),
                    })
                    .collect(),
            })
            .collect();
        let agenda = ConsoleAgendaFrag {
            t,
            session_id: s.id.to_string(),
            csrf,
            steps,
            locked: s.locked,
        }
        .render()
        .unwrap_or_default();
        (live, agenda)
    }

    /// A vote's results per organisation type: voters and the top three.
    fn breakdown(&self, t: &Tr) -> Vec<(String, u64, String)> {
        let (Some(a), Some(list)) = (self.current, self.data.doc.list.as_ref()) else {
            return Vec::new();
        };
        if !matches!(a.def.kind, ActivityKind::Prioritise { .. }) {
            return Vec::new();
        }
        crate::views::evening::vote_breakdown(
            t,
            &a.def.kind,
            list,
            &self.data.session.org_types,
            &self.data.ballots_by_org,
        )
    }

    /// The console's tools for the current activity.
    fn manage_html(&self, t: Tr, csrf: &str, v: &ActivityView) -> String {
        let data = self.data;
        let orgs = &data.session.org_types;
        let live: Vec<&koers_core::items::Item> = data
            .items
            .iter()
            .filter(|i| !matches!(i.status, ItemStatus::Withdrawn | ItemStatus::Merged))
            .collect();
        let is_board = v.kind == "categorise";
        let board = is_board.then(|| board_view(&data.doc.board, &data.items, orgs, &data.results));
        let (proposal, duplicates) = match &self.proposal {
            Some(p) => (
                p.groups
                    .iter()
                    .map(|(label, ideas)| {
                        (
                            label.clone(),
                            ideas.iter().map(|i| i.draft.text.clone()).collect(),
                        )
                    })
                    .collect(),
                p.duplicates
                    .iter()
                    .map(|(a, b, pct)| {
                        (
                            a.id.to_string(),
                            a.draft.text.clone(),
                            b.id.to_string(),
                            b.draft.text.clone(),
                            *pct,
                        )
                    })
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        ManageFrag {
            t,
            session_id: data.session.id.to_string(),
            csrf,
            a: v,
            goal: data.session.goal.clone(),
            items: live
                .iter()
                .map(|i| item_view(i, &data.items, orgs))
                .collect(),
            board,
            proposal,
            duplicates,
            by_author: data.doc.by_author,
            breakdown: self.breakdown(&t),
            results: data
                .results
                .iter()
                .map(|(id, title)| (id.to_string(), title.clone()))
                .collect(),
        }
        .render()
        .unwrap_or_default()
    }

    /// The little state a participant page's script needs.
    pub fn participant_state(&self) -> serde_json::Value {
        json!({
            "activity": self.current.map(|a| a.id.to_string()),
            "open": self.current.is_some_and(|a| a.state == ActivityState::Open),
            "locked": self.data.session.locked,
        })
    }
}

/// Renders every audience's frame from one snapshot.
pub fn render_frames(data: &LiveData, config: &WebConfig) -> Frames {
    let d = Derived::new(data);
    let (main, bar) = d.screen_html(config);
    let screen = json!({ "regions": { "screen-main": main, "screen-bar": bar } }).to_string();
    let participant = Lang::ALL
        .iter()
        .map(|&lang| {
            let body = json!({
                "regions": { "activity": d.participant_html(Tr::new(lang), "") },
                "state": d.participant_state(),
            });
            (lang, body.to_string())
        })
        .collect();
    let console = Lang::ALL
        .iter()
        .map(|&lang| {
            let (live, agenda) = d.console_html(Tr::new(lang), "");
            (
                lang,
                json!({ "regions": { "console-live": live, "console-agenda": agenda } })
                    .to_string(),
            )
        })
        .collect();
    Frames {
        screen,
        participant,
        console,
    }
}
