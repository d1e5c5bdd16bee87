//! The state an activity keeps besides its answers and items: the
//! categorising board, the frozen list of a vote's candidates or of an action
//! list's priorities, whether a list is finalised, and the pitch timer.

use crate::board::Board;
use crate::error::DomainError;
use serde::{Deserialize, Serialize};

/// A list fixed when an activity first opens, so ballots and actions keep
/// referring to the same things even if categories change afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FrozenList {
    /// Stable keys (category or idea ids), in list order.
    pub keys: Vec<String>,
    /// What is shown, in list order.
    pub labels: Vec<String>,
}

/// The pitch timer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PitchState {
    /// The speaker on stage.
    pub speaker: Option<u32>,
    /// When time runs out (ms since the epoch), while the timer runs.
    pub ends_at_ms: Option<i64>,
    /// Time left while paused (ms).
    pub remaining_ms: Option<i64>,
}

/// What the facilitator does with the pitch timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PitchAction {
    /// Put this speaker on stage with a full, running timer.
    Start {
        /// The speaker's index.
        speaker: u32,
    },
    /// Pause the timer.
    Pause,
    /// Resume a paused timer.
    Resume,
    /// Take the speaker off stage.
    Stop,
}

impl PitchState {
    /// The timer after `action` at `now_ms`, for `speakers` speakers of
    /// `seconds` each.
    pub fn apply(
        self,
        action: PitchAction,
        now_ms: i64,
        speakers: usize,
        seconds: u32,
    ) -> Result<PitchState, DomainError> {
        Ok(match action {
            PitchAction::Start { speaker } => {
                if speaker as usize >= speakers {
                    return Err(DomainError::NoSuchOption);
                }
                PitchState {
                    speaker: Some(speaker),
                    ends_at_ms: Some(now_ms + i64::from(seconds) * 1000),
                    remaining_ms: None,
                }
            }
            PitchAction::Pause => match self.ends_at_ms {
                Some(end) => PitchState {
                    ends_at_ms: None,
                    remaining_ms: Some((end - now_ms).max(0)),
                    ..self
                },
                None => self,
            },
            PitchAction::Resume => match self.remaining_ms {
                Some(left) => PitchState {
                    ends_at_ms: Some(now_ms + left),
                    remaining_ms: None,
                    ..self
                },
                None => self,
            },
            PitchAction::Stop => PitchState::default(),
        })
    }
}

/// Everything an activity keeps in its document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityDoc {
    /// Categorising: the board.
    #[serde(default)]
    pub board: Board,
    /// A vote's candidates or an action list's priorities, once opened.
    #[serde(default)]
    pub list: Option<FrozenList>,
    /// An action list is final.
    #[serde(default)]
    pub finalised: bool,
    /// The pitch timer.
    #[serde(default)]
    pub pitch: PitchState,
    /// An idea wall is shown per table (true) or all together.
    #[serde(default)]
    pub by_author: bool,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_paused_timer_keeps_its_remaining_time() {
        let t = PitchState::default()
            .apply(PitchAction::Start { speaker: 1 }, 1_000, 3, 60)
            .unwrap();
        assert_eq!(t.ends_at_ms, Some(61_000));
        let paused = t.apply(PitchAction::Pause, 31_000, 3, 60).unwrap();
        assert_eq!(paused.remaining_ms, Some(30_000));
        let resumed = paused.apply(PitchAction::Resume, 100_000, 3, 60).unwrap();
        assert_eq!(resumed.ends_at_ms, Some(130_000));
        assert_eq!(resumed.speaker, Some(1));
        assert!(
            PitchState::default()
                .apply(PitchAction::Start { speaker: 3 }, 0, 3, 60)
                .is_err()
        );
    }
}
