//! An evening's action as a planned activity: the console links each action
//! ("We doen …, zodat …") to the new-activity form, which starts filled in
//! from it — the action as the name, who, when and what is needed in the
//! description, the partners it names as providers, and the societal result
//! its priority's category was linked to, with the action as the statement.
//! Staff complete what an evening does not say (level, age groups) and save
//! as usual; nothing is written until they do.

use super::access::Member;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use koers_core::activity::ActivityKind;
use koers_core::ids::{CategoryId, ItemId, ResultId, SessionId};
use koers_core::inventory::lists::fold;
use koers_core::inventory::model::MAX_NAME;
use koers_core::inventory::{Inventory, OfferInput};
use koers_core::items::{ItemDetail, ItemStatus};

/// The action the form starts from.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    /// The form's values.
    pub input: OfferInput,
    /// What the page says about where they came from.
    pub notice: String,
}

/// The form's values for action `action` of session `session`, which must
/// be a shown action of a session of the member's own workspace.
pub(super) async fn origin(
    state: &AppState,
    t: &Tr,
    member: &Member,
    inv: &Inventory,
    session: &str,
    action: &str,
) -> Result<Origin, AppError> {
    member.staff_only()?;
    let sid: SessionId = session.parse().map_err(|_| AppError::NotFound)?;
    let item_id: ItemId = action.parse().map_err(|_| AppError::NotFound)?;
    let store = state.store();
    let s = store
        .session_in(member.workspace.id, sid)
        .await?
        .ok_or(AppError::NotFound)?;
    let agenda = store.agenda(sid).await?;
    let mut found = None;
    for a in agenda
        .activities
        .iter()
        .filter(|a| matches!(a.def.kind, ActivityKind::Actions { .. }))
    {
        if let Some(item) = store
            .items(a.id)
            .await?
            .into_iter()
            .find(|i| i.id == item_id)
        {
            found = Some((a, item));
            break;
        }
    }
    let (list, item) = found.ok_or(AppError::NotFound)?;
    let ItemDetail::Action {
        topic,
        so_that,
        who,
        by_when,
        needs,
    } = &item.draft.detail
    else {
        return Err(AppError::NotFound);
    };
    if !matches!(item.status, ItemStatus::Visible | ItemStatus::Answered) {
        return Err(AppError::NotFound);
    }
    // The priority it works on, and the result its category serves.
    let frozen = store.activity_doc(list.id).await?.list.unwrap_or_default();
    let topic = *topic as usize;
    let priority = frozen.labels.get(topic).cloned().unwrap_or_default();
    let mut result: Option<ResultId> = None;
    if let (Some(key), ActivityKind::Actions { source, .. }) =
        (frozen.keys.get(topic), &list.def.kind)
        && let Some(vote) = agenda.activity(*source)
        && let ActivityKind::Prioritise { source: board, .. } = vote.def.kind
        && let Ok(category) = key.parse::<CategoryId>()
    {
        let doc = store.activity_doc(board).await?;
        result = doc
            .board
            .categories
            .iter()
            .find(|c| c.id == category)
            .and_then(|c| c.result)
            .filter(|r| inv.result(*r).is_some());
    }

    let statement = format!(
        "{} {}, {} {}",
        t.t("inv-from-we-do"),
        item.draft.text.trim(),
        t.t("action-so-that"),
        so_that.trim()
    );
    let mut description = vec![format!(
        "{}: {}{}",
        t.t("inv-from-session"),
        s.title,
        s.held_on
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default()
    )];
    for (key, value) in [
        ("inv-from-priority", priority.as_str()),
        ("inv-from-statement", statement.as_str()),
        ("action-who", who.as_str()),
        ("action-by-when", by_when.as_str()),
        ("action-needs", needs.as_str()),
    ] {
        if !value.trim().is_empty() {
            description.push(format!("{}: {}", t.t(key), value.trim()));
        }
    }
    let input = OfferInput {
        name: item.draft.text.trim().chars().take(MAX_NAME).collect(),
        description: description.join("\n"),
        providers: named_partners(inv, who),
        results: result
            .map(|r| vec![(r.to_string(), statement.chars().take(300).collect())])
            .unwrap_or_default(),
        evidence: koers_core::inventory::Evidence::None.key().into(),
        ..OfferInput::default()
    };
    Ok(Origin {
        input,
        notice: t.t("inv-from-action-notice"),
    })
}

/// The partners an action's "who" names: each part (split on commas,
/// slashes, "&" and "en") that is a partner's name or part of it.
fn named_partners(inv: &Inventory, who: &str) -> Vec<String> {
    let folded = fold(who);
    let parts: Vec<&str> = folded
        .split([',', '/', '&', ';', '+'])
        .flat_map(|p| p.split(" en "))
        .map(str::trim)
        .filter(|p| p.chars().count() >= 3)
        .collect();
    inv.partners
        .iter()
        .filter(|p| {
            let name = fold(&p.name);
            parts
                .iter()
                .any(|part| name == *part || name.contains(part) || part.contains(&name))
        })
        .map(|p| p.id.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use koers_core::ids::PartnerId;
    use koers_core::inventory::{Lists, MunicipalityRole, Partner};

    fn partner(name: &str) -> Partner {
        Partner {
            id: PartnerId::new(),
            name: name.into(),
            kind: "school".into(),
            contact_name: None,
            contact_email: None,
            role: MunicipalityRole::Partner,
        }
    }

    #[test]
    fn the_partners_an_action_names_are_found_by_name_or_part_of_it() {
        let inv = Inventory {
            lists: Lists::default(),
            partners: vec![
                partner("GGD Voorbeeldregio"),
                partner("CJG Voorbeeld"),
                partner("Sportservice Voorbeeld"),
            ],
            results: Vec::new(),
            offers: Vec::new(),
        };
        let ids = |who: &str| -> Vec<String> {
            named_partners(&inv, who)
                .iter()
                .map(|id| {
                    inv.partners
                        .iter()
                        .find(|p| p.id.to_string() == *id)
                        .unwrap_or_else(|| panic!("{id}"))
                        .name
                        .clone()
                })
                .collect()
        };
        assert_eq!(
            ids("GGD en het cjg voorbeeld"),
            ["GGD Voorbeeldregio", "CJG Voorbeeld"]
        );
        assert_eq!(
            ids("Sportservice Voorbeeld, scholen"),
            ["Sportservice Voorbeeld"]
        );
        assert!(ids("de buurt").is_empty(), "no partner is named");
        assert!(ids("").is_empty());
    }
}
