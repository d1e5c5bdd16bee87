//! A questionnaire page as a form: the view of each question with its
//! current answer, and the posted fields read back into answer changes.
//!
//! Field names: `q-{id}` for one value (choice, scale, number, text) or
//! several (multiple choice); `q-{id}-{key}` per matrix statement and per
//! ranked option (its rank); `q-{id}-consent`, `-name`, `-email`, `-phone`
//! for the contact question.

use crate::i18n::Tr;
use crate::inventory::form::Pairs;
use koers_core::ids::QuestionId;
use koers_core::lang::Lang;
use koers_core::questionnaire::{
    AnswerChanges, AnswerError, AnswerProblem, AnswerValue, ContactAnswer, OptionKey, Question,
    QuestionKind,
};

/// An option, point or rank to pick.
#[derive(Clone, Debug)]
pub struct Pick {
    /// Submitted value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Picked now.
    pub checked: bool,
}

/// A matrix statement or a ranked option, with its picks.
#[derive(Clone, Debug)]
pub struct Row {
    /// Field name.
    pub name: String,
    /// Label.
    pub label: String,
    /// Points (matrix) or ranks (ranking).
    pub picks: Vec<Pick>,
}

/// One question as the page shows it.
#[derive(Clone, Debug)]
pub struct QuestionView {
    /// Field name (and id prefix).
    pub name: String,
    /// `single_choice`, `scale`, …
    pub kind: &'static str,
    /// The question.
    pub text: String,
    /// Help text.
    pub help: String,
    /// Required.
    pub required: bool,
    /// Options or scale points.
    pub picks: Vec<Pick>,
    /// Matrix statements or ranked options.
    pub rows: Vec<Row>,
    /// The value typed (number, text).
    pub value: String,
    /// Unit after a number, or the scale's end labels joined with " – ".
    pub hint: String,
    /// Most characters of a text.
    pub max_chars: u32,
    /// Contact: whether name, e-mail, phone are asked.
    pub asks: (bool, bool, bool),
    /// Contact: the details typed (name, e-mail, phone).
    pub contact: (String, String, String),
    /// What is wrong, if anything.
    pub error: Option<String>,
}

fn field(id: QuestionId) -> String {
    format!("q-{id}")
}

/// The view of a question with its answer (or what was typed when refused).
pub fn view(
    t: &Tr,
    q: &Question,
    answer: Option<&AnswerValue>,
    error: Option<String>,
) -> QuestionView {
    let lang: Lang = t.lang;
    let name = field(q.id);
    let mut v = QuestionView {
        name: name.clone(),
        kind: q.kind.type_key(),
        text: q.text.get(lang).to_string(),
        help: q
            .help
            .as_ref()
            .map(|h| h.get(lang).to_string())
            .unwrap_or_default(),
        required: q.required,
        picks: Vec::new(),
        rows: Vec::new(),
        value: String::new(),
        hint: String::new(),
        max_chars: 0,
        asks: (false, false, false),
        contact: Default::default(),
        error,
    };
    match &q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            v.picks = options
                .iter()
                .map(|o| Pick {
                    value: o.key.as_str().to_string(),
                    label: o.text.get(lang).to_string(),
                    checked: match answer {
                        Some(AnswerValue::Choice(k)) => *k == o.key,
                        Some(AnswerValue::Choices(ks)) => ks.contains(&o.key),
                        _ => false,
                    },
                })
                .collect();
        }
        QuestionKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => {
            v.picks = (*min..=*max)
                .map(|n| Pick {
                    value: n.to_string(),
                    label: n.to_string(),
                    checked: matches!(answer, Some(AnswerValue::Scale(s)) if *s == i64::from(n)),
                })
                .collect();
            v.hint = [min_label, max_label]
                .iter()
                .map(|l| l.as_ref().map(|l| l.get(lang)).unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" – ");
        }
        QuestionKind::Matrix { statements, points } => {
            v.rows = statements
                .iter()
                .map(|s| Row {
                    name: format!("{name}-{}", s.key.as_str()),
                    label: s.text.get(lang).to_string(),
                    picks: points
                        .iter()
                        .map(|p| Pick {
                            value: p.value.to_string(),
                            label: p.label.get(lang).to_string(),
                            checked: matches!(answer, Some(AnswerValue::Matrix(m)) if m.get(&s.key) == Some(&i64::from(p.value))),
                        })
                        .collect(),
                })
                .collect();
        }
        QuestionKind::Ranking { options, top } => {
            let places = top
                .map(|t| t as usize)
                .unwrap_or(options.len())
                .min(options.len());
            let ranked: &[OptionKey] = match answer {
                Some(AnswerValue::Ranking(r)) => r,
                _ => &[],
            };
            v.rows = options
                .iter()
                .map(|o| {
                    let at = ranked.iter().position(|k| *k == o.key).map(|i| i + 1);
                    Row {
                        name: format!("{name}-{}", o.key.as_str()),
                        label: o.text.get(lang).to_string(),
                        picks: (1..=places)
                            .map(|n| Pick {
                                value: n.to_string(),
                                label: n.to_string(),
                                checked: at == Some(n),
                            })
                            .collect(),
                    }
                })
                .collect();
        }
        QuestionKind::Number { unit, .. } => {
            if let Some(AnswerValue::Number(n)) = answer {
                v.value = n.to_string().replace('.', ",");
            }
            v.hint = unit
                .as_ref()
                .map(|u| u.get(lang).to_string())
                .unwrap_or_default();
        }
        QuestionKind::ShortText { max_chars } | QuestionKind::LongText { max_chars } => {
            if let Some(AnswerValue::Text(s)) = answer {
                v.value = s.clone();
            }
            v.max_chars = *max_chars;
        }
        QuestionKind::Contact {
            name: n,
            email,
            phone,
        } => {
            v.asks = (*n, *email, *phone);
            if let Some(AnswerValue::Contact(c)) = answer {
                v.contact = (
                    c.name.clone().unwrap_or_default(),
                    c.email.clone().unwrap_or_default(),
                    c.phone.clone().unwrap_or_default(),
                );
            }
            let consent = match answer {
                Some(AnswerValue::Contact(c)) => Some(c.consent),
                _ => None,
            };
            v.picks = [
                ("yes", "q-consent-yes", true),
                ("no", "q-consent-no", false),
            ]
            .iter()
            .map(|(value, key, yes)| Pick {
                value: (*value).into(),
                label: t.t(key),
                checked: consent == Some(*yes),
            })
            .collect();
        }
    }
    v
}

/// The posted answers to `questions` (the page's shown questions): every
/// one of them, so an emptied field clears its answer. Fields that cannot
/// be read as their kind (a word for a number, the same rank twice) are
/// returned as problems, to refuse the page with.
pub fn read(pairs: &Pairs, questions: &[&Question]) -> (AnswerChanges, Vec<AnswerError>) {
    let mut changes = AnswerChanges::new();
    let mut problems = Vec::new();
    for q in questions {
        let name = field(q.id);
        let one = pairs.one(&name);
        let one = one.trim();
        let value = match &q.kind {
            QuestionKind::SingleChoice { .. } => {
                (!one.is_empty()).then(|| Ok(AnswerValue::Choice(OptionKey::from(one))))
            }
            QuestionKind::MultipleChoice { .. } => {
                let all: Vec<OptionKey> = pairs
                    .all(&name)
                    .iter()
                    .filter(|s| !s.is_empty())
                    .map(|s| OptionKey::from(s.as_str()))
                    .collect();
                (!all.is_empty()).then_some(Ok(AnswerValue::Choices(all)))
            }
            QuestionKind::Scale { .. } => (!one.is_empty()).then(|| {
                one.parse::<i64>()
                    .map(AnswerValue::Scale)
                    .map_err(|_| AnswerProblem::NotANumber)
            }),
            QuestionKind::Number { .. } => (!one.is_empty()).then(|| {
                one.replace(' ', "")
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .map(AnswerValue::Number)
                    .ok_or(AnswerProblem::NotANumber)
            }),
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {
                (!one.is_empty()).then(|| Ok(AnswerValue::Text(one.to_string())))
            }
            QuestionKind::Matrix { statements, .. } => {
                let mut ratings = std::collections::BTreeMap::new();
                let mut bad = false;
                for s in statements {
                    let raw = pairs.one(&format!("{name}-{}", s.key.as_str()));
                    if raw.trim().is_empty() {
                        continue;
                    }
                    match raw.trim().parse::<i64>() {
                        Ok(n) => {
                            ratings.insert(s.key.clone(), n);
                        }
                        Err(_) => bad = true,
                    }
                }
                if bad {
                    Some(Err(AnswerProblem::NotAPoint))
                } else {
                    (!ratings.is_empty()).then_some(Ok(AnswerValue::Matrix(ratings)))
                }
            }
            QuestionKind::Ranking { options, .. } => {
                let mut ranked: Vec<(u32, OptionKey)> = Vec::new();
                let mut bad = false;
                for o in options {
                    let raw = pairs.one(&format!("{name}-{}", o.key.as_str()));
                    if raw.trim().is_empty() {
                        continue;
                    }
                    match raw.trim().parse::<u32>() {
                        Ok(n) if n > 0 => ranked.push((n, o.key.clone())),
                        _ => bad = true,
                    }
                }
                ranked.sort();
                let places: Vec<u32> = ranked.iter().map(|(n, _)| *n).collect();
                let in_order = places.iter().enumerate().all(|(i, n)| *n as usize == i + 1);
                if bad || !in_order {
                    // Ranks given twice, or with a gap: "1, 1" or "1, 3".
                    Some(Err(AnswerProblem::Duplicate))
                } else {
                    (!ranked.is_empty()).then(|| {
                        Ok(AnswerValue::Ranking(
                            ranked.into_iter().map(|(_, k)| k).collect(),
                        ))
                    })
                }
            }
            QuestionKind::Contact { .. } => {
                let consent = pairs.one(&format!("{name}-consent"));
                let opt = |suffix: &str| {
                    let v = pairs.one(&format!("{name}-{suffix}"));
                    let v = v.trim();
                    (!v.is_empty()).then(|| v.to_string())
                };
                match consent.as_str() {
                    "yes" => Some(Ok(AnswerValue::Contact(ContactAnswer {
                        consent: true,
                        name: opt("name"),
                        email: opt("email"),
                        phone: opt("phone"),
                    }))),
                    "no" => Some(Ok(AnswerValue::Contact(ContactAnswer::default()))),
                    _ => None,
                }
            }
        };
        match value {
            None => {
                changes.insert(q.id, None);
            }
            Some(Ok(v)) => {
                changes.insert(q.id, Some(v));
            }
            Some(Err(problem)) => problems.push(AnswerError {
                question: q.id,
                problem,
            }),
        }
    }
    (changes, problems)
}

/// A problem as a sentence.
pub fn problem(t: &Tr, p: &AnswerProblem) -> String {
    let key = format!("q-problem-{}", p.code());
    match p {
        AnswerProblem::TooManyChoices { max } | AnswerProblem::TooManyRanked { max } => {
            t.t1(&key, "max", i64::from(*max))
        }
        AnswerProblem::TooLong { max } => t.t1(&key, "max", i64::from(*max)),
        AnswerProblem::OutOfRange { min, max } => {
            let show = |v: &Option<f64>| {
                v.map(|v| v.to_string().replace('.', ","))
                    .unwrap_or_else(|| "…".into())
            };
            t.t2(&key, "min", show(min), "max", show(max))
        }
        _ => t.t(&key),
    }
}
