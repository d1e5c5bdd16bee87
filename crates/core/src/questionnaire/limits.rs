//! The limits a questionnaire and its answers are held to. They keep a
//! definition editable on a phone, a response small enough to store as one
//! JSON value, and the aggregation of many responses fast.

/// Longest title (of the questionnaire, a section or a page).
pub const MAX_TITLE: usize = 200;
/// Longest introduction or closing text.
pub const MAX_INTRO: usize = 4000;
/// Longest question text.
pub const MAX_QUESTION: usize = 500;
/// Longest explanation under a question.
pub const MAX_HELP: usize = 1000;
/// Longest option, statement or scale label.
pub const MAX_LABEL: usize = 200;
/// Longest option key.
pub const MAX_KEY: usize = 40;

/// Most sections in a questionnaire.
pub const MAX_SECTIONS: usize = 20;
/// Most pages in a questionnaire (over all sections).
pub const MAX_PAGES: usize = 100;
/// Most questions in a questionnaire (over all pages).
pub const MAX_QUESTIONS: usize = 200;
/// Most options of a choice or ranking question.
pub const MAX_OPTIONS: usize = 50;
/// Most options a ranking question may ask to order.
pub const MAX_RANKED: usize = 20;
/// Most statements of a matrix question.
pub const MAX_STATEMENTS: usize = 30;
/// Most points of a matrix question's shared scale.
pub const MAX_POINTS: usize = 11;

/// Largest absolute value of a scale's or a matrix point's bounds.
pub const MAX_SCALE_ABS: i32 = 1000;
/// Most steps from a scale's lowest to its highest value (so 0–100 is the
/// widest scale that starts at 0).
pub const MAX_SCALE_STEPS: i32 = 100;
/// Largest absolute value a number question accepts (and its bounds).
pub const MAX_NUMBER_ABS: f64 = 1e12;

/// Longest answer to a short-text question (and its default limit).
pub const MAX_SHORT_TEXT: u32 = 500;
/// Longest answer to a long-text question.
pub const MAX_LONG_TEXT: u32 = 10_000;
/// Default limit of a long-text question.
pub const DEFAULT_LONG_TEXT: u32 = 2000;
/// Default limit of a short-text question.
pub const DEFAULT_SHORT_TEXT: u32 = 200;

/// Longest name in a contact answer.
pub const MAX_CONTACT_NAME: usize = 120;
/// Longest e-mail address in a contact answer.
pub const MAX_EMAIL: usize = 254;
/// Longest phone number (as typed) in a contact answer.
pub const MAX_PHONE: usize = 30;
