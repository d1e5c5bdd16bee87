//! Contributions on a shared list: ideas on an idea wall, actions ("We doen
//! …, zodat …"), audience questions and feedback on pitches. Unlike a poll
//! answer, a respondent may add several; each is an item with its author.

use crate::activity::ActivityKind;
use crate::error::DomainError;
use crate::text::{clean_line, clean_multiline, clean_optional_line};
use serde::{Deserialize, Serialize};

/// Longest audience question.
pub const MAX_QUESTION: usize = 280;
/// Longest pitch feedback.
pub const MAX_FEEDBACK: usize = 280;
/// Longest "we doen" or "zodat" part of an action.
pub const MAX_ACTION_PART: usize = 300;
/// Longest who/by when/needed line of an action.
pub const MAX_ACTION_LINE: usize = 120;
/// Most items one respondent may add to one activity (a guard against floods).
pub const MAX_ITEMS_PER_RESPONDENT: i64 = 30;

/// The tone of feedback on a pitch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// A success story ("succesverhaal").
    Success,
    /// A point to improve ("verbeterpunt").
    Improve,
}

/// What an item says besides its main text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemDetail {
    /// An idea or a question: the text is all.
    #[default]
    Plain,
    /// A concrete action; the item's text is the "we doen …" part.
    Action {
        /// Index of the priority (top category) it works on.
        topic: u32,
        /// "… zodat …": what it achieves.
        so_that: String,
        /// Who does it (a partner organisation).
        who: String,
        /// By when.
        by_when: String,
        /// What is needed.
        needs: String,
    },
    /// Feedback on one pitch.
    Feedback {
        /// Index of the speaker.
        speaker: u32,
        /// Success story or point to improve.
        tone: Tone,
    },
}

/// An item as a client sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemDraft {
    /// The main text.
    pub text: String,
    /// The rest.
    #[serde(default)]
    pub detail: ItemDetail,
}

/// Where an item stands. Nothing is ever deleted: a withdrawn, hidden or
/// merged item stays in the data (and the report says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Shown to everyone.
    Visible,
    /// Waiting for the facilitator's approval (moderated questions).
    Pending,
    /// Hidden by the facilitator.
    Hidden,
    /// Withdrawn by its author.
    Withdrawn,
    /// Merged into another item.
    Merged,
    /// A question the facilitator marked as answered (still shown).
    Answered,
}

impl ItemStatus {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            ItemStatus::Visible => "visible",
            ItemStatus::Pending => "pending",
            ItemStatus::Hidden => "hidden",
            ItemStatus::Withdrawn => "withdrawn",
            ItemStatus::Merged => "merged",
            ItemStatus::Answered => "answered",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ItemStatus> {
        [
            ItemStatus::Visible,
            ItemStatus::Pending,
            ItemStatus::Hidden,
            ItemStatus::Withdrawn,
            ItemStatus::Merged,
            ItemStatus::Answered,
        ]
        .into_iter()
        .find(|st| st.name() == s)
    }

    /// Whether the item appears on walls and lists.
    pub fn shown(self) -> bool {
        matches!(self, ItemStatus::Visible | ItemStatus::Answered)
    }
}

/// A facilitator's moderation of one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Hide it (it stays in the data).
    Hide,
    /// Show it again, or approve a pending question.
    Show,
    /// Mark a question as answered.
    Answered,
}

impl Moderation {
    /// The status an item gets, or a refusal when the move makes no sense
    /// (withdrawn and merged items are the author's or a merge's business).
    pub fn apply(self, from: ItemStatus) -> Result<ItemStatus, DomainError> {
        match (self, from) {
            (_, ItemStatus::Withdrawn | ItemStatus::Merged) => Err(DomainError::NotFound),
            (Moderation::Hide, _) => Ok(ItemStatus::Hidden),
            (Moderation::Show, _) => Ok(ItemStatus::Visible),
            (Moderation::Answered, _) => Ok(ItemStatus::Answered),
        }
    }
}

/// A mark a participant puts on someone's item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// An up-vote on an audience question.
    Upvote,
    /// "Ik doe mee": commitment to an action.
    Commit,
}

impl MarkKind {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Upvote => "upvote",
            MarkKind::Commit => "commit",
        }
    }

    /// The mark that fits items of an activity of this kind.
    pub fn for_kind(kind: &ActivityKind) -> Option<MarkKind> {
        match kind {
            ActivityKind::Questions { .. } => Some(MarkKind::Upvote),
            ActivityKind::Actions { .. } => Some(MarkKind::Commit),
            _ => None,
        }
    }
}

/// Checks and cleans an item for an activity of `kind` whose list of
/// priorities (actions) has `topics` entries.
pub fn validate_item(
    kind: &ActivityKind,
    topics: usize,
    draft: ItemDraft,
) -> Result<ItemDraft, DomainError> {
    match (kind, draft.detail) {
        (ActivityKind::IdeaWall { max_chars }, ItemDetail::Plain) => Ok(ItemDraft {
            text: clean_multiline(&draft.text, usize::from(*max_chars))?,
            detail: ItemDetail::Plain,
        }),
        (ActivityKind::Questions { .. }, ItemDetail::Plain) => Ok(ItemDraft {
            text: clean_multiline(&draft.text, MAX_QUESTION)?,
            detail: ItemDetail::Plain,
        }),
        (
            ActivityKind::Actions { .. },
            ItemDetail::Action {
                topic,
                so_that,
                who,
                by_when,
                needs,
            },
        ) => {
            if topic as usize >= topics {
                return Err(DomainError::NoSuchOption);
            }
            let opt =
                |s: &str| clean_optional_line(s, MAX_ACTION_LINE).map(|o| o.unwrap_or_default());
            Ok(ItemDraft {
                text: clean_multiline(&draft.text, MAX_ACTION_PART)?,
                detail: ItemDetail::Action {
                    topic,
                    so_that: clean_multiline(&so_that, MAX_ACTION_PART)?,
                    who: opt(&who)?,
                    by_when: opt(&by_when)?,
                    needs: opt(&needs)?,
                },
            })
        }
        (ActivityKind::Pitches { speakers, .. }, ItemDetail::Feedback { speaker, tone }) => {
            if speaker as usize >= speakers.len() {
                return Err(DomainError::NoSuchOption);
            }
            Ok(ItemDraft {
                text: clean_line(&draft.text, MAX_FEEDBACK)?,
                detail: ItemDetail::Feedback { speaker, tone },
            })
        }
        _ => Err(DomainError::WrongAnswerType),
    }
}

/// A respondent's or facilitator's item as stored, for views and reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Its id.
    pub id: crate::ids::ItemId,
    /// The activity it belongs to.
    pub activity_id: crate::ids::ActivityId,
    /// Who added it (`None`: the facilitator).
    pub author: Option<crate::event::Respondent>,
    /// The author's table's name or the author's display name, if any.
    pub author_label: Option<String>,
    /// Text and details.
    #[serde(flatten)]
    pub draft: ItemDraft,
    /// Where it stands.
    pub status: ItemStatus,
    /// The item it was merged into.
    pub merged_into: Option<crate::ids::ItemId>,
    /// Up-votes or commitments.
    pub marks: i64,
    /// Organisation types of those who committed ("ik doe mee").
    pub committed_orgs: Vec<String>,
    /// When it was added (ms since the epoch).
    pub created_ms: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(topic: u32, so_that: &str) -> ItemDraft {
        ItemDraft {
            text: "We organiseren een ouderavond".into(),
            detail: ItemDetail::Action {
                topic,
                so_that: so_that.into(),
                who: " GGD ".into(),
                by_when: String::new(),
                needs: String::new(),
            },
        }
    }

    #[test]
    fn an_action_needs_a_known_priority_and_a_purpose() {
        let kind = ActivityKind::Actions {
            source: crate::ids::ActivityId::new(),
            top_k: 2,
        };
        let ok = validate_item(&kind, 2, action(1, "ouders elkaar kennen")).unwrap();
        assert!(matches!(ok.detail, ItemDetail::Action { ref who, .. } if who == "GGD"));
        assert_eq!(
            validate_item(&kind, 2, action(2, "x")),
            Err(DomainError::NoSuchOption)
        );
        assert_eq!(
            validate_item(&kind, 2, action(0, "  ")),
            Err(DomainError::Empty)
        );
    }

    #[test]
    fn an_idea_is_limited_and_may_not_carry_action_details() {
        let kind = ActivityKind::IdeaWall { max_chars: 20 };
        let long = ItemDraft {
            text: "x".repeat(21),
            detail: ItemDetail::Plain,
        };
        assert_eq!(
            validate_item(&kind, 0, long),
            Err(DomainError::TooLong { max: 20 })
        );
        assert_eq!(
            validate_item(&kind, 5, action(0, "a")),
            Err(DomainError::WrongAnswerType)
        );
    }

    #[test]
    fn moderation_never_revives_withdrawn_or_merged_items() {
        assert_eq!(
            Moderation::Show.apply(ItemStatus::Withdrawn),
            Err(DomainError::NotFound)
        );
        assert_eq!(
            Moderation::Show.apply(ItemStatus::Pending),
            Ok(ItemStatus::Visible)
        );
        assert!(!ItemStatus::Hidden.shown());
        assert!(ItemStatus::Answered.shown());
    }
}
