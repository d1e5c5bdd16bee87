//! What the store returns: plain records built from rows.

use koers_core::activity::Activity;
use koers_core::answer::Answer;
use koers_core::auth::Role;
use koers_core::code::JoinCode;
use koers_core::event::Respondent;
use koers_core::ids::{ActivityId, ParticipantId, SessionId, StepId, TableId, UserId, WorkspaceId};
use koers_core::lang::Lang;
use koers_core::org::OrgType;
use koers_core::session::{ActivityStatus, SessionFlags};
use std::collections::HashMap;

/// A workspace (a municipality or a region).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// Its id.
    pub id: WorkspaceId,
    /// URL-safe short name (`landsmeer`).
    pub slug: String,
    /// Display name ("Gemeente Landsmeer").
    pub name: String,
}

/// A staff account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// Its id.
    pub id: UserId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// Login e-mail address (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role in the workspace.
    pub role: Role,
    /// For a partner's contact person: the partner it speaks for.
    pub partner: Option<koers_core::ids::PartnerId>,
}

/// An account with what is needed to check a login.
#[derive(Clone)]
pub struct Credentials {
    /// The account.
    pub user: User,
    /// The Argon2id PHC string.
    pub password_hash: String,
    /// Failed attempts since the last success.
    pub failed_logins: i64,
    /// Logins are refused until this instant (ms since epoch).
    pub locked_until: i64,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password_hash", &"<redacted>")
            .field("failed_logins", &self.failed_logins)
            .field("locked_until", &self.locked_until)
            .finish()
    }
}

/// A session's own row.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRecord {
    /// Its id.
    pub id: SessionId,
    /// The workspace that owns it.
    pub workspace_id: WorkspaceId,
    /// Title ("Ketenavond preventief jeugdbeleid").
    pub title: String,
    /// Language of its screens and phones.
    pub lang: Lang,
    /// The join code.
    pub join_code: JoinCode,
    /// The secret part of the projector screen's URL.
    pub screen_token: String,
    /// Organisation types participants may choose from.
    pub org_types: Vec<OrgType>,
    /// The activity on the screen.
    pub current: Option<ActivityId>,
    /// No more joining or answering.
    pub locked: bool,
    /// Archived sessions keep their data but free their join code.
    pub archived: bool,
    /// Sequence number of the last event in its log.
    pub last_seq: i64,
    /// When it was created (ms since epoch).
    pub created_at: i64,
    /// The shared goal the hall agreed on, once agreed.
    pub goal: Option<String>,
    /// The day it was held (`YYYY-MM-DD`), for the report's cover.
    pub held_on: Option<String>,
    /// Where it was held.
    pub place: String,
    /// Who led it.
    pub facilitator: String,
}

impl SessionRecord {
    /// The state the session rules look at.
    pub fn flags(&self) -> SessionFlags {
        SessionFlags {
            locked: self.locked,
            current: self.current,
        }
    }
}

/// A session with a few counts, for lists.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionSummary {
    /// The session.
    pub session: SessionRecord,
    /// Number of activities on its agenda.
    pub activities: i64,
    /// Number of devices that joined.
    pub devices: i64,
}

/// A step of the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Its id.
    pub id: StepId,
    /// Position among the steps.
    pub position: i64,
    /// Title ("Kennismaken").
    pub title: String,
}

/// A session's agenda: steps and their activities, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    /// The steps in order.
    pub steps: Vec<Step>,
    /// All activities in agenda order (by step, then position).
    pub activities: Vec<Activity>,
}

impl Agenda {
    /// The activity with this id.
    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// Activity ids in agenda order.
    pub fn ordered_ids(&self) -> Vec<ActivityId> {
        self.activities.iter().map(|a| a.id).collect()
    }

    /// The state of every activity, for the session rules.
    pub fn statuses(&self) -> Vec<ActivityStatus> {
        self.activities
            .iter()
            .map(|a| ActivityStatus {
                id: a.id,
                state: a.state,
                results_visible: a.results_visible,
                revealed: a.revealed,
                audience: a.def.audience,
            })
            .collect()
    }

    /// Each step with its activities.
    pub fn by_step(&self) -> Vec<(&Step, Vec<&Activity>)> {
        self.steps
            .iter()
            .map(|s| {
                (
                    s,
                    self.activities
                        .iter()
                        .filter(|a| a.step_id == Some(s.id))
                        .collect(),
                )
            })
            .collect()
    }
}

/// A table group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Its id.
    pub id: TableId,
    /// Position in the list.
    pub position: i64,
    /// Name ("Tafel 1").
    pub name: String,
    /// The secret in the link a tablet opens to join as this table.
    pub join_token: String,
}

/// A joined device: a participant's phone or a table's tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// Its id.
    pub id: ParticipantId,
    /// The session it joined.
    pub session_id: SessionId,
    /// The table it answers for, if it is a tablet.
    pub table_id: Option<TableId>,
    /// Optional name the participant gave.
    pub display_name: Option<String>,
    /// Optional organisation type key.
    pub org_type: Option<String>,
}

impl Device {
    /// Whom this device's answers count for.
    pub fn respondent(&self) -> Respondent {
        match self.table_id {
            Some(t) => Respondent::Table(t),
            None => Respondent::Participant(self.id),
        }
    }
}

/// How many devices joined a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Phones (individual participants).
    pub phones: i64,
    /// Tablets (joined for a table).
    pub tablets: i64,
}

/// Everything the live views of a session show, read in one snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveData {
    /// The log position this snapshot reflects.
    pub seq: i64,
    /// The session.
    pub session: SessionRecord,
    /// Its agenda.
    pub agenda: Agenda,
    /// Its tables.
    pub tables: Vec<Table>,
    /// Joined devices.
    pub counts: Counts,
    /// Number of answers per activity.
    pub answer_counts: HashMap<ActivityId, i64>,
    /// The answers to the current activity, oldest first.
    pub current_answers: Vec<Answer>,
    /// The items the current activity shows: its own, or for categorising
    /// those of its idea wall (all statuses; views filter).
    pub items: Vec<koers_core::items::Item>,
    /// The current activity's document (board, frozen list, timer).
    pub doc: koers_core::doc::ActivityDoc,
    /// The quiz leaderboard, when the current activity is a scored, revealed question.
    pub leaderboard: Vec<koers_core::quiz::Standing>,
    /// For a vote: each ballot with its voter's organisation type (if given).
    pub ballots_by_org: Vec<(Option<String>, Answer)>,
    /// For categorising and actions: the workspace's societal results (id,
    /// title, in their order), which categories can be linked to.
    pub results: Vec<(koers_core::ids::ResultId, String)>,
    /// For a matrix activity: the workspace's inventory.
    pub inventory: Option<std::sync::Arc<koers_core::inventory::Inventory>>,
}
