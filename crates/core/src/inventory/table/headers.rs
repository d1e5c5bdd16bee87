//! The headers municipalities write for each field, after
//! [`super::norm_header`]: synonyms that must match a whole header, and
//! keyword rules for the headers no synonym matches.

use super::{Column, SheetKind};

/// Synonyms per field, `|`-separated.
pub(super) fn synonyms(kind: SheetKind) -> &'static [(Column, &'static str)] {
    use Column::*;
    match kind {
        SheetKind::Activities => &[
            (Id, "id|koers id|uuid|identifier"),
            (
                Name,
                "naam activiteit|activiteit|naam|naam van de activiteit|activiteitnaam|naam interventie|interventie|aanbod|naam aanbod|titel|activity|name|activity name|programma|project",
            ),
            (
                Description,
                "omschrijving|beschrijving|korte omschrijving|toelichting|inhoud|description|omschrijving activiteit|wat",
            ),
            (
                Providers,
                "aanbieder|aanbieders|uitvoerder|uitvoerders|uitvoerende partij|uitvoerende organisatie|organisatie|organisaties|partner|partners|aanbiedende organisatie|provider|providers|door wie|wie",
            ),
            (
                Actor,
                "soort uitvoerder|type uitvoerder|actor|kolom|pijler|domein|burgers aanpak partners|uitvoerend domein",
            ),
            (
                Level,
                "preventieniveau|niveau|preventie niveau|niveau preventie|soort preventie|type preventie|preventietype|level|prevention level|preventievorm",
            ),
            (
                AgeGroups,
                "leeftijd|leeftijden|leeftijdsgroep|leeftijdsgroepen|doelgroep leeftijd|leeftijd doelgroep|leeftijdscategorie|leeftijdscategorieen|doelgroep|doelgroepen|age group|age groups|age",
            ),
            (
                Settings,
                "setting|settings|vindplaats|vindplaatsen|locatie|plaats|context|omgeving|waar",
            ),
            (
                Form,
                "vorm|werkvorm|individueel of groep|individueel groep|individueel groepsgericht|individueel of groepsgericht|form",
            ),
            (Themes, "thema|themas|theme|themes|onderwerp|onderwerpen"),
            (
                Factors,
                "risico en beschermende factoren|risico en beschermende factor|factoren|factor|risicofactoren|beschermende factoren|risico en beschermingsfactoren|risk and protective factors|factors",
            ),
            (
                Results,
                "maatschappelijk resultaat|maatschappelijke resultaten|resultaat|resultaten|bijdrage aan resultaat|societal result|societal results|results|result",
            ),
            (
                Statements,
                "we doen zodat|we doen zodat toelichting|bijdrage|zodat|toelichting bijdrage|statement|statements",
            ),
            (
                Evidence,
                "bewijs|bewijs van effectiviteit|erkenning|effectiviteit|bewijskracht|erkenningsniveau|databank|onderbouwing|erkend|mate van bewijs|evidence|erkenning bewijs|databank effectieve jeugdinterventies",
            ),
            (
                Reach,
                "bereik|bereik per jaar|jaarlijks bereik|aantal bereikt|aantal deelnemers|deelnemers per jaar|reach|bereik jaar",
            ),
            (
                Cost,
                "kosten|kosten per jaar|jaarlijkse kosten|kosten euro|budget|cost|costs|kosten in euro|begroting",
            ),
            (
                Funding,
                "financiering|financieringsbron|bekostiging|financier|funding|gefinancierd door",
            ),
            (
                Start,
                "startdatum|start|begindatum|begin|vanaf|start date|ingangsdatum",
            ),
            (End, "einddatum|eind|tot|end|end date|looptijd tot|einde"),
        ],
        SheetKind::Partners => &[
            (Id, "id|koers id|uuid|identifier"),
            (
                Name,
                "naam|naam organisatie|organisatie|naam partner|partner|organisatienaam|name|organisation|organization",
            ),
            (
                PartnerType,
                "type|soort|soort organisatie|type organisatie|type partner|partnertype|soort partner|kind|sector",
            ),
            (
                ContactName,
                "contactpersoon|contact|naam contactpersoon|contact name",
            ),
            (
                ContactEmail,
                "e mail|email|e mailadres|emailadres|mail|e mail contactpersoon|contact e mail|mailadres",
            ),
            (
                Role,
                "rol gemeente|rol|rol van de gemeente|role|municipality role|relatie gemeente|relatie met gemeente",
            ),
        ],
        SheetKind::Results => &[
            (Id, "id|koers id|uuid|identifier"),
            (
                Name,
                "maatschappelijk resultaat|resultaat|titel|title|result|societal result|naam",
            ),
            (Indicator, "indicator|meting|indicatoren"),
            (
                BaselineYear,
                "nulmeting jaar|jaar nulmeting|basisjaar|baseline year|uitgangssituatie jaar",
            ),
            (
                BaselineValue,
                "nulmeting waarde|waarde nulmeting|nulmeting|baseline|baseline value|uitgangswaarde|uitgangssituatie",
            ),
            (
                TargetYear,
                "streefjaar|jaar streefwaarde|doel jaar|doeljaar|target year",
            ),
            (
                TargetValue,
                "streefwaarde|doelwaarde|doel|target|target value|streefwaarde waarde",
            ),
        ],
    }
}

/// Keyword rules for headers no synonym matches exactly: a column whose
/// header holds all the words of a rule (in order of the rules).
pub(super) fn keyword(kind: SheetKind, words: &[&str]) -> Option<Column> {
    use Column::*;
    let has = |w: &str| words.iter().any(|x| x.starts_with(w));
    let rules: &[(Column, &[&str])] = match kind {
        SheetKind::Activities => &[
            (Actor, &["soort", "uitvoer"]),
            (Actor, &["type", "uitvoer"]),
            (Statements, &["zodat"]),
            (Factors, &["factor"]),
            (Level, &["preventieniveau"]),
            (Level, &["niveau"]),
            (AgeGroups, &["leeftijd"]),
            (Providers, &["aanbieder"]),
            (Providers, &["uitvoerder"]),
            (Results, &["resulta"]),
            (Themes, &["thema"]),
            (Evidence, &["erkenning"]),
            (Evidence, &["effectiviteit"]),
            (Evidence, &["bewijs"]),
            (Reach, &["bereik"]),
            (Cost, &["kosten"]),
            (Funding, &["financier"]),
            (Start, &["start"]),
            (End, &["eind"]),
            (Description, &["omschrijving"]),
            (Description, &["beschrijving"]),
            (Name, &["naam"]),
            (Name, &["activiteit"]),
        ],
        SheetKind::Partners => &[
            (ContactEmail, &["mail"]),
            (ContactName, &["contact"]),
            (Role, &["rol"]),
            (PartnerType, &["type"]),
            (PartnerType, &["soort"]),
            (Name, &["naam"]),
            (Name, &["organisatie"]),
        ],
        SheetKind::Results => &[
            (BaselineYear, &["nulmeting", "jaar"]),
            (BaselineValue, &["nulmeting"]),
            (TargetYear, &["streef", "jaar"]),
            (TargetValue, &["streef"]),
            (Indicator, &["indicator"]),
            (Name, &["resultaat"]),
        ],
    };
    rules
        .iter()
        .find(|(_, needed)| needed.iter().all(|w| has(w)))
        .map(|(c, _)| *c)
}
