//! Typed identifiers, so a session id can never be passed where an activity id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Uuid))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered (v7) id.
            #[allow(clippy::new_without_default)]
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// A workspace: a municipality, or a region sharing one installation.
    WorkspaceId
);
id_type!(
    /// A staff account (facilitator or administrator).
    UserId
);
id_type!(
    /// A live session (an evening).
    SessionId
);
id_type!(
    /// A step of a session's agenda (e.g. "Kennismaken").
    StepId
);
id_type!(
    /// An activity on the agenda (a poll, later a quiz, an idea wall, …).
    ActivityId
);
id_type!(
    /// A joined device: a participant's phone or a table's tablet.
    ParticipantId
);
id_type!(
    /// A table group.
    TableId
);
id_type!(
    /// The id a client generates for one submission, so a retry is applied once.
    ClientId
);
id_type!(
    /// A contribution on a shared list: an idea, an action, a question, pitch feedback.
    ItemId
);
id_type!(
    /// A category formed while categorising ideas.
    CategoryId
);
id_type!(
    /// An organisation in the prevention inventory and the stakeholder register.
    PartnerId
);
id_type!(
    /// A person in the stakeholder register (a contact person).
    ContactId
);
id_type!(
    /// A group of the stakeholder register (e.g. the core group).
    GroupId
);
id_type!(
    /// A conversation in the stakeholder register's contact log.
    ConversationId
);
id_type!(
    /// A societal result (*maatschappelijk resultaat*) of the inventory.
    ResultId
);
id_type!(
    /// An activity of the prevention inventory (a piece of the preventive offer).
    OfferId
);
id_type!(
    /// A questionnaire (*vragenlijst*) of a workspace.
    QuestionnaireId
);
id_type!(
    /// A question of a questionnaire; answers refer to it, so it stays the
    /// same while the question's text is edited.
    QuestionId
);
id_type!(
    /// One respondent's response to a questionnaire, saved or submitted.
    ResponseId
);
