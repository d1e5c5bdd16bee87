//! The preventive offer of Gemeente Voorbeeld, one activity per entry,
//! grouped by prevention level. Recognised interventions carry their real
//! names; who runs them here is fictional.
//!
//! Planted for the analysis:
//! - near-duplicates: "Rots en Water weerbaarheidstraining" and
//!   "Weerbaarheidstraining groep 7 en 8"; "Opvoedspreekuur CJG" and
//!   "Opvoedspreekuur in de wijk"; "Ouderavond alcohol en drugs" and
//!   "Voorlichtingsavond ouders: alcohol, roken en drugs";
//! - gaps: nothing indicated for 18–23-year-olds, nothing selective before
//!   birth, nothing towards "Minder schoolverzuim", and nobody addresses the
//!   factors "schooluitval" and "eenzaamheid";
//! - a shift over time: residential care and older parenting courses end in
//!   2022–2025 while universal offer starts in 2023–2025.

use super::partners::*;
use super::{ALCOHOL, Draft, GEZOND, MEEDOEN, OUDERS, VEILIG, offer};
use koers_core::inventory::Actor::{Approach, Citizens, Partners};
use koers_core::inventory::Evidence as E;
use koers_core::inventory::Form::{Both, Group, Individual};
use koers_core::inventory::PreventionLevel::{CareRelated, Indicated, Selective, Universal};

/// Every activity.
pub(super) fn offers() -> Vec<Draft> {
    let mut all = universal();
    all.extend(selective());
    all.extend(indicated());
    all.extend(care_related());
    all
}

/// For all children, young people or parents.
#[rustfmt::skip]
fn universal() -> Vec<Draft> {
    vec![
        // Before birth and the first years.
        offer("Prenatale zorg en voorlichting", &[VERLOSKUNDE], Partners, Universal, Individual)
            .about("Verloskundige controles tijdens de zwangerschap, met aandacht voor leefstijl, roken en alcohol. In het derde trimester bespreekt de verloskundige ook de voorbereiding op het ouderschap.")
            .ages(&["prenataal", "ouders"]).at(&["wijk"]).themes(&["gezondheid", "opvoeden"]).factors(&["gezonde-leefstijl"])
            .serves(OUDERS, "We bespreken al tijdens de zwangerschap het ouderschap, zodat aanstaande ouders goed voorbereid beginnen")
            .evidence(E::PracticeBased).reach(260).funded("Zorgverzekeraar").runs("2021-01-01", ""),
        offer("Prenataal huisbezoek JGZ", &[GGD], Approach, Universal, Individual)
            .about("Een jeugdverpleegkundige bezoekt alle zwangeren vanaf 24 weken thuis. Zij maakt kennis, geeft informatie over de eerste weken en legt de verbinding met het consultatiebureau.")
            .ages(&["prenataal", "ouders"]).at(&["thuis"]).themes(&["opvoeden", "gezondheid"]).factors(&["opvoedvaardigheden", "netwerk"])
            .serves(OUDERS, "We komen al voor de geboorte thuis, zodat ouders de jeugdgezondheidszorg kennen voordat er vragen zijn")
            .evidence(E::PracticeBased).reach(180).costs(38_000, "GIDS-gelden").runs("2023-01-01", "2026-12-31"),
        offer("Consultatiebureau: contactmomenten 0–4 jaar", &[GGD], Approach, Universal, Individual)
            .about("Het wettelijke basispakket jeugdgezondheidszorg: groei, ontwikkeling, vaccinaties en opvoedvragen, op vaste momenten tot het vierde jaar.")
            .ages(&["0-4", "ouders"]).at(&["wijk"]).themes(&["gezondheid", "opvoeden"]).factors(&["gezonde-leefstijl", "opvoedvaardigheden"])
            .serves(OUDERS, "We zien vrijwel alle jonge kinderen en hun ouders, zodat opvoedvragen vroeg een antwoord krijgen")
            .serves(VEILIG, "We volgen de ontwikkeling van elk kind, zodat zorgen over veiligheid vroeg opvallen")
            .evidence(E::WellFounded).reach(1_150).costs(610_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Samen Starten", &[GGD], Approach, Universal, Individual)
            .about("Gespreksmethode waarmee de jeugdverpleegkundige met ouders van baby's bespreekt wat goed gaat en waar zij zich zorgen over maken. Zo komen stress, steun uit de omgeving en de eigen jeugd van ouders ter sprake.")
            .ages(&["0-4", "ouders"]).at(&["thuis", "wijk"]).themes(&["opvoeden"]).factors(&["opvoedstress", "netwerk"])
            .serves(OUDERS, "We bespreken met elke ouder ook de zorgen en het netwerk, zodat ouders tijdig lichte steun krijgen")
            .evidence(E::WellFounded).reach(600).costs(24_000, "Subsidie gemeente").runs("2022-03-01", ""),
        offer("BoekStart voor baby's", &[BIBLIOTHEEK, CJG], Partners, Universal, Both)
            .about("Ouders van baby's krijgen via het consultatiebureau een gratis lidmaatschap en een koffertje met boekjes. De bibliotheek organiseert maandelijks een voorleesochtend voor ouders met peuters.")
            .ages(&["0-4", "ouders"]).at(&["thuis", "wijk"]).themes(&["onderwijs", "opvoeden"]).factors(&["opvoedvaardigheden"])
            .serves(OUDERS, "We helpen ouders vanaf de eerste maanden voorlezen, zodat zij zelf de taalontwikkeling van hun kind stimuleren")
            .evidence(E::TheoryBased).reach(420).costs(15_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Gezonde Kinderopvang", &[ZONNESTRAAL], Partners, Universal, Group)
            .about("De kinderopvang werkt met een vast beleid voor gezond eten, drinken en buiten spelen. Pedagogisch medewerkers zijn hierin geschoold.")
            .ages(&["0-4"]).at(&["kinderopvang"]).themes(&["gezondheid"]).factors(&["gezonde-leefstijl", "overgewicht"])
            .serves(GEZOND, "We maken gezond eten en bewegen gewoon op de opvang, zodat kinderen vroeg gezonde gewoonten leren")
            .evidence(E::TheoryBased).reach(240).costs(4_500, "Eigen middelen").runs("2023-01-01", ""),
        offer("Ouder-kindochtend in de buurtkamer", &[SAMEN_STERK], Citizens, Universal, Group)
            .about("Elke woensdagochtend komen ouders met jonge kinderen samen in de buurtkamer. Er is koffie, speelgoed en af en toe een gast van het consultatiebureau.")
            .ages(&["0-4", "ouders"]).at(&["wijk"]).themes(&["opvoeden", "participatie"]).factors(&["netwerk"])
            .serves(OUDERS, "We brengen ouders van jonge kinderen bij elkaar, zodat zij steun vinden bij andere ouders in de buurt")
            .evidence(E::PracticeBased).reach(60).costs(2_500, "Bewonersbudget gemeente").runs("2022-01-01", ""),
        // Primary school age.
        offer("Kanjertraining", &[REGENBOOG], Partners, Universal, Group)
            .about("Schoolbrede methode voor sociaal-emotioneel leren met vaste afspraken en lessen in alle groepen. Leerkrachten en ouders gebruiken dezelfde taal.")
            .ages(&["4-12"]).at(&["school"]).themes(&["veiligheid", "mentaal"]).factors(&["pesten", "sociale-vaardigheden"])
            .serves(VEILIG, "We werken schoolbreed aan een veilig klimaat, zodat kinderen zich veilig voelen in de klas")
            .evidence(E::FirstIndications).reach(310).costs(6_800, "Eigen middelen").runs("2021-01-01", ""),
        offer("KiVa-aanpak tegen pesten", &[KOMPAS], Partners, Universal, Group)
            .about("Preventieprogramma tegen pesten met lessen, een KiVa-team op school en een vaste aanpak bij pestsituaties. De school meet elk jaar hoe veilig leerlingen zich voelen.")
            .ages(&["4-12"]).at(&["school"]).themes(&["veiligheid"]).factors(&["pesten", "sociale-vaardigheden"])
            .serves(VEILIG, "We pakken pesten met de hele groep aan, zodat minder kinderen gepest worden")
            .evidence(E::GoodIndications).reach(280).costs(7_500, "Eigen middelen").runs("2022-08-15", ""),
        offer("Gezonde School primair onderwijs", &[GGD, REGENBOOG, KOMPAS], Approach, Universal, Group)
            .about("De GGD ondersteunt basisscholen bij lessen over voeding, bewegen en slapen en bij het behalen van het vignet Gezonde School.")
            .ages(&["4-12"]).at(&["school"]).themes(&["gezondheid"]).factors(&["gezonde-leefstijl", "overgewicht"])
            .serves(GEZOND, "We maken gezondheid een vast onderdeel van school, zodat kinderen gezonder opgroeien")
            .evidence(E::TheoryBased).reach(560).costs(18_000, "SPUK").runs("2023-01-01", ""),
        offer("Rots en Water weerbaarheidstraining", &[JONGERENWERK], Approach, Universal, Group)
            .about("Weerbaarheidstraining voor leerlingen van groep 7 en 8 in tien lessen. Kinderen leren hun grenzen aangeven, met spanning omgaan en voor zichzelf opkomen bij pesten.")
            .ages(&["4-12"]).at(&["school"]).themes(&["veiligheid", "mentaal"]).factors(&["pesten", "veerkracht", "sociale-vaardigheden"])
            .serves(VEILIG, "We trainen kinderen in weerbaarheid, zodat zij beter voor zichzelf opkomen en minder gepest worden")
            .evidence(E::WellFounded).reach(120).costs(14_000, "Subsidie gemeente").runs("2022-09-01", ""),
        offer("Weerbaarheidstraining groep 7 en 8", &[SPORTSERVICE], Approach, Universal, Group)
            .about("Training in weerbaarheid voor leerlingen uit groep 7 en 8, gegeven in de gymzaal. Kinderen oefenen met grenzen aangeven, voor zichzelf opkomen en omgaan met pesten.")
            .ages(&["4-12"]).at(&["school"]).themes(&["veiligheid", "mentaal"]).factors(&["pesten", "veerkracht", "sociale-vaardigheden"])
            .serves(VEILIG, "We maken kinderen weerbaarder, zodat zij voor zichzelf opkomen en pesten minder kans krijgt")
            .evidence(E::PracticeBased).reach(100).costs(11_500, "SPUK").runs("2023-09-01", ""),
        offer("Buurtsportcoach: naschools sporten", &[SPORTSERVICE], Approach, Universal, Group)
            .about("Buurtsportcoaches organiseren na schooltijd laagdrempelig sport- en beweegaanbod op pleinen en in gymzalen, en leiden kinderen door naar verenigingen.")
            .ages(&["4-12", "12-18"]).at(&["wijk", "school"]).themes(&["gezondheid", "participatie"]).factors(&["gezonde-leefstijl", "overgewicht"])
            .serves(MEEDOEN, "We laten kinderen kennismaken met sport in hun eigen buurt, zodat meer van hen lid worden van een club")
            .serves(GEZOND, "We zorgen voor dagelijks beweegaanbod dichtbij, zodat kinderen meer bewegen")
            .evidence(E::PracticeBased).reach(850).costs(95_000, "SPUK").runs("2021-01-01", ""),
        offer("Jeugdvoetbal met opgeleide jeugdtrainers", &[VOETBAL], Partners, Universal, Group)
            .about("De vereniging traint ruim twintig jeugdteams. Vrijwillige trainers volgen een cursus over positief coachen en een veilig sportklimaat.")
            .ages(&["4-12", "12-18"]).at(&["wijk"]).themes(&["participatie", "gezondheid"]).factors(&["gezonde-leefstijl", "netwerk"])
            .serves(MEEDOEN, "We bieden elk kind een plek in een team, zodat jongeren erbij horen en blijven sporten")
            .evidence(E::PracticeBased).reach(340).funded("Contributie leden").runs("2021-01-01", ""),
        offer("Huiswerkplek en leesclub", &[BIBLIOTHEEK], Partners, Universal, Both)
            .about("Op doordeweekse middagen is er een rustige huiswerkplek met vrijwilligers die helpen plannen. Voor kinderen van 8 tot 12 is er daarnaast een leesclub.")
            .ages(&["4-12", "12-18"]).at(&["wijk"]).themes(&["onderwijs"]).factors(&["binding-school"])
            .evidence(E::PracticeBased).reach(400).costs(22_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Voorlichting online veiligheid groep 8", &[POLITIE], Partners, Universal, Group)
            .about("De wijkagent geeft in groep 8 een les over sexting, online oplichting en wat je doet als iets misgaat.")
            .ages(&["4-12"]).at(&["school", "online"]).themes(&["veiligheid"]).factors(&["sociale-vaardigheden"])
            .serves(VEILIG, "We praten met kinderen over risico's online, zodat zij weten hoe ze zichzelf beschermen")
            .evidence(E::PracticeBased).reach(210).funded("Eigen middelen").runs("2024-01-01", ""),
        offer("Buitenspeeldag en speeltuinbeheer", &[SAMEN_STERK], Citizens, Universal, Group)
            .about("Bewoners beheren de buurtspeeltuin en organiseren twee keer per jaar een buitenspeeldag met spellen en een springkussen.")
            .ages(&["4-12"]).at(&["wijk"]).themes(&["participatie", "gezondheid"]).factors(&["gezonde-leefstijl", "netwerk"])
            .serves(MEEDOEN, "We houden de speeltuin open en organiseren activiteiten, zodat kinderen samen buiten spelen")
            .evidence(E::PracticeBased).reach(300).costs(3_000, "Bewonersbudget gemeente").runs("2021-01-01", ""),
        offer("Moestuin en kookclub voor gezinnen", &[SAMEN_STERK], Citizens, Universal, Group)
            .about("Gezinnen telen samen groente in de buurtmoestuin en koken er één keer per maand mee. Buurtbewoners met tuinervaring begeleiden.")
            .ages(&["4-12", "ouders"]).at(&["wijk"]).themes(&["gezondheid", "participatie"]).factors(&["gezonde-leefstijl", "netwerk"])
            .serves(GEZOND, "We koken met gezinnen uit de buurt, zodat kinderen ervaren dat gezond eten lekker is")
            .evidence(E::PracticeBased).reach(45).costs(1_800, "Bewonersbudget gemeente").runs("2025-04-01", ""),
        // Parents.
        offer("Opvoedlezingen Triple P niveau 2", &[CJG], Approach, Universal, Group)
            .about("Drie lezingen over positief opvoeden voor alle ouders, bijvoorbeeld over zelfvertrouwen en omgaan met driftbuien.")
            .ages(&["ouders"]).at(&["wijk"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We geven ouders praktische tips in korte lezingen, zodat zij met meer vertrouwen opvoeden")
            .evidence(E::GoodIndications).reach(180).costs(9_000, "Subsidie gemeente").runs("2021-01-01", "2024-12-31"),
        offer("Opvoeden & Zo", &[CJG], Approach, Universal, Group)
            .about("Cursus van zes bijeenkomsten voor ouders van kinderen van 4 tot 12 jaar over grenzen stellen, belonen en communiceren.")
            .ages(&["ouders", "4-12"]).at(&["wijk"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We oefenen met ouders in een groep, zodat zij ervaren dat ze er niet alleen voor staan")
            .evidence(E::FirstIndications).reach(96).costs(14_000, "Subsidie gemeente").runs("2025-01-01", ""),
        offer("Opvoedspreekuur CJG", &[CJG], Approach, Universal, Individual)
            .about("Inloopspreekuur waar ouders zonder afspraak terechtkunnen met vragen over opvoeden en opgroeien. Een pedagoog denkt mee en verwijst zo nodig door.")
            .ages(&["ouders"]).at(&["wijk", "online"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We zijn zonder afspraak bereikbaar voor opvoedvragen, zodat ouders snel advies krijgen")
            .evidence(E::PracticeBased).reach(320).costs(42_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Opvoedspreekuur in de wijk", &[WIJKTEAM_NOORD], Approach, Universal, Individual)
            .about("Wekelijks spreekuur in het wijkcentrum waar ouders zonder afspraak terechtkunnen met vragen over opvoeden. Een medewerker van het wijkteam denkt mee en verwijst zo nodig door.")
            .ages(&["ouders"]).at(&["wijk"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We houden een laagdrempelig spreekuur in de wijk, zodat ouders snel advies krijgen bij opvoedvragen")
            .evidence(E::PracticeBased).reach(150).costs(18_000, "Subsidie gemeente").runs("2023-01-01", ""),
        offer("Website en app Opgroeien in Voorbeeld", &[CJG], Approach, Universal, Individual)
            .about("Betrouwbare informatie over opvoeden en opgroeien, met een chatfunctie waarin een jeugdverpleegkundige vragen beantwoordt.")
            .ages(&["ouders"]).at(&["online"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden"])
            .serves(OUDERS, "We bieden informatie en een chat, zodat ouders ook 's avonds een antwoord vinden")
            .evidence(E::None).reach(5_200).costs(8_000, "Subsidie gemeente").runs("2022-06-01", ""),
        // Secondary school age and young adults.
        offer("Helder op School", &[VERSLAVINGSZORG, COLLEGE], Approach, Universal, Group)
            .about("Schoolbrede aanpak van alcohol, roken en drugs met lessen, duidelijke schoolregels en een vaste werkwijze bij signalen.")
            .ages(&["12-18"]).at(&["school"]).themes(&["middelen"]).factors(&["middelengebruik"])
            .serves(ALCOHOL, "We maken afspraken en geven lessen over middelen, zodat leerlingen later of niet beginnen met drinken")
            .evidence(E::WellFounded).reach(900).costs(16_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("Ouderavond alcohol en drugs", &[VERSLAVINGSZORG], Approach, Universal, Group)
            .about("Voorlichtingsavond voor ouders van brugklassers over alcohol, roken en drugs. Ouders krijgen tips om regels af te spreken en het gesprek aan te gaan met hun kind.")
            .ages(&["ouders"]).at(&["school"]).themes(&["middelen", "opvoeden"]).factors(&["middelengebruik", "opvoedvaardigheden"])
            .serves(ALCOHOL, "We informeren ouders over alcohol en drugs, zodat zij duidelijke regels stellen en hun kind later begint met drinken")
            .evidence(E::TheoryBased).reach(150).costs(3_500, "Subsidie gemeente").runs("2022-09-01", ""),
        offer("Voorlichtingsavond ouders: alcohol, roken en drugs", &[GGD], Approach, Universal, Group)
            .about("Avond voor ouders van leerlingen in de brugklas over alcohol, roken en drugs. Ouders krijgen tips om er thuis regels over af te spreken en erover in gesprek te gaan.")
            .ages(&["ouders"]).at(&["school"]).themes(&["middelen", "opvoeden"]).factors(&["middelengebruik", "opvoedvaardigheden"])
            .serves(ALCOHOL, "We geven ouders voorlichting over middelen, zodat zij thuis duidelijke afspraken maken over alcohol")
            .evidence(E::TheoryBased).reach(120).costs(2_800, "GIDS-gelden").runs("2024-01-01", "2026-12-31"),
        offer("Gezonde School voortgezet onderwijs", &[GGD, COLLEGE], Approach, Universal, Group)
            .about("Lessen en schoolbeleid over leefstijl, slapen en mentale gezondheid, met een mentorenles over stress rond toetsweken.")
            .ages(&["12-18"]).at(&["school"]).themes(&["gezondheid", "mentaal"]).factors(&["gezonde-leefstijl", "veerkracht"])
            .serves(GEZOND, "We werken met de school aan leefstijl en stress, zodat leerlingen zich gezonder voelen")
            .evidence(E::TheoryBased).reach(1_100).costs(21_000, "SPUK").runs("2023-01-01", ""),
        offer("JGZ-contactmoment klas 2 en 4", &[GGD], Approach, Universal, Individual)
            .about("Alle leerlingen vullen een digitale vragenlijst in en spreken daarna de jeugdverpleegkundige. Bij zorgen volgt een vervolggesprek.")
            .ages(&["12-18"]).at(&["school"]).themes(&["gezondheid", "mentaal"]).factors(&["veerkracht"])
            .serves(GEZOND, "We spreken elke leerling twee keer, zodat klachten vroeg opvallen en aandacht krijgen")
            .evidence(E::WellFounded).reach(1_050).costs(88_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Lang Leve de Liefde", &[GGD, COLLEGE], Approach, Universal, Group)
            .about("Lespakket over relaties en seksualiteit in de onderbouw, gegeven door mentoren met ondersteuning van de GGD.")
            .ages(&["12-18"]).at(&["school"]).themes(&["gezondheid"]).factors(&["sociale-vaardigheden"])
            .serves(GEZOND, "We praten in de klas over relaties en grenzen, zodat jongeren gezonde keuzes maken")
            .evidence(E::FirstIndications).reach(700).costs(4_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Wijkagent op school", &[POLITIE, COLLEGE], Partners, Universal, Group)
            .about("De wijkagent is elke maand een ochtend op school, doet mee aan lessen over veiligheid en is aanspreekbaar voor leerlingen en docenten.")
            .ages(&["12-18"]).at(&["school"]).themes(&["veiligheid"])
            .serves(VEILIG, "We zijn zichtbaar en aanspreekbaar op school, zodat jongeren zich veiliger voelen en problemen eerder gemeld worden")
            .evidence(E::PracticeBased).reach(600).funded("Eigen middelen").runs("2021-01-01", ""),
        offer("Jongerenwerk: straatwerk en inloop", &[JONGERENWERK], Approach, Universal, Both)
            .about("Jongerenwerkers zoeken jongeren op straat en op pleinen op en houden drie avonden per week inloop in het jongerencentrum.")
            .ages(&["12-18", "18-23"]).at(&["wijk"]).themes(&["participatie", "veiligheid"]).factors(&["netwerk", "veerkracht"])
            .serves(MEEDOEN, "We leggen contact met jongeren waar ze zijn, zodat zij meedoen aan activiteiten en hulp durven vragen")
            .evidence(E::PracticeBased).reach(420).costs(160_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Jongerenraad denkt mee over jeugdbeleid", &[JONGERENRAAD], Citizens, Universal, Group)
            .about("Achttien jongeren adviseren de gemeente gevraagd en ongevraagd. Zij organiseren ook zelf activiteiten, zoals een jaarlijks festival.")
            .ages(&["12-18", "18-23"]).at(&["wijk"]).themes(&["participatie"]).factors(&["veerkracht"])
            .serves(MEEDOEN, "We geven jongeren een stem in het beleid, zodat het aanbod aansluit bij wat zij willen")
            .evidence(E::PracticeBased).reach(18).costs(5_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("Alcoholvrije jeugdkantine", &[VOETBAL], Partners, Universal, Group)
            .about("Tot de laatste jeugdwedstrijd schenkt de kantine geen alcohol. Alle barvrijwilligers volgden de instructie verantwoord alcoholschenken.")
            .ages(&["12-18", "18-23"]).at(&["wijk"]).themes(&["middelen"]).factors(&["middelengebruik"])
            .serves(ALCOHOL, "We houden de kantine alcoholvrij tijdens jeugdwedstrijden, zodat drinken niet vanzelfsprekend bij sport hoort")
            .evidence(E::PracticeBased).reach(200).costs(1_200, "Eigen middelen").runs("2024-01-01", ""),
        offer("Nalevingscontroles alcoholverkoop", &[GEMEENTE], Approach, Universal, Group)
            .about("Boa's controleren met mystery shoppers of supermarkten, horeca en sportkantines geen alcohol verkopen aan jongeren onder de 18.")
            .ages(&["12-18"]).at(&["wijk"]).themes(&["middelen"]).factors(&["middelengebruik"])
            .serves(ALCOHOL, "We controleren de verkoop, zodat jongeren onder de 18 moeilijker aan alcohol komen")
            .evidence(E::TheoryBased).costs(30_000, "Eigen middelen").runs("2021-01-01", ""),
        offer("Opgroeien in een Kansrijke Omgeving (IJslandse aanpak)", &[GEMEENTE, GGD], Approach, Universal, Group)
            .about("Wijkgerichte aanpak naar IJslands model: een tweejaarlijkse jeugdmonitor en een wijkplan met ouders, scholen en verenigingen voor meer georganiseerde vrije tijd en minder middelengebruik.")
            .ages(&["12-18", "ouders"]).at(&["wijk", "school"]).themes(&["middelen", "participatie"]).factors(&["middelengebruik", "netwerk", "binding-school"])
            .serves(ALCOHOL, "We versterken de omgeving van jongeren, zodat minder van hen alcohol drinken")
            .serves(MEEDOEN, "We zorgen met ouders en clubs voor meer vrijetijdsaanbod, zodat meer jongeren lid zijn van een vereniging")
            .evidence(E::TheoryBased).reach(1_500).costs(45_000, "GIDS-gelden").runs("2024-01-01", "2027-12-31"),
        offer("Jongerenspreekuur huisarts", &[HUISARTS], Partners, Universal, Individual)
            .about("Wekelijks inloopuur voor jongeren zonder ouders erbij, over bijvoorbeeld slapen, somberheid, seksualiteit of leefstijl.")
            .ages(&["12-18", "18-23"]).at(&["wijk"]).themes(&["gezondheid", "mentaal"])
            .serves(GEZOND, "We bieden jongeren een eigen spreekuur, zodat zij met gezondheidsvragen eerder bij de huisarts komen")
            .evidence(E::PracticeBased).reach(150).funded("Zorgverzekeraar").runs("2024-01-01", ""),
        offer("Studentenwelzijn mbo", &[VAKCOLLEGE], Partners, Universal, Group)
            .about("Loopbaanbegeleiders besteden in de eerste twee leerjaren vaste lessen aan stress, geldzaken en gezond leven. Studenten kunnen terecht bij een welzijnscoach.")
            .ages(&["18-23"]).at(&["school"]).themes(&["mentaal", "onderwijs"]).factors(&["veerkracht", "binding-school"])
            .serves(GEZOND, "We maken welzijn een vast onderdeel van de opleiding, zodat studenten zich gezonder voelen")
            .evidence(E::TheoryBased).reach(1_400).costs(25_000, "Eigen middelen").runs("2023-09-01", ""),
        offer("18+ inloop Het Anker", &[JONGERENWERK], Approach, Universal, Group)
            .about("Twee avonden per week een inloop voor jongvolwassenen, met ruimte voor vragen over werk, wonen en geld.")
            .ages(&["18-23"]).at(&["wijk"]).themes(&["participatie", "mentaal"]).factors(&["netwerk"])
            .serves(MEEDOEN, "We bieden jongvolwassenen een vaste plek, zodat zij na hun achttiende in beeld blijven")
            .evidence(E::PracticeBased).reach(90).costs(28_000, "Subsidie gemeente").runs("2025-01-01", ""),
        // Professionals.
        offer("Training meldcode huiselijk geweld en kindermishandeling", &[GEMEENTE], Approach, Universal, Group)
            .about("Jaarlijkse training voor professionals uit onderwijs, opvang, sport en zorg over signaleren en de vijf stappen van de meldcode.")
            .ages(&["professionals"]).at(&["online"]).themes(&["veiligheid"]).factors(&["huiselijk-geweld"])
            .serves(VEILIG, "We trainen professionals in de meldcode, zodat signalen van huiselijk geweld eerder worden opgepakt")
            .evidence(E::PracticeBased).reach(140).costs(12_000, "Eigen middelen").runs("2022-01-01", ""),
        offer("Scholing signaleren voor pedagogisch medewerkers", &[ZONNESTRAAL, CJG], Partners, Universal, Group)
            .about("Pedagogisch medewerkers leren zorgen over de ontwikkeling en thuissituatie bespreekbaar te maken met ouders. Het CJG geeft de training en is daarna aanspreekpunt.")
            .ages(&["professionals"]).at(&["kinderopvang"]).themes(&["opvoeden", "veiligheid"]).factors(&["huiselijk-geweld", "opvoedstress"])
            .serves(VEILIG, "We scholen medewerkers in signaleren, zodat zorgen over een kind eerder besproken worden")
            .evidence(E::PracticeBased).reach(45).costs(3_000, "Eigen middelen").runs("2023-01-01", ""),
    ]
}

/// For groups at raised risk.
#[rustfmt::skip]
fn selective() -> Vec<Draft> {
    vec![
        offer("Peuteropvang met VVE-programma Uk & Puk", &[ZONNESTRAAL], Partners, Selective, Group)
            .about("Peuters met een risico op een taal- of ontwikkelingsachterstand krijgen zestien uur per week voorschoolse educatie met het programma Uk & Puk.")
            .ages(&["0-4"]).at(&["kinderopvang"]).themes(&["onderwijs"]).factors(&["sociale-vaardigheden"])
            .evidence(E::FirstIndications).reach(85).costs(165_000, "Onderwijsachterstandenmiddelen (GOAB)").runs("2021-01-01", ""),
        offer("Stevig Ouderschap", &[GGD], Approach, Selective, Individual)
            .about("Ouders met een verhoogd risico op opvoedproblemen krijgen in de eerste anderhalf jaar na de geboorte huisbezoeken van een jeugdverpleegkundige.")
            .ages(&["0-4", "ouders"]).at(&["thuis"]).themes(&["opvoeden"]).factors(&["opvoedstress", "opvoedvaardigheden", "huiselijk-geweld"])
            .serves(OUDERS, "We bezoeken kwetsbare ouders thuis, zodat zij zich gesteund voelen in de eerste jaren")
            .serves(VEILIG, "We versterken het ouderschap vroeg, zodat baby's veilig opgroeien")
            .evidence(E::FirstIndications).reach(35).costs(52_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("Homestart", &[GEZINSMAATJES], Citizens, Selective, Individual)
            .about("Een getrainde vrijwilliger komt een half jaar wekelijks bij een gezin met jonge kinderen dat het even zwaar heeft. Zij biedt een luisterend oor en praktische hulp.")
            .ages(&["ouders", "0-4"]).at(&["thuis"]).themes(&["opvoeden"]).factors(&["opvoedstress", "netwerk"])
            .serves(OUDERS, "We zetten ervaren ouders als vrijwilliger in, zodat gezinnen die het zwaar hebben er niet alleen voor staan")
            .evidence(E::FirstIndications).reach(28).costs(21_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Moeders Informeren Moeders", &[GEZINSMAATJES], Citizens, Selective, Individual)
            .about("Vrijwillige ervaringsmoeders bezoeken moeders met een eerste kind maandelijks thuis, vooral moeders met weinig steun om zich heen.")
            .ages(&["ouders", "0-4"]).at(&["thuis"]).themes(&["opvoeden", "gezondheid"]).factors(&["opvoedvaardigheden", "netwerk"])
            .serves(OUDERS, "We koppelen moeders aan een ervaringsmoeder, zodat zij zekerder worden in de opvoeding")
            .evidence(E::FirstIndications).reach(40).costs(9_000, "GIDS-gelden").runs("2023-01-01", "2026-12-31"),
        offer("Voorleesexpress", &[SAMEN_STERK], Citizens, Selective, Individual)
            .about("Een vrijwilliger leest twintig weken lang wekelijks voor bij een gezin thuis waar weinig wordt voorgelezen, en laat ouders zien hoe zij dat zelf kunnen doen.")
            .ages(&["0-4", "4-12", "ouders"]).at(&["thuis"]).themes(&["onderwijs", "opvoeden"]).factors(&["opvoedvaardigheden"])
            .serves(OUDERS, "We lezen samen met ouders voor, zodat zij zelf de taal van hun kind stimuleren")
            .evidence(E::WellFounded).reach(30).costs(6_000, "Subsidie gemeente").runs("2023-01-01", ""),
        offer("Dappere Dino's", &[CJG], Approach, Selective, Group)
            .about("Groepsprogramma voor kinderen van 6 tot 12 jaar van wie de ouders gescheiden zijn. Kinderen leren hun gevoelens te herkennen en te uiten.")
            .ages(&["4-12"]).at(&["wijk"]).themes(&["mentaal", "opvoeden"]).factors(&["veerkracht", "opvoedstress"])
            .serves(VEILIG, "We bieden kinderen van gescheiden ouders een eigen groep, zodat zij de scheiding beter verwerken")
            .evidence(E::WellFounded).reach(24).costs(7_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("KOPP/KVO-groep voor kinderen", &[VERSLAVINGSZORG], Approach, Selective, Group)
            .about("Praatgroep voor kinderen van ouders met psychische of verslavingsproblemen. Zij krijgen uitleg en ontmoeten leeftijdgenoten in dezelfde situatie.")
            .ages(&["4-12", "12-18"]).at(&["wijk"]).themes(&["mentaal", "middelen"]).factors(&["veerkracht", "sociale-vaardigheden"])
            .serves(VEILIG, "We geven kinderen van ouders met problemen steun en uitleg, zodat zij zich minder alleen voelen")
            .evidence(E::WellFounded).reach(20).costs(11_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Jeugdfonds sport en cultuur", &[GEMEENTE], Approach, Selective, Individual)
            .about("Kinderen uit gezinnen met een laag inkomen krijgen de contributie van een sportclub of muziekles vergoed. Aanvragen lopen via school, wijkteam of jongerenwerk.")
            .ages(&["4-12", "12-18"]).at(&["wijk"]).themes(&["armoede", "participatie"]).factors(&["armoede"])
            .serves(MEEDOEN, "We betalen de contributie voor gezinnen met weinig geld, zodat ook hun kinderen lid worden van een club")
            .evidence(E::PracticeBased).reach(260).costs(78_000, "Eigen middelen").runs("2021-01-01", ""),
        offer("Thuisadministratie-maatjes", &[GEZINSMAATJES], Citizens, Selective, Individual)
            .about("Vrijwilligers helpen gezinnen en jongvolwassenen met geldzorgen hun post en betalingen op orde te brengen.")
            .ages(&["ouders", "18-23"]).at(&["thuis"]).themes(&["armoede"]).factors(&["armoede", "opvoedstress"])
            .serves(OUDERS, "We helpen ouders grip te krijgen op hun geld, zodat er meer rust is voor de opvoeding")
            .evidence(E::PracticeBased).reach(45).costs(4_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("Meidengroep en jongensgroep", &[JONGERENWERK], Approach, Selective, Group)
            .about("Wekelijkse groepen voor jongeren die weinig aansluiting hebben, over zelfbeeld, vriendschap, social media en grenzen.")
            .ages(&["12-18"]).at(&["wijk"]).themes(&["mentaal", "participatie"]).factors(&["veerkracht", "sociale-vaardigheden"])
            .serves(GEZOND, "We praten in een vertrouwde groep over zelfbeeld, zodat jongeren zich sterker voelen")
            .evidence(E::PracticeBased).reach(40).costs(18_000, "Subsidie gemeente").runs("2023-01-01", ""),
        offer("Op Volle Kracht", &[GGD, COLLEGE], Approach, Selective, Group)
            .about("Programma van zestien lessen voor meisjes in de onderbouw om somberheid te voorkomen, gegeven op school.")
            .ages(&["12-18"]).at(&["school"]).themes(&["mentaal"]).factors(&["veerkracht"])
            .serves(GEZOND, "We leren meisjes omgaan met negatieve gedachten, zodat minder van hen somber worden")
            .evidence(E::FirstIndications).reach(60).costs(9_500, "Subsidie gemeente").runs("2024-01-01", ""),
        offer("Buurtvaders", &[SAMEN_STERK], Citizens, Selective, Group)
            .about("Vaders uit de wijk lopen op vrijdag- en zaterdagavond rondes en spreken groepen jongeren aan op plekken waar overlast is.")
            .ages(&["12-18"]).at(&["wijk"]).themes(&["veiligheid"]).factors(&["netwerk"])
            .serves(VEILIG, "We zijn als vaders aanwezig op straat, zodat jongeren en bewoners zich veiliger voelen")
            .evidence(E::PracticeBased).reach(150).costs(2_000, "Bewonersbudget gemeente").runs("2021-01-01", "2023-12-31"),
        offer("Ouder-kindgroep voor jonge ouders", &[WIJKTEAM_ZUID], Approach, Selective, Group)
            .about("Tweewekelijkse groep voor ouders onder de 23 met een baby of peuter, over opvoeden, geld en het combineren met school of werk.")
            .ages(&["ouders", "18-23", "0-4"]).at(&["wijk"]).themes(&["opvoeden"]).factors(&["opvoedstress", "netwerk"])
            .serves(OUDERS, "We brengen jonge ouders samen, zodat zij steun hebben aan elkaar en aan het wijkteam")
            .evidence(E::PracticeBased).reach(18).costs(8_500, "Subsidie gemeente").runs("2024-01-01", ""),
        offer("JOGG-aanpak wijk Zuid", &[GEMEENTE, SPORTSERVICE], Approach, Selective, Group)
            .about("In de wijk met het meeste overgewicht werken scholen, sportaanbieders en winkels samen aan water drinken, gezonde traktaties en meer beweegaanbod.")
            .ages(&["4-12", "ouders"]).at(&["wijk", "school"]).themes(&["gezondheid"]).factors(&["overgewicht", "gezonde-leefstijl"])
            .serves(GEZOND, "We maken de gezonde keuze makkelijk in de wijk, zodat minder kinderen overgewicht krijgen")
            .evidence(E::TheoryBased).reach(700).costs(40_000, "SPUK").runs("2023-01-01", ""),
        offer("Sociale-vaardigheidstraining", &[WIJKTEAM_ZUID], Approach, Selective, Group)
            .about("Groepstraining van acht weken voor kinderen die moeite hebben met contact maken of vaak in conflict komen.")
            .ages(&["4-12"]).at(&["school"]).themes(&["mentaal"]).factors(&["sociale-vaardigheden", "pesten"])
            .serves(VEILIG, "We oefenen sociale vaardigheden, zodat kinderen makkelijker aansluiting vinden in de groep")
            .evidence(E::TheoryBased).reach(32).costs(9_000, "Subsidie gemeente").runs("2021-01-01", "2022-12-31"),
    ]
}

/// For individuals with first signs of problems. Nothing for 18–23 (a gap).
#[rustfmt::skip]
fn indicated() -> Vec<Draft> {
    vec![
        offer("VoorZorg", &[GGD], Approach, Indicated, Individual)
            .about("Intensieve begeleiding van jonge, kwetsbare zwangeren door een gespecialiseerde verpleegkundige, van de zwangerschap tot het tweede levensjaar van het kind.")
            .ages(&["prenataal", "0-4", "ouders"]).at(&["thuis"]).themes(&["opvoeden", "gezondheid", "veiligheid"]).factors(&["opvoedstress", "huiselijk-geweld", "opvoedvaardigheden"])
            .serves(VEILIG, "We begeleiden kwetsbare zwangeren intensief, zodat hun kind veilig opgroeit")
            .serves(OUDERS, "We bouwen al tijdens de zwangerschap een band op, zodat moeders hulp durven te vragen")
            .evidence(E::GoodIndications).reach(12).costs(64_000, "Subsidie gemeente").runs("2022-01-01", ""),
        offer("Video-hometraining", &[WIJKTEAM_NOORD], Approach, Indicated, Individual)
            .about("Een gezinscoach filmt korte momenten uit het dagelijks leven en bespreekt de beelden met ouders, met de nadruk op wat al goed gaat.")
            .ages(&["ouders", "0-4", "4-12"]).at(&["thuis"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We laten ouders zien wat goed gaat, zodat zij met meer vertrouwen opvoeden")
            .evidence(E::WellFounded).reach(30).costs(36_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Triple P niveau 4 (groep)", &[CJG], Approach, Indicated, Group)
            .about("Training van acht bijeenkomsten voor ouders van kinderen met gedragsproblemen, zoals driftbuien of ongehoorzaamheid.")
            .ages(&["ouders", "4-12"]).at(&["wijk"]).themes(&["opvoeden"]).factors(&["opvoedvaardigheden", "opvoedstress"])
            .serves(OUDERS, "We trainen ouders in positief opvoeden, zodat gedragsproblemen niet verder escaleren")
            .evidence(E::GoodIndications).reach(40).costs(16_000, "Subsidie gemeente").runs("2021-01-01", "2025-06-30"),
        offer("Plezier op School", &[CJG, COLLEGE], Approach, Indicated, Group)
            .about("Groepstraining voor leerlingen van groep 8 en de brugklas met angst- of stemmingsklachten rond de overstap naar het voortgezet onderwijs.")
            .ages(&["4-12", "12-18"]).at(&["school"]).themes(&["mentaal", "onderwijs"]).factors(&["veerkracht", "binding-school"])
            .serves(GEZOND, "We begeleiden kinderen met angstklachten bij de overstap, zodat zij met plezier naar school gaan")
            .evidence(E::FirstIndications).reach(24).costs(8_000, "Subsidie gemeente").runs("2024-01-01", ""),
        offer("POH-jeugd bij de huisarts", &[HUISARTS, GEMEENTE], Partners, Indicated, Individual)
            .about("Een praktijkondersteuner jeugd voert kortdurende gesprekken met kinderen, jongeren en ouders met lichte psychische klachten, zodat verwijzing naar specialistische hulp vaak niet nodig is.")
            .ages(&["4-12", "12-18", "ouders"]).at(&["wijk"]).themes(&["mentaal"]).factors(&["veerkracht"])
            .serves(GEZOND, "We bieden lichte hulp in de huisartsenpraktijk, zodat jongeren snel en dichtbij geholpen worden")
            .evidence(E::PracticeBased).reach(110).costs(58_000, "Inkoop jeugdhulp").runs("2022-04-01", ""),
        offer("Schoolmaatschappelijk werk basisonderwijs", &[WIJKTEAM_ZUID, REGENBOOG, KOMPAS], Approach, Indicated, Individual)
            .about("Een medewerker van het wijkteam is wekelijks op school voor leerlingen en ouders bij wie de leerkracht zorgen heeft.")
            .ages(&["4-12", "ouders"]).at(&["school"]).themes(&["opvoeden", "onderwijs"]).factors(&["opvoedstress"])
            .serves(OUDERS, "We zijn aanwezig op school, zodat ouders bij zorgen snel iemand kunnen spreken")
            .serves(VEILIG, "We pakken signalen van de leerkracht direct op, zodat problemen thuis eerder in beeld komen")
            .evidence(E::PracticeBased).reach(75).costs(45_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Kortdurende ondersteuning wijkteam", &[WIJKTEAM_NOORD, WIJKTEAM_ZUID], Approach, Indicated, Individual)
            .about("Lichte ambulante ondersteuning van gezinnen met beginnende problemen, tot twaalf gesprekken, zonder beschikking.")
            .ages(&["0-4", "4-12", "12-18", "ouders"]).at(&["thuis"]).themes(&["opvoeden", "mentaal"]).factors(&["opvoedstress", "huiselijk-geweld"])
            .serves(OUDERS, "We ondersteunen gezinnen snel en licht, zodat problemen niet groter worden")
            .serves(VEILIG, "We zijn vroeg betrokken bij spanningen thuis, zodat kinderen veilig blijven opgroeien")
            .evidence(E::PracticeBased).reach(260).costs(410_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Jongerencoach bij eerste signalen", &[JONGERENWERK], Approach, Indicated, Individual)
            .about("Individuele coaching voor jongeren die beginnen te ontsporen: spijbelen, blowen of een verkeerde vriendengroep.")
            .ages(&["12-18"]).at(&["wijk"]).themes(&["participatie", "veiligheid"]).factors(&["veerkracht", "middelengebruik"])
            .serves(MEEDOEN, "We coachen jongeren bij de eerste signalen, zodat zij weer aansluiting vinden bij school en vrije tijd")
            .evidence(E::PracticeBased).reach(55).costs(38_000, "Subsidie gemeente").runs("2023-01-01", ""),
        offer("Moti-4", &[VERSLAVINGSZORG], Approach, Indicated, Individual)
            .about("Vier motiverende gesprekken voor jongeren die riskant alcohol of cannabis gebruiken, gericht op minderen of stoppen.")
            .ages(&["12-18"]).at(&["wijk", "school"]).themes(&["middelen"]).factors(&["middelengebruik"])
            .serves(ALCOHOL, "We spreken jongeren met riskant gebruik vroeg aan, zodat zij minder gaan drinken")
            .evidence(E::WellFounded).reach(35).costs(22_000, "Subsidie gemeente").runs("2021-01-01", ""),
        offer("Doorverwijzing naar Halt", &[POLITIE], Partners, Indicated, Individual)
            .about("Jongeren die voor een eerste licht vergrijp worden aangehouden, zoals vernieling of openbaar dronkenschap, krijgen een Halt-afdoening in plaats van een strafzaak.")
            .ages(&["12-18"]).at(&["wijk"]).themes(&["veiligheid", "middelen"]).factors(&["middelengebruik"])
            .evidence(E::PracticeBased).reach(40).funded("Eigen middelen").runs("2021-01-01", ""),
    ]
}

/// Alongside or after care.
#[rustfmt::skip]
fn care_related() -> Vec<Draft> {
    vec![
        offer("Ambulante gezinsbegeleiding", &[HORIZON], Approach, CareRelated, Individual)
            .about("Gezinsbegeleiding aan huis voor gezinnen met meervoudige problemen, na verwijzing door het wijkteam.")
            .ages(&["0-4", "4-12", "12-18", "ouders"]).at(&["thuis"]).themes(&["opvoeden", "veiligheid"]).factors(&["opvoedstress", "huiselijk-geweld"])
            .serves(VEILIG, "We begeleiden gezinnen thuis, zodat kinderen veilig thuis kunnen blijven wonen")
            .evidence(E::PracticeBased).reach(140).costs(980_000, "Inkoop jeugdhulp").runs("2021-01-01", ""),
        offer("Residentiële jeugdhulp en kamertraining", &[HORIZON], Approach, CareRelated, Individual)
            .about("Verblijf in een leefgroep of kamertraining voor jongeren die tijdelijk niet thuis kunnen wonen. Wordt afgebouwd ten gunste van ambulante hulp.")
            .ages(&["12-18", "18-23"]).at(&["thuis"]).themes(&["veiligheid", "participatie"])
            .evidence(E::PracticeBased).reach(14).costs(1_350_000, "Inkoop jeugdhulp").runs("2021-01-01", "2024-12-31"),
        offer("Jeugd-GGZ ambulant op school", &[HORIZON, COLLEGE], Approach, CareRelated, Individual)
            .about("Behandelaars van de jeugd-GGZ werken een dag per week op school, zodat jongeren in behandeling minder lessen missen.")
            .ages(&["4-12", "12-18"]).at(&["school"]).themes(&["mentaal"]).factors(&["veerkracht"])
            .serves(GEZOND, "We behandelen dichtbij de leerling, zodat jongeren sneller herstellen en op school blijven")
            .evidence(E::WellFounded).reach(90).costs(620_000, "Inkoop jeugdhulp").runs("2022-01-01", ""),
        offer("Nazorg en terugvalpreventie na jeugdhulp", &[HORIZON, WIJKTEAM_NOORD], Approach, CareRelated, Individual)
            .about("Na afsluiting van jeugdhulp houdt het wijkteam een half jaar contact met het gezin en kan de behandelaar snel terugkomen.")
            .ages(&["12-18", "ouders"]).at(&["thuis"]).themes(&["mentaal", "opvoeden"]).factors(&["veerkracht", "netwerk"])
            .serves(OUDERS, "We blijven na de hulp in beeld, zodat ouders weten waar ze terechtkunnen als het weer moeilijk wordt")
            .evidence(E::PracticeBased).reach(60).costs(75_000, "Inkoop jeugdhulp").runs("2024-01-01", ""),
        offer("Maatje voor jongeren in en na jeugdhulp", &[GEZINSMAATJES], Citizens, CareRelated, Individual)
            .about("Een vrijwilliger trekt een jaar op met een jongere die jeugdhulp krijgt of heeft gehad, bijvoorbeeld bij sporten, solliciteren of zelfstandig wonen.")
            .ages(&["12-18", "18-23"]).at(&["wijk"]).themes(&["participatie"]).factors(&["netwerk", "veerkracht"])
            .serves(MEEDOEN, "We koppelen jongeren aan een maatje, zodat zij een steunend netwerk opbouwen buiten de hulpverlening")
            .evidence(E::PracticeBased).reach(25).costs(6_000, "Fondsen en donaties").runs("2023-01-01", ""),
    ]
}
