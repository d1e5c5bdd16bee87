//! The stakeholder register of the fictional "Gemeente Voorbeeld", for the
//! demo: a contact person at most partners, a core group as in seed 001, a
//! youth panel of people without an organisation, and conversations with
//! open and done follow-ups. Every name is made up; addresses use the
//! reserved `.example` domain.

use koers_core::ids::{ContactId, ConversationId, GroupId, PartnerId};
use koers_core::inventory::Inventory;
use koers_core::register::{
    Contact, ContactInput, Conversation, ConversationInput, Group, GroupInput,
};

/// First and last names the contact persons are made of.
const FIRST: [&str; 20] = [
    "Anouk", "Bram", "Fatma", "Daan", "Esra", "Joris", "Lotte", "Mohamed", "Noor", "Pieter",
    "Sanne", "Thijs", "Yara", "Kees", "Ilse", "Rachid", "Marieke", "Sem", "Hanneke", "Ayoub",
];
const LAST: [&str; 20] = [
    "de Vries",
    "Jansen",
    "Yilmaz",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "El Amrani",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
];
/// Roles by partner type.
fn role(kind: &str) -> &'static str {
    match kind {
        "school" => "Intern begeleider",
        "kinderopvang" => "Pedagogisch coach",
        "ggd" => "Jeugdverpleegkundige",
        "cjg" => "Coördinator",
        "wijkteam" => "Teamleider",
        "jongerenwerk" => "Jongerenwerker",
        "sport" => "Bestuurslid jeugd",
        "huisarts" => "Praktijkondersteuner jeugd",
        "politie" => "Wijkagent",
        "zorgaanbieder" => "Gedragswetenschapper",
        "burgerinitiatief" => "Initiatiefnemer",
        "gemeente" => "Beleidsadviseur",
        _ => "Contactpersoon",
    }
}

/// The demo register, built on the demo inventory's partners.
pub struct DemoRegister {
    /// Contact persons.
    pub contacts: Vec<Contact>,
    /// Groups with their members.
    pub groups: Vec<(Group, Vec<ContactId>)>,
    /// Conversations.
    pub conversations: Vec<Conversation>,
}

fn contact(name: String, partner: Option<PartnerId>, role: &str, phone: bool) -> Contact {
    let known: Vec<PartnerId> = partner.into_iter().collect();
    let mail = name
        .to_lowercase()
        .replace(' ', ".")
        .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "");
    ContactInput {
        name,
        partner: partner.map(|p| p.to_string()).unwrap_or_default(),
        role: role.into(),
        email: format!("{mail}@voorbeeld.example"),
        phone: if phone {
            "06-12345678".into()
        } else {
            String::new()
        },
    }
    .validate(ContactId::new(), &known)
    .expect("demo contact is valid")
}

/// The register for `inv`.
pub fn demo_register(inv: &Inventory) -> DemoRegister {
    let mut contacts = Vec::new();
    // One contact person at each partner but the last three (the register
    // is never complete), two at the first few.
    let mut n = 0;
    for (i, p) in inv.partners.iter().enumerate() {
        if i + 3 >= inv.partners.len() {
            break;
        }
        let people = if i < 4 { 2 } else { 1 };
        for _ in 0..people {
            let name = format!("{} {}", FIRST[n % FIRST.len()], LAST[(n * 7) % LAST.len()]);
            contacts.push(contact(name, Some(p.id), role(&p.kind), n % 3 == 0));
            n += 1;
        }
    }
    // A youth panel: young people and parents, no organisation.
    let panel_start = contacts.len();
    for (i, role) in [
        "Jongere (16)",
        "Jongere (17)",
        "Jongere (19)",
        "Ouder",
        "Ervaringsdeskundige",
    ]
    .iter()
    .enumerate()
    {
        let name = format!(
            "{} {}",
            FIRST[(n + i * 3) % FIRST.len()],
            LAST[(n + i * 5 + 3) % LAST.len()]
        );
        contacts.push(contact(name, None, role, false));
    }
    // The panel gives no e-mail for one of them: the invitation list says so.
    if let Some(c) = contacts.last_mut() {
        c.email = None;
    }
    let core = GroupInput {
        name: "Kerngroep preventief jeugdbeleid".into(),
        description: "Bereidt de ketenavonden voor en leest het concept-beleid als eerste. \
                      Komt elke zes weken bijeen."
            .into(),
        core: "on".into(),
    }
    .validate(GroupId::new())
    .expect("demo group");
    let panel = GroupInput {
        name: "Jongerenpanel".into(),
        description: "Jongeren en ouders die meedenken en meelezen.".into(),
        core: String::new(),
    }
    .validate(GroupId::new())
    .expect("demo group");
    let core_members: Vec<ContactId> = contacts[..panel_start]
        .iter()
        .step_by(2)
        .take(10)
        .map(|c| c.id)
        .collect();
    let panel_members: Vec<ContactId> = contacts[panel_start..].iter().map(|c| c.id).collect();

    let topics = [
        (
            "2026-01-20",
            "Kennismaking en verwachtingen van het traject",
            "Wil graag meedenken; zorgen over de wachtlijsten in de jeugdhulp.",
            Some(("Uitnodiging kerngroep sturen", "2026-01-27", true)),
        ),
        (
            "2026-02-03",
            "Verdiepend gesprek: overgang naar het voortgezet onderwijs",
            "Signalen van somberheid in klas 1; behoefte aan een vast aanspreekpunt.",
            Some(("Cijfers schoolverzuim nasturen", "2026-02-17", true)),
        ),
        (
            "2026-02-11",
            "Verdiepend gesprek: alcohol en sportkantines",
            "Vereniging wil meedoen aan een alcoholvrije jeugdkantine als er ondersteuning is.",
            Some((
                "Contact leggen met de preventiewerker van de GGD",
                "2026-03-01",
                false,
            )),
        ),
        (
            "2026-03-05",
            "Terugkoppeling ketenavond",
            "Positief over de werkvorm; wil de acties terugzien in het concept-beleid.",
            None,
        ),
        (
            "2026-03-18",
            "Gesprek met het jongerenpanel",
            "Jongeren vragen om een plek om te chillen zonder consumptieplicht.",
            Some(("Voorstel jongerenplek uitwerken", "2027-01-15", false)),
        ),
        (
            "2026-04-02",
            "Verdiepend gesprek: opvoedondersteuning in de wijk",
            "Ouders weten het CJG slecht te vinden; idee voor spreekuur op school.",
            Some(("Afspraak met CJG en scholen plannen", "2027-02-01", false)),
        ),
    ];
    let mut conversations = Vec::new();
    for (i, (date, topic, notes, follow)) in topics.iter().enumerate() {
        let people: Vec<ContactId> = if topic.contains("jongerenpanel") {
            panel_members.clone()
        } else {
            vec![contacts[(i * 3) % panel_start].id]
        };
        let partner = contacts
            .iter()
            .find(|c| c.id == people[0])
            .and_then(|c| c.partner);
        let all: Vec<ContactId> = contacts.iter().map(|c| c.id).collect();
        let partners: Vec<PartnerId> = inv.partners.iter().map(|p| p.id).collect();
        let input = ConversationInput {
            date: (*date).into(),
            partner: partner.map(|p| p.to_string()).unwrap_or_default(),
            contacts: people.iter().map(|c| c.to_string()).collect(),
            held_by: "Demo gespreksleider".into(),
            topic: (*topic).into(),
            notes: (*notes).into(),
            follow_up: follow.map(|f| f.0.to_string()).unwrap_or_default(),
            follow_up_due: follow.map(|f| f.1.to_string()).unwrap_or_default(),
            follow_up_done: if follow.is_some_and(|f| f.2) {
                "on".into()
            } else {
                String::new()
            },
        };
        conversations.push(
            input
                .validate(ConversationId::new(), &partners, &all)
                .expect("demo conversation"),
        );
    }
    DemoRegister {
        contacts,
        groups: vec![(core, core_members), (panel, panel_members)],
        conversations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_register_is_about_the_demo_partners() {
        let inv = crate::demo_inventory::demo_inventory();
        let reg = demo_register(&inv);
        assert!(reg.contacts.len() >= 15, "{}", reg.contacts.len());
        let partners: Vec<PartnerId> = inv.partners.iter().map(|p| p.id).collect();
        assert!(
            reg.contacts
                .iter()
                .filter_map(|c| c.partner)
                .all(|p| partners.contains(&p))
        );
        let (core, members) = &reg.groups[0];
        assert!(core.core && members.len() == 10);
        assert!(reg.conversations.iter().any(|c| c.open_follow_up()));
        assert!(reg.conversations.iter().any(|c| c.follow_up_done));
        assert!(
            reg.contacts
                .iter()
                .filter_map(|c| c.email.as_deref())
                .all(|e| e.ends_with("@voorbeeld.example"))
        );
    }
}
