//! The portable archive of one session: everything it holds — agenda,
//! tables, devices, answers, items, marks, documents, the board's undo records
//! and the whole event log — as one JSON document that any Koers
//! installation can import as a new session. It is the backup and the
//! migration path for one session. `docs/archive.md` describes the format.
//!
//! The archive is database-neutral: rows are typed records (instants in UTC
//! milliseconds, flags as booleans, structured values as the JSON Koers
//! stores), sorted by stable keys, so SQLite and PostgreSQL export the same
//! document. Columns that are derived from others (an activity's kind, an
//! event's type, the session's last sequence number) are left out and
//! recomputed on import, so an archive cannot contradict itself there.
//!
//! Left out on purpose: the workspace with its logo and staff accounts (an
//! archive moves between installations), the secrets of the screen link,
//! the table links and the devices (an import gets new ones, so nobody
//! holding an old link or cookie can act in the copy), and the workspace
//! audit log.

mod db;

use crate::error::StoreError;
use koers_core::activity::{ActivityKind, ActivityState, Audience};
use koers_core::answer::Answer;
use koers_core::board::{Board, BoardOp, BoardUndo};
use koers_core::cover::Cover;
use koers_core::doc::ActivityDoc;
use koers_core::event::{Actor, Respondent, SessionEvent};
use koers_core::ids::{ActivityId, ClientId, ItemId, ParticipantId, SessionId, StepId, TableId};
use koers_core::items::{ItemDetail, ItemStatus, MarkKind};
use koers_core::lang::Lang;
use koers_core::org::OrgType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use thiserror::Error;
use uuid::Uuid;

/// The value of an archive's `format` field.
pub const FORMAT: &str = "koers-session-archive";
/// The newest archive version this Koers writes and reads. Version 1 kept
/// the board's history as whole boards; it is read and converted.
pub const VERSION: u32 = 2;

/// One session, complete, as a portable document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionArchive {
    /// Always [`FORMAT`].
    pub format: String,
    /// The archive version ([`VERSION`] when written by this Koers).
    pub version: u32,
    /// When it was exported (ms since the Unix epoch, UTC).
    pub exported_at: i64,
    /// The Koers version that wrote it (informational).
    pub koers_version: String,
    /// The session's own row.
    pub session: ArchivedSession,
    /// Agenda steps, by position.
    pub steps: Vec<ArchivedStep>,
    /// Activities in agenda order.
    pub activities: Vec<ArchivedActivity>,
    /// Table groups, by position.
    pub tables: Vec<ArchivedTable>,
    /// Joined devices (phones and tablets), in the order they joined.
    pub devices: Vec<ArchivedDevice>,
    /// Current answers, one per respondent per activity, by log position.
    pub responses: Vec<ArchivedResponse>,
    /// Items on lists (ideas, actions, questions, feedback), oldest first.
    pub items: Vec<ArchivedItem>,
    /// Up-votes and commitments on items.
    pub item_marks: Vec<ArchivedMark>,
    /// Activity documents (board, frozen list, timer, …).
    pub activity_docs: Vec<ArchivedDoc>,
    /// Undo records of categorising activities, oldest first per activity.
    pub board_undo: Vec<ArchivedBoardUndo>,
    /// The whole log, by sequence number (1, 2, 3, … without gaps).
    pub events: Vec<ArchivedEvent>,
}

/// The session's own row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedSession {
    /// Its id.
    pub id: SessionId,
    /// Its title.
    pub title: String,
    /// Language of its screen and phones.
    pub lang: Lang,
    /// The join code it had (an import always gets a new one).
    pub join_code: String,
    /// Organisation types participants chose from.
    pub org_types: Vec<OrgType>,
    /// The activity on the screen.
    pub current_activity_id: Option<ActivityId>,
    /// No more joining or answering.
    pub locked: bool,
    /// Archived (its join code no longer works).
    pub archived: bool,
    /// The agreed shared goal.
    pub goal: Option<String>,
    /// The report cover's day (`YYYY-MM-DD`).
    pub held_on: Option<String>,
    /// The report cover's place (may be empty).
    pub place: String,
    /// The report cover's facilitator (may be empty).
    pub facilitator: String,
    /// When it was created (ms since the Unix epoch, UTC).
    pub created_at: i64,
}

/// An agenda step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedStep {
    /// Its id.
    pub id: StepId,
    /// Position among the steps.
    pub position: i64,
    /// Its title.
    pub title: String,
}

/// An activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedActivity {
    /// Its id.
    pub id: ActivityId,
    /// Its step.
    pub step_id: StepId,
    /// Position within the step.
    pub position: i64,
    /// The question as shown.
    pub title: String,
    /// Who answers.
    pub audience: Audience,
    /// Pending, open or closed.
    pub state: ActivityState,
    /// Results shown.
    pub results_visible: bool,
    /// A quiz question's answer revealed.
    pub revealed: bool,
    /// When it was added (ms).
    pub created_at: i64,
    /// What is asked: the kind with its settings, as Koers stores it.
    pub config: ActivityKind,
}

/// A table group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedTable {
    /// Its id.
    pub id: TableId,
    /// Position in the list.
    pub position: i64,
    /// Its name.
    pub name: String,
}

/// A joined device. Its secret is not archived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedDevice {
    /// Its id (a participant's id, for a phone).
    pub id: ParticipantId,
    /// The table, for a tablet.
    pub table_id: Option<TableId>,
    /// The name the participant gave.
    pub display_name: Option<String>,
    /// The organisation type key the participant chose.
    pub org_type: Option<String>,
    /// When it joined (ms).
    pub joined_at: i64,
}

/// A respondent's current answer to an activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedResponse {
    /// The activity.
    pub activity_id: ActivityId,
    /// Who answered: a participant or a table.
    pub respondent: Respondent,
    /// The answer.
    pub answer: Answer,
    /// The log position of the submission.
    pub seq: i64,
    /// When it was given (ms).
    pub updated_at: i64,
}

/// An item on a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedItem {
    /// Its id.
    pub id: ItemId,
    /// Its activity.
    pub activity_id: ActivityId,
    /// Its author (none: the facilitator).
    pub author: Option<Respondent>,
    /// The device that sent it.
    pub device_id: Option<ParticipantId>,
    /// The main text.
    pub text: String,
    /// The rest.
    pub detail: ItemDetail,
    /// Where it stands.
    pub status: ItemStatus,
    /// The item it was merged into.
    pub merged_into: Option<ItemId>,
    /// When it was added (ms).
    pub created_at: i64,
    /// When it last changed (ms).
    pub updated_at: i64,
}

/// An up-vote or commitment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedMark {
    /// The item.
    pub item_id: ItemId,
    /// The participant.
    pub participant_id: ParticipantId,
    /// Up-vote or commitment.
    pub kind: MarkKind,
    /// The participant's organisation type when marking.
    pub org_type: Option<String>,
    /// When (ms).
    pub at: i64,
}

/// An activity's document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedDoc {
    /// The activity.
    pub activity_id: ActivityId,
    /// The document.
    pub doc: ActivityDoc,
}

/// What undoes one categorising step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedBoardUndo {
    /// The categorising activity.
    pub activity_id: ActivityId,
    /// Its place in the activity's undo order: undo takes the highest.
    pub version: i64,
    /// What the step changed.
    pub undo: BoardUndo,
}

/// A version 1 board history row: the whole board before a step.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoardVersionV1 {
    activity_id: ActivityId,
    version: i64,
    board: Board,
}

/// An event of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedEvent {
    /// Its sequence number.
    pub seq: i64,
    /// When (ms).
    pub at: i64,
    /// Who caused it.
    pub actor: Actor,
    /// The client's submission id, for a device's submission.
    pub client_id: Option<ClientId>,
    /// What happened.
    pub event: SessionEvent,
}

/// Why an archive was not imported. Nothing was changed.
#[derive(Debug, Error)]
pub enum ArchiveError {
    /// The file is not JSON.
    #[error("the file is not valid JSON: {0}")]
    Json(String),
    /// JSON, but not a Koers session archive.
    #[error("the file is not a Koers session archive")]
    NotAnArchive,
    /// Written by a newer Koers.
    #[error("the archive has version {found}; this Koers reads versions up to {VERSION}")]
    TooNew {
        /// Its version.
        found: u64,
    },
    /// An archive, but damaged or inconsistent.
    #[error("the archive is damaged: {0}")]
    Invalid(String),
    /// The workspace to import into does not exist.
    #[error("no such workspace")]
    NoWorkspace,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn invalid(what: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Invalid(what.to_string())
}

/// Just enough of a document to tell whether it is an archive we can read,
/// before its rows are parsed (which would give a confusing message for a
/// document of another version or kind).
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl SessionArchive {
    /// Reads an archive from JSON, refusing other documents and newer
    /// versions with a message that says so.
    pub fn from_json(bytes: &[u8]) -> Result<SessionArchive, ArchiveError> {
        let header: Header =
            serde_json::from_slice(bytes).map_err(|e| ArchiveError::Json(e.to_string()))?;
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(ArchiveError::NotAnArchive);
        }
        match header.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(VERSION) => return Err(ArchiveError::TooNew { found: v }),
            Some(v) if v >= 1 => {}
            _ => return Err(invalid("no valid version")),
        }
        let archive: SessionArchive = if header.version.as_ref().and_then(|v| v.as_u64()) == Some(1)
        {
            let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(invalid)?;
            upgrade_v1(&mut value)?;
            serde_json::from_value(value).map_err(invalid)?
        } else {
            serde_json::from_slice(bytes).map_err(invalid)?
        };
        archive.check()?;
        Ok(archive)
    }

    /// The archive as indented JSON.
    pub fn to_json_pretty(&self) -> Result<String, StoreError> {
        serde_json::to_string_pretty(self)
            .map_err(|e| StoreError::corrupt(format!("cannot serialise: {e}")))
    }

    /// Checks the header and that every reference between rows points to a
    /// row of this archive (what the database's keys would otherwise refuse
    /// halfway, or what would silently point nowhere).
    pub fn check(&self) -> Result<(), ArchiveError> {
        if self.format != FORMAT {
            return Err(ArchiveError::NotAnArchive);
        }
        if self.version > VERSION {
            return Err(ArchiveError::TooNew {
                found: u64::from(self.version),
            });
        }
        if self.version < 1 {
            return Err(invalid("no valid version"));
        }
        // Every id names one row: the import maps ids one to one.
        let mut all = HashSet::new();
        let mut unique = |id: Uuid, what: &str| {
            if all.insert(id) {
                Ok(())
            } else {
                Err(invalid(format!("{what} {id} appears twice")))
            }
        };
        unique(self.session.id.0, "session")?;
        for s in &self.steps {
            unique(s.id.0, "step")?;
        }
        for a in &self.activities {
            unique(a.id.0, "activity")?;
        }
        for t in &self.tables {
            unique(t.id.0, "table")?;
        }
        for d in &self.devices {
            unique(d.id.0, "device")?;
        }
        for i in &self.items {
            unique(i.id.0, "item")?;
        }
        let steps: HashSet<StepId> = self.steps.iter().map(|s| s.id).collect();
        let activities: HashSet<ActivityId> = self.activities.iter().map(|a| a.id).collect();
        let tables: HashSet<TableId> = self.tables.iter().map(|t| t.id).collect();
        let devices: HashMap<ParticipantId, Option<TableId>> =
            self.devices.iter().map(|d| (d.id, d.table_id)).collect();
        let items: HashSet<ItemId> = self.items.iter().map(|i| i.id).collect();
        let activity = |id: ActivityId, whose: &str| {
            if activities.contains(&id) {
                Ok(())
            } else {
                Err(invalid(format!(
                    "{whose} refers to activity {id}, which is not in the archive"
                )))
            }
        };
        let device = |id: ParticipantId, whose: &str| {
            if devices.contains_key(&id) {
                Ok(())
            } else {
                Err(invalid(format!(
                    "{whose} refers to device {id}, which is not in the archive"
                )))
            }
        };
        let respondent = |r: &Respondent, whose: &str| match r {
            // A phone answers for itself; a tablet answers for its table.
            Respondent::Participant(p) => match devices.get(p) {
                Some(None) => Ok(()),
                Some(Some(_)) => Err(invalid(format!("{whose}: device {p} answers for a table"))),
                None => device(*p, whose),
            },
            Respondent::Table(t) if tables.contains(t) => Ok(()),
            Respondent::Table(t) => Err(invalid(format!(
                "{whose} refers to table {t}, which is not in the archive"
            ))),
        };

        if let Some(a) = self.session.current_activity_id {
            activity(a, "the session's current activity")?;
        }
        // The report prints the cover as it is: it must be what the
        // console would have accepted.
        let s = &self.session;
        Cover::clean(s.held_on.as_deref().unwrap_or(""), &s.place, &s.facilitator)
            .map_err(|e| invalid(format!("the session's report cover: {e}")))?;
        for a in &self.activities {
            if !steps.contains(&a.step_id) {
                return Err(invalid(format!(
                    "activity {} refers to step {}, which is not in the archive",
                    a.id, a.step_id
                )));
            }
            // An activity's source may be gone (an empty idea wall can be
            // removed after a categorising activity was built on it), as
            // in the database; it is not checked here.
        }
        for d in &self.devices {
            if let Some(t) = d.table_id
                && !tables.contains(&t)
            {
                return Err(invalid(format!(
                    "device {} refers to table {t}, which is not in the archive",
                    d.id
                )));
            }
        }
        let last_seq = self.events.len() as i64;
        let mut answered = HashSet::new();
        for r in &self.responses {
            activity(r.activity_id, "an answer")?;
            respondent(&r.respondent, "an answer")?;
            if !answered.insert((r.activity_id, r.respondent)) {
                return Err(invalid(format!(
                    "two answers of one respondent to activity {}",
                    r.activity_id
                )));
            }
            if !(1..=last_seq).contains(&r.seq) {
                return Err(invalid(format!(
                    "an answer refers to log position {}, which is not in the log",
                    r.seq
                )));
            }
        }
        for i in &self.items {
            let whose = format!("item {}", i.id);
            activity(i.activity_id, &whose)?;
            if let Some(r) = &i.author {
                respondent(r, &whose)?;
            }
            if let Some(d) = i.device_id {
                device(d, &whose)?;
            }
            if let Some(m) = i.merged_into
                && !items.contains(&m)
            {
                return Err(invalid(format!(
                    "{whose} was merged into item {m}, which is not in the archive"
                )));
            }
        }
        let mut marks = HashSet::new();
        for m in &self.item_marks {
            if !items.contains(&m.item_id) {
                return Err(invalid(format!(
                    "a mark refers to item {}, which is not in the archive",
                    m.item_id
                )));
            }
            device(m.participant_id, "a mark")?;
            if !marks.insert((m.item_id, m.participant_id, m.kind.name())) {
                return Err(invalid(format!(
                    "a mark on item {} appears twice",
                    m.item_id
                )));
            }
        }
        let mut docs = HashSet::new();
        for d in &self.activity_docs {
            activity(d.activity_id, "a document")?;
            if !docs.insert(d.activity_id) {
                return Err(invalid(format!(
                    "activity {} has two documents",
                    d.activity_id
                )));
            }
        }
        let mut versions = HashSet::new();
        for b in &self.board_undo {
            activity(b.activity_id, "an undo record")?;
            if !versions.insert((b.activity_id, b.version)) {
                return Err(invalid(format!(
                    "undo record {} of activity {} appears twice",
                    b.version, b.activity_id
                )));
            }
        }
        // The log keeps its numbering: consecutive from 1, so live views
        // resume and new events follow on without a gap.
        for (i, e) in self.events.iter().enumerate() {
            if e.seq != i as i64 + 1 {
                return Err(invalid(format!(
                    "the log is not numbered 1, 2, 3, … (position {} has number {})",
                    i + 1,
                    e.seq
                )));
            }
            if let Actor::Device(d) = e.actor {
                device(d, &format!("event {}", e.seq))?;
            }
        }
        Ok(())
    }

    /// The ids an import replaces: every row's id, and the ids the log and
    /// the boards created (steps, activities, tables, devices and items that
    /// may since be gone, and categories). Staff accounts' ids and clients'
    /// submission ids are kept: they name nothing in the session.
    pub fn ids(&self) -> BTreeSet<Uuid> {
        let mut ids = BTreeSet::new();
        ids.insert(self.session.id.0);
        ids.extend(self.steps.iter().map(|s| s.id.0));
        ids.extend(self.activities.iter().map(|a| a.id.0));
        ids.extend(self.tables.iter().map(|t| t.id.0));
        ids.extend(self.devices.iter().map(|d| d.id.0));
        ids.extend(self.items.iter().map(|i| i.id.0));
        // Every category a board ever had is on the current board or in
        // the undo record of the step that changed the categories.
        let categories = self
            .activity_docs
            .iter()
            .map(|d| &d.doc.board.categories)
            .chain(
                self.board_undo
                    .iter()
                    .filter_map(|b| b.undo.categories.as_ref()),
            );
        for list in categories {
            ids.extend(list.iter().map(|c| c.id.0));
        }
        for e in &self.events {
            match &e.event {
                SessionEvent::StepAdded { step_id, .. } => {
                    ids.insert(step_id.0);
                }
                SessionEvent::ActivityAdded { activity_id, .. } => {
                    ids.insert(activity_id.0);
                }
                SessionEvent::TableAdded { table_id, .. } => {
                    ids.insert(table_id.0);
                }
                SessionEvent::ParticipantJoined { participant_id, .. } => {
                    ids.insert(participant_id.0);
                }
                SessionEvent::ItemAdded { item_id, .. } => {
                    ids.insert(item_id.0);
                }
                SessionEvent::BoardChanged {
                    op: BoardOp::Create { id, .. },
                    ..
                } => {
                    ids.insert(id.0);
                }
                SessionEvent::BoardChanged {
                    op: BoardOp::Accept { groups },
                    ..
                } => {
                    ids.extend(groups.iter().map(|g| g.0.0));
                }
                _ => {}
            }
        }
        ids
    }

    /// The archive with ids replaced by `map`, wherever they appear: in
    /// fields, in map keys (a board's placements) and inside texts that
    /// hold ids (a frozen list's keys). Ids not in the map stay.
    pub fn with_ids_replaced(
        &self,
        map: &HashMap<Uuid, Uuid>,
    ) -> Result<SessionArchive, StoreError> {
        let mut value = serde_json::to_value(self)
            .map_err(|e| StoreError::corrupt(format!("cannot serialise: {e}")))?;
        replace_ids(&mut value, map);
        serde_json::from_value(value)
            .map_err(|e| StoreError::corrupt(format!("archive after new ids: {e}")))
    }

    /// The archive with a fresh id for each of [`SessionArchive::ids`]:
    /// what an import stores, so the same archive can be imported any
    /// number of times next to the original.
    pub(crate) fn with_fresh_ids(&self) -> Result<SessionArchive, StoreError> {
        self.with_ids_replaced(&fresh_ids(&self.ids())?)
    }
}

/// Turns a version 1 document into version 2: its `board_history` of whole
/// boards becomes `board_undo` records, computed against the activity's
/// current board. Everything else is the same in both versions.
fn upgrade_v1(value: &mut serde_json::Value) -> Result<(), ArchiveError> {
    let obj = value
        .as_object_mut()
        .ok_or_else(|| invalid("not a JSON object"))?;
    let history = obj
        .remove("board_history")
        .ok_or_else(|| invalid("missing field `board_history`"))?;
    let mut history: Vec<BoardVersionV1> = serde_json::from_value(history).map_err(invalid)?;
    let docs: Vec<ArchivedDoc> = serde_json::from_value(
        obj.get("activity_docs")
            .cloned()
            .ok_or_else(|| invalid("missing field `activity_docs`"))?,
    )
    .map_err(invalid)?;
    history.sort_by_key(|b| (b.activity_id, b.version));
    let mut undo = Vec::new();
    for run in history.chunk_by(|a, b| a.activity_id == b.activity_id) {
        let activity_id = run[0].activity_id;
        let current = docs
            .iter()
            .find(|d| d.activity_id == activity_id)
            .map(|d| d.doc.board.clone())
            .unwrap_or_default();
        let boards: Vec<Board> = run.iter().map(|b| b.board.clone()).collect();
        for (b, record) in run.iter().zip(current.undo_chain(&boards)) {
            undo.push(ArchivedBoardUndo {
                activity_id,
                version: b.version,
                undo: record,
            });
        }
    }
    obj.insert(
        "board_undo".into(),
        serde_json::to_value(undo).map_err(invalid)?,
    );
    obj.insert("version".into(), VERSION.into());
    Ok(())
}

/// New time-ordered ids for `old`, one each. Two properties of the old ids
/// are kept, because reads depend on them: their order (lists sort by id
/// where times are equal) and their last three bytes (the quiz leaderboard
/// derives a participant's nickname from them).
fn fresh_ids(old: &BTreeSet<Uuid>) -> Result<HashMap<Uuid, Uuid>, StoreError> {
    // The v7 ids of one process rise strictly in their first twelve bytes
    // (timestamp and counter), so overwriting the last bytes keeps them in
    // order; checked anyway rather than trusted.
    for _ in 0..4 {
        let mut new: Vec<Uuid> = old.iter().map(|_| Uuid::now_v7()).collect();
        new.sort();
        let pairs: Vec<(Uuid, Uuid)> = old
            .iter()
            .zip(new)
            .map(|(o, n)| {
                let mut bytes = *n.as_bytes();
                bytes[13..].copy_from_slice(&o.as_bytes()[13..]);
                (*o, Uuid::from_bytes(bytes))
            })
            .collect();
        if pairs.windows(2).all(|w| w[0].1 < w[1].1) {
            return Ok(pairs.into_iter().collect());
        }
    }
    Err(StoreError::corrupt("could not make ordered new ids"))
}

/// Replaces mapped ids in every string and map key of `value`.
fn replace_ids(value: &mut serde_json::Value, map: &HashMap<Uuid, Uuid>) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if let Some(r) = replace_in_str(s, map) {
                *s = r;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_ids(v, map)),
        Value::Object(obj) => {
            let old = std::mem::take(obj);
            for (k, mut v) in old {
                replace_ids(&mut v, map);
                let k = replace_in_str(&k, map).unwrap_or(k);
                obj.insert(k, v);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// `s` with every mapped id in it replaced, or `None` if it holds none.
fn replace_in_str(s: &str, map: &HashMap<Uuid, Uuid>) -> Option<String> {
    const LEN: usize = 36;
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let (mut done, mut i) = (0, 0);
    while i + LEN <= bytes.len() {
        // A UUID-shaped window is all ASCII, so its ends are char boundaries.
        if uuid_shaped(&bytes[i..i + LEN])
            && let Some(new) = Uuid::parse_str(&s[i..i + LEN])
                .ok()
                .and_then(|u| map.get(&u))
        {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(&s[done..i]);
            o.push_str(&new.to_string());
            i += LEN;
            done = i;
        } else {
            i += 1;
        }
    }
    out.map(|mut o| {
        o.push_str(&s[done..]);
        o
    })
}

/// `8-4-4-4-12` hexadecimal digits.
fn uuid_shaped(w: &[u8]) -> bool {
    w.len() == 36
        && w.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_are_replaced_in_fields_keys_and_texts_and_nowhere_else() {
        let (a, b, other) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let map: HashMap<Uuid, Uuid> = [(a, b)].into_iter().collect();
        let mut v = serde_json::json!({
            "id": a.to_string(),
            "upper": a.to_string().to_uppercase(),
            "keys": [format!("x{a}y{a}"), other.to_string()],
            a.to_string(): {"n": 1, "other": other.to_string()},
            "text": "geen id hier — é ü 👋",
        });
        replace_ids(&mut v, &map);
        assert_eq!(
            v,
            serde_json::json!({
                "id": b.to_string(),
                "upper": b.to_string(),
                "keys": [format!("x{b}y{b}"), other.to_string()],
                b.to_string(): {"n": 1, "other": other.to_string()},
                "text": "geen id hier — é ü 👋",
            })
        );
    }

    #[test]
    fn fresh_ids_keep_order_and_nickname_bytes() {
        let old: BTreeSet<Uuid> = (0..200)
            .map(|i| {
                // Old ids from another time, some not v7 at all.
                if i % 3 == 0 {
                    Uuid::new_v4()
                } else {
                    Uuid::now_v7()
                }
            })
            .collect();
        let map = fresh_ids(&old).unwrap();
        let new: Vec<Uuid> = old.iter().map(|o| map[o]).collect();
        assert!(new.windows(2).all(|w| w[0] < w[1]), "order kept");
        for o in &old {
            assert_ne!(map[o], *o);
            assert_eq!(map[o].as_bytes()[13..], o.as_bytes()[13..]);
            assert_eq!(map[o].get_version_num(), 7);
        }
        let again = fresh_ids(&old).unwrap();
        assert!(old.iter().all(|o| again[o] != map[o]), "fresh every time");
    }

    #[test]
    fn other_documents_and_newer_versions_are_refused_before_their_rows_are_read() {
        assert!(matches!(
            SessionArchive::from_json(b"{\"format\": "),
            Err(ArchiveError::Json(_))
        ));
        assert!(matches!(
            SessionArchive::from_json(b"[1, 2]"),
            Err(ArchiveError::NotAnArchive)
        ));
        assert!(matches!(
            SessionArchive::from_json(br#"{"format": "something-else", "version": 1}"#),
            Err(ArchiveError::NotAnArchive)
        ));
        assert!(matches!(
            SessionArchive::from_json(br#"{"format": "koers-session-archive", "version": 3}"#),
            Err(ArchiveError::TooNew { found: 3 })
        ));
        assert!(matches!(
            SessionArchive::from_json(br#"{"format": "koers-session-archive", "version": 0}"#),
            Err(ArchiveError::Invalid(_))
        ));
        // Versions 1 (converted) and 2 are read, so an empty one is damaged.
        for v in [1, 2] {
            let doc = format!(r#"{{"format": "koers-session-archive", "version": {v}}}"#);
            assert!(matches!(
                SessionArchive::from_json(doc.as_bytes()),
                Err(ArchiveError::Invalid(_))
            ));
        }
    }
}
