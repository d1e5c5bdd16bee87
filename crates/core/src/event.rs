//! The events of a session's append-only log. Every change to a session is
//! one or more events; each gets the session's next sequence number when it
//! is stored. The log gives live resume, the audit trail and (later) undo.

use crate::activity::{ActivityDef, Audience};
use crate::answer::Answer;
use crate::board::BoardOp;
use crate::ids::{ActivityId, ItemId, ParticipantId, StepId, TableId, UserId};
use crate::items::{ItemDraft, ItemStatus, MarkKind};
use serde::{Deserialize, Serialize};

/// Who answered: a participant for themselves, or a table as a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Respondent {
    /// An individual participant (a phone).
    Participant(ParticipantId),
    /// A table group (a tablet answering for the table).
    Table(TableId),
}

impl Respondent {
    /// `participant` or `table`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Respondent::Participant(_) => "participant",
            Respondent::Table(_) => "table",
        }
    }

    /// The id as a string, for storage.
    pub fn id_string(&self) -> String {
        match self {
            Respondent::Participant(p) => p.to_string(),
            Respondent::Table(t) => t.to_string(),
        }
    }

    /// Whether this respondent may answer an activity for `audience`.
    pub fn check_audience(&self, audience: Audience) -> Result<(), crate::DomainError> {
        match (self, audience) {
            (_, Audience::Everyone)
            | (Respondent::Participant(_), Audience::Individuals)
            | (Respondent::Table(_), Audience::Tables) => Ok(()),
            (Respondent::Participant(_), Audience::Tables) => {
                Err(crate::DomainError::ForTablesOnly)
            }
            (Respondent::Table(_), Audience::Individuals) => {
                Err(crate::DomainError::ForIndividualsOnly)
            }
        }
    }
}

/// Who caused an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Actor {
    /// A staff member (facilitator or administrator).
    User(UserId),
    /// A joined device (phone or table tablet).
    Device(ParticipantId),
    /// Koers itself (e.g. the demo seeding).
    System,
}

impl Actor {
    /// `user`, `device` or `system`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Actor::User(_) => "user",
            Actor::Device(_) => "device",
            Actor::System => "system",
        }
    }

    /// The id as a string, if any.
    pub fn id_string(&self) -> Option<String> {
        match self {
            Actor::User(u) => Some(u.to_string()),
            Actor::Device(d) => Some(d.to_string()),
            Actor::System => None,
        }
    }
}

/// One change to a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SessionEvent {
    /// The session was created.
    SessionCreated {
        /// Its title.
        title: String,
    },
    /// The session's title was changed.
    SessionRenamed {
        /// The new title.
        title: String,
    },
    /// The facts on the report's cover changed.
    CoverChanged {
        /// The day it was held (YYYY-MM-DD), if set.
        held_on: Option<String>,
        /// Where it was held.
        place: String,
        /// Who led it.
        facilitator: String,
    },
    /// The list of organisation types participants choose from changed.
    OrgTypesChanged {
        /// The new list.
        org_types: Vec<crate::org::OrgType>,
    },
    /// A step was added to the agenda.
    StepAdded {
        /// The step.
        step_id: StepId,
        /// Its title.
        title: String,
    },
    /// An activity was added to the agenda.
    ActivityAdded {
        /// The activity.
        activity_id: ActivityId,
        /// The step it belongs to.
        step_id: Option<StepId>,
        /// Its definition.
        def: ActivityDef,
    },
    /// An activity's definition was changed.
    ActivityEdited {
        /// The activity.
        activity_id: ActivityId,
        /// The new definition.
        def: ActivityDef,
    },
    /// An activity without answers was removed from the agenda.
    ActivityRemoved {
        /// The activity.
        activity_id: ActivityId,
    },
    /// An activity moved one place up or down the agenda.
    ActivityMoved {
        /// The activity.
        activity_id: ActivityId,
        /// Its new position.
        position: i64,
    },
    /// A table group was added.
    TableAdded {
        /// The table.
        table_id: TableId,
        /// Its name ("Tafel 1").
        name: String,
    },
    /// A table group was renamed.
    TableRenamed {
        /// The table.
        table_id: TableId,
        /// Its new name.
        name: String,
    },
    /// A device joined: a phone, or a tablet for a table.
    ParticipantJoined {
        /// The device.
        participant_id: ParticipantId,
        /// The table, for a tablet.
        table_id: Option<TableId>,
    },
    /// A participant changed its optional name or organisation type.
    ProfileChanged {
        /// The participant.
        participant_id: ParticipantId,
    },
    /// The screen and phones now show this activity (or the welcome, for `None`).
    ActivityShown {
        /// The activity shown.
        activity_id: Option<ActivityId>,
    },
    /// An activity started accepting answers.
    ActivityOpened {
        /// The activity.
        activity_id: ActivityId,
    },
    /// An activity stopped accepting answers.
    ActivityClosed {
        /// The activity.
        activity_id: ActivityId,
    },
    /// An activity's results are shown.
    ResultsShown {
        /// The activity.
        activity_id: ActivityId,
    },
    /// An activity's results are hidden.
    ResultsHidden {
        /// The activity.
        activity_id: ActivityId,
    },
    /// Nobody can join or answer any more.
    SessionLocked,
    /// The session accepts joins again.
    SessionUnlocked,
    /// A respondent gave or changed its answer.
    AnswerSubmitted {
        /// The activity.
        activity_id: ActivityId,
        /// Who answered.
        respondent: Respondent,
        /// The (validated) answer.
        answer: Answer,
    },
    /// A respondent withdrew its answer.
    AnswerWithdrawn {
        /// The activity.
        activity_id: ActivityId,
        /// Who withdrew.
        respondent: Respondent,
    },
    /// A quiz question's right answer is shown.
    AnswerRevealed {
        /// The activity.
        activity_id: ActivityId,
    },
    /// The session's shared goal is agreed on.
    GoalAgreed {
        /// The goal activity.
        activity_id: ActivityId,
        /// The agreed wording.
        text: String,
    },
    /// An item was added to a list (idea, action, question, feedback).
    ItemAdded {
        /// The item.
        item_id: ItemId,
        /// The activity.
        activity_id: ActivityId,
        /// Its author (`None`: the facilitator).
        author: Option<Respondent>,
        /// Text and details.
        draft: ItemDraft,
    },
    /// An item's text or details changed (by its author or the facilitator).
    ItemRevised {
        /// The item.
        item_id: ItemId,
        /// The new text and details.
        draft: ItemDraft,
    },
    /// An item's status changed: withdrawn, hidden, shown, approved, answered.
    ItemStatusChanged {
        /// The item.
        item_id: ItemId,
        /// Its new status.
        status: ItemStatus,
    },
    /// One item was merged into another.
    ItemsMerged {
        /// The item that is merged away (it stays in the data).
        from: ItemId,
        /// The item that remains.
        into: ItemId,
    },
    /// A participant set or removed an up-vote or commitment.
    ItemMarked {
        /// The item.
        item_id: ItemId,
        /// The participant.
        participant_id: ParticipantId,
        /// Up-vote or "ik doe mee".
        kind: MarkKind,
        /// Set (true) or removed.
        on: bool,
    },
    /// A categorising step.
    BoardChanged {
        /// The categorising activity.
        activity_id: ActivityId,
        /// The step.
        op: BoardOp,
    },
    /// The last categorising step was undone.
    BoardUndone {
        /// The categorising activity.
        activity_id: ActivityId,
    },
    /// The candidates of a vote or the priorities of an action list were fixed.
    ListFrozen {
        /// The activity.
        activity_id: ActivityId,
        /// The labels, in ballot order.
        labels: Vec<String>,
    },
    /// An action list was finalised (or opened again for changes).
    ListFinalised {
        /// The activity.
        activity_id: ActivityId,
        /// Finalised or not.
        finalised: bool,
    },
    /// An idea wall is shown per table or all together.
    WallLayout {
        /// The idea wall.
        activity_id: ActivityId,
        /// Per table (true) or all together.
        by_author: bool,
    },
    /// The pitch timer changed.
    PitchTimer {
        /// The pitch round.
        activity_id: ActivityId,
        /// The speaker on stage.
        speaker: Option<u32>,
        /// When the time runs out (ms since the epoch), while running.
        ends_at_ms: Option<i64>,
        /// Time left when paused, in ms.
        remaining_ms: Option<i64>,
    },
}

impl SessionEvent {
    /// The event's type name as stored (`answer_submitted`, …).
    pub fn type_name(&self) -> &'static str {
        match self {
            SessionEvent::SessionCreated { .. } => "session_created",
            SessionEvent::SessionRenamed { .. } => "session_renamed",
            SessionEvent::OrgTypesChanged { .. } => "org_types_changed",
            SessionEvent::CoverChanged { .. } => "cover_changed",
            SessionEvent::StepAdded { .. } => "step_added",
            SessionEvent::ActivityAdded { .. } => "activity_added",
            SessionEvent::ActivityEdited { .. } => "activity_edited",
            SessionEvent::ActivityRemoved { .. } => "activity_removed",
            SessionEvent::ActivityMoved { .. } => "activity_moved",
            SessionEvent::TableAdded { .. } => "table_added",
            SessionEvent::TableRenamed { .. } => "table_renamed",
            SessionEvent::ParticipantJoined { .. } => "participant_joined",
            SessionEvent::ProfileChanged { .. } => "profile_changed",
            SessionEvent::ActivityShown { .. } => "activity_shown",
            SessionEvent::ActivityOpened { .. } => "activity_opened",
            SessionEvent::ActivityClosed { .. } => "activity_closed",
            SessionEvent::ResultsShown { .. } => "results_shown",
            SessionEvent::ResultsHidden { .. } => "results_hidden",
            SessionEvent::SessionLocked => "session_locked",
            SessionEvent::SessionUnlocked => "session_unlocked",
            SessionEvent::AnswerSubmitted { .. } => "answer_submitted",
            SessionEvent::AnswerWithdrawn { .. } => "answer_withdrawn",
            SessionEvent::AnswerRevealed { .. } => "answer_revealed",
            SessionEvent::GoalAgreed { .. } => "goal_agreed",
            SessionEvent::ItemAdded { .. } => "item_added",
            SessionEvent::ItemRevised { .. } => "item_revised",
            SessionEvent::ItemStatusChanged { .. } => "item_status_changed",
            SessionEvent::ItemsMerged { .. } => "items_merged",
            SessionEvent::ItemMarked { .. } => "item_marked",
            SessionEvent::BoardChanged { .. } => "board_changed",
            SessionEvent::BoardUndone { .. } => "board_undone",
            SessionEvent::ListFrozen { .. } => "list_frozen",
            SessionEvent::ListFinalised { .. } => "list_finalised",
            SessionEvent::PitchTimer { .. } => "pitch_timer",
            SessionEvent::WallLayout { .. } => "wall_layout",
        }
    }
}

/// An event as stored in the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedEvent {
    /// Its sequence number within the session (1, 2, 3, …).
    pub seq: i64,
    /// When it was stored, in milliseconds since the Unix epoch (UTC).
    pub at_ms: i64,
    /// Who caused it.
    pub actor: Actor,
    /// What happened.
    pub event: SessionEvent,
}

/// Default: a new session's activities are answered individually.
pub const DEFAULT_AUDIENCE: Audience = Audience::Individuals;
