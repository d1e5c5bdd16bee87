//! Request and response bodies of the JSON API.

use koers_core::activity::{Activity, ActivityKind, ActivityState, Audience};
use koers_core::answer::Answer;
use koers_core::ids::{ActivityId, ClientId, ParticipantId, SessionId, StepId, TableId};
use koers_core::lang::Lang;
use koers_core::org::OrgType;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An error: a stable code and a message in the request's language.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// Details of an error.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code (`activity-not-open`, `unknown-code`, …).
    pub code: String,
    /// Translated message.
    pub message: String,
}

/// Join a session with its code.
#[derive(Deserialize, ToSchema)]
pub struct JoinRequest {
    /// The six-digit code (spaces allowed).
    pub code: String,
    /// Optional display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Optional organisation type key (from the session's list).
    #[serde(default)]
    pub org_type: Option<String>,
}

/// A joined device.
#[derive(Serialize, ToSchema)]
pub struct JoinResponse {
    /// The session.
    pub session_id: SessionId,
    /// This device.
    pub participant_id: ParticipantId,
    /// Secret token: send it as `Authorization: Participant TOKEN` (browsers get a cookie).
    pub token: String,
    /// Session title.
    pub title: String,
    /// Session language.
    pub lang: Lang,
}

/// An activity.
#[derive(Serialize, ToSchema)]
pub struct ActivityDto {
    /// Its id.
    pub id: ActivityId,
    /// Its step.
    pub step_id: Option<StepId>,
    /// The question.
    pub title: String,
    /// What is asked.
    pub kind: ActivityKind,
    /// Who answers.
    pub audience: Audience,
    /// Open, closed or pending.
    pub state: ActivityState,
    /// Results are shown.
    pub results_visible: bool,
}

impl From<&Activity> for ActivityDto {
    fn from(a: &Activity) -> Self {
        ActivityDto {
            id: a.id,
            step_id: a.step_id,
            title: a.def.title.clone(),
            kind: a.def.kind.clone(),
            audience: a.def.audience,
            state: a.state,
            results_visible: a.results_visible,
        }
    }
}

/// A device's own answer.
#[derive(Serialize, ToSchema)]
pub struct OwnAnswer {
    /// The activity.
    pub activity_id: ActivityId,
    /// The answer.
    pub answer: Answer,
}

/// What a device sees of its session.
#[derive(Serialize, ToSchema)]
pub struct ParticipantState {
    /// The session.
    pub session_id: SessionId,
    /// Title.
    pub title: String,
    /// Language.
    pub lang: Lang,
    /// Log position this state reflects.
    pub seq: i64,
    /// Locked: nothing is accepted.
    pub locked: bool,
    /// This device.
    pub participant_id: ParticipantId,
    /// The table this device answers for, if it is a tablet.
    pub table_id: Option<TableId>,
    /// Organisation types to choose from.
    pub org_types: Vec<OrgType>,
    /// The activity shown now.
    pub current: Option<ActivityDto>,
    /// This device's (or its table's) current answers.
    pub own_answers: Vec<OwnAnswer>,
}

/// Give or change an answer.
#[derive(Deserialize, ToSchema)]
pub struct AnswerRequest {
    /// A new id for each submission; a retry with the same id is applied once.
    pub client_id: ClientId,
    /// The answer.
    pub answer: Answer,
}

/// Withdraw an answer.
#[derive(Deserialize, ToSchema)]
pub struct WithdrawRequest {
    /// A new id for each submission; a retry with the same id is applied once.
    pub client_id: ClientId,
}

/// An acknowledgement: the submission is stored durably.
#[derive(Serialize, ToSchema)]
pub struct Ack {
    /// `accepted`, or `duplicate` when this client id was applied before.
    pub status: String,
    /// Log position of the submission.
    pub seq: i64,
    /// The activity.
    pub activity_id: ActivityId,
    /// The answer as stored (cleaned); absent for a withdrawal.
    pub answer: Option<Answer>,
}

/// Change the optional profile.
#[derive(Deserialize, ToSchema)]
pub struct ProfileRequest {
    /// Display name (empty or absent: none).
    #[serde(default)]
    pub display_name: Option<String>,
    /// Organisation type key (empty or absent: none).
    #[serde(default)]
    pub org_type: Option<String>,
}

/// Staff login.
#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// E-mail address.
    pub email: String,
    /// Password.
    pub password: String,
}

/// A staff login session.
#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer TOKEN`.
    pub token: String,
    /// Expiry, ms since the Unix epoch.
    pub expires_at: i64,
    /// The workspace's slug.
    pub workspace: String,
}

/// A session in a list.
#[derive(Serialize, ToSchema)]
pub struct SessionSummaryDto {
    /// Id.
    pub id: SessionId,
    /// Title.
    pub title: String,
    /// Join code.
    pub join_code: String,
    /// Language.
    pub lang: Lang,
    /// Locked.
    pub locked: bool,
    /// Activities.
    pub activities: i64,
    /// Devices joined.
    pub devices: i64,
    /// Created, ms since the Unix epoch.
    pub created_at: i64,
}

/// Create a session.
#[derive(Deserialize, ToSchema)]
pub struct CreateSessionRequest {
    /// Title.
    pub title: String,
    /// `ketenavond` (seed 000's five steps) or `blank` (default).
    #[serde(default)]
    pub template: Option<String>,
    /// `nl` (default) or `en`.
    #[serde(default)]
    pub lang: Option<Lang>,
}

/// A step with its activities.
#[derive(Serialize, ToSchema)]
pub struct StepDto {
    /// Id.
    pub id: StepId,
    /// Title.
    pub title: String,
    /// Activities in order.
    pub activities: Vec<ActivityDto>,
}

/// A table.
#[derive(Serialize, ToSchema)]
pub struct TableDto {
    /// Id.
    pub id: TableId,
    /// Name.
    pub name: String,
    /// The link a tablet opens to join as this table.
    pub tablet_url: String,
}

/// A session with its agenda.
#[derive(Serialize, ToSchema)]
pub struct SessionDetailDto {
    /// Id.
    pub id: SessionId,
    /// Title.
    pub title: String,
    /// Language.
    pub lang: Lang,
    /// Join code.
    pub join_code: String,
    /// Locked.
    pub locked: bool,
    /// The activity on the screen.
    pub current_activity_id: Option<ActivityId>,
    /// Last log position.
    pub last_seq: i64,
    /// Link for participants.
    pub participant_url: String,
    /// Link for the projector.
    pub screen_url: String,
    /// Organisation types.
    pub org_types: Vec<OrgType>,
    /// The agenda.
    pub steps: Vec<StepDto>,
    /// Tables.
    pub tables: Vec<TableDto>,
}

/// Add a step.
#[derive(Deserialize, ToSchema)]
pub struct StepRequest {
    /// Title.
    pub title: String,
}

/// Add or change an activity.
#[derive(Deserialize, ToSchema)]
pub struct ActivityRequest {
    /// The step (required when adding).
    #[serde(default)]
    pub step_id: Option<StepId>,
    /// The question.
    pub title: String,
    /// What is asked.
    pub kind: ActivityKind,
    /// Who answers (default: individuals).
    #[serde(default)]
    pub audience: Option<Audience>,
}

/// Something created.
#[derive(Serialize, ToSchema)]
pub struct Created {
    /// Its id.
    pub id: String,
}

/// Add a table.
#[derive(Deserialize, ToSchema)]
pub struct TableRequest {
    /// Name.
    pub name: String,
}

/// A steering action.
#[derive(Deserialize, ToSchema)]
pub struct ControlRequest {
    /// `show`, `open`, `close`, `show_results`, `hide_results`, `lock` or `unlock`.
    pub action: String,
    /// The activity (not for lock/unlock; absent with `show` = the welcome screen).
    #[serde(default)]
    pub activity_id: Option<ActivityId>,
}

/// The outcome of a command.
#[derive(Serialize, ToSchema)]
pub struct CommandResult {
    /// The session's last log position after the command.
    pub last_seq: i64,
    /// Number of events the command appended (0: nothing changed).
    pub events: usize,
}

/// The results of an activity.
#[derive(Serialize, ToSchema)]
pub struct ResultsDto {
    /// The activity.
    pub activity_id: ActivityId,
    /// The tally.
    pub tally: koers_core::tally::Tally,
}

/// One event of the session log.
#[derive(Serialize, ToSchema)]
pub struct EventDto {
    /// Position in the log.
    pub seq: i64,
    /// When, ms since the Unix epoch.
    pub at_ms: i64,
    /// Who (`{"kind":"user","id":…}`, `{"kind":"device","id":…}`, `{"kind":"system"}`).
    #[schema(value_type = Object)]
    pub actor: serde_json::Value,
    /// What happened (`{"type":"answer_submitted",…}`).
    #[schema(value_type = Object)]
    pub event: serde_json::Value,
}

/// Server figures for operators and the benchmark.
#[derive(Serialize, ToSchema)]
pub struct StatsDto {
    /// Resident memory now, bytes (Linux).
    pub rss_bytes: Option<u64>,
    /// Peak resident memory, bytes (Linux).
    pub peak_rss_bytes: Option<u64>,
    /// Sessions with a live render task.
    pub watched_sessions: usize,
}
