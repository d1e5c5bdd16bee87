//! Session templates: agendas a facilitator can start from. Their texts come
//! from the translations, in the session's language.

use crate::i18n::tr;
use crate::security::tokens::random_token;
use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::ids::{UserId, WorkspaceId};
use koers_core::lang::Lang;
use koers_core::org::{DEFAULT_ORG_TYPES, OrgType};
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
    match ActivityDef::new(&tr(lang, title_key), kind, audience) {
        Ok(def) => Some(NewActivity { def }),
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

/// The five steps of seed 000's evening ("Preventief jeugdbeleid — ketenavond").
fn ketenavond(lang: Lang) -> Vec<NewStep> {
    use ActivityKind::*;
    use Audience::*;
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
                    "tpl-q-figures",
                    Scale {
                        min: 1,
                        max: 5,
                        min_label: tr(lang, "tpl-q-figures-min"),
                        max_label: tr(lang, "tpl-q-figures-max"),
                    },
                    Individuals,
                ),
                def(
                    lang,
                    "tpl-q-goal",
                    Scale {
                        min: 1,
                        max: 5,
                        min_label: tr(lang, "tpl-agree-min"),
                        max_label: tr(lang, "tpl-agree-max"),
                    },
                    Individuals,
                ),
            ],
        ),
        step(
            lang,
            "tpl-step-3",
            vec![def(
                lang,
                "tpl-q-collect",
                OpenText { max_chars: 280 },
                Tables,
            )],
        ),
        step(
            lang,
            "tpl-step-4",
            vec![def(
                lang,
                "tpl-q-priorities",
                MultipleChoice {
                    options: lines(lang, "tpl-q-priorities-options"),
                    max_choices: 3,
                },
                Individuals,
            )],
        ),
        step(
            lang,
            "tpl-step-5",
            vec![
                def(lang, "tpl-q-action", OpenText { max_chars: 400 }, Tables),
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
            assert_eq!(n, 9, "{lang}: every template activity is valid");
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
