//! Use cases shared by the pages and the JSON API, so both behave the same.

use crate::error::AppError;
use crate::routes::extract::ClientIp;
use crate::security::password::{dummy_hash, verify_password};
use crate::security::tokens::{hash_token, random_token};
use crate::state::AppState;
use koers_core::DomainError;
use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::code::JoinCode;
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, ParticipantId, TableId};
use koers_core::inventory::matrix::Axis;
use koers_core::session::Control;
use koers_core::vote::VoteMethod;
use koers_store::{Command, SessionRecord, User};
use std::time::{SystemTime, UNIX_EPOCH};

/// How long a staff login lasts.
pub const LOGIN_TTL_MS: i64 = 12 * 3600 * 1000;
/// How long a device stays recognised (its cookie).
pub const DEVICE_TTL_SECS: i64 = 7 * 24 * 3600;
/// Failed logins in a row before an account is locked for a while.
const LOCK_AFTER: i64 = 10;
/// How long an account stays locked.
const LOCK_MS: i64 = 15 * 60 * 1000;

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Finds the active session for a typed code. Wrong codes count as failed
/// attempts of the client's address; right ones never do.
pub async fn session_for_code(
    state: &AppState,
    ip: ClientIp,
    typed: &str,
) -> Result<SessionRecord, AppError> {
    if state.join_failures().is_blocked(ip.0) {
        return Err(AppError::TooManyAttempts);
    }
    let found = match JoinCode::parse(typed) {
        Some(code) => state.store().session_by_code(&code).await?,
        None => None,
    };
    match found {
        Some(s) => Ok(s),
        None => {
            state.join_failures().record_failure(ip.0);
            Err(AppError::UnknownCode)
        }
    }
}

/// A device that just joined, with its secret token (to put in a cookie).
#[derive(Debug)]
pub struct Joined {
    /// The device.
    pub device: ParticipantId,
    /// Its secret token; only the hash is stored.
    pub token: String,
}

/// Joins a phone (or, with `table`, a tablet) to a session.
pub async fn join(
    state: &AppState,
    session: &SessionRecord,
    table: Option<TableId>,
    display_name: Option<String>,
    org_type: Option<String>,
) -> Result<Joined, AppError> {
    let token = random_token();
    let done = state
        .exec(
            session.id,
            Actor::System,
            Command::Join {
                token_hash: hash_token(&token),
                table,
                display_name,
                org_type,
            },
        )
        .await?;
    match done.outcome {
        koers_store::Outcome::Joined(device) => Ok(Joined { device, token }),
        other => Err(AppError::Internal(format!("join gave {other:?}"))),
    }
}

/// A successful login.
#[derive(Debug)]
pub struct LoggedIn {
    /// The account.
    pub user: User,
    /// The session token (cookie or bearer); only its hash is stored.
    pub token: String,
    /// When it expires (ms since epoch).
    pub expires_at: i64,
}

/// Checks e-mail and password. Failed attempts are counted per address (in
/// memory) and per account (in the database, so every node agrees); an
/// unknown address takes as long as a wrong password.
pub async fn login(
    state: &AppState,
    ip: ClientIp,
    email: &str,
    password: &str,
) -> Result<LoggedIn, AppError> {
    if state.login_failures().is_blocked(ip.0) {
        return Err(AppError::TooManyAttempts);
    }
    let creds = state.store().credentials(email).await?;
    let (hash, locked) = match &creds {
        Some(c) => (c.password_hash.clone(), c.locked_until > now_ms()),
        None => (dummy_hash().to_string(), false),
    };
    let pw = password.to_string();
    // Argon2 is deliberately slow; keep it off the async threads.
    let ok = tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let Some(creds) = creds else {
        state.login_failures().record_failure(ip.0);
        return Err(AppError::LoginFailed);
    };
    if locked {
        return Err(AppError::TooManyAttempts);
    }
    if !ok {
        state.login_failures().record_failure(ip.0);
        state
            .store()
            .record_login_failure(creds.user.id, LOCK_AFTER, LOCK_MS)
            .await?;
        return Err(AppError::LoginFailed);
    }
    state.store().record_login_success(creds.user.id).await?;
    state
        .store()
        .record_audit(
            creds.user.workspace_id,
            Some(creds.user.id),
            "login",
            &creds.user.id.to_string(),
            "",
        )
        .await?;
    let token = random_token();
    let expires_at = now_ms() + LOGIN_TTL_MS;
    state
        .store()
        .create_auth_session(&hash_token(&token), creds.user.id, expires_at)
        .await?;
    Ok(LoggedIn {
        user: creds.user,
        token,
        expires_at,
    })
}

/// Parses a steering action (`open`, `close`, `show`, …).
pub fn parse_control(action: &str, activity: Option<ActivityId>) -> Result<Control, AppError> {
    let need = || activity.ok_or(AppError::BadRequest);
    Ok(match action {
        "show" => Control::Show(activity),
        "open" => Control::Open(need()?),
        "close" => Control::Close(need()?),
        "show_results" => Control::ShowResults(need()?),
        "hide_results" => Control::HideResults(need()?),
        "reveal" => Control::Reveal(need()?),
        "lock" => Control::Lock,
        "unlock" => Control::Unlock,
        _ => return Err(AppError::BadRequest),
    })
}

/// The fields of the activity form, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ActivityInput {
    /// The question.
    #[serde(default)]
    pub title: String,
    /// Kind name.
    #[serde(default)]
    pub kind: String,
    /// Options, one per line.
    #[serde(default)]
    pub options: String,
    /// Maximum choices.
    #[serde(default)]
    pub max_choices: String,
    /// Scale minimum.
    #[serde(default)]
    pub scale_min: String,
    /// Scale maximum.
    #[serde(default)]
    pub scale_max: String,
    /// Label of the minimum.
    #[serde(default)]
    pub min_label: String,
    /// Label of the maximum.
    #[serde(default)]
    pub max_label: String,
    /// Words per respondent.
    #[serde(default)]
    pub max_words: String,
    /// Maximum characters.
    #[serde(default)]
    pub max_chars: String,
    /// Who answers.
    #[serde(default)]
    pub audience: String,
    /// The step (when adding).
    #[serde(default)]
    pub step_id: String,
    /// Quiz/estimate: the explanation shown with the answer.
    #[serde(default)]
    pub explanation: String,
    /// Quiz/estimate: where the figure comes from.
    #[serde(default)]
    pub source: String,
    /// Quiz/estimate: answers earn points ("on" when ticked).
    #[serde(default)]
    pub scored: String,
    /// Estimate: the true value (a decimal comma is fine).
    #[serde(default)]
    pub value: String,
    /// Estimate: its unit.
    #[serde(default)]
    pub unit: String,
    /// Goal: the wordings, one per line; pitches: the speakers, one per line.
    #[serde(default)]
    pub lines: String,
    /// Categorise, prioritise, actions: the activity it builds on.
    #[serde(default)]
    pub source_activity: String,
    /// Prioritise: `dots`, `ranking` or `points`.
    #[serde(default)]
    pub method: String,
    /// Dots per voter, items to rank, or points to divide.
    #[serde(default)]
    pub amount: String,
    /// Most dots on one item.
    #[serde(default)]
    pub max_per_item: String,
    /// Actions: how many top priorities get actions.
    #[serde(default)]
    pub top_k: String,
    /// Questions: new questions wait for approval ("on" when ticked).
    #[serde(default)]
    pub moderated: String,
    /// Pitches: seconds per pitch.
    #[serde(default)]
    pub seconds: String,
    /// Matrix: the rows' axis (`level`, `age_group`, …).
    #[serde(default)]
    pub matrix_rows: String,
    /// Matrix: the columns' axis.
    #[serde(default)]
    pub matrix_cols: String,
}

fn num<T: std::str::FromStr>(s: &str, default: T) -> Result<T, DomainError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(default);
    }
    s.parse()
        .map_err(|_| DomainError::InvalidActivity("number"))
}

impl ActivityInput {
    /// Builds a validated definition from the form.
    pub fn to_def(&self) -> Result<ActivityDef, DomainError> {
        let options = || -> Vec<String> { self.options.lines().map(str::to_string).collect() };
        let kind = match self.kind.as_str() {
            "single_choice" => ActivityKind::SingleChoice { options: options() },
            "multiple_choice" => ActivityKind::MultipleChoice {
                options: options(),
                max_choices: num(&self.max_choices, 2)?,
            },
            "scale" => ActivityKind::Scale {
                min: num(&self.scale_min, 1)?,
                max: num(&self.scale_max, 5)?,
                min_label: self.min_label.clone(),
                max_label: self.max_label.clone(),
            },
            "word_cloud" => ActivityKind::WordCloud {
                max_words: num(&self.max_words, 3)?,
            },
            "open_text" => ActivityKind::OpenText {
                max_chars: num(&self.max_chars, 280)?,
            },
            "quiz" => {
                // A leading "*" marks a correct option.
                let mut correct = Vec::new();
                let mut opts = Vec::new();
                for line in self.options.lines().filter(|l| !l.trim().is_empty()) {
                    let line = line.trim();
                    if let Some(rest) = line.strip_prefix('*') {
                        correct.push(opts.len() as u32);
                        opts.push(rest.trim().to_string());
                    } else {
                        opts.push(line.to_string());
                    }
                }
                ActivityKind::Quiz {
                    options: opts,
                    correct,
                    explanation: self.explanation.clone(),
                    source: self.source.clone(),
                    scored: !self.scored.is_empty(),
                }
            }
            "estimate" => ActivityKind::Estimate {
                value: self
                    .value
                    .trim()
                    .replace(',', ".")
                    .parse()
                    .map_err(|_| DomainError::InvalidActivity("number"))?,
                unit: self.unit.clone(),
                explanation: self.explanation.clone(),
                source: self.source.clone(),
                scored: !self.scored.is_empty(),
            },
            "goal" => ActivityKind::Goal {
                wordings: self.lines.lines().map(str::to_string).collect(),
            },
            "idea_wall" => ActivityKind::IdeaWall {
                max_chars: num(&self.max_chars, 200)?,
            },
            "categorise" => ActivityKind::Categorise {
                source: self.source_id()?,
            },
            "prioritise" => ActivityKind::Prioritise {
                source: self.source_id()?,
                method: match self.method.as_str() {
                    "ranking" => VoteMethod::Ranking {
                        top_k: num(&self.amount, 3)?,
                    },
                    "points" => VoteMethod::Points {
                        total: num(&self.amount, 100)?,
                    },
                    _ => VoteMethod::Dots {
                        dots: num(&self.amount, 5)?,
                        max_per_item: num(&self.max_per_item, 2)?,
                    },
                },
            },
            "actions" => ActivityKind::Actions {
                source: self.source_id()?,
                top_k: num(&self.top_k, 2)?,
            },
            "questions" => ActivityKind::Questions {
                moderated: !self.moderated.is_empty(),
            },
            "pitches" => ActivityKind::Pitches {
                speakers: self.lines.lines().map(str::to_string).collect(),
                seconds: num(&self.seconds, 180)?,
            },
            "matrix" => {
                let axis = |s: &str, default: Axis| {
                    if s.trim().is_empty() {
                        Ok(default)
                    } else {
                        Axis::parse(s.trim()).ok_or(DomainError::InvalidActivity("axes"))
                    }
                };
                ActivityKind::Matrix {
                    rows: axis(&self.matrix_rows, Axis::Level)?,
                    cols: axis(&self.matrix_cols, Axis::AgeGroup)?,
                }
            }
            _ => return Err(DomainError::InvalidActivity("kind")),
        };
        let audience = if self.audience.is_empty() {
            Audience::Individuals
        } else {
            Audience::parse(&self.audience).ok_or(DomainError::InvalidActivity("audience"))?
        };
        ActivityDef::new(&self.title, kind, audience)
    }

    fn source_id(&self) -> Result<ActivityId, DomainError> {
        self.source_activity
            .trim()
            .parse()
            .map_err(|_| DomainError::InvalidActivity("source"))
    }

    /// The form's fields for an existing activity.
    pub fn from_def(def: &ActivityDef) -> ActivityInput {
        let mut f = ActivityInput {
            title: def.title.clone(),
            kind: def.kind.name().to_string(),
            audience: def.audience.name().to_string(),
            ..ActivityInput::default()
        };
        match &def.kind {
            ActivityKind::SingleChoice { options } => f.options = options.join("\n"),
            ActivityKind::MultipleChoice {
                options,
                max_choices,
            } => {
                f.options = options.join("\n");
                f.max_choices = max_choices.to_string();
            }
            ActivityKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                f.scale_min = min.to_string();
                f.scale_max = max.to_string();
                f.min_label = min_label.clone();
                f.max_label = max_label.clone();
            }
            ActivityKind::WordCloud { max_words } => f.max_words = max_words.to_string(),
            ActivityKind::OpenText { max_chars } | ActivityKind::IdeaWall { max_chars } => {
                f.max_chars = max_chars.to_string()
            }
            ActivityKind::Quiz {
                options,
                correct,
                explanation,
                source,
                scored,
            } => {
                f.options = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        if correct.contains(&(i as u32)) {
                            format!("*{o}")
                        } else {
                            o.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                f.explanation = explanation.clone();
                f.source = source.clone();
                f.scored = if *scored { "on".into() } else { String::new() };
            }
            ActivityKind::Estimate {
                value,
                unit,
                explanation,
                source,
                scored,
            } => {
                f.value = value.to_string();
                f.unit = unit.clone();
                f.explanation = explanation.clone();
                f.source = source.clone();
                f.scored = if *scored { "on".into() } else { String::new() };
            }
            ActivityKind::Goal { wordings } => f.lines = wordings.join("\n"),
            ActivityKind::Categorise { source } => f.source_activity = source.to_string(),
            ActivityKind::Prioritise { source, method } => {
                f.source_activity = source.to_string();
                f.method = method.name().to_string();
                match method {
                    VoteMethod::Dots { dots, max_per_item } => {
                        f.amount = dots.to_string();
                        f.max_per_item = max_per_item.to_string();
                    }
                    VoteMethod::Ranking { top_k } => f.amount = top_k.to_string(),
                    VoteMethod::Points { total } => f.amount = total.to_string(),
                }
            }
            ActivityKind::Actions { source, top_k } => {
                f.source_activity = source.to_string();
                f.top_k = top_k.to_string();
            }
            ActivityKind::Questions { moderated } => {
                f.moderated = if *moderated {
                    "on".into()
                } else {
                    String::new()
                }
            }
            ActivityKind::Pitches { speakers, seconds } => {
                f.lines = speakers.join("\n");
                f.seconds = seconds.to_string();
            }
            ActivityKind::Matrix { rows, cols } => {
                f.matrix_rows = rows.key().to_string();
                f.matrix_cols = cols.key().to_string();
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_form_round_trips_through_a_definition() {
        let input = ActivityInput {
            title: "Welke thema's?".into(),
            kind: "multiple_choice".into(),
            options: "Ouders\r\nNetwerk\n\nSport".into(),
            max_choices: "2".into(),
            audience: "everyone".into(),
            ..Default::default()
        };
        let def = input.to_def().unwrap();
        assert_eq!(def.kind.options().len(), 3);
        let back = ActivityInput::from_def(&def).to_def().unwrap();
        assert_eq!(back, def);
    }

    #[test]
    fn bad_form_input_is_refused_with_a_reason() {
        let input = ActivityInput {
            title: "x".into(),
            kind: "scale".into(),
            scale_max: "veel".into(),
            ..Default::default()
        };
        assert_eq!(input.to_def(), Err(DomainError::InvalidActivity("number")));
        let input = ActivityInput {
            title: "x".into(),
            kind: "poll".into(),
            ..Default::default()
        };
        assert!(input.to_def().is_err());
    }

    #[test]
    fn controls_need_an_activity_where_they_act_on_one() {
        assert!(parse_control("open", None).is_err());
        assert_eq!(parse_control("lock", None).unwrap(), Control::Lock);
        assert_eq!(parse_control("show", None).unwrap(), Control::Show(None));
        assert!(parse_control("explode", None).is_err());
    }
}
