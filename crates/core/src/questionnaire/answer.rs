//! One answer to one question: its typed value, and how a value sent by a
//! respondent is checked against the question and cleaned.

use super::definition::{ChoiceOption, OptionKey, Question, QuestionKind};
use super::limits::{MAX_CONTACT_NAME, MAX_EMAIL, MAX_NUMBER_ABS, MAX_PHONE};
use super::problems::AnswerProblem;
use crate::error::DomainError;
use crate::text::{clean_line, clean_multiline};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of one answer. In JSON it is an object with one field named
/// after the type: `{"choice":"sport"}`, `{"choices":["a","b"]}`,
/// `{"scale":4}`, `{"matrix":{"veilig":2,"schoon":5}}`,
/// `{"ranking":["b","a"]}`, `{"number":12.5}`, `{"text":"…"}`,
/// `{"contact":{"consent":true,"email":"…"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    /// The key of the chosen option (single choice).
    Choice(OptionKey),
    /// The keys of the chosen options (multiple choice), in the question's order.
    Choices(Vec<OptionKey>),
    /// A scale value.
    Scale(i64),
    /// Per statement key, the value of the chosen point (matrix).
    Matrix(BTreeMap<OptionKey, i64>),
    /// Option keys, best first (ranking).
    Ranking(Vec<OptionKey>),
    /// A number.
    Number(f64),
    /// A short or long text.
    Text(String),
    /// The answer to the contact question.
    Contact(ContactAnswer),
}

/// "May we contact you?": the explicit yes or no, and with a yes the details
/// given. A no never carries details.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactAnswer {
    /// Yes, you may contact me.
    pub consent: bool,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail address (lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Checks `value` against `question` and cleans it: texts trimmed, chosen
/// options in the question's order, e-mail in lower case, contact details
/// dropped without consent. `Ok(None)` means the value is empty (no options
/// chosen, a blank text): the question is then unanswered.
pub fn validate_answer(
    question: &Question,
    value: AnswerValue,
) -> Result<Option<AnswerValue>, AnswerProblem> {
    use AnswerValue as V;
    use QuestionKind as K;
    match (&question.kind, value) {
        (K::SingleChoice { options }, V::Choice(key)) => {
            find(options, &key)?;
            Ok(Some(V::Choice(key)))
        }
        (
            K::MultipleChoice {
                options,
                max_choices,
            },
            V::Choices(keys),
        ) => {
            let max = max_choices.unwrap_or(options.len() as u32);
            let chosen = distinct_positions(options, &keys, max, |max| {
                AnswerProblem::TooManyChoices { max }
            })?;
            Ok((!chosen.is_empty())
                .then(|| V::Choices(chosen.iter().map(|&i| options[i].key.clone()).collect())))
        }
        (K::Scale { min, max, .. }, V::Scale(v)) => {
            if v < i64::from(*min) || v > i64::from(*max) {
                return Err(AnswerProblem::OutOfRange {
                    min: Some(f64::from(*min)),
                    max: Some(f64::from(*max)),
                });
            }
            Ok(Some(V::Scale(v)))
        }
        (K::Matrix { statements, points }, V::Matrix(ratings)) => {
            if ratings.len() > statements.len() {
                return Err(AnswerProblem::UnknownOption);
            }
            for (statement, value) in &ratings {
                find(statements, statement)?;
                if !points.iter().any(|p| i64::from(p.value) == *value) {
                    return Err(AnswerProblem::NotAPoint);
                }
            }
            Ok((!ratings.is_empty()).then_some(V::Matrix(ratings)))
        }
        (K::Ranking { options, top }, V::Ranking(keys)) => {
            let max = top.unwrap_or(options.len() as u32);
            // Checked only: the given order is the answer.
            distinct_positions(options, &keys, max, |max| AnswerProblem::TooManyRanked {
                max,
            })?;
            Ok((!keys.is_empty()).then_some(V::Ranking(keys)))
        }
        (
            K::Number {
                min, max, integer, ..
            },
            V::Number(x),
        ) => {
            if !x.is_finite() {
                return Err(AnswerProblem::NotANumber);
            }
            let (lo, hi) = (
                min.unwrap_or(-MAX_NUMBER_ABS),
                max.unwrap_or(MAX_NUMBER_ABS),
            );
            if x < lo || x > hi {
                return Err(AnswerProblem::OutOfRange {
                    min: Some(lo),
                    max: Some(hi),
                });
            }
            if *integer && x.fract() != 0.0 {
                return Err(AnswerProblem::NotAWholeNumber);
            }
            // −0 is 0.
            Ok(Some(V::Number(x + 0.0)))
        }
        (K::ShortText { max_chars }, V::Text(t)) => text(&t, *max_chars, false),
        (K::LongText { max_chars }, V::Text(t)) => text(&t, *max_chars, true),
        (K::Contact { name, email, phone }, V::Contact(answer)) => {
            contact(*name, *email, *phone, answer).map(|a| Some(V::Contact(a)))
        }
        _ => Err(AnswerProblem::WrongType),
    }
}

/// Whether `value` fully answers `kind`: every statement of a matrix rated,
/// a ranking as long as asked (all options, or the top K); any other valid
/// value is a full answer.
pub fn is_complete(kind: &QuestionKind, value: &AnswerValue) -> bool {
    match (kind, value) {
        (QuestionKind::Matrix { statements, .. }, AnswerValue::Matrix(ratings)) => {
            statements.iter().all(|s| ratings.contains_key(&s.key))
        }
        (QuestionKind::Ranking { options, top }, AnswerValue::Ranking(order)) => {
            order.len() >= top.map_or(options.len(), |t| t as usize)
        }
        _ => true,
    }
}

fn find(options: &[ChoiceOption], key: &OptionKey) -> Result<usize, AnswerProblem> {
    options
        .iter()
        .position(|o| o.key == *key)
        .ok_or(AnswerProblem::UnknownOption)
}

/// The positions of `keys` among `options`, each at most once and at most
/// `max` of them.
fn distinct_positions(
    options: &[ChoiceOption],
    keys: &[OptionKey],
    max: u32,
    too_many: impl Fn(u32) -> AnswerProblem,
) -> Result<Vec<usize>, AnswerProblem> {
    let mut seen = vec![false; options.len()];
    let mut positions = Vec::with_capacity(keys.len().min(options.len()));
    for key in keys {
        let i = find(options, key)?;
        if seen[i] {
            return Err(AnswerProblem::Duplicate);
        }
        seen[i] = true;
        positions.push(i);
        if positions.len() > max as usize {
            return Err(too_many(max));
        }
    }
    positions.sort_unstable();
    Ok(positions)
}

fn text(raw: &str, max_chars: u32, multiline: bool) -> Result<Option<AnswerValue>, AnswerProblem> {
    let max = max_chars as usize;
    // A character is at most four bytes: anything far longer is refused
    // before it is looked at.
    if raw.len() > max * 4 + 4096 {
        return Err(AnswerProblem::TooLong { max: max_chars });
    }
    let cleaned = if multiline {
        clean_multiline(raw, max)
    } else {
        clean_line(raw, max)
    };
    match cleaned {
        Ok(t) => Ok(Some(AnswerValue::Text(t))),
        Err(DomainError::Empty) => Ok(None),
        Err(_) => Err(AnswerProblem::TooLong { max: max_chars }),
    }
}

fn contact(
    ask_name: bool,
    ask_email: bool,
    ask_phone: bool,
    answer: ContactAnswer,
) -> Result<ContactAnswer, AnswerProblem> {
    if !answer.consent {
        // Without a yes, nothing typed into the contact fields is kept.
        return Ok(ContactAnswer::default());
    }
    let field =
        |raw: &Option<String>, asked: bool, max: usize| -> Result<Option<String>, AnswerProblem> {
            let Some(raw) = raw else { return Ok(None) };
            if raw.len() > max * 4 + 256 {
                return Err(AnswerProblem::TooLong { max: max as u32 });
            }
            match clean_line(raw, max) {
                Ok(_) if !asked => Err(AnswerProblem::NotAsked),
                Ok(s) => Ok(Some(s)),
                Err(DomainError::Empty) => Ok(None),
                Err(_) => Err(AnswerProblem::TooLong { max: max as u32 }),
            }
        };
    let name = field(&answer.name, ask_name, MAX_CONTACT_NAME)?;
    let email = field(&answer.email, ask_email, MAX_EMAIL)
        .map_err(|e| match e {
            AnswerProblem::TooLong { .. } => AnswerProblem::NotAnEmail,
            e => e,
        })?
        .map(|e| e.to_lowercase());
    if email.as_deref().is_some_and(|e| !looks_like_email(e)) {
        return Err(AnswerProblem::NotAnEmail);
    }
    let phone = field(&answer.phone, ask_phone, MAX_PHONE).map_err(|e| match e {
        AnswerProblem::TooLong { .. } => AnswerProblem::NotAPhone,
        e => e,
    })?;
    if phone.as_deref().is_some_and(|p| !looks_like_phone(p)) {
        return Err(AnswerProblem::NotAPhone);
    }
    if email.is_none() && phone.is_none() {
        return Err(AnswerProblem::NoContactDetails);
    }
    Ok(ContactAnswer {
        consent: true,
        name,
        email,
        phone,
    })
}

/// One `@` with something before it, and a dotted domain after it.
fn looks_like_email(e: &str) -> bool {
    match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !e.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// 6–15 digits, with an optional leading `+` and spaces, dashes, dots or
/// parentheses between them.
fn looks_like_phone(p: &str) -> bool {
    let body = p.strip_prefix('+').unwrap_or(p);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}
