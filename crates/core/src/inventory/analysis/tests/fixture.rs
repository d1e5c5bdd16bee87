//! A small hand-built inventory whose right answers are worked out by hand
//! in the tests: 4 partners, 3 results, 10 activities (one ended in 2023,
//! one started in 2024), analysed for [`YEAR`].

use jiff::civil::date;
use uuid::Uuid;

use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::lists::Lists;
use crate::inventory::model::{
    Actor, Evidence, Form, Inventory, MunicipalityRole, Offer, Partner, PreventionLevel,
    ResultLink, SocietalResult,
};

/// "This year" of the tests.
pub const YEAR: i16 = 2025;

/// Partner `n` (1..=4).
pub fn partner(n: u128) -> PartnerId {
    PartnerId(Uuid::from_u128(0x100 + n))
}
/// GGD Rivierland.
pub const GGD: u128 = 1;
/// Jongerenwerk De Brug.
pub const JONGERENWERK: u128 = 2;
/// Sportvereniging Vooruit.
pub const SPORT: u128 = 3;
/// Wijkteam Noord.
pub const WIJKTEAM: u128 = 4;

/// Result `n` (1..=3).
pub fn result(n: u128) -> ResultId {
    ResultId(Uuid::from_u128(0x200 + n))
}
/// Minder jongeren drinken alcohol.
pub const ALCOHOL: u128 = 1;
/// Meer kinderen bewegen dagelijks.
pub const BEWEGEN: u128 = 2;
/// Minder kinderen groeien op in armoede (no activity).
pub const ARMOEDE: u128 = 3;

/// Activity `n` (1..=10).
pub fn offer(n: u128) -> OfferId {
    OfferId(Uuid::from_u128(0x300 + n))
}

/// The ids of activities `ns`, in that order.
pub fn offers(ns: &[u128]) -> Vec<OfferId> {
    ns.iter().map(|&n| offer(n)).collect()
}

fn keys(ks: &[&str]) -> Vec<String> {
    ks.iter().map(|&k| k.to_owned()).collect()
}

fn new_partner(n: u128, name: &str, kind: &str) -> Partner {
    Partner {
        id: partner(n),
        name: name.into(),
        kind: kind.into(),
        contact_name: None,
        contact_email: None,
        role: MunicipalityRole::Commissions,
    }
}

fn new_result(n: u128, title: &str) -> SocietalResult {
    SocietalResult {
        id: result(n),
        title: title.into(),
        indicator: None,
        baseline: None,
        target: None,
    }
}

/// An activity with the fields the analysis does not look at defaulted.
#[expect(
    clippy::too_many_arguments,
    reason = "a table row, written out per activity"
)]
fn activity(
    n: u128,
    (name, description): (&str, &str),
    providers: &[u128],
    (actor, level, form): (Actor, PreventionLevel, Form),
    age_groups: &[&str],
    themes: &[&str],
    factors: &[&str],
    results: &[(u128, Option<&str>)],
    evidence: Evidence,
    (reach, cost): (Option<u64>, Option<u64>),
) -> Offer {
    Offer {
        id: offer(n),
        name: name.into(),
        description: description.into(),
        providers: providers.iter().map(|&p| partner(p)).collect(),
        actor,
        level,
        age_groups: keys(age_groups),
        settings: Vec::new(),
        form,
        themes: keys(themes),
        factors: keys(factors),
        results: results
            .iter()
            .map(|&(r, s)| ResultLink {
                result: result(r),
                statement: s.map(str::to_owned),
            })
            .collect(),
        evidence,
        reach,
        cost,
        funding: None,
        start: None,
        end: None,
    }
}

/// The fixture inventory (default lists).
pub fn inventory() -> Inventory {
    use Actor::{Approach, Citizens, Partners};
    use PreventionLevel::{CareRelated, Indicated, Selective, Universal};
    let mut offers = vec![
        activity(
            1,
            ("Voorlichting over alcohol aan ouders van brugklassers", ""),
            &[GGD],
            (Approach, Universal, Form::Group),
            &["ouders", "12-18"],
            &["middelen"],
            &["middelengebruik", "opvoedvaardigheden"],
            &[(
                ALCOHOL,
                Some("We doen voorlichting, zodat ouders hun kind later laten drinken"),
            )],
            Evidence::WellFounded,
            (Some(400), Some(8_000)),
        ),
        activity(
            2,
            (
                "Ouders van brugklasleerlingen voorlichten over alcoholgebruik",
                "",
            ),
            &[JONGERENWERK],
            (Partners, Universal, Form::Group),
            &["ouders"],
            &["middelen"],
            &["middelengebruik"],
            &[(ALCOHOL, None)],
            Evidence::PracticeBased,
            (Some(200), Some(4_000)),
        ),
        activity(
            3,
            (
                "Sportinstuif op woensdagmiddag",
                "Vrij sporten in de gymzaal voor kinderen uit de wijk",
            ),
            &[SPORT],
            (Citizens, Universal, Form::Group),
            &["4-12"],
            &["gezondheid"],
            &["overgewicht", "gezonde-leefstijl"],
            &[(BEWEGEN, None)],
            Evidence::None,
            (Some(300), Some(2_000)),
        ),
        activity(
            4,
            (
                "Huiswerkklas in het buurthuis",
                "Begeleiding bij huiswerk en planning",
            ),
            &[JONGERENWERK],
            (Citizens, Universal, Form::Group),
            &["4-12", "12-18"],
            &["onderwijs"],
            &["schooluitval", "binding-school"],
            &[],
            Evidence::PracticeBased,
            (Some(100), Some(1_000)),
        ),
        activity(
            5,
            (
                "Beweegprogramma voor kinderen met overgewicht",
                "Samen sporten na schooltijd",
            ),
            &[GGD, SPORT],
            (Approach, Selective, Form::Group),
            &["4-12"],
            &["gezondheid"],
            &["overgewicht"],
            &[(
                BEWEGEN,
                Some("We doen een beweegprogramma, zodat kinderen meer bewegen"),
            )],
            Evidence::GoodIndications,
            (Some(50), Some(10_000)),
        ),
        activity(
            6,
            (
                "Individuele leefstijlcoaching",
                "Gesprekken over eten en bewegen",
            ),
            &[WIJKTEAM],
            (Approach, Indicated, Form::Individual),
            &["12-18"],
            &["gezondheid"],
            &["overgewicht"],
            &[(BEWEGEN, None)],
            Evidence::TheoryBased,
            (None, Some(6_000)),
        ),
        activity(
            7,
            (
                "Gezinscoaching bij opvoedproblemen",
                "Thuis steun bij de opvoeding",
            ),
            &[WIJKTEAM],
            (Approach, CareRelated, Form::Both),
            &["0-4", "4-12", "ouders"],
            &["opvoeden"],
            &["opvoedstress", "opvoedvaardigheden"],
            &[],
            Evidence::FirstIndications,
            (Some(30), None),
        ),
        activity(
            8,
            (
                "Alcoholpreventie op het voetbalveld",
                "Trainers leren signalen van alcoholgebruik herkennen",
            ),
            &[SPORT],
            (Partners, Universal, Form::Group),
            &["12-18"],
            &["middelen"],
            &["middelengebruik"],
            &[(ALCOHOL, None)],
            Evidence::None,
            (Some(120), Some(500)),
        ),
        activity(
            9,
            ("Schoolmaatschappelijk werk", "Hulp bij pesten op school"),
            &[WIJKTEAM],
            (Approach, Indicated, Form::Individual),
            &["12-18"],
            &["mentaal"],
            &["pesten"],
            &[],
            Evidence::PracticeBased,
            (Some(80), Some(20_000)),
        ),
        activity(
            10,
            (
                "Mentorprogramma voor jongvolwassenen",
                "Een vrijwillige maatje voor een jaar",
            ),
            &[JONGERENWERK],
            (Citizens, Selective, Form::Individual),
            &["18-23"],
            &["participatie"],
            &["netwerk", "veerkracht"],
            &[],
            Evidence::TheoryBased,
            (Some(40), Some(3_000)),
        ),
    ];
    // Ended in 2023; started in 2024.
    offers[8].start = Some(date(2019, 9, 1));
    offers[8].end = Some(date(2023, 7, 31));
    offers[9].start = Some(date(2024, 1, 1));
    Inventory {
        lists: Lists::default(),
        partners: vec![
            new_partner(GGD, "GGD Rivierland", "ggd"),
            new_partner(JONGERENWERK, "Jongerenwerk De Brug", "jongerenwerk"),
            new_partner(SPORT, "Sportvereniging Vooruit", "sport"),
            new_partner(WIJKTEAM, "Wijkteam Noord", "wijkteam"),
        ],
        results: vec![
            new_result(ALCOHOL, "Minder jongeren drinken alcohol"),
            new_result(BEWEGEN, "Meer kinderen bewegen dagelijks"),
            new_result(ARMOEDE, "Minder kinderen groeien op in armoede"),
        ],
        offers,
    }
}
