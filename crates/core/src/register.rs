//! The stakeholder register (*stakeholderregister*): the people a
//! municipality works with on its youth policy, the groups they form (the
//! core group of seed 001 and others) and a log of the conversations held
//! with them (the *verdiepende gesprekken*).
//!
//! Organisations are the prevention inventory's partners, one list for both
//! ([`crate::inventory::Partner`]); a contact person may belong to one, or
//! to none (an inhabitant, a young person, an experience expert). Contact
//! details are personal data: the register keeps only what inviting and
//! calling back need, and the web layer shows them to staff only.

use crate::ids::{ContactId, ConversationId, GroupId, PartnerId};
use crate::inventory::model::{
    Check, FieldError, MAX_DESCRIPTION, MAX_NAME, MAX_SHORT, Problem, looks_like_email,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Most contact persons in one group.
pub const MAX_GROUP_MEMBERS: usize = 2000;
/// Longest phone number, in characters.
pub const MAX_PHONE: usize = 40;
/// Most people in one conversation's entry.
pub const MAX_CONVERSATION_CONTACTS: usize = 40;

/// A contact person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Id.
    pub id: ContactId,
    /// Name.
    pub name: String,
    /// The organisation it belongs to, if any.
    pub partner: Option<PartnerId>,
    /// Role or function (e.g. "intern begeleider", "jongerenwerker").
    pub role: Option<String>,
    /// E-mail address, lower case.
    pub email: Option<String>,
    /// Phone number, as typed (digits, spaces, `+`, `-`, brackets).
    pub phone: Option<String>,
}

/// A contact person as typed in a form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ContactInput {
    /// Name.
    pub name: String,
    /// Organisation: a partner id, or empty for none.
    #[serde(default)]
    pub partner: String,
    /// Role.
    #[serde(default)]
    pub role: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
}

impl ContactInput {
    /// A validated contact with this id; `partners` are the workspace's.
    pub fn validate(
        &self,
        id: ContactId,
        partners: &[PartnerId],
    ) -> Result<Contact, Vec<FieldError>> {
        let mut c = Check::default();
        let name = c.text("name", &self.name, MAX_NAME, true);
        let partner = match self.partner.trim() {
            "" => None,
            raw => match raw.parse::<PartnerId>() {
                Ok(p) if partners.contains(&p) => Some(p),
                _ => {
                    c.fail(
                        "partner",
                        Problem::Unknown {
                            value: raw.chars().take(40).collect(),
                        },
                    );
                    None
                }
            },
        };
        let role = c.text("role", &self.role, MAX_SHORT, false);
        let email = c.text("email", &self.email, MAX_SHORT, false);
        if let Some(e) = &email
            && !looks_like_email(e)
        {
            c.fail("email", Problem::NotAnEmail);
        }
        // Not through the formula check: "+31 …" is a number, not a formula,
        // and a phone holds nothing else.
        let phone = match crate::text::clean_line(&self.phone, MAX_PHONE) {
            Ok(p) if looks_like_phone(&p) => Some(p),
            Ok(_) => {
                c.fail("phone", Problem::NotAPhone);
                None
            }
            Err(crate::DomainError::TooLong { max }) => {
                c.fail("phone", Problem::TooLong { max });
                None
            }
            Err(_) => None,
        };
        let value = name.map(|name| Contact {
            id,
            name,
            partner,
            role,
            email: email.map(|e| e.to_lowercase()),
            phone,
        });
        c.done(value)
    }
}

/// Digits with the usual separators, at least six digits: "06-12345678",
/// "+31 (0)30 123 45 67".
fn looks_like_phone(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && p.chars()
            .all(|ch| ch.is_ascii_digit() || " +-()./".contains(ch))
}

/// A group of contact persons: the core group (*kerngroep*), a sounding
/// board of young people, the schools' network. Invitation lists for
/// questionnaires and consultations are built from groups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Id.
    pub id: GroupId,
    /// Name, unique within the workspace (case-insensitively).
    pub name: String,
    /// What the group is for.
    pub description: Option<String>,
    /// Whether it is the trajectory's core group.
    pub core: bool,
}

/// A group as typed in a form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GroupInput {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// "on" (a checkbox) when it is the core group.
    #[serde(default)]
    pub core: String,
}

impl GroupInput {
    /// A validated group with this id.
    pub fn validate(&self, id: GroupId) -> Result<Group, Vec<FieldError>> {
        let mut c = Check::default();
        let name = c.text("name", &self.name, MAX_NAME, true);
        let description = c.text("description", &self.description, MAX_DESCRIPTION, false);
        let core = matches!(self.core.trim(), "on" | "true" | "1" | "ja");
        c.done(name.map(|name| Group {
            id,
            name,
            description,
            core,
        }))
    }
}

/// A conversation with stakeholders, as the contact log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Id.
    pub id: ConversationId,
    /// When it was held.
    pub date: Date,
    /// The organisation it was with, if one.
    pub partner: Option<PartnerId>,
    /// The contact persons spoken with.
    pub contacts: Vec<ContactId>,
    /// Who held it on the municipality's side.
    pub held_by: String,
    /// Topic.
    pub topic: String,
    /// Notes.
    pub notes: Option<String>,
    /// What was agreed to do next, if anything.
    pub follow_up: Option<String>,
    /// By when.
    pub follow_up_due: Option<Date>,
    /// Whether the follow-up is done.
    pub follow_up_done: bool,
}

impl Conversation {
    /// Whether a follow-up is still to do.
    pub fn open_follow_up(&self) -> bool {
        self.follow_up.is_some() && !self.follow_up_done
    }
}

/// A conversation as typed in a form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ConversationInput {
    /// Date (YYYY-MM-DD or DD-MM-YYYY).
    pub date: String,
    /// Organisation: a partner id, or empty.
    #[serde(default)]
    pub partner: String,
    /// Contact person ids.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Who held it.
    #[serde(default)]
    pub held_by: String,
    /// Topic.
    #[serde(default)]
    pub topic: String,
    /// Notes.
    #[serde(default)]
    pub notes: String,
    /// Follow-up.
    #[serde(default)]
    pub follow_up: String,
    /// Follow-up due date.
    #[serde(default)]
    pub follow_up_due: String,
    /// "on" when the follow-up is done.
    #[serde(default)]
    pub follow_up_done: String,
}

impl ConversationInput {
    /// A validated conversation with this id; `partners` and `contacts` are
    /// the workspace's.
    pub fn validate(
        &self,
        id: ConversationId,
        partners: &[PartnerId],
        contacts: &[ContactId],
    ) -> Result<Conversation, Vec<FieldError>> {
        let mut c = Check::default();
        let date = if self.date.trim().is_empty() {
            c.fail("date", Problem::Missing);
            None
        } else {
            c.date("date", &self.date)
        };
        let partner = match self.partner.trim() {
            "" => None,
            raw => match raw.parse::<PartnerId>() {
                Ok(p) if partners.contains(&p) => Some(p),
                _ => {
                    c.fail(
                        "partner",
                        Problem::Unknown {
                            value: raw.chars().take(40).collect(),
                        },
                    );
                    None
                }
            },
        };
        let mut people = Vec::new();
        for raw in self
            .contacts
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match raw.parse::<ContactId>() {
                Ok(id) if contacts.contains(&id) => {
                    if !people.contains(&id) {
                        people.push(id);
                    }
                }
                _ => c.fail(
                    "contacts",
                    Problem::Unknown {
                        value: raw.chars().take(40).collect(),
                    },
                ),
            }
        }
        if people.len() > MAX_CONVERSATION_CONTACTS {
            c.fail("contacts", Problem::TooMany);
        }
        let held_by = c
            .text("held_by", &self.held_by, MAX_SHORT, false)
            .unwrap_or_default();
        let topic = c.text("topic", &self.topic, MAX_NAME, true);
        let notes = c.text("notes", &self.notes, MAX_DESCRIPTION, false);
        let follow_up = c.text("follow_up", &self.follow_up, MAX_SHORT, false);
        let follow_up_due = c.date("follow_up_due", &self.follow_up_due);
        let follow_up_done = matches!(self.follow_up_done.trim(), "on" | "true" | "1" | "ja");
        let value = match (date, topic) {
            (Some(date), Some(topic)) => Some(Conversation {
                id,
                date,
                partner,
                contacts: people,
                held_by,
                topic,
                notes,
                follow_up,
                follow_up_due,
                follow_up_done,
            }),
            _ => None,
        };
        c.done(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<(&'static str, &'static str)> {
        errors.iter().map(|e| (e.field, e.problem.key())).collect()
    }

    #[test]
    fn a_contact_is_cleaned_and_its_email_lower_cased() {
        let p = PartnerId::new();
        let input = ContactInput {
            name: "  Fatma   Yilmaz ".into(),
            partner: p.to_string(),
            role: "Intern begeleider".into(),
            email: "F.Yilmaz@School.example".into(),
            phone: "+31 (0)30 123 45 67".into(),
        };
        let c = input.validate(ContactId::new(), &[p]).unwrap();
        assert_eq!(c.name, "Fatma Yilmaz");
        assert_eq!(c.partner, Some(p));
        assert_eq!(c.email.as_deref(), Some("f.yilmaz@school.example"));
        assert_eq!(c.phone.as_deref(), Some("+31 (0)30 123 45 67"));
    }

    #[test]
    fn a_contact_refuses_what_it_cannot_keep() {
        let input = ContactInput {
            name: " ".into(),
            partner: PartnerId::new().to_string(),
            role: "=HYPERLINK(\"x\")".into(),
            email: "not an address".into(),
            phone: "call me".into(),
        };
        let e = input.validate(ContactId::new(), &[]).unwrap_err();
        assert_eq!(
            fields(&e),
            vec![
                ("name", "missing"),
                ("partner", "unknown"),
                ("role", "formula"),
                ("email", "not-an-email"),
                ("phone", "not-a-phone"),
            ]
        );
    }

    #[test]
    fn phone_numbers_need_digits_and_nothing_else() {
        assert!(looks_like_phone("06-12345678"));
        assert!(looks_like_phone("030 123 4567"));
        assert!(!looks_like_phone("12345"));
        assert!(!looks_like_phone("06-1234567x"));
        assert!(!looks_like_phone(&"1".repeat(21)));
        assert!(!looks_like_phone("=1+2"));
    }

    #[test]
    fn a_group_is_core_only_when_ticked() {
        let g = GroupInput {
            name: "Kerngroep".into(),
            description: String::new(),
            core: "on".into(),
        }
        .validate(GroupId::new())
        .unwrap();
        assert!(g.core);
        assert_eq!(g.description, None);
        let g = GroupInput {
            name: "Klankbord".into(),
            ..GroupInput::default()
        }
        .validate(GroupId::new())
        .unwrap();
        assert!(!g.core);
    }

    #[test]
    fn a_conversation_knows_its_people_once_and_only_known_ones() {
        let (a, b) = (ContactId::new(), ContactId::new());
        let input = ConversationInput {
            date: "14-03-2026".into(),
            contacts: vec![a.to_string(), a.to_string(), b.to_string(), String::new()],
            topic: "Verdiepend gesprek over weerbaarheid".into(),
            follow_up: "Cijfers nasturen".into(),
            follow_up_due: "2026-03-21".into(),
            ..ConversationInput::default()
        };
        let c = input.validate(ConversationId::new(), &[], &[a, b]).unwrap();
        assert_eq!(c.contacts, vec![a, b]);
        assert_eq!(c.date, jiff::civil::date(2026, 3, 14));
        assert!(c.open_follow_up());

        let stranger = ContactId::new();
        let bad = ConversationInput {
            date: "gisteren".into(),
            contacts: vec![stranger.to_string()],
            topic: String::new(),
            ..ConversationInput::default()
        };
        let e = bad.validate(ConversationId::new(), &[], &[a]).unwrap_err();
        assert_eq!(
            fields(&e),
            vec![
                ("date", "not-a-date"),
                ("contacts", "unknown"),
                ("topic", "missing")
            ]
        );
    }

    #[test]
    fn a_conversation_needs_a_date() {
        let e = ConversationInput {
            topic: "Kennismaking".into(),
            ..ConversationInput::default()
        }
        .validate(ConversationId::new(), &[], &[])
        .unwrap_err();
        assert_eq!(fields(&e), vec![("date", "missing")]);
    }
}
