//! Validation of a question's kind and settings: options and statements
//! with stable, unique keys, scale ranges and points, and limits on
//! choices, ranks and text lengths.

use super::definition::{ChoiceOption, OptionKey, QuestionKind, ScalePoint};
use super::input::{KindInput, OptionInput, PointInput};
use super::limits::*;
use super::problems::{Check, DefinitionProblem as P};
use super::texts::{TextRule, clean_texts};
use crate::inventory::lists::fold;
use crate::org::slug;
use std::collections::HashSet;

pub(crate) fn kind(c: &mut Check, path: &str, k: &KindInput) -> Option<QuestionKind> {
    match k {
        KindInput::SingleChoice { options } => {
            let options = choice_options(c, &format!("{path}.options"), options, 2)?;
            Some(QuestionKind::SingleChoice { options })
        }
        KindInput::MultipleChoice {
            options,
            max_choices,
        } => {
            let options = choice_options(c, &format!("{path}.options"), options, 1);
            let n = options.as_ref().map_or(MAX_OPTIONS, Vec::len) as u32;
            let max_choices = match *max_choices {
                Some(m) if m == 0 || m > n => {
                    c.fail(
                        format!("{path}.max_choices"),
                        P::BadLimit { min: 1, max: n },
                    );
                    None
                }
                Some(m) if m == n => None,
                m => m,
            };
            Some(QuestionKind::MultipleChoice {
                options: options?,
                max_choices,
            })
        }
        KindInput::Scale {
            min,
            max,
            min_label,
            max_label,
        } => {
            let ok = scale_range(c, path, *min, *max);
            let rule = TextRule::line(MAX_LABEL, false);
            let min_label = clean_texts(c, &format!("{path}.min_label"), min_label, rule);
            let max_label = clean_texts(c, &format!("{path}.max_label"), max_label, rule);
            ok.then_some(QuestionKind::Scale {
                min: *min,
                max: *max,
                min_label,
                max_label,
            })
        }
        KindInput::Matrix { statements, points } => {
            let statements = choice_options(c, &format!("{path}.statements"), statements, 1);
            let points = scale_points(c, &format!("{path}.points"), points);
            Some(QuestionKind::Matrix {
                statements: statements?,
                points: points?,
            })
        }
        KindInput::Ranking { options, top } => {
            let options = choice_options(c, &format!("{path}.options"), options, 2);
            let n = options.as_ref().map_or(MAX_OPTIONS, Vec::len) as u32;
            let most = n.min(MAX_RANKED as u32);
            let top = match *top {
                Some(t) if t == 0 || t > most => {
                    c.fail(format!("{path}.top"), P::BadLimit { min: 1, max: most });
                    None
                }
                None if n > most => {
                    c.fail(format!("{path}.top"), P::BadLimit { min: 1, max: most });
                    None
                }
                Some(t) if t == n => None,
                t => t,
            };
            Some(QuestionKind::Ranking {
                options: options?,
                top,
            })
        }
        KindInput::Number {
            min,
            max,
            integer,
            unit,
        } => {
            let mut ok = true;
            for (field, bound) in [("min", min), ("max", max)] {
                if bound.is_some_and(|b| !b.is_finite() || b.abs() > MAX_NUMBER_ABS) {
                    c.fail(format!("{path}.{field}"), P::BadRange);
                    ok = false;
                }
            }
            if ok
                && let (Some(lo), Some(hi)) = (min, max)
                && lo >= hi
            {
                c.fail(format!("{path}.max"), P::BadRange);
                ok = false;
            }
            let unit = clean_texts(
                c,
                &format!("{path}.unit"),
                unit,
                TextRule::line(MAX_LABEL, false),
            );
            ok.then_some(QuestionKind::Number {
                min: *min,
                max: *max,
                integer: *integer,
                unit,
            })
        }
        KindInput::ShortText { max_chars } => {
            let max_chars = text_limit(c, path, *max_chars, DEFAULT_SHORT_TEXT, MAX_SHORT_TEXT)?;
            Some(QuestionKind::ShortText { max_chars })
        }
        KindInput::LongText { max_chars } => {
            let max_chars = text_limit(c, path, *max_chars, DEFAULT_LONG_TEXT, MAX_LONG_TEXT)?;
            Some(QuestionKind::LongText { max_chars })
        }
        KindInput::Contact { name, email, phone } => {
            if !email && !phone {
                c.fail(format!("{path}.email"), P::Missing);
                return None;
            }
            Some(QuestionKind::Contact {
                name: *name,
                email: *email,
                phone: *phone,
            })
        }
    }
}

fn scale_range(c: &mut Check, path: &str, min: i32, max: i32) -> bool {
    for (field, v) in [("min", min), ("max", max)] {
        if v.unsigned_abs() > MAX_SCALE_ABS.unsigned_abs() {
            c.fail(format!("{path}.{field}"), P::BadRange);
            return false;
        }
    }
    if min >= max || max - min > MAX_SCALE_STEPS {
        c.fail(format!("{path}.max"), P::BadRange);
        return false;
    }
    true
}

fn text_limit(
    c: &mut Check,
    path: &str,
    given: Option<u32>,
    default: u32,
    cap: u32,
) -> Option<u32> {
    match given.unwrap_or(default) {
        n if (1..=cap).contains(&n) => Some(n),
        _ => {
            c.fail(
                format!("{path}.max_chars"),
                P::BadLimit { min: 1, max: cap },
            );
            None
        }
    }
}

/// Options (or statements) with their keys: given keys are checked, missing
/// ones made from the Dutch text and kept unique.
fn choice_options(
    c: &mut Check,
    path: &str,
    inputs: &[OptionInput],
    min: usize,
) -> Option<Vec<ChoiceOption>> {
    let errors_before = c.errors.len();
    if inputs.len() < min {
        c.fail(path, P::TooFew { min });
    }
    let mut taken: HashSet<String> = HashSet::new();
    for (i, o) in inputs.iter().enumerate() {
        let key = o.key.trim();
        if key.is_empty() {
            continue;
        }
        if !OptionKey::is_well_formed(key) {
            c.fail(format!("{path}.{i}.key"), P::BadKey);
        } else if !taken.insert(key.to_string()) {
            c.fail(format!("{path}.{i}.key"), P::Duplicate);
        }
    }
    let mut texts_seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(inputs.len());
    for (i, o) in inputs.iter().enumerate() {
        let text = clean_texts(
            c,
            &format!("{path}.{i}.text"),
            &o.text,
            TextRule::line(MAX_LABEL, true),
        );
        let Some(text) = text else { continue };
        if !texts_seen.insert(fold(&text.nl)) {
            c.fail(format!("{path}.{i}.text.nl"), P::Duplicate);
        }
        let key = match o.key.trim() {
            "" => fresh_key(&text.nl, i, &mut taken),
            k => k.to_string(),
        };
        out.push(ChoiceOption {
            key: OptionKey(key),
            text,
        });
    }
    (c.errors.len() == errors_before).then_some(out)
}

fn fresh_key(text: &str, i: usize, taken: &mut HashSet<String>) -> String {
    let base: String = match slug(&fold(text)) {
        s if s.is_empty() => format!("option-{}", i + 1),
        s => s.chars().take(MAX_KEY - 4).collect(),
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(key.clone());
    key
}

fn scale_points(c: &mut Check, path: &str, inputs: &[PointInput]) -> Option<Vec<ScalePoint>> {
    let errors_before = c.errors.len();
    if inputs.len() < 2 {
        c.fail(path, P::TooFew { min: 2 });
    }
    let mut out: Vec<ScalePoint> = Vec::with_capacity(inputs.len());
    let mut previous: Option<i32> = None;
    for (i, p) in inputs.iter().enumerate() {
        let value = p
            .value
            .unwrap_or_else(|| previous.map_or(1, |v| v.saturating_add(1)));
        if value.unsigned_abs() > MAX_SCALE_ABS.unsigned_abs()
            || previous.is_some_and(|v| value <= v)
        {
            c.fail(format!("{path}.{i}.value"), P::BadRange);
        }
        previous = Some(value);
        let label = clean_texts(
            c,
            &format!("{path}.{i}.label"),
            &p.label,
            TextRule::line(MAX_LABEL, true),
        );
        if let Some(label) = label {
            out.push(ScalePoint { value, label });
        }
    }
    (c.errors.len() == errors_before).then_some(out)
}
