//! Questionnaire responses: saving part of them on the respondent's link
//! ("save and continue later"), submitting once, reading them for the
//! results, and erasing one on request.
//!
//! A respondent's link is a token the web layer hashes; the store sees only
//! the hash. For a personal invitation it is the invitation's token, so one
//! link has one response; for the public link it is a token the browser
//! keeps. Every change runs in one write transaction that re-reads the
//! questionnaire's dates, so an answer sent as the questionnaire closes is
//! either in before the close or refused with the draft kept.

use crate::Store;
use crate::error::StoreError;
use crate::util::{now_ms, parse_id, parse_json, to_json};
use koers_core::ids::{QuestionnaireId, ResponseId, WorkspaceId};
use koers_core::questionnaire::{
    AnswerChanges, AnswerError, AnswerValue, ContactAnswer, Questionnaire, ResponseAnswers,
    ResponseStatus,
};
use sqlx::{Any, Connection, Row, Transaction};

/// Why a save or submit was refused; nothing changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ResponseRefusal {
    /// Answers that do not fit their questions, or required ones missing.
    Answers(Vec<AnswerError>),
    /// This link's response was submitted already.
    AlreadySubmitted,
    /// The questionnaire is not open (before it opens or after it closed).
    Closed,
    /// No such invitation, or no such questionnaire.
    Unknown,
}

/// Which link a respondent answers on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link<'a> {
    /// The public link; the hash of the token the browser keeps.
    Public(&'a str),
    /// A personal invitation; the hash of its token.
    Invitation(&'a str),
}

impl Link<'_> {
    fn hash(&self) -> &str {
        match self {
            Link::Public(h) | Link::Invitation(h) => h,
        }
    }
}

/// One response for the results: id (for erasure), status and answers.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResponse {
    /// Id.
    pub id: ResponseId,
    /// Saved or submitted.
    pub status: ResponseStatus,
    /// The answers.
    pub answers: ResponseAnswers,
    /// The hour it last changed (ms since the Unix epoch, whole hours).
    pub hour: i64,
}

/// A contact person who consented to be contacted, kept apart from answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentedContact {
    /// Name.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// The day it came in (YYYY-MM-DD).
    pub day: String,
}

type Outcome<T> = Result<Result<T, ResponseRefusal>, StoreError>;

/// The current hour: response times are kept no finer, so they cannot be
/// matched with an invitee's moment of answering.
fn hour_now() -> i64 {
    now_ms() / 3_600_000 * 3_600_000
}

impl Store {
    /// The answers saved so far on a link (none: nothing saved yet).
    pub async fn draft_answers(
        &self,
        workspace: WorkspaceId,
        token_hash: &str,
    ) -> Result<Option<ResponseAnswers>, StoreError> {
        let row = sqlx::query(
            "SELECT r.answers FROM questionnaire_drafts d JOIN questionnaire_responses r \
             ON r.id = d.response_id WHERE d.token_hash = $1 AND d.workspace_id = $2",
        )
        .bind(token_hash)
        .bind(workspace.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| parse_json(&r.try_get::<String, _>("answers")?))
            .transpose()
    }

    /// Whether this link's response was submitted.
    pub async fn link_submitted(&self, link: Link<'_>) -> Result<bool, StoreError> {
        let sql = match link {
            Link::Public(_) => "SELECT 1 AS x FROM questionnaire_submitted WHERE token_hash = $1",
            Link::Invitation(_) => {
                "SELECT 1 AS x FROM questionnaire_invitations WHERE token_hash = $1 AND responded = 1"
            }
        };
        Ok(sqlx::query(sql)
            .bind(link.hash())
            .fetch_optional(self.pool())
            .await?
            .is_some())
    }

    /// Applies `changes` to the link's saved answers (creating the response
    /// on the first save), checked against the questionnaire: all or none.
    pub async fn save_response(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
        link: Link<'_>,
        changes: AnswerChanges,
    ) -> Outcome<ResponseAnswers> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let (q, draft) = match open(&mut tx, workspace, questionnaire, link).await? {
            Ok(found) => found,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let before = draft.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();
        let answers = match before.save(&q, changes) {
            Ok(a) => a,
            Err(errors) => return Ok(Err(ResponseRefusal::Answers(errors))),
        };
        write(
            &mut tx,
            workspace,
            questionnaire,
            link,
            draft.map(|d| d.0),
            &answers,
            ResponseStatus::InProgress,
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(answers))
    }

    /// Submits the link's response with last `changes`: every shown required
    /// question answered, hidden ones dropped. Once per link: a second
    /// submit (a retry, a second tab, a race) gets
    /// [`ResponseRefusal::AlreadySubmitted`] and counts nothing. Consent to
    /// be contacted moves the details given to the contacts kept apart; the
    /// answer keeps only the yes. Afterwards nothing ties the response to
    /// the link.
    pub async fn submit_response(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
        link: Link<'_>,
        changes: AnswerChanges,
    ) -> Outcome<ResponseId> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let (q, draft) = match open(&mut tx, workspace, questionnaire, link).await? {
            Ok(found) => found,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let before = draft.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();
        let answers = match before.save(&q, changes).and_then(|a| a.submit(&q)) {
            Ok(a) => a,
            Err(errors) => return Ok(Err(ResponseRefusal::Answers(errors))),
        };
        // One submit per public link: a retry or a second tab that comes
        // second finds the link's mark and counts nothing. (An invitation
        // has its own mark below, set in place, so no table grows in the
        // order invitees answer.)
        if let Link::Public(hash) = link {
            let marked = sqlx::query(
                "INSERT INTO questionnaire_submitted (token_hash, workspace_id, questionnaire_id) \
                 VALUES ($1, $2, $3)",
            )
            .bind(hash)
            .bind(workspace.to_string())
            .bind(questionnaire.to_string())
            .execute(&mut *tx)
            .await;
            match marked {
                Ok(_) => {}
                Err(e) if StoreError::is_unique_violation(&e) => {
                    return Ok(Err(ResponseRefusal::AlreadySubmitted));
                }
                Err(e) => return Err(e.into()),
            }
        }
        if let Link::Invitation(hash) = link {
            // The one response of this link: a concurrent submit that got here
            // first has set it, and this one changes nothing.
            let taken = sqlx::query(
                "UPDATE questionnaire_invitations SET responded = 1 \
                 WHERE token_hash = $1 AND responded = 0",
            )
            .bind(hash)
            .execute(&mut *tx)
            .await?;
            if taken.rows_affected() != 1 {
                return Ok(Err(ResponseRefusal::AlreadySubmitted));
            }
        }
        let mut kept = answers.into_inner();
        for value in kept.values_mut() {
            if let AnswerValue::Contact(c) = value {
                if c.consent {
                    sqlx::query(
                        "INSERT INTO questionnaire_contacts (id, workspace_id, questionnaire_id, \
                         name, email, phone, day) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(uuid::Uuid::new_v4().to_string())
                    .bind(workspace.to_string())
                    .bind(questionnaire.to_string())
                    .bind(c.name.clone())
                    .bind(c.email.clone())
                    .bind(c.phone.clone())
                    .bind(jiff::Zoned::now().date().to_string())
                    .execute(&mut *tx)
                    .await?;
                }
                *c = ContactAnswer {
                    consent: c.consent,
                    ..ContactAnswer::default()
                };
            }
        }
        let answers = ResponseAnswers::from_stored(kept);
        let id = write(
            &mut tx,
            workspace,
            questionnaire,
            link,
            draft.map(|d| d.0),
            &answers,
            ResponseStatus::Submitted,
        )
        .await?;
        sqlx::query("DELETE FROM questionnaire_drafts WHERE token_hash = $1")
            .bind(link.hash())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// A questionnaire's responses (saved and submitted), for the results.
    pub async fn questionnaire_responses(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
    ) -> Result<Vec<StoredResponse>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, status, answers, hour FROM questionnaire_responses \
             WHERE workspace_id = $1 AND questionnaire_id = $2",
        )
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let status: String = r.try_get("status")?;
                Ok(StoredResponse {
                    id: parse_id(&r.try_get::<String, _>("id")?)?,
                    status: ResponseStatus::parse(&status)
                        .ok_or_else(|| StoreError::corrupt(format!("status {status:?}")))?,
                    answers: parse_json(&r.try_get::<String, _>("answers")?)?,
                    hour: r.try_get("hour")?,
                })
            })
            .collect()
    }

    /// How many responses were submitted, and how many there are in all
    /// (submitted and in progress), counted by the database.
    pub async fn questionnaire_response_counts(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
    ) -> Result<(i64, i64), StoreError> {
        let r = sqlx::query(
            "SELECT CAST(COALESCE(SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), 0) \
             AS BIGINT) AS submitted, COUNT(*) AS total FROM questionnaire_responses \
             WHERE workspace_id = $1 AND questionnaire_id = $2",
        )
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .fetch_one(self.pool())
        .await?;
        Ok((r.try_get("submitted")?, r.try_get("total")?))
    }

    /// The contacts who consented, newest day first.
    pub async fn questionnaire_contacts(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
    ) -> Result<Vec<ConsentedContact>, StoreError> {
        let rows = sqlx::query(
            "SELECT name, email, phone, day FROM questionnaire_contacts \
             WHERE workspace_id = $1 AND questionnaire_id = $2 ORDER BY day DESC, id",
        )
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ConsentedContact {
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    phone: r.try_get("phone")?,
                    day: r.try_get("day")?,
                })
            })
            .collect()
    }

    /// Erases one response on request (and its draft link, if it was in
    /// progress). `false`: no such response in the questionnaire.
    pub async fn erase_response(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
        response: ResponseId,
    ) -> Result<bool, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let gone = sqlx::query(
            "DELETE FROM questionnaire_responses WHERE id = $1 AND workspace_id = $2 \
             AND questionnaire_id = $3",
        )
        .bind(response.to_string())
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "DELETE FROM questionnaire_drafts WHERE response_id = $1 AND workspace_id = $2",
        )
        .bind(response.to_string())
        .bind(workspace.to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(gone == 1)
    }
}

/// The questionnaire if it takes answers now on this link, and the link's
/// draft (response id and answers) if there is one.
async fn open(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    questionnaire: QuestionnaireId,
    link: Link<'_>,
) -> Result<Result<(Questionnaire, Option<(String, ResponseAnswers)>), ResponseRefusal>, StoreError>
{
    let ws = workspace.to_string();
    let row = sqlx::query(
        "SELECT definition, opens_at, closes_at FROM questionnaires \
         WHERE workspace_id = $1 AND id = $2",
    )
    .bind(&ws)
    .bind(questionnaire.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(Err(ResponseRefusal::Unknown));
    };
    let now = now_ms();
    let opens: Option<i64> = row.try_get("opens_at")?;
    let closes: Option<i64> = row.try_get("closes_at")?;
    if opens.is_some_and(|t| now < t) || closes.is_some_and(|t| t <= now) {
        return Ok(Err(ResponseRefusal::Closed));
    }
    let q: Questionnaire = parse_json(&row.try_get::<String, _>("definition")?)?;
    if let Link::Invitation(hash) = link {
        let inv = sqlx::query(
            "SELECT responded FROM questionnaire_invitations WHERE token_hash = $1 \
             AND workspace_id = $2 AND questionnaire_id = $3",
        )
        .bind(hash)
        .bind(&ws)
        .bind(questionnaire.to_string())
        .fetch_optional(&mut **tx)
        .await?;
        match inv {
            None => return Ok(Err(ResponseRefusal::Unknown)),
            Some(r) if r.try_get::<i64, _>("responded")? != 0 => {
                return Ok(Err(ResponseRefusal::AlreadySubmitted));
            }
            Some(_) => {}
        }
    }
    let submitted =
        sqlx::query("SELECT token_hash FROM questionnaire_submitted WHERE token_hash = $1")
            .bind(link.hash())
            .fetch_optional(&mut **tx)
            .await?;
    if submitted.is_some() {
        return Ok(Err(ResponseRefusal::AlreadySubmitted));
    }
    let draft = sqlx::query(
        "SELECT d.response_id, r.answers, d.questionnaire_id FROM questionnaire_drafts d \
         JOIN questionnaire_responses r ON r.id = d.response_id \
         WHERE d.token_hash = $1 AND d.workspace_id = $2",
    )
    .bind(link.hash())
    .bind(&ws)
    .fetch_optional(&mut **tx)
    .await?;
    let draft = match draft {
        Some(r) => {
            if r.try_get::<String, _>("questionnaire_id")? != questionnaire.to_string() {
                return Ok(Err(ResponseRefusal::Unknown));
            }
            Some((
                r.try_get::<String, _>("response_id")?,
                parse_json(&r.try_get::<String, _>("answers")?)?,
            ))
        }
        None => None,
    };
    Ok(Ok((q, draft)))
}

/// Writes a response: updates the draft's, or creates one (with its draft
/// link while in progress). Returns its id.
async fn write(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    questionnaire: QuestionnaireId,
    link: Link<'_>,
    existing: Option<String>,
    answers: &ResponseAnswers,
    status: ResponseStatus,
) -> Result<ResponseId, StoreError> {
    let json = to_json(answers)?;
    if let Some(id) = existing {
        sqlx::query(
            "UPDATE questionnaire_responses SET answers = $1, status = $2, hour = $3 WHERE id = $4",
        )
        .bind(&json)
        .bind(status.key())
        .bind(hour_now())
        .bind(&id)
        .execute(&mut **tx)
        .await?;
        return parse_id(&id);
    }
    // Random, not time-ordered: the id must not tell when it came in.
    let id = ResponseId(uuid::Uuid::new_v4());
    sqlx::query(
        "INSERT INTO questionnaire_responses (id, workspace_id, questionnaire_id, status, \
         answers, hour) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(workspace.to_string())
    .bind(questionnaire.to_string())
    .bind(status.key())
    .bind(&json)
    .bind(hour_now())
    .execute(&mut **tx)
    .await?;
    if status == ResponseStatus::InProgress {
        sqlx::query(
            "INSERT INTO questionnaire_drafts (token_hash, workspace_id, questionnaire_id, \
             response_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(link.hash())
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}
