use super::*;
use crate::ids::{ParticipantId, TableId};
use proptest::prelude::*;

fn status(id: ActivityId, state: ActivityState) -> ActivityStatus {
    ActivityStatus {
        id,
        state,
        results_visible: false,
        audience: Audience::Individuals,
        revealed: false,
    }
}

fn run(
    flags: &mut SessionFlags,
    acts: &mut [ActivityStatus],
    cmd: Control,
) -> Result<Vec<SessionEvent>, DomainError> {
    let events = decide_control(flags, acts, cmd)?;
    for e in &events {
        evolve(flags, acts, e);
    }
    Ok(events)
}

#[test]
fn opening_shows_and_opens_and_a_second_open_changes_nothing() {
    let a = ActivityId::new();
    let mut flags = SessionFlags::default();
    let mut acts = vec![status(a, ActivityState::Pending)];
    let ev = run(&mut flags, &mut acts, Control::Open(a)).unwrap();
    assert_eq!(
        ev,
        vec![
            SessionEvent::ActivityShown {
                activity_id: Some(a)
            },
            SessionEvent::ActivityOpened { activity_id: a }
        ]
    );
    assert_eq!(
        run(&mut flags, &mut acts, Control::Open(a)).unwrap(),
        vec![]
    );
}

#[test]
fn a_closed_activity_can_be_opened_again() {
    let a = ActivityId::new();
    let mut flags = SessionFlags::default();
    let mut acts = vec![status(a, ActivityState::Closed)];
    run(&mut flags, &mut acts, Control::Open(a)).unwrap();
    assert_eq!(acts[0].state, ActivityState::Open);
}

#[test]
fn locking_closes_everything_open_and_refuses_opening() {
    let (a, b) = (ActivityId::new(), ActivityId::new());
    let mut flags = SessionFlags::default();
    let mut acts = vec![
        status(a, ActivityState::Open),
        status(b, ActivityState::Pending),
    ];
    run(&mut flags, &mut acts, Control::Lock).unwrap();
    assert!(flags.locked);
    assert_eq!(acts[0].state, ActivityState::Closed);
    assert_eq!(
        run(&mut flags, &mut acts, Control::Open(b)),
        Err(DomainError::SessionLocked)
    );
    run(&mut flags, &mut acts, Control::Unlock).unwrap();
    assert!(run(&mut flags, &mut acts, Control::Open(b)).is_ok());
}

#[test]
fn unknown_activities_are_not_found() {
    let mut flags = SessionFlags::default();
    let mut acts: Vec<ActivityStatus> = vec![];
    assert_eq!(
        run(&mut flags, &mut acts, Control::Open(ActivityId::new())),
        Err(DomainError::NotFound)
    );
    assert_eq!(
        run(
            &mut flags,
            &mut acts,
            Control::Show(Some(ActivityId::new()))
        ),
        Err(DomainError::NotFound)
    );
}

#[test]
fn answers_need_an_open_activity_an_unlocked_session_and_the_right_audience() {
    let a = ActivityId::new();
    let phone = Respondent::Participant(ParticipantId::new());
    let tablet = Respondent::Table(TableId::new());
    let flags = SessionFlags::default();
    let mut act = status(a, ActivityState::Pending);
    assert_eq!(
        check_answer_allowed(&flags, &act, &phone),
        Err(DomainError::ActivityNotOpen)
    );
    act.state = ActivityState::Open;
    assert_eq!(check_answer_allowed(&flags, &act, &phone), Ok(()));
    assert_eq!(
        check_answer_allowed(&flags, &act, &tablet),
        Err(DomainError::ForIndividualsOnly)
    );
    act.audience = Audience::Tables;
    assert_eq!(
        check_answer_allowed(&flags, &act, &phone),
        Err(DomainError::ForTablesOnly)
    );
    assert_eq!(check_answer_allowed(&flags, &act, &tablet), Ok(()));
    act.audience = Audience::Everyone;
    assert_eq!(check_answer_allowed(&flags, &act, &phone), Ok(()));
    let locked = SessionFlags {
        locked: true,
        current: None,
    };
    assert_eq!(
        check_answer_allowed(&locked, &act, &phone),
        Err(DomainError::SessionLocked)
    );
}

#[test]
fn previous_and_next_follow_the_agenda() {
    let ids: Vec<ActivityId> = (0..3).map(|_| ActivityId::new()).collect();
    assert_eq!(neighbour(&ids, None, true), Some(ids[0]));
    assert_eq!(neighbour(&ids, Some(ids[0]), true), Some(ids[1]));
    assert_eq!(neighbour(&ids, Some(ids[2]), true), None);
    assert_eq!(neighbour(&ids, Some(ids[0]), false), None);
    assert_eq!(neighbour(&ids, Some(ids[2]), false), Some(ids[1]));
}

fn control_strategy(n: usize) -> impl Strategy<Value = (u8, usize)> {
    (0u8..7, 0..n)
}

proptest! {
    /// Whatever the facilitator clicks, in whatever order: a locked session
    /// has nothing open, every emitted event changes the state, and the
    /// current activity is always one of the session's.
    #[test]
    fn control_sequences_keep_the_invariants(cmds in proptest::collection::vec(control_strategy(4), 0..60)) {
        let ids: Vec<ActivityId> = (0..4).map(|_| ActivityId::new()).collect();
        let mut flags = SessionFlags::default();
        let mut acts: Vec<ActivityStatus> = ids.iter().map(|&id| status(id, ActivityState::Pending)).collect();
        for (op, i) in cmds {
            let id = ids[i];
            let cmd = match op {
                0 => Control::Show(Some(id)),
                1 => Control::Open(id),
                2 => Control::Close(id),
                3 => Control::ShowResults(id),
                4 => Control::HideResults(id),
                5 => Control::Lock,
                _ => Control::Unlock,
            };
            let before = (flags.clone(), acts.clone());
            match run(&mut flags, &mut acts, cmd) {
                Ok(events) => prop_assert_eq!(events.is_empty(), before == (flags.clone(), acts.clone())),
                Err(e) => {
                    prop_assert_eq!(e, DomainError::SessionLocked);
                    prop_assert_eq!(before, (flags.clone(), acts.clone()));
                }
            }
            if flags.locked {
                prop_assert!(acts.iter().all(|a| a.state != ActivityState::Open));
            }
            if let Some(c) = flags.current {
                prop_assert!(ids.contains(&c));
            }
        }
    }
}
