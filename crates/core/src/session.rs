//! The rules of a live session: what the facilitator's controls do and when
//! an answer is accepted. Pure functions over the session's state; the
//! storage layer loads the state, asks these functions, and stores the
//! events they return in the same transaction.

use crate::activity::{ActivityState, Audience};
use crate::error::DomainError;
use crate::event::{Respondent, SessionEvent};
use crate::ids::ActivityId;
use serde::{Deserialize, Serialize};

/// The session-wide state the rules look at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionFlags {
    /// Locked: no joining, no answering.
    pub locked: bool,
    /// The activity on the screen and the phones.
    pub current: Option<ActivityId>,
}

/// The state of one activity as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityStatus {
    /// The activity.
    pub id: ActivityId,
    /// Open, closed or pending.
    pub state: ActivityState,
    /// Whether results are shown.
    pub results_visible: bool,
    /// Who answers it.
    pub audience: Audience,
    /// A quiz question's answer is revealed.
    pub revealed: bool,
}

/// A facilitator's steering command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", content = "activity_id", rename_all = "snake_case")]
pub enum Control {
    /// Show this activity on the screen and phones (without opening it);
    /// `None` shows the welcome with the join code.
    Show(Option<ActivityId>),
    /// Open this activity for answers (and show it).
    Open(ActivityId),
    /// Stop accepting answers.
    Close(ActivityId),
    /// Show the results on the screen and phones.
    ShowResults(ActivityId),
    /// Hide the results.
    HideResults(ActivityId),
    /// Reveal a quiz question's answer (closing it first, showing results).
    Reveal(ActivityId),
    /// Lock the session: close what is open, refuse joins and answers.
    Lock,
    /// Accept joins again (activities stay closed until opened).
    Unlock,
}

/// Decides what a control command changes. An empty list means it changes
/// nothing (e.g. closing what is already closed): controls are idempotent, so
/// a double click or a retried request is harmless.
pub fn decide_control(
    flags: &SessionFlags,
    activities: &[ActivityStatus],
    cmd: Control,
) -> Result<Vec<SessionEvent>, DomainError> {
    let find = |id: ActivityId| {
        activities
            .iter()
            .find(|a| a.id == id)
            .ok_or(DomainError::NotFound)
    };
    let mut events = Vec::new();
    match cmd {
        Control::Show(target) => {
            if let Some(id) = target {
                find(id)?;
            }
            if flags.current != target {
                events.push(SessionEvent::ActivityShown {
                    activity_id: target,
                });
            }
        }
        Control::Open(id) => {
            let a = find(id)?;
            if flags.locked {
                return Err(DomainError::SessionLocked);
            }
            if flags.current != Some(id) {
                events.push(SessionEvent::ActivityShown {
                    activity_id: Some(id),
                });
            }
            if a.state != ActivityState::Open {
                events.push(SessionEvent::ActivityOpened { activity_id: id });
            }
        }
        Control::Close(id) => {
            if find(id)?.state == ActivityState::Open {
                events.push(SessionEvent::ActivityClosed { activity_id: id });
            }
        }
        Control::ShowResults(id) => {
            if !find(id)?.results_visible {
                events.push(SessionEvent::ResultsShown { activity_id: id });
            }
        }
        Control::HideResults(id) => {
            if find(id)?.results_visible {
                events.push(SessionEvent::ResultsHidden { activity_id: id });
            }
        }
        Control::Reveal(id) => {
            let a = find(id)?;
            if a.state == ActivityState::Open {
                events.push(SessionEvent::ActivityClosed { activity_id: id });
            }
            if !a.results_visible {
                events.push(SessionEvent::ResultsShown { activity_id: id });
            }
            if !a.revealed {
                events.push(SessionEvent::AnswerRevealed { activity_id: id });
            }
        }
        Control::Lock => {
            if !flags.locked {
                events.extend(
                    activities
                        .iter()
                        .filter(|a| a.state == ActivityState::Open)
                        .map(|a| SessionEvent::ActivityClosed { activity_id: a.id }),
                );
                events.push(SessionEvent::SessionLocked);
            }
        }
        Control::Unlock => {
            if flags.locked {
                events.push(SessionEvent::SessionUnlocked);
            }
        }
    }
    Ok(events)
}

/// Applies a control event to the in-memory state (the storage layer does the
/// same to its tables). Events that do not concern the controls are ignored.
pub fn evolve(flags: &mut SessionFlags, activities: &mut [ActivityStatus], event: &SessionEvent) {
    let mut set = |id: &ActivityId, f: &dyn Fn(&mut ActivityStatus)| {
        if let Some(a) = activities.iter_mut().find(|a| a.id == *id) {
            f(a);
        }
    };
    match event {
        SessionEvent::ActivityShown { activity_id } => flags.current = *activity_id,
        SessionEvent::ActivityOpened { activity_id } => {
            set(activity_id, &|a| a.state = ActivityState::Open)
        }
        SessionEvent::ActivityClosed { activity_id } => {
            set(activity_id, &|a| a.state = ActivityState::Closed)
        }
        SessionEvent::ResultsShown { activity_id } => {
            set(activity_id, &|a| a.results_visible = true)
        }
        SessionEvent::ResultsHidden { activity_id } => {
            set(activity_id, &|a| a.results_visible = false)
        }
        SessionEvent::AnswerRevealed { activity_id } => set(activity_id, &|a| a.revealed = true),
        SessionEvent::SessionLocked => flags.locked = true,
        SessionEvent::SessionUnlocked => flags.locked = false,
        _ => {}
    }
}

/// Whether `respondent` may answer (or change or withdraw its answer to) the
/// activity now. The storage layer asks this inside the same transaction that
/// stores the answer, so an answer is either accepted before the facilitator
/// closes the activity, or refused after: never acknowledged and then lost.
pub fn check_answer_allowed(
    flags: &SessionFlags,
    activity: &ActivityStatus,
    respondent: &Respondent,
) -> Result<(), DomainError> {
    if flags.locked {
        return Err(DomainError::SessionLocked);
    }
    if activity.state != ActivityState::Open {
        return Err(DomainError::ActivityNotOpen);
    }
    respondent.check_audience(activity.audience)
}

/// Whether a new device may join.
pub fn check_join_allowed(flags: &SessionFlags) -> Result<(), DomainError> {
    if flags.locked {
        Err(DomainError::SessionLocked)
    } else {
        Ok(())
    }
}

/// The activity before or after `current` in agenda order (for the
/// facilitator's "previous" and "next").
pub fn neighbour(
    ordered: &[ActivityId],
    current: Option<ActivityId>,
    forward: bool,
) -> Option<ActivityId> {
    let Some(cur) = current else {
        return if forward {
            ordered.first().copied()
        } else {
            None
        };
    };
    let i = ordered.iter().position(|a| *a == cur)?;
    if forward {
        ordered.get(i + 1).copied()
    } else {
        i.checked_sub(1).and_then(|j| ordered.get(j).copied())
    }
}

#[cfg(test)]
mod tests;
