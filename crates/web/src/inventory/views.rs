//! The inventory's pages (askama templates, escaped) and the small view
//! models they show. Enum values are shown by their translation
//! (`inv-level-universal`, …); list items by their workspace label.

use crate::i18n::Tr;
use crate::views::pages::Chrome;
use askama::Template;
use koers_core::inventory::{FieldError, Problem};

/// A choice in a form: a checkbox, radio button or option.
#[derive(Clone, Debug)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
    /// Ticked or selected.
    pub checked: bool,
    /// A hint beside the label (e.g. "risk" for a factor).
    pub hint: String,
}

impl Choice {
    /// A choice.
    pub fn new(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            checked,
            hint: String::new(),
        }
    }
}

/// A group of choices with its field's name, legend and error.
#[derive(Clone, Debug)]
pub struct ChoiceGroup {
    /// Field name.
    pub name: &'static str,
    /// Legend.
    pub legend: String,
    /// Choices.
    pub choices: Vec<Choice>,
    /// Why the value was refused.
    pub error: Option<String>,
}

/// The messages of a refused form, per field.
#[derive(Clone, Debug, Default)]
pub struct Errors(pub Vec<(&'static str, String)>);

impl Errors {
    /// Translated messages for field errors.
    pub fn from_fields(t: &Tr, errors: &[FieldError]) -> Errors {
        Errors(
            errors
                .iter()
                .map(|e| (e.field, problem(t, &e.problem)))
                .collect(),
        )
    }

    /// The message for one field, if any (several joined).
    pub fn get(&self, field: &str) -> Option<String> {
        let msgs: Vec<&str> = self
            .0
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
            .collect();
        (!msgs.is_empty()).then(|| msgs.join(" "))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A problem as a sentence.
pub fn problem(t: &Tr, p: &Problem) -> String {
    let key = format!("inv-problem-{}", p.key());
    match p {
        Problem::TooLong { max } => t.t1(&key, "max", *max as i64),
        Problem::NotANumber { max } => t.t1(&key, "max", i64::try_from(*max).unwrap_or(i64::MAX)),
        Problem::Unknown { value } => t.t1(&key, "value", value.clone()),
        _ => t.t(&key),
    }
}

/// The inventory's section links, with the current one marked.
#[derive(Clone, Debug)]
pub struct Nav {
    /// Which section is shown (`offers`, `matrix`, …).
    pub current: &'static str,
    /// Signed in as staff.
    pub staff: bool,
    /// The workspace's name.
    pub workspace: String,
}

/// One activity in the list.
#[derive(Clone, Debug)]
pub struct OfferRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Providers' names.
    pub providers: String,
    /// Prevention level key.
    pub level: &'static str,
    /// Age groups' labels.
    pub ages: String,
    /// Evidence key.
    pub evidence: &'static str,
    /// Reach per year.
    pub reach: String,
    /// The viewer may change it.
    pub editable: bool,
}

/// The activities.
#[derive(Template)]
#[template(path = "inventory/offers.html")]
pub struct OffersPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Activities shown.
    pub rows: Vec<OfferRow>,
    /// All activities of the inventory.
    pub total: usize,
    /// Partner filter choices.
    pub partners: Vec<Choice>,
    /// Search text.
    pub q: String,
    /// What the last change did.
    pub notice: Option<String>,
}

/// The activity form (new or existing).
#[derive(Template)]
#[template(path = "inventory/offer_form.html")]
pub struct OfferFormPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Heading.
    pub heading: String,
    /// Where the form posts.
    pub action: String,
    /// Id when editing.
    pub id: Option<String>,
    /// Text fields' values: name, description, reach, cost, funding, start, end.
    pub name: String,
    /// Description.
    pub description: String,
    /// Reach.
    pub reach: String,
    /// Cost.
    pub cost: String,
    /// Funding.
    pub funding: String,
    /// Start date (ISO).
    pub start: String,
    /// End date (ISO).
    pub end: String,
    /// Radio and checkbox groups, in form order.
    pub groups: Vec<ChoiceGroup>,
    /// Results with their statements.
    pub results: Vec<ResultChoice>,
    /// Field errors.
    pub errors: Errors,
    /// Where the values came from (an evening's action), if not blank.
    pub notice: Option<String>,
}

impl OfferFormPage {
    /// The one-line fields after the choices: name, label key, value.
    pub fn text_fields(&self) -> [(&'static str, &'static str, &str); 5] {
        [
            ("reach", "inv-field-reach", &self.reach),
            ("cost", "inv-field-cost", &self.cost),
            ("funding", "inv-field-funding", &self.funding),
            ("start", "inv-field-start", &self.start),
            ("end", "inv-field-end", &self.end),
        ]
    }
}

/// A result on the activity form: ticked or not, with its statement.
#[derive(Clone, Debug)]
pub struct ResultChoice {
    /// Result id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Ticked.
    pub checked: bool,
    /// "We doen …, zodat …".
    pub statement: String,
}

/// A labelled value on the activity page.
#[derive(Clone, Debug)]
pub struct Fact {
    /// Label.
    pub label: String,
    /// Value.
    pub value: String,
}

/// A change as shown: when, who, what, and each field.
#[derive(Clone, Debug)]
pub struct ChangeRow {
    /// When, local time.
    pub at: String,
    /// Who.
    pub who: String,
    /// Record kind's translation key suffix.
    pub kind: String,
    /// Record name.
    pub name: String,
    /// Link to the record, if it still exists and is shown anywhere.
    pub href: Option<String>,
    /// Action key.
    pub action: String,
    /// Changed fields: name, before, after.
    pub fields: Vec<(String, String, String)>,
}

/// One activity, with its history.
#[derive(Template)]
#[template(path = "inventory/offer.html")]
pub struct OfferPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Results with statements.
    pub results: Vec<Fact>,
    /// The viewer may change it.
    pub editable: bool,
    /// The viewer may delete it.
    pub deletable: bool,
    /// Its history, newest first.
    pub history: Vec<ChangeRow>,
}

/// The change log.
#[derive(Template)]
#[template(path = "inventory/changes.html")]
pub struct ChangesPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Newest first.
    pub rows: Vec<ChangeRow>,
}

/// One partner in the list.
#[derive(Clone, Debug)]
pub struct PartnerRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type label.
    pub kind: String,
    /// Role key.
    pub role: &'static str,
    /// Contact name and e-mail (staff only).
    pub contact: String,
    /// Number of activities provided.
    pub offers: usize,
    /// Accounts of its contact persons.
    pub accounts: usize,
}

impl PartnerFormPage {
    /// The text fields: name, label key, value.
    pub fn text_fields(&self) -> [(&'static str, &'static str, &str); 3] {
        [
            ("name", "inv-field-name", &self.name),
            ("contact_name", "inv-field-contact-name", &self.contact_name),
            (
                "contact_email",
                "inv-field-contact-email",
                &self.contact_email,
            ),
        ]
    }
}

/// The partners.
#[derive(Template)]
#[template(path = "inventory/partners.html")]
pub struct PartnersPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Partners.
    pub rows: Vec<PartnerRow>,
    /// What the last change did.
    pub notice: Option<String>,
    /// An invitation link just made, shown once.
    pub invite_link: Option<String>,
}

/// The partner form.
#[derive(Template)]
#[template(path = "inventory/partner_form.html")]
pub struct PartnerFormPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Id when editing.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// Contact name.
    pub contact_name: String,
    /// Contact e-mail.
    pub contact_email: String,
    /// Type and role choices.
    pub groups: Vec<ChoiceGroup>,
    /// Field errors.
    pub errors: Errors,
}

/// One result in the list.
#[derive(Clone, Debug)]
pub struct ResultRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Indicator.
    pub indicator: String,
    /// "2024: 78" or empty.
    pub baseline: String,
    /// "2028: 85" or empty.
    pub target: String,
    /// Number of activities contributing.
    pub offers: usize,
}

/// The societal results.
#[derive(Template)]
#[template(path = "inventory/results.html")]
pub struct ResultsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Results.
    pub rows: Vec<ResultRow>,
    /// What the last change did.
    pub notice: Option<String>,
}

/// The result form.
#[derive(Template)]
#[template(path = "inventory/result_form.html")]
pub struct ResultFormPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Id when editing.
    pub id: Option<String>,
    /// Fields: name, label key, value.
    pub fields: Vec<(&'static str, &'static str, String)>,
    /// Field errors.
    pub errors: Errors,
}

/// One list on the lists page.
#[derive(Clone, Debug)]
pub struct ListView {
    /// List kind name.
    pub kind: &'static str,
    /// One line per item.
    pub text: String,
    /// Why the last change was refused.
    pub error: Option<String>,
}

/// The workspace's lists.
#[derive(Template)]
#[template(path = "inventory/lists.html")]
pub struct ListsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: Nav,
    /// Lists.
    pub lists: Vec<ListView>,
    /// What the last change did.
    pub notice: Option<String>,
}

/// The page of an invitation link: set a name and password.
#[derive(Template)]
#[template(path = "inventory/invite.html")]
pub struct InvitePage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// The partner's name.
    pub partner: String,
    /// The login address.
    pub email: String,
    /// Usable (not used, not expired).
    pub open: bool,
    /// Why the form was refused.
    pub error: Option<String>,
}
