//! The register's pages (askama templates, escaped) and their rows.

use crate::i18n::Tr;
use crate::inventory::views::Errors;
use crate::views::pages::Chrome;
use askama::Template;

/// The register's section links, with the current one marked.
#[derive(Clone, Debug)]
pub struct RegNav {
    /// Which section is shown (`contacts`, `organisations`, `groups`, `conversations`).
    pub current: &'static str,
    /// The workspace's name.
    pub workspace: String,
}

/// An option of a select or a checkbox.
#[derive(Clone, Debug)]
pub struct Opt {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
    /// Selected or ticked.
    pub selected: bool,
}

/// A contact person in a list.
#[derive(Clone, Debug)]
pub struct ContactRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Organisation's name, or "".
    pub organisation: String,
    /// Role.
    pub role: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Names of its groups, joined.
    pub groups: String,
}

/// The contact persons.
#[derive(Template)]
#[template(path = "register/contacts.html")]
pub struct ContactsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// The rows shown.
    pub rows: Vec<ContactRow>,
    /// How many there are in all.
    pub total: usize,
    /// The search text.
    pub q: String,
    /// Organisations to filter by.
    pub organisations: Vec<Opt>,
    /// A notice (saved, erased).
    pub notice: Option<String>,
}

/// A text field of a form: (name, label key, value, input type).
pub type Field = (&'static str, &'static str, String, &'static str);

/// The contact person form.
#[derive(Template)]
#[template(path = "register/contact_form.html")]
pub struct ContactFormPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// The contact's id when editing.
    pub id: Option<String>,
    /// Text fields.
    pub fields: Vec<Field>,
    /// Organisations (the first is "none").
    pub organisations: Vec<Opt>,
    /// Refusals per field.
    pub errors: Errors,
}

/// A conversation in a list.
#[derive(Clone, Debug)]
pub struct ConversationRow {
    /// Id.
    pub id: String,
    /// Date, as shown.
    pub date: String,
    /// Organisation's name, or "".
    pub organisation: String,
    /// The people, joined.
    pub people: String,
    /// Who held it.
    pub held_by: String,
    /// Topic.
    pub topic: String,
    /// Notes.
    pub notes: String,
    /// Follow-up, or "".
    pub follow_up: String,
    /// Its due date, or "".
    pub due: String,
    /// Whether the follow-up is still open.
    pub open: bool,
    /// Whether it is open and past its date.
    pub overdue: bool,
}

/// One contact person, with its groups and conversations, and what a
/// data-protection request needs.
#[derive(Template)]
#[template(path = "register/contact.html")]
pub struct ContactPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// The person.
    pub contact: ContactRow,
    /// Its groups: (id, name).
    pub groups: Vec<(String, String)>,
    /// Groups it can join.
    pub other_groups: Vec<Opt>,
    /// Its conversations.
    pub conversations: Vec<ConversationRow>,
    /// Partner accounts with its e-mail address (names only).
    pub accounts: usize,
    /// A notice.
    pub notice: Option<String>,
}

/// Confirming an erasure.
#[derive(Template)]
#[template(path = "register/erase.html")]
pub struct ErasePage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// The person.
    pub contact: ContactRow,
    /// Its memberships.
    pub memberships: usize,
    /// Its conversations.
    pub conversations: usize,
}

/// An organisation with its people.
#[derive(Clone, Debug)]
pub struct OrganisationRow {
    /// Partner id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type, as shown.
    pub kind: String,
    /// Its contact persons: (id, name, role).
    pub contacts: Vec<(String, String, String)>,
    /// Its conversations.
    pub conversations: usize,
    /// Its activities in the inventory.
    pub offers: usize,
}

/// The organisations (the inventory's partners) with their people.
#[derive(Template)]
#[template(path = "register/organisations.html")]
pub struct OrganisationsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// Rows.
    pub rows: Vec<OrganisationRow>,
}

/// A group in the list.
#[derive(Clone, Debug)]
pub struct GroupRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// The core group.
    pub core: bool,
    /// Members.
    pub members: usize,
    /// Organisations among its members.
    pub organisations: usize,
}

/// The groups, and a form for a new one.
#[derive(Template)]
#[template(path = "register/groups.html")]
pub struct GroupsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// Rows.
    pub rows: Vec<GroupRow>,
    /// The new group's fields as typed (after a refusal).
    pub name: String,
    /// Description as typed.
    pub description: String,
    /// Refusals.
    pub errors: Errors,
    /// A notice.
    pub notice: Option<String>,
}

/// One group: its members, who can be added, and its invitation list.
#[derive(Template)]
#[template(path = "register/group.html")]
pub struct GroupPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// The group.
    pub group: GroupRow,
    /// Members.
    pub members: Vec<ContactRow>,
    /// Members without an e-mail address (not on the invitation list).
    pub without_email: usize,
    /// Contact persons not in it.
    pub candidates: Vec<ContactRow>,
    /// Refusals of the edit form.
    pub errors: Errors,
    /// A notice.
    pub notice: Option<String>,
}

/// The conversation log.
#[derive(Template)]
#[template(path = "register/conversations.html")]
pub struct ConversationsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// Rows.
    pub rows: Vec<ConversationRow>,
    /// Only open follow-ups are shown.
    pub open_only: bool,
    /// Open follow-ups in all.
    pub open_count: usize,
    /// A notice.
    pub notice: Option<String>,
}

/// The conversation form.
#[derive(Template)]
#[template(path = "register/conversation_form.html")]
pub struct ConversationFormPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Section links.
    pub nav: RegNav,
    /// Its id when editing.
    pub id: Option<String>,
    /// Text fields before the people.
    pub fields: Vec<Field>,
    /// Notes.
    pub notes: String,
    /// Follow-up fields.
    pub follow_fields: Vec<Field>,
    /// Follow-up done.
    pub done: bool,
    /// Organisations (the first is "none").
    pub organisations: Vec<Opt>,
    /// People to tick.
    pub people: Vec<Opt>,
    /// Refusals.
    pub errors: Errors,
}
