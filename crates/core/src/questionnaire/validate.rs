//! Validation of a questionnaire's definition: texts cleaned and within
//! limits, option keys stable and unique, settings sensible, and conditions
//! that only look back at a suitable question and its existing options.

use super::definition::{
    Condition, ConditionTest, OptionKey, Page, Question, QuestionKind, Questionnaire, Section,
};
use super::input::{KindInput, QuestionInput, QuestionnaireInput};
use super::kinds::kind;
use super::limits::*;
use super::problems::{Check, DefinitionError, DefinitionProblem as P};
use super::texts::{TextRule, clean_texts};
use crate::ids::{QuestionId, QuestionnaireId};
use std::collections::HashSet;

impl QuestionnaireInput {
    /// A validated questionnaire with this id, or every field that is wrong.
    /// When a list is over its limit (sections, pages, questions, options)
    /// only that is reported.
    pub fn validate(&self, id: QuestionnaireId) -> Result<Questionnaire, Vec<DefinitionError>> {
        let mut c = Check::default();
        if let Some(e) = over_limits(self) {
            return Err(vec![e]);
        }
        let title = clean_texts(
            &mut c,
            "title",
            &self.title,
            TextRule::line(MAX_TITLE, true),
        );
        let intro = clean_texts(
            &mut c,
            "intro",
            &self.intro,
            TextRule::lines(MAX_INTRO, false),
        );
        let closing = clean_texts(
            &mut c,
            "closing",
            &self.closing,
            TextRule::lines(MAX_INTRO, false),
        );
        if self.sections.is_empty() {
            c.fail("sections", P::TooFew { min: 1 });
        }
        let all_ids: HashSet<QuestionId> = self
            .sections
            .iter()
            .flat_map(|s| s.pages.iter())
            .flat_map(|p| p.questions.iter())
            .map(|q| q.id)
            .collect();
        let mut ctx = Context {
            all_ids,
            earlier_ids: HashSet::new(),
            earlier: Vec::new(),
            contact: false,
        };
        let mut sections = Vec::new();
        for (si, s) in self.sections.iter().enumerate() {
            let path = format!("sections.{si}");
            let title = clean_texts(
                &mut c,
                &format!("{path}.title"),
                &s.title,
                TextRule::line(MAX_TITLE, false),
            );
            let intro = clean_texts(
                &mut c,
                &format!("{path}.intro"),
                &s.intro,
                TextRule::lines(MAX_INTRO, false),
            );
            if s.pages.is_empty() {
                c.fail(format!("{path}.pages"), P::TooFew { min: 1 });
            }
            let mut pages = Vec::new();
            for (pi, p) in s.pages.iter().enumerate() {
                let path = format!("{path}.pages.{pi}");
                let title = clean_texts(
                    &mut c,
                    &format!("{path}.title"),
                    &p.title,
                    TextRule::line(MAX_TITLE, false),
                );
                if p.questions.is_empty() {
                    c.fail(format!("{path}.questions"), P::TooFew { min: 1 });
                }
                let mut questions = Vec::new();
                for (qi, q) in p.questions.iter().enumerate() {
                    let path = format!("{path}.questions.{qi}");
                    if let Some(q) = question(&mut c, &path, q, &mut ctx) {
                        questions.push(q);
                    }
                }
                pages.push(Page { title, questions });
            }
            sections.push(Section {
                title,
                intro,
                pages,
            });
        }
        match title {
            Some(title) if c.errors.is_empty() => Ok(Questionnaire {
                id,
                title,
                intro,
                closing,
                sections,
            }),
            _ => Err(c.errors),
        }
    }
}

/// The first list over its limit, if any, so nothing huge is looked into.
fn over_limits(input: &QuestionnaireInput) -> Option<DefinitionError> {
    let fail = |field: String, max: usize| {
        Some(DefinitionError {
            field,
            problem: P::TooMany { max },
        })
    };
    if input.sections.len() > MAX_SECTIONS {
        return fail("sections".into(), MAX_SECTIONS);
    }
    let (mut pages, mut questions) = (0, 0);
    for (si, s) in input.sections.iter().enumerate() {
        for (pi, p) in s.pages.iter().enumerate() {
            pages += 1;
            if pages > MAX_PAGES {
                return fail(format!("sections.{si}.pages.{pi}"), MAX_PAGES);
            }
            for (qi, q) in p.questions.iter().enumerate() {
                questions += 1;
                let path = format!("sections.{si}.pages.{pi}.questions.{qi}");
                if questions > MAX_QUESTIONS {
                    return fail(path, MAX_QUESTIONS);
                }
                let (field, len, max) = match &q.kind {
                    KindInput::SingleChoice { options }
                    | KindInput::MultipleChoice { options, .. }
                    | KindInput::Ranking { options, .. } => ("options", options.len(), MAX_OPTIONS),
                    KindInput::Matrix { statements, points } if points.len() > MAX_POINTS => {
                        ("points", points.len(), MAX_POINTS)
                    }
                    KindInput::Matrix { statements, .. } => {
                        ("statements", statements.len(), MAX_STATEMENTS)
                    }
                    _ => ("", 0, 0),
                };
                if len > max {
                    return fail(format!("{path}.kind.{field}"), max);
                }
            }
        }
    }
    None
}

/// What validating a question needs to know of the others.
struct Context {
    /// Every question id of the input.
    all_ids: HashSet<QuestionId>,
    /// The ids of the questions before this one (valid or not).
    earlier_ids: HashSet<QuestionId>,
    /// The valid questions before this one.
    earlier: Vec<Question>,
    /// A contact question came before.
    contact: bool,
}

fn question(c: &mut Check, path: &str, q: &QuestionInput, ctx: &mut Context) -> Option<Question> {
    let errors_before = c.errors.len();
    if ctx.earlier_ids.contains(&q.id) {
        c.fail(format!("{path}.id"), P::Duplicate);
    }
    let text = clean_texts(
        c,
        &format!("{path}.text"),
        &q.text,
        TextRule::lines(MAX_QUESTION, true),
    );
    let help = clean_texts(
        c,
        &format!("{path}.help"),
        &q.help,
        TextRule::lines(MAX_HELP, false),
    );
    let kind = kind(c, &format!("{path}.kind"), &q.kind);
    if matches!(kind, Some(QuestionKind::Contact { .. })) {
        if ctx.contact {
            c.fail(format!("{path}.kind"), P::SecondContact);
        }
        ctx.contact = true;
    }
    let condition = q
        .condition
        .as_ref()
        .and_then(|cond| condition(c, &format!("{path}.condition"), cond, q.id, ctx));
    ctx.earlier_ids.insert(q.id);
    let valid = match (text, kind) {
        (Some(text), Some(kind)) if c.errors.len() == errors_before => Some(Question {
            id: q.id,
            text,
            help,
            required: q.required,
            condition,
            kind,
        }),
        _ => None,
    };
    if let Some(v) = &valid {
        ctx.earlier.push(v.clone());
    }
    valid
}

fn condition(
    c: &mut Check,
    path: &str,
    cond: &Condition,
    own: QuestionId,
    ctx: &Context,
) -> Option<Condition> {
    let Some(source) = ctx.earlier.iter().find(|q| q.id == cond.question) else {
        if ctx.earlier_ids.contains(&cond.question) && cond.question != own {
            // An earlier question that is itself invalid has its own errors.
        } else if ctx.all_ids.contains(&cond.question) {
            c.fail(format!("{path}.question"), P::NotEarlier);
        } else {
            c.fail(format!("{path}.question"), P::UnknownQuestion);
        }
        return None;
    };
    match (&source.kind, &cond.test) {
        (
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. },
            ConditionTest::AnyOf(keys),
        ) => {
            let mut wanted: Vec<OptionKey> = Vec::new();
            for k in keys {
                if !options.iter().any(|o| o.key == *k) {
                    let key = k.0.chars().take(60).collect();
                    c.fail(format!("{path}.test"), P::UnknownOption { key });
                } else if !wanted.contains(k) {
                    wanted.push(k.clone());
                }
            }
            if keys.is_empty() {
                c.fail(format!("{path}.test"), P::NeverTrue);
            }
            Some(Condition {
                question: cond.question,
                test: ConditionTest::AnyOf(wanted),
            })
        }
        (QuestionKind::Scale { min, max, .. }, ConditionTest::Between { min: lo, max: hi }) => {
            if lo > hi {
                c.fail(format!("{path}.test"), P::BadRange);
            } else if hi < min || lo > max {
                c.fail(format!("{path}.test"), P::NeverTrue);
            }
            Some(cond.clone())
        }
        _ => {
            c.fail(format!("{path}.question"), P::Unsuitable);
            None
        }
    }
}
