//! The one error type of the domain. Every variant has a stable code, used as
//! the API's error code and as the key of its translated message.

use thiserror::Error;

/// Why the domain refused something. Refusals change nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    /// A required text was empty.
    #[error("empty")]
    Empty,
    /// A text was longer than allowed.
    #[error("too long (max {max} characters)")]
    TooLong {
        /// The maximum in characters.
        max: usize,
    },
    /// An answer's shape does not fit the activity (e.g. a scale value for a choice).
    #[error("answer does not fit this activity")]
    WrongAnswerType,
    /// A chosen option does not exist.
    #[error("no such option")]
    NoSuchOption,
    /// More options chosen than allowed.
    #[error("too many choices (max {max})")]
    TooManyChoices {
        /// The maximum number of options.
        max: usize,
    },
    /// A scale value outside the scale.
    #[error("value outside {min}..={max}")]
    OutOfRange {
        /// Lowest allowed value.
        min: i64,
        /// Highest allowed value.
        max: i64,
    },
    /// More words than allowed.
    #[error("too many words (max {max})")]
    TooManyWords {
        /// The maximum number of words.
        max: usize,
    },
    /// The activity is not open for answers (not yet opened, or closed).
    #[error("activity is not open")]
    ActivityNotOpen,
    /// The session is locked: nothing more is accepted.
    #[error("session is locked")]
    SessionLocked,
    /// This activity is answered per table, and this device is a phone.
    #[error("this activity is answered by tables")]
    ForTablesOnly,
    /// This activity is answered individually, and this device is a table tablet.
    #[error("this activity is answered individually")]
    ForIndividualsOnly,
    /// The thing referred to does not exist (in this session or workspace).
    #[error("not found")]
    NotFound,
    /// A poll definition is not valid (e.g. fewer than two options).
    #[error("invalid activity: {0}")]
    InvalidActivity(&'static str),
    /// The change would invalidate answers already given.
    #[error("answers have been given already")]
    HasAnswers,
    /// There is nothing to withdraw.
    #[error("no answer to withdraw")]
    NothingToWithdraw,
    /// The organisation type is not on this session's list.
    #[error("unknown organisation type")]
    UnknownOrgType,
    /// A dot-voting ballot uses more dots than the voter has.
    #[error("too many dots (max {max})")]
    TooManyDots {
        /// Dots per voter.
        max: u32,
    },
    /// A ballot gives one item more than allowed.
    #[error("too many for one item (max {max})")]
    TooManyPerItem {
        /// The maximum per item.
        max: u32,
    },
    /// A points allocation does not add up to the total.
    #[error("points must add up to {total}")]
    PointsMustTotal {
        /// The total to allocate.
        total: u32,
    },
    /// A ranking names an item twice or more items than allowed.
    #[error("invalid ranking")]
    InvalidRanking,
    /// Only the author (or the facilitator) may change this item.
    #[error("not your item")]
    NotYours,
    /// The activity is finalised; its list no longer changes.
    #[error("activity is finalised")]
    Finalised,
    /// A date was not a calendar date written as YYYY-MM-DD.
    #[error("not a date (YYYY-MM-DD)")]
    BadDate,
    /// A logo was not a PNG image of at most the allowed size.
    #[error("not a PNG image of at most {max_kib} KiB and 2000 × 2000 pixels")]
    BadLogo {
        /// The largest size in KiB.
        max_kib: u32,
    },
    /// A respondent added as many items to a list as allowed.
    #[error("too many contributions (max {max})")]
    TooManyItems {
        /// The maximum per respondent.
        max: u32,
    },
    /// There is no categorising step left to undo.
    #[error("nothing to undo")]
    NothingToUndo,
    /// A record cannot be deleted while others refer to it (a partner that
    /// still provides activities, a result activities still contribute to).
    #[error("still used by {count} records")]
    InUse {
        /// How many refer to it.
        count: usize,
    },
}

impl DomainError {
    /// A stable, machine-readable code (`activity-not-open`, …).
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty => "empty",
            DomainError::TooLong { .. } => "too-long",
            DomainError::WrongAnswerType => "wrong-answer-type",
            DomainError::NoSuchOption => "no-such-option",
            DomainError::TooManyChoices { .. } => "too-many-choices",
            DomainError::OutOfRange { .. } => "out-of-range",
            DomainError::TooManyWords { .. } => "too-many-words",
            DomainError::ActivityNotOpen => "activity-not-open",
            DomainError::SessionLocked => "session-locked",
            DomainError::ForTablesOnly => "for-tables-only",
            DomainError::ForIndividualsOnly => "for-individuals-only",
            DomainError::NotFound => "not-found",
            DomainError::InvalidActivity(_) => "invalid-activity",
            DomainError::HasAnswers => "has-answers",
            DomainError::NothingToWithdraw => "nothing-to-withdraw",
            DomainError::UnknownOrgType => "unknown-org-type",
            DomainError::TooManyDots { .. } => "too-many-dots",
            DomainError::TooManyPerItem { .. } => "too-many-per-item",
            DomainError::PointsMustTotal { .. } => "points-must-total",
            DomainError::InvalidRanking => "invalid-ranking",
            DomainError::NotYours => "not-yours",
            DomainError::Finalised => "finalised",
            DomainError::NothingToUndo => "nothing-to-undo",
            DomainError::TooManyItems { .. } => "too-many-items",
            DomainError::BadDate => "bad-date",
            DomainError::BadLogo { .. } => "bad-logo",
            DomainError::InUse { .. } => "in-use",
        }
    }

    /// Whether the refusal is a conflict with the session's state (HTTP 409)
    /// rather than bad input (HTTP 422).
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            DomainError::ActivityNotOpen
                | DomainError::SessionLocked
                | DomainError::HasAnswers
                | DomainError::NothingToWithdraw
                | DomainError::NotYours
                | DomainError::Finalised
                | DomainError::NothingToUndo
                | DomainError::InUse { .. }
        )
    }
}
