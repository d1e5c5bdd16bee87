//! Session templates: agendas a facilitator can start from. Their texts come
//! from the translations, in the session's language.

use crate::i18n::tr;
use crate::security::tokens::random_token;
use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::ids::{ActivityId, UserId, WorkspaceId};
use koers_core::lang::Lang;
use koers_core::org::{DEFAULT_ORG_TYPES, OrgType};
use koers_core::vote::VoteMethod;
use koers_store::{NewActivity, NewSession, NewStep};

/// The templates, by key.
pub const TEMPLATES: [&str; 2] = ["ketenavond", "blank"];

/// The default organisation types in a language.
pub fn default_org_types(lang: Lang) -> Vec<OrgType> {
    DEFAULT_ORG_TYPES
        .iter()
        .filter_map(|k| OrgType::new(k, &tr(lang, &format!("org-{k}"))).ok())
        .collect()
}

fn lines(lang: Lang, key: &str) -> Vec<String> {
    tr(lang, key)
        .split('|')
        .map(|s| s.trim().to_string())
        .collect()
}

fn def(lang: Lang, title_key: &str, kind: ActivityKind, audience: Audience) -> Option<NewActivity> {
    def_with_id(ActivityId::new(), lang, title_key, kind, audience)
}

fn def_with_id(
    id: ActivityId,
    lang: Lang,
    title_key: &str,
    kind: ActivityKind,
    audience: Audience,
) -> Option<NewActivity> {
    match ActivityDef::new(&tr(lang, title_key), kind, audience) {
        Ok(def) => Some(NewActivity { id, def }),
        Err(e) => {
            // A translation that breaks the rules is a bug; leave the
            // activity out rather than failing the whole session.
            tracing::error!(key = title_key, error = %e, "template activity invalid");
            None
        }
    }
}

fn step(lang: Lang, key: &str, activities: Vec<Option<NewActivity>>) -> NewStep {
    NewStep {
        title: tr(lang, key),
        activities: activities.into_iter().flatten().collect(),
    }
}

/// The five steps of seed 000's evening ("Preventief jeugdbeleid — ketenavond"):
/// get acquainted, a quiz on key figures and the shared goal, an idea wall,
/// categorising and two votes, and concrete actions for the top two.
fn ketenavond(lang: Lang) -> Vec<NewStep> {
    use ActivityKind::*;
    use Audience::*;
    let (wall, board, dots) = (ActivityId::new(), ActivityId::new(), ActivityId::new());
    vec![
        step(
            lang,
            "tpl-step-1",
            vec![
                def(
                    lang,
                    "tpl-q-org",
                    SingleChoice {
                        options: lines(lang, "tpl-q-org-options"),
                    },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-q-years",
                    SingleChoice {
                        options: lines(lang, "tpl-q-years-options"),
                    },
                    Individuals,
                ),
                def(lang, "tpl-q-word", WordCloud { max_words: 3 }, Individuals),
            ],
        ),
        step(
            lang,
            "tpl-step-2",
            vec![
                def(
                    lang,
                    "tpl-quiz-1",
                    Quiz {
                        options: lines(lang, "tpl-quiz-1-options"),
                        correct: vec![1],
                        explanation: tr(lang, "tpl-quiz-1-explanation"),
                        source: tr(lang, "tpl-quiz-source"),
                        scored: false,
                    },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-quiz-2",
                    Estimate {
                        value: 20.0,
                        unit: "%".into(),
                        explanation: tr(lang, "tpl-quiz-2-explanation"),
                        source: tr(lang, "tpl-quiz-source"),
                        scored: false,
                    },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-goal",
                    Goal {
                        wordings: vec![tr(lang, "tpl-goal-wording")],
                    },
                    Individuals,
                ),
            ],
        ),
        step(
            lang,
            "tpl-step-3",
            vec![def_with_id(
                wall,
                lang,
                "tpl-q-collect",
                IdeaWall { max_chars: 200 },
                Everyone,
            )],
        ),
        step(
            lang,
            "tpl-step-4",
            vec![
                def_with_id(
                    board,
                    lang,
                    "tpl-categorise",
                    Categorise { source: wall },
                    Individuals,
                ),
                def_with_id(
                    dots,
                    lang,
                    "tpl-vote-dots",
                    Prioritise {
                        source: board,
                        method: VoteMethod::Dots {
                            dots: 5,
                            max_per_item: 2,
                        },
                    },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-vote-ranking",
                    Prioritise {
                        source: board,
                        method: VoteMethod::Ranking { top_k: 3 },
                    },
                    Individuals,
                ),
            ],
        ),
        step(
            lang,
            "tpl-step-5",
            vec![
                def(
                    lang,
                    "tpl-q-action",
                    Actions {
                        source: dots,
                        top_k: 2,
                    },
                    Tables,
                ),
                def(
                    lang,
                    "tpl-questions",
                    Questions { moderated: true },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-q-evening",
                    Scale {
                        min: 1,
                        max: 10,
                        min_label: tr(lang, "tpl-q-evening-min"),
                        max_label: tr(lang, "tpl-q-evening-max"),
                    },
                    Individuals,
                ),
            ],
        ),
    ]
}

/// A new session from a template (`ketenavond` or `blank`).
pub fn new_session(
    template: &str,
    lang: Lang,
    workspace_id: WorkspaceId,
    created_by: Option<UserId>,
    title: String,
) -> NewSession {
    let (steps, tables) = match template {
        "ketenavond" => (
            ketenavond(lang),
            (1..=4)
                .map(|n| {
                    (
                        format!("{} {n}", tr(lang, "table-default-name")),
                        random_token(),
                    )
                })
                .collect(),
        ),
        _ => (
            vec![NewStep {
                title: tr(lang, "tpl-blank-step"),
                activities: Vec::new(),
            }],
            Vec::new(),
        ),
    };
    NewSession {
        workspace_id,
        created_by,
        title,
        lang,
        org_types: default_org_types(lang),
        steps,
        tables,
        screen_token: random_token(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ketenavond_has_seed_000s_five_steps_with_valid_activities_in_both_languages() {
        for lang in Lang::ALL {
            let s = new_session("ketenavond", lang, WorkspaceId::new(), None, "Avond".into());
            assert_eq!(s.steps.len(), 5, "{lang}");
            let n: usize = s.steps.iter().map(|st| st.activities.len()).sum();
            assert_eq!(n, 13, "{lang}: every template activity is valid");
            assert_eq!(s.tables.len(), 4);
            assert_eq!(s.org_types.len(), DEFAULT_ORG_TYPES.len());
        }
        let nl = new_session("ketenavond", Lang::Nl, WorkspaceId::new(), None, "x".into());
        assert_eq!(nl.steps[0].title, "Kennismaken");
        assert_eq!(nl.steps[4].title, "Verdiepen");
    }

    #[test]
    fn a_blank_session_has_one_empty_step() {
        let s = new_session("blank", Lang::Nl, WorkspaceId::new(), None, "x".into());
        assert_eq!(s.steps.len(), 1);
        assert!(s.steps[0].activities.is_empty() && s.tables.is_empty());
    }
}
