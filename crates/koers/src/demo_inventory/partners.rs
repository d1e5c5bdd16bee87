//! The partners of Gemeente Voorbeeld. All organisations and people are
//! fictional; e-mail addresses use the reserved `.example` and `example.org`
//! domains only.

use koers_core::inventory::MunicipalityRole::{self, Commissions, Facilitates, Partner};

pub(super) const GEMEENTE: &str = "Gemeente Voorbeeld";
pub(super) const GGD: &str = "GGD Voorbeeldregio";
pub(super) const CJG: &str = "CJG Voorbeeld";
pub(super) const WIJKTEAM_NOORD: &str = "Wijkteam Voorbeeld-Noord";
pub(super) const WIJKTEAM_ZUID: &str = "Wijkteam Voorbeeld-Zuid";
pub(super) const JONGERENWERK: &str = "Stichting Jongerenwerk Voorbeeld";
pub(super) const SPORTSERVICE: &str = "Sportservice Voorbeeld";
pub(super) const BIBLIOTHEEK: &str = "Bibliotheek Voorbeeld";
pub(super) const REGENBOOG: &str = "Basisschool De Regenboog";
pub(super) const KOMPAS: &str = "OBS Het Kompas";
pub(super) const COLLEGE: &str = "Voorbeeld College (vo)";
pub(super) const VAKCOLLEGE: &str = "Vakcollege Voorbeeld (mbo)";
pub(super) const ZONNESTRAAL: &str = "Kinderopvang Zonnestraal";
pub(super) const VERLOSKUNDE: &str = "Verloskundigenpraktijk Het Nest";
pub(super) const HUISARTS: &str = "Huisartsenpraktijk De Linde";
pub(super) const POLITIE: &str = "Politie basisteam Voorbeeld";
pub(super) const HORIZON: &str = "Jeugdzorg Aanbieder Horizon";
pub(super) const VERSLAVINGSZORG: &str = "Verslavingszorg Noord";
pub(super) const VOETBAL: &str = "Voetbalvereniging VV Voorbeeld";
pub(super) const SAMEN_STERK: &str = "Buurtinitiatief Samen Sterk";
pub(super) const GEZINSMAATJES: &str = "Stichting Gezinsmaatjes Voorbeeld";
pub(super) const JONGERENRAAD: &str = "Jongerenraad Voorbeeld";

/// Name, partner-type key, contact person, contact e-mail, and what the
/// municipality is to the partner.
#[rustfmt::skip]
pub(super) const PARTNERS: [(&str, &str, &str, &str, MunicipalityRole); 22] = [
    (GEMEENTE, "gemeente", "Karin Vos", "k.vos@gemeente-voorbeeld.example", Commissions),
    (GGD, "ggd", "Marieke van Dijk", "m.vandijk@ggd-voorbeeldregio.example", Commissions),
    (CJG, "cjg", "Sanne Bakker", "s.bakker@cjg-voorbeeld.example", Commissions),
    (WIJKTEAM_NOORD, "wijkteam", "Ingrid Mulder", "i.mulder@wijkteam-voorbeeld.example", Commissions),
    (WIJKTEAM_ZUID, "wijkteam", "Kees Visser", "k.visser@wijkteam-voorbeeld.example", Commissions),
    (JONGERENWERK, "jongerenwerk", "Youssef Amrani", "y.amrani@jongerenwerk-voorbeeld.example", Commissions),
    (SPORTSERVICE, "overig", "Lotte Brouwer", "l.brouwer@sportservice-voorbeeld.example", Commissions),
    (BIBLIOTHEEK, "overig", "Nienke Dekker", "n.dekker@bibliotheek-voorbeeld.example", Commissions),
    (REGENBOOG, "school", "Peter Jansen", "directie@deregenboog.example", Partner),
    (KOMPAS, "school", "Fatima El Idrissi", "f.elidrissi@obs-hetkompas.example", Partner),
    (COLLEGE, "school", "Hans de Vries", "zorgcoordinator@voorbeeldcollege.example", Partner),
    (VAKCOLLEGE, "school", "Rianne Koster", "r.koster@vakcollege-voorbeeld.example", Partner),
    (ZONNESTRAAL, "kinderopvang", "Linda Smit", "l.smit@kinderopvang-zonnestraal.example", Partner),
    (VERLOSKUNDE, "zorgaanbieder", "Miriam Postma", "info@verloskunde-hetnest.example", Partner),
    (HUISARTS, "huisarts", "Ahmed Yilmaz", "praktijk@huisarts-delinde.example", Partner),
    (POLITIE, "politie", "Ruud de Boer", "wijkagent@politie-voorbeeld.example", Partner),
    (HORIZON, "zorgaanbieder", "Esther Vermeulen", "e.vermeulen@horizon-jeugd.example", Commissions),
    (VERSLAVINGSZORG, "zorgaanbieder", "Martin Kok", "preventie@verslavingszorg-noord.example", Commissions),
    (VOETBAL, "sport", "Jeroen Bos", "jeugd@vv-voorbeeld.example", Facilitates),
    (SAMEN_STERK, "burgerinitiatief", "Ans Hendriks", "samensterk@example.org", Facilitates),
    (GEZINSMAATJES, "burgerinitiatief", "Thea de Graaf", "coordinator@gezinsmaatjes.example", Facilitates),
    (JONGERENRAAD, "burgerinitiatief", "Daan Willems", "jongerenraad@example.org", Facilitates),
];
