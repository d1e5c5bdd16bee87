//! The prevention inventory of the fictional "Gemeente Voorbeeld", for the
//! demo: its partners, its societal results and its preventive offer.
//!
//! The data is deliberately imperfect, so the analysis has something to
//! show: some realistic gaps (nothing indicated for 18–23-year-olds, no
//! selective offer before birth, a result nobody works towards, factors
//! nobody addresses) and a few near-duplicates (two partners doing almost
//! the same for the same group). Every record goes through the same
//! validation as a form or an import, and every id is fixed, so the demo is
//! the same on every run.

mod offers;
mod partners;

use koers_core::ids::{OfferId, PartnerId, ResultId};
use koers_core::inventory::{
    Actor, Evidence, Form, Inventory, Lists, OfferInput, PartnerInput, PreventionLevel, ResultInput,
};
use uuid::Uuid;

/// "Meer jongeren voelen zich gezond".
const GEZOND: &str = "Meer jongeren voelen zich gezond";
/// "Minder jongeren drinken alcohol".
const ALCOHOL: &str = "Minder jongeren drinken alcohol";
/// "Ouders voelen zich gesteund in de opvoeding".
const OUDERS: &str = "Ouders voelen zich gesteund in de opvoeding";
/// "Minder schoolverzuim": the result nobody works towards yet.
const VERZUIM: &str = "Minder schoolverzuim";
/// "Meer kinderen groeien veilig op".
const VEILIG: &str = "Meer kinderen groeien veilig op";
/// "Meer jongeren doen mee (sport, vereniging)".
const MEEDOEN: &str = "Meer jongeren doen mee (sport, vereniging)";

/// A year and a value, as typed in a form (a decimal comma allowed).
type Typed = (&'static str, &'static str);

/// The societal results: title, indicator, baseline and target.
const RESULTS: [(&str, &str, Typed, Typed); 6] = [
    (
        GEZOND,
        "% jongeren (12–18) dat de eigen gezondheid als goed of zeer goed ervaart",
        ("2024", "78"),
        ("2028", "85"),
    ),
    (
        ALCOHOL,
        "% scholieren in klas 2 en 4 dat de afgelopen maand alcohol dronk",
        ("2023", "24"),
        ("2028", "15"),
    ),
    (
        OUDERS,
        "% ouders dat zich voldoende gesteund voelt bij de opvoeding",
        ("2023", "71"),
        ("2027", "80"),
    ),
    (
        VERZUIM,
        "Leerlingen met langdurig relatief verzuim per 1.000 leerlingen",
        ("2023", "9,4"),
        ("2027", "6"),
    ),
    (
        VEILIG,
        "% kinderen (4–12) dat zich veilig voelt thuis, op school en in de buurt",
        ("2024", "88"),
        ("2028", "93"),
    ),
    (
        MEEDOEN,
        "% jongeren (4–18) dat lid is van een sportvereniging, club of vereniging",
        ("2024", "62"),
        ("2028", "70"),
    ),
];

/// A fixed id: "koers" in the first bytes, then the kind of record and its
/// number, with the version and variant bits of a custom (v8) UUID.
fn fixed_id(kind: u128, n: usize) -> Uuid {
    Uuid::from_u128(0x6b6f_6572_7300_8000_8000_0000_0000_0000 | kind << 32 | n as u128)
}

/// The demo inventory of the fictional "Gemeente Voorbeeld".
pub fn demo_inventory() -> Inventory {
    let lists = Lists::default();
    let mut inventory = Inventory {
        partners: partners::PARTNERS
            .iter()
            .enumerate()
            .map(|(n, &(name, kind, contact_name, contact_email, role))| {
                PartnerInput {
                    name: name.into(),
                    kind: kind.into(),
                    contact_name: contact_name.into(),
                    contact_email: contact_email.into(),
                    role: role.key().into(),
                }
                .validate(PartnerId(fixed_id(1, n)), &lists)
                .unwrap_or_else(|e| panic!("demo partner {name:?} is invalid: {e:?}"))
            })
            .collect(),
        results: RESULTS
            .iter()
            .enumerate()
            .map(|(n, &(title, indicator, baseline, target))| {
                ResultInput {
                    title: title.into(),
                    indicator: indicator.into(),
                    baseline_year: baseline.0.into(),
                    baseline_value: baseline.1.into(),
                    target_year: target.0.into(),
                    target_value: target.1.into(),
                }
                .validate(ResultId(fixed_id(2, n)))
                .unwrap_or_else(|e| panic!("demo result {title:?} is invalid: {e:?}"))
            })
            .collect(),
        offers: Vec::new(),
        lists,
    };
    let offers = offers::offers()
        .into_iter()
        .enumerate()
        .map(|(n, draft)| {
            draft
                .0
                .validate(OfferId(fixed_id(3, n)), &inventory)
                .unwrap_or_else(|e| panic!("demo activity {:?} is invalid: {e:?}", draft.0.name))
        })
        .collect();
    inventory.offers = offers;
    inventory.partners.sort_by_key(|p| p.name.to_lowercase());
    inventory.offers.sort_by_key(|o| o.name.to_lowercase());
    inventory
}

/// An activity being described, before validation.
#[derive(Debug)]
struct Draft(OfferInput);

/// Starts an activity: its name, providers (by name; the first is the main
/// provider), column, prevention level and form.
fn offer(
    name: &str,
    providers: &[&str],
    actor: Actor,
    level: PreventionLevel,
    form: Form,
) -> Draft {
    Draft(OfferInput {
        name: name.into(),
        providers: strings(providers),
        actor: actor.key().into(),
        level: level.key().into(),
        form: form.key().into(),
        evidence: Evidence::None.key().into(),
        ..OfferInput::default()
    })
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|&v| v.to_owned()).collect()
}

impl Draft {
    /// The description.
    fn about(mut self, description: &str) -> Draft {
        self.0.description = description.into();
        self
    }

    /// Age-group keys.
    fn ages(mut self, keys: &[&str]) -> Draft {
        self.0.age_groups = strings(keys);
        self
    }

    /// Setting keys.
    fn at(mut self, keys: &[&str]) -> Draft {
        self.0.settings = strings(keys);
        self
    }

    /// Theme keys.
    fn themes(mut self, keys: &[&str]) -> Draft {
        self.0.themes = strings(keys);
        self
    }

    /// Factor keys.
    fn factors(mut self, keys: &[&str]) -> Draft {
        self.0.factors = strings(keys);
        self
    }

    /// Contributes to a result, with a "We doen …, zodat …" statement.
    fn serves(mut self, result: &str, statement: &str) -> Draft {
        self.0.results.push((result.into(), statement.into()));
        self
    }

    /// Evidence status.
    fn evidence(mut self, evidence: Evidence) -> Draft {
        self.0.evidence = evidence.key().into();
        self
    }

    /// People reached per year.
    fn reach(mut self, people: u64) -> Draft {
        self.0.reach = people.to_string();
        self
    }

    /// Annual cost in euros and who pays.
    fn costs(mut self, euros: u64, funding: &str) -> Draft {
        self.0.cost = euros.to_string();
        self.0.funding = funding.into();
        self
    }

    /// Funding without a known cost (volunteers, own time).
    fn funded(mut self, funding: &str) -> Draft {
        self.0.funding = funding.into();
        self
    }

    /// Runs from `start` to `end` (ISO dates; an empty end runs on).
    fn runs(mut self, start: &str, end: &str) -> Draft {
        self.0.start = start.into();
        self.0.end = end.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koers_core::inventory::MunicipalityRole;
    use std::collections::HashSet;

    fn offers_for<'a>(
        inv: &'a Inventory,
        p: impl Fn(&koers_core::inventory::Offer) -> bool + 'a,
    ) -> usize {
        inv.offers.iter().filter(|o| p(o)).count()
    }

    #[test]
    fn has_at_least_fifteen_partners_and_sixty_activities() {
        let inv = demo_inventory();
        assert!(inv.partners.len() >= 15, "{} partners", inv.partners.len());
        assert!(inv.offers.len() >= 60, "{} activities", inv.offers.len());
        assert!((5..=6).contains(&inv.results.len()));
    }

    #[test]
    fn every_partner_provides_an_activity() {
        let inv = demo_inventory();
        for p in &inv.partners {
            assert!(
                inv.offers.iter().any(|o| o.providers.contains(&p.id)),
                "{} provides nothing",
                p.name
            );
        }
    }

    #[test]
    fn every_default_age_group_is_used() {
        let inv = demo_inventory();
        for group in &Lists::default().age_groups {
            assert!(
                inv.offers.iter().any(|o| o.age_groups.contains(&group.key)),
                "age group {} unused",
                group.key
            );
        }
    }

    #[test]
    fn every_level_actor_and_role_is_used() {
        let inv = demo_inventory();
        for &level in PreventionLevel::ALL {
            assert!(offers_for(&inv, |o| o.level == level) > 0, "{level:?}");
        }
        for &actor in Actor::ALL {
            assert!(offers_for(&inv, |o| o.actor == actor) > 0, "{actor:?}");
        }
        for &role in MunicipalityRole::ALL {
            assert!(inv.partners.iter().any(|p| p.role == role), "{role:?}");
        }
        let universal = offers_for(&inv, |o| o.level == PreventionLevel::Universal);
        let care = offers_for(&inv, |o| o.level == PreventionLevel::CareRelated);
        assert!(universal > inv.offers.len() / 2 && care < universal / 4);
    }

    #[test]
    fn one_result_is_deliberately_left_without_activities() {
        let inv = demo_inventory();
        let unserved: Vec<_> = inv
            .results
            .iter()
            .filter(|r| {
                !inv.offers
                    .iter()
                    .any(|o| o.results.iter().any(|l| l.result == r.id))
            })
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(unserved, [VERZUIM]);
    }

    #[test]
    fn the_planted_gaps_are_there() {
        let inv = demo_inventory();
        let has =
            |o: &koers_core::inventory::Offer, age: &str| o.age_groups.iter().any(|a| a == age);
        assert_eq!(
            offers_for(&inv, |o| o.level == PreventionLevel::Indicated
                && has(o, "18-23")),
            0
        );
        assert_eq!(
            offers_for(&inv, |o| o.level == PreventionLevel::Selective
                && has(o, "prenataal")),
            0
        );
        assert!(offers_for(&inv, |o| has(o, "prenataal")) >= 2);
        for factor in ["schooluitval", "eenzaamheid"] {
            assert_eq!(
                offers_for(&inv, |o| o.factors.iter().any(|f| f == factor)),
                0,
                "{factor}"
            );
        }
        let linked = offers_for(&inv, |o| !o.results.is_empty());
        assert!(
            linked * 10 >= inv.offers.len() * 8,
            "most activities serve a result"
        );
    }

    #[test]
    fn contacts_use_reserved_example_domains_only() {
        for p in demo_inventory().partners {
            let email = p.contact_email.unwrap_or_default();
            assert!(
                email.ends_with(".example") || email.ends_with("@example.org"),
                "{email}"
            );
        }
    }

    #[test]
    fn ids_and_names_are_unique() {
        let inv = demo_inventory();
        let ids: HashSet<Uuid> = inv
            .partners
            .iter()
            .map(|p| p.id.0)
            .chain(inv.results.iter().map(|r| r.id.0))
            .chain(inv.offers.iter().map(|o| o.id.0))
            .collect();
        assert_eq!(
            ids.len(),
            inv.partners.len() + inv.results.len() + inv.offers.len()
        );
        let names: HashSet<String> = inv.offers.iter().map(|o| o.name.to_lowercase()).collect();
        assert_eq!(names.len(), inv.offers.len());
        let names: HashSet<String> = inv.partners.iter().map(|p| p.name.to_lowercase()).collect();
        assert_eq!(names.len(), inv.partners.len());
    }

    #[test]
    fn calling_it_twice_gives_equal_inventories() {
        assert_eq!(demo_inventory(), demo_inventory());
    }
}
