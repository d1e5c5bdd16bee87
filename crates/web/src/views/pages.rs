//! Whole pages.

use crate::i18n::Tr;
use askama::Template;
use koers_core::org::OrgType;

/// What every page's frame needs.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// CSRF token for the page's forms.
    pub csrf: String,
    /// A theme stylesheet is configured.
    pub theme: bool,
    /// Signed-in staff member's name.
    pub user: Option<String>,
    /// Signed in as staff (not as a partner's contact person).
    pub staff: bool,
    /// CSS class of `<body>`.
    pub body_class: &'static str,
    /// This page's path (the language switch returns here).
    pub path: String,
    /// Where the brand links to.
    pub home: &'static str,
    /// Version of the assets, for cache busting.
    pub asset_version: &'static str,
}

/// An error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Translations.
    pub t: Tr,
    /// Frame (no forms: no CSRF token at hand).
    pub chrome: Chrome,
    /// HTTP status.
    pub status: u16,
    /// The message.
    pub message: String,
}

impl Chrome {
    /// The minimal frame of error pages.
    pub fn minimal() -> Chrome {
        Chrome {
            home: "/",
            asset_version: crate::routes::assets::version(),
            ..Chrome::default()
        }
    }
}

/// The join page (code entry).
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// What was typed.
    pub code: String,
    /// Why it was refused.
    pub error: Option<String>,
}

/// Joining a found session: optional name and organisation type.
#[derive(Template)]
#[template(path = "join.html")]
pub struct JoinPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session title.
    pub title: String,
    /// The join code.
    pub code: String,
    /// The session's organisation types.
    pub org_types: Vec<OrgType>,
    /// Name typed before an error.
    pub display_name: String,
    /// Organisation chosen before an error.
    pub org_type: String,
    /// Why joining failed.
    pub error: Option<String>,
}

/// A phone's or tablet's page.
#[derive(Template)]
#[template(path = "participant.html")]
pub struct ParticipantPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session title.
    pub title: String,
    /// The join code.
    pub code: String,
    /// "Tafel 3", a name, or "Anoniem".
    pub device_label: String,
    /// Whether this device is a table's tablet.
    pub is_tablet: bool,
    /// The first render of the activity fragment.
    pub activity_html: String,
    /// The participant's name.
    pub display_name: String,
    /// The participant's organisation type.
    pub org_type: String,
    /// The session's organisation types.
    pub org_types: Vec<OrgType>,
    /// Data for the page script (escaped JSON).
    pub data_json: String,
    /// A message after a form was sent without JavaScript.
    pub notice: Option<String>,
}

/// A tablet about to join as a table.
#[derive(Template)]
#[template(path = "table_join.html")]
pub struct TableJoinPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session title.
    pub title: String,
    /// Table name.
    pub table: String,
    /// The link's token (form action).
    pub token: String,
}

/// The projector screen.
#[derive(Template)]
#[template(path = "screen.html")]
pub struct ScreenPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session title.
    pub title: String,
    /// First render of the main area.
    pub main_html: String,
    /// First render of the top bar.
    pub bar_html: String,
    /// Data for the page script (escaped JSON).
    pub data_json: String,
}

/// Staff login.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Where to go after login.
    pub next: String,
    /// The e-mail typed.
    pub email: String,
}

/// The accessibility statement.
#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
}

/// The privacy statement.
#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
}

/// A row of the sessions list.
#[derive(Clone, Debug)]
pub struct SessionRow {
    /// Session id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Join code.
    pub code: String,
    /// Activities on the agenda.
    pub activities: i64,
    /// Devices joined.
    pub devices: i64,
    /// Creation date.
    pub created: String,
    /// Locked.
    pub locked: bool,
}

/// The sessions of a workspace, and the form to create one.
#[derive(Template)]
#[template(path = "console/sessions.html")]
pub struct SessionsPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Workspace name.
    pub workspace: String,
    /// The sessions.
    pub sessions: Vec<SessionRow>,
    /// Templates to start from: (key, label).
    pub templates: Vec<(String, String)>,
    /// Why creating failed.
    pub error: Option<String>,
}

/// The form to set or remove the workspace's logo.
#[derive(Template)]
#[template(path = "console/logo.html")]
pub struct LogoPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Workspace name (the logo is the workspace's).
    pub workspace: String,
    /// A logo is set (the preview shows it).
    pub has_logo: bool,
    /// Largest file accepted, in KiB.
    pub max_kib: i64,
    /// Largest width and height, in pixels.
    pub max_px: i64,
    /// What the last change did.
    pub notice: Option<String>,
    /// Why the last upload was refused.
    pub error: Option<String>,
}

/// The form that imports a session archive.
#[derive(Template)]
#[template(path = "console/import.html")]
pub struct ImportPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Workspace name (the archive becomes a session there).
    pub workspace: String,
    /// Largest file accepted, in MiB.
    pub max_mb: i64,
    /// Why the last upload was refused.
    pub error: Option<String>,
}

/// The fields of the add/edit activity form.
#[derive(Clone, Debug, Default)]
pub struct ActivityForm {
    /// Where the form posts.
    pub action: String,
    /// The question.
    pub title: String,
    /// Kinds to choose from: (name, label).
    pub kinds: Vec<(String, String)>,
    /// A matrix's axes to choose from: (key, label).
    pub axes: Vec<(String, String)>,
    /// The chosen kind.
    pub kind: String,
    /// Options, one per line.
    pub options: String,
    /// Maximum choices.
    pub max_choices: String,
    /// Scale minimum.
    pub scale_min: String,
    /// Scale maximum.
    pub scale_max: String,
    /// Label of the scale minimum.
    pub min_label: String,
    /// Label of the scale maximum.
    pub max_label: String,
    /// Words per respondent.
    pub max_words: String,
    /// Maximum characters.
    pub max_chars: String,
    /// Who answers.
    pub audience: String,
    /// Steps to choose from: (id, title); empty when editing.
    pub steps: Vec<(String, String)>,
    /// The chosen step.
    pub step_id: String,
    /// Label of the submit button.
    pub submit_label: String,
    /// Every field as typed (the evening's kinds read theirs from here).
    pub input: crate::usecases::ActivityInput,
    /// Activities another can build on: (id, title, kind name).
    pub sources: Vec<(String, String, &'static str)>,
}

/// A table with its tablet link.
#[derive(Clone, Debug)]
pub struct TableRow {
    /// Name.
    pub name: String,
    /// The tablet link.
    pub url: String,
    /// QR code of the link.
    pub qr: String,
}

/// The facilitator's console for one session.
#[derive(Template)]
#[template(path = "console/session.html")]
pub struct SessionPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session id.
    pub session_id: String,
    /// Title.
    pub title: String,
    /// Join code with a space.
    pub code_spaced: String,
    /// Link participants open.
    pub participant_url: String,
    /// Link for the projector.
    pub screen_url: String,
    /// QR code of the participant link.
    pub qr: String,
    /// Locked.
    pub locked: bool,
    /// First render of the live panel.
    pub live_html: String,
    /// First render of the agenda.
    pub agenda_html: String,
    /// The add-activity form.
    pub form: ActivityForm,
    /// Tables.
    pub tables: Vec<TableRow>,
    /// Suggested name for the next table.
    pub next_table_name: String,
    /// The organisation types, one label per line.
    pub org_types_text: String,
    /// The report cover's date (`YYYY-MM-DD`, or empty).
    pub held_on: String,
    /// The report cover's place.
    pub place: String,
    /// The report cover's facilitator.
    pub facilitator: String,
    /// A message after an action.
    pub notice: Option<String>,
    /// An error after an action.
    pub error: Option<String>,
    /// Data for the page script (escaped JSON).
    pub data_json: String,
}

/// Editing one activity.
#[derive(Template)]
#[template(path = "console/activity.html")]
pub struct ActivityPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Session id.
    pub session_id: String,
    /// Activity id.
    pub activity_id: String,
    /// The form.
    pub form: ActivityForm,
    /// It has answers (options can no longer change).
    pub has_answers: bool,
    /// How many.
    pub answers: i64,
    /// Why saving failed.
    pub error: Option<String>,
}

/// JSON for a `<script type="application/json">` block: `<`, `>` and `&`
/// escaped so the text can never close the element.
pub fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_break_out_of_its_element() {
        let v = serde_json::json!({ "x": "</script><script>alert(1)</script>" });
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
