//! The questionnaire of the fictional "Gemeente Voorbeeld", for the demo:
//! "Vragenlijst jeugdbeleid Gemeente Voorbeeld 2027", a digital
//! questionnaire for professionals, volunteers, experience experts,
//! inhabitants and young people about the new youth policy (as in seed 001),
//! and fictional responses to it.
//!
//! | page | question | kind | shown when |
//! |------|----------|------|------------|
//! | 0 | [`ROLE`] "Wie bent u?" | single choice, required | always |
//! | 0 | [`SECTOR`] "In welke sector werkt u?" | single choice, required | professional |
//! | 0 | [`YEARS`] years working with youth | number 0–50, whole | professional, vrijwilliger |
//! | 0 | [`AGE`] age | number 12–99, whole | always |
//! | 1 | [`SATISFACTION`] satisfaction with the support | scale 1–5, required | always |
//! | 1 | [`STATEMENTS`] five statements | matrix on 1–5, required | always |
//! | 2 | [`THEMES`] most important themes | multiple choice, at most 3, required | always |
//! | 2 | [`PRIORITIES`] invest in first | ranking, top 3 | always |
//! | 3 | [`PROBLEM`] biggest problem | short text, 200 | always |
//! | 3 | [`IDEA`] an idea that works | long text, 2000 | always |
//! | 4 | [`FOLLOW_UP`] join a follow-up | single choice | always |
//! | 4 | [`CONTACT`] may we contact you | contact (name, e-mail) | always |
//!
//! Every id is fixed, so the demo is the same on every run; every text has
//! an English version. The responses are generated from a seed, with
//! answers that differ by respondent type, and each goes through
//! [`ResponseAnswers::save`] (and [`ResponseAnswers::submit`]) like a real
//! one.

use koers_core::ids::{QuestionId, QuestionnaireId};
use koers_core::questionnaire::{
    AnswerChanges, AnswerValue, Condition, ContactAnswer, KindInput, OptionInput, OptionKey,
    PageInput, PointInput, QuestionInput, Questionnaire, QuestionnaireInput, ResponseAnswers,
    ResponseStatus, SectionInput, TextsInput,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A fixed id: "koers" in the first bytes, then the kind of record and its
/// number, with the version and variant bits of a custom (v8) UUID (as in
/// the demo inventory; kinds 10 and 11 are the questionnaire's).
const fn fixed_id(kind: u128, n: u128) -> Uuid {
    Uuid::from_u128(0x6b6f_6572_7300_8000_8000_0000_0000_0000 | kind << 32 | n)
}

const fn question_id(n: u128) -> QuestionId {
    QuestionId(fixed_id(11, n))
}

/// The demo questionnaire's id.
pub const QUESTIONNAIRE: QuestionnaireId = QuestionnaireId(fixed_id(10, 1));

/// "Wie bent u?": the respondent type (single choice, [`ROLES`]).
pub const ROLE: QuestionId = question_id(1);
/// "In welke sector werkt u?", shown to professionals only.
pub const SECTOR: QuestionId = question_id(2);
/// Years working with children and young people (professionals and volunteers).
pub const YEARS: QuestionId = question_id(3);
/// Age.
pub const AGE: QuestionId = question_id(4);
/// Satisfaction with the support, 1–5.
pub const SATISFACTION: QuestionId = question_id(5);
/// Five statements on a 5-point scale.
pub const STATEMENTS: QuestionId = question_id(6);
/// The most important themes, at most three ([`THEME_KEYS`]).
pub const THEMES: QuestionId = question_id(7);
/// What to invest in first: a top 3.
pub const PRIORITIES: QuestionId = question_id(8);
/// The biggest problem, in one sentence.
pub const PROBLEM: QuestionId = question_id(9);
/// An idea or example that works.
pub const IDEA: QuestionId = question_id(10);
/// Whether to join a follow-up conversation.
pub const FOLLOW_UP: QuestionId = question_id(11);
/// May we contact you?
pub const CONTACT: QuestionId = question_id(12);

/// The respondent types, the keys of [`ROLE`]'s options in order.
pub const ROLES: [&str; 5] = [
    "professional",
    "vrijwilliger",
    "ervaringsdeskundige",
    "inwoner",
    "jongere",
];
const PROFESSIONAL: usize = 0;
const VRIJWILLIGER: usize = 1;
#[cfg(test)]
const ERVARINGSDESKUNDIGE: usize = 2;
#[cfg(test)]
const JONGERE: usize = 4;

/// The themes, the keys of [`THEMES`]' options in order.
pub const THEME_KEYS: [&str; 9] = [
    "mentale-gezondheid",
    "alcohol-drugs",
    "armoede",
    "opvoeding",
    "school",
    "vrije-tijd",
    "veiligheid",
    "online",
    "wachttijden",
];

const SECTOR_KEYS: [&str; 9] = [
    "onderwijs",
    "jeugdhulp",
    "cjg-ggd",
    "welzijn",
    "sport-cultuur",
    "huisarts",
    "gemeente",
    "kinderopvang",
    "anders",
];

const PRIORITY_KEYS: [&str; 6] = [
    "preventie",
    "wijkteam",
    "jongerenwerk",
    "school",
    "ouders",
    "specialistisch",
];

const STATEMENT_KEYS: [&str; 5] = [
    "weet-waar",
    "samenwerking",
    "snel",
    "jongeren-gehoord",
    "veilig",
];

const FOLLOW_UP_KEYS: [&str; 3] = ["ja", "misschien", "nee"];

fn texts(nl: &str, en: &str) -> TextsInput {
    TextsInput::both(nl, en)
}

fn opt(key: &str, nl: &str, en: &str) -> OptionInput {
    OptionInput {
        key: key.into(),
        text: texts(nl, en),
    }
}

/// A question in Dutch and English.
fn question(id: QuestionId, nl: &str, en: &str, kind: KindInput) -> QuestionInput {
    QuestionInput {
        text: texts(nl, en),
        ..QuestionInput::new(id, nl, kind)
    }
}

/// The same question with an explanation.
fn help(mut q: QuestionInput, nl: &str, en: &str) -> QuestionInput {
    q.help = texts(nl, en);
    q
}

fn page(nl: &str, en: &str, questions: Vec<QuestionInput>) -> PageInput {
    PageInput {
        title: texts(nl, en),
        questions,
    }
}

fn about_you() -> SectionInput {
    let role = help(
        question(
            ROLE,
            "Wie bent u? Kies wat het best bij u past.",
            "Who are you? Choose what fits you best.",
            KindInput::SingleChoice {
                options: vec![
                    opt(
                        ROLES[0],
                        "Professional (ik werk met kinderen, jongeren of gezinnen)",
                        "Professional (I work with children, young people or families)",
                    ),
                    opt(ROLES[1], "Vrijwilliger", "Volunteer"),
                    opt(
                        ROLES[2],
                        "Ervaringsdeskundige (ik heb zelf ervaring met jeugdhulp)",
                        "Experience expert (I have experience of youth care myself)",
                    ),
                    opt(
                        ROLES[3],
                        "Inwoner of ouder/verzorger",
                        "Inhabitant or parent/carer",
                    ),
                    opt(
                        ROLES[4],
                        "Jongere (12 tot en met 23 jaar)",
                        "Young person (12 to 23 years old)",
                    ),
                ],
            },
        )
        .required(),
        "Bent u meer dan één, bijvoorbeeld professional én ouder? Kies dan de rol \
         van waaruit u deze vragenlijst invult.",
        "Are you more than one, for example a professional and a parent? Then \
         choose the role you are answering this questionnaire in.",
    );
    let sector = question(
        SECTOR,
        "In welke sector werkt u?",
        "Which sector do you work in?",
        KindInput::SingleChoice {
            options: vec![
                opt(
                    SECTOR_KEYS[0],
                    "Onderwijs (primair of voortgezet)",
                    "Education (primary or secondary)",
                ),
                opt(SECTOR_KEYS[1], "Jeugdhulp of jeugdzorg", "Youth care"),
                opt(
                    SECTOR_KEYS[2],
                    "Centrum voor Jeugd en Gezin of GGD",
                    "Youth and family centre or public health service",
                ),
                opt(
                    SECTOR_KEYS[3],
                    "Welzijn en jongerenwerk",
                    "Social work and youth work",
                ),
                opt(SECTOR_KEYS[4], "Sport en cultuur", "Sport and culture"),
                opt(SECTOR_KEYS[5], "Huisartsenzorg", "General practice"),
                opt(SECTOR_KEYS[6], "Gemeente", "Municipality"),
                opt(SECTOR_KEYS[7], "Kinderopvang", "Childcare"),
                opt(SECTOR_KEYS[8], "Anders", "Other"),
            ],
        },
    )
    .required()
    .when(Condition::any_of(ROLE, &[ROLES[PROFESSIONAL]]));
    let years = help(
        question(
            YEARS,
            "Hoeveel jaar werkt u al met kinderen, jongeren of gezinnen?",
            "For how many years have you worked with children, young people or families?",
            KindInput::Number {
                min: Some(0.0),
                max: Some(50.0),
                integer: true,
                unit: texts("jaar", "years"),
            },
        )
        .when(Condition::any_of(
            ROLE,
            &[ROLES[PROFESSIONAL], ROLES[VRIJWILLIGER]],
        )),
        "Als professional of als vrijwilliger, bij elkaar opgeteld.",
        "As a professional or as a volunteer, added together.",
    );
    let age = help(
        question(
            AGE,
            "Wat is uw leeftijd?",
            "How old are you?",
            KindInput::Number {
                min: Some(12.0),
                max: Some(99.0),
                integer: true,
                unit: texts("jaar", "years old"),
            },
        ),
        "Niet verplicht.",
        "Optional.",
    );
    let satisfaction = question(
        SATISFACTION,
        "Hoe tevreden bent u over de ondersteuning voor kinderen, jongeren en ouders in Voorbeeld?",
        "How satisfied are you with the support for children, young people and parents \
         in Voorbeeld?",
        KindInput::Scale {
            min: 1,
            max: 5,
            min_label: texts("Zeer ontevreden", "Very dissatisfied"),
            max_label: texts("Zeer tevreden", "Very satisfied"),
        },
    )
    .required();
    let points = [
        ("Helemaal oneens", "Strongly disagree"),
        ("Oneens", "Disagree"),
        ("Neutraal", "Neutral"),
        ("Eens", "Agree"),
        ("Helemaal eens", "Strongly agree"),
    ]
    .iter()
    .zip(1..)
    .map(|(&(nl, en), value)| PointInput {
        value: Some(value),
        label: texts(nl, en),
    })
    .collect();
    let statements = question(
        STATEMENTS,
        "In hoeverre bent u het eens met de volgende stellingen?",
        "To what extent do you agree with the following statements?",
        KindInput::Matrix {
            statements: vec![
                opt(
                    STATEMENT_KEYS[0],
                    "Ouders en jongeren weten waar ze met hun vragen terechtkunnen.",
                    "Parents and young people know where to go with their questions.",
                ),
                opt(
                    STATEMENT_KEYS[1],
                    "Organisaties in Voorbeeld werken goed samen.",
                    "Organisations in Voorbeeld work well together.",
                ),
                opt(
                    STATEMENT_KEYS[2],
                    "Hulp is snel beschikbaar als het nodig is.",
                    "Help is available quickly when it is needed.",
                ),
                opt(
                    STATEMENT_KEYS[3],
                    "Jongeren worden gehoord bij beslissingen die over hen gaan.",
                    "Young people are heard in decisions about them.",
                ),
                opt(
                    STATEMENT_KEYS[4],
                    "Kinderen kunnen in hun buurt veilig opgroeien.",
                    "Children can grow up safely in their neighbourhood.",
                ),
            ],
            points,
        },
    )
    .required();
    SectionInput {
        title: texts("Over u en uw ervaring", "About you and your experience"),
        intro: texts(
            "Eerst willen we weten wie u bent en hoe u de ondersteuning voor jeugd en \
             gezin nu ervaart.",
            "First we would like to know who you are and how you experience the support \
             for young people and families now.",
        ),
        pages: vec![
            page(
                "Wie bent u?",
                "Who are you?",
                vec![role, sector, years, age],
            ),
            page(
                "Hoe ervaart u het nu?",
                "How do you experience it now?",
                vec![satisfaction, statements],
            ),
        ],
    }
}

fn tomorrow() -> SectionInput {
    let themes = help(
        question(
            THEMES,
            "Welke thema's vindt u het belangrijkst voor het nieuwe jeugdbeleid?",
            "Which themes matter most to you for the new youth policy?",
            KindInput::MultipleChoice {
                options: vec![
                    opt(THEME_KEYS[0], "Mentale gezondheid", "Mental health"),
                    opt(THEME_KEYS[1], "Alcohol en drugs", "Alcohol and drugs"),
                    opt(
                        THEME_KEYS[2],
                        "Armoede en bestaanszekerheid",
                        "Poverty and financial security",
                    ),
                    opt(
                        THEME_KEYS[3],
                        "Steun bij opvoeden en opgroeien",
                        "Support in parenting and growing up",
                    ),
                    opt(
                        THEME_KEYS[4],
                        "Onderwijs en schoolverzuim",
                        "Education and school absence",
                    ),
                    opt(
                        THEME_KEYS[5],
                        "Sport, cultuur en vrije tijd",
                        "Sport, culture and leisure",
                    ),
                    opt(
                        THEME_KEYS[6],
                        "Veiligheid in de buurt",
                        "Safety in the neighbourhood",
                    ),
                    opt(
                        THEME_KEYS[7],
                        "Online leven en sociale media",
                        "Online life and social media",
                    ),
                    opt(
                        THEME_KEYS[8],
                        "Wachttijden in de jeugdhulp",
                        "Waiting times in youth care",
                    ),
                ],
                max_choices: Some(3),
            },
        )
        .required(),
        "Kies er maximaal drie.",
        "Choose up to three.",
    );
    let priorities = question(
        PRIORITIES,
        "Waar moet de gemeente als eerste in investeren? Zet uw top 3 op volgorde.",
        "What should the municipality invest in first? Put your top 3 in order.",
        KindInput::Ranking {
            options: vec![
                opt(
                    PRIORITY_KEYS[0],
                    "Preventie en vroegsignalering",
                    "Prevention and early detection",
                ),
                opt(
                    PRIORITY_KEYS[1],
                    "Een wijkteam dichtbij, in elk dorp",
                    "A neighbourhood team close by, in every village",
                ),
                opt(
                    PRIORITY_KEYS[2],
                    "Jongerenwerk en ontmoetingsplekken",
                    "Youth work and places to meet",
                ),
                opt(
                    PRIORITY_KEYS[3],
                    "Ondersteuning op school",
                    "Support at school",
                ),
                opt(
                    PRIORITY_KEYS[4],
                    "Steun voor ouders bij het opvoeden",
                    "Support for parents in raising their children",
                ),
                opt(
                    PRIORITY_KEYS[5],
                    "Snellere specialistische jeugdhulp",
                    "Faster specialist youth care",
                ),
            ],
            top: Some(3),
        },
    );
    let problem = help(
        question(
            PROBLEM,
            "Wat is volgens u het grootste probleem voor kinderen en jongeren in Voorbeeld?",
            "What do you think is the biggest problem for children and young people in Voorbeeld?",
            KindInput::ShortText {
                max_chars: Some(200),
            },
        ),
        "In één zin.",
        "In one sentence.",
    );
    let idea = question(
        IDEA,
        "Kent u een idee of een voorbeeld van iets dat goed werkt? Vertel het ons.",
        "Do you know an idea or an example of something that works well? Tell us.",
        KindInput::LongText {
            max_chars: Some(2000),
        },
    );
    let follow_up = question(
        FOLLOW_UP,
        "Wilt u meedenken in een vervolggesprek over het Jeugdakkoord?",
        "Would you like to join a follow-up conversation about the Youth Agreement?",
        KindInput::SingleChoice {
            options: vec![
                opt(FOLLOW_UP_KEYS[0], "Ja, graag", "Yes, please"),
                opt(
                    FOLLOW_UP_KEYS[1],
                    "Misschien, ik wil eerst meer weten",
                    "Maybe, I would like to know more first",
                ),
                opt(FOLLOW_UP_KEYS[2], "Nee, dank u", "No, thank you"),
            ],
        },
    );
    let contact = help(
        question(
            CONTACT,
            "Mogen we contact met u opnemen over de uitkomsten of een vervolggesprek?",
            "May we contact you about the results or a follow-up conversation?",
            KindInput::Contact {
                name: true,
                email: true,
                phone: false,
            },
        ),
        "We gebruiken uw gegevens alleen hiervoor en delen ze met niemand.",
        "We use your details only for this and share them with no one.",
    );
    SectionInput {
        title: texts("Het jeugdbeleid van morgen", "Tomorrow's youth policy"),
        intro: texts(
            "Waar moet het nieuwe jeugdbeleid over gaan, en wat moet de gemeente als \
             eerste doen?",
            "What should the new youth policy be about, and what should the municipality \
             do first?",
        ),
        pages: vec![
            page(
                "Thema's en prioriteiten",
                "Themes and priorities",
                vec![themes, priorities],
            ),
            page("Uw ideeën", "Your ideas", vec![problem, idea]),
            page("Tot slot", "Finally", vec![follow_up, contact]),
        ],
    }
}

/// The demo questionnaire as the editor would send it.
pub fn demo_questionnaire_input() -> QuestionnaireInput {
    QuestionnaireInput {
        title: texts(
            "Vragenlijst jeugdbeleid Gemeente Voorbeeld 2027",
            "Youth policy questionnaire Municipality of Voorbeeld 2027",
        ),
        intro: texts(
            "Gemeente Voorbeeld maakt samen met haar partners een nieuw jeugdbeleid: \
             het Jeugdakkoord 2027. We horen graag wat u belangrijk vindt, als \
             professional, vrijwilliger, ervaringsdeskundige, inwoner, ouder of jongere.\n\n\
             Het invullen duurt ongeveer tien minuten. U kunt tussendoor opslaan en later \
             verdergaan. Uw antwoorden zijn anoniem, tenzij u aan het eind zelf uw \
             contactgegevens achterlaat.",
            "The Municipality of Voorbeeld is making a new youth policy together with its \
             partners: the Youth Agreement 2027. We would like to hear what matters to you, \
             as a professional, volunteer, experience expert, inhabitant, parent or young \
             person.\n\n\
             It takes about ten minutes. You can save in between and continue later. Your \
             answers are anonymous, unless you leave your contact details at the end.",
        ),
        closing: texts(
            "Hartelijk dank voor het invullen! De kerngroep Jeugdakkoord bespreekt de \
             uitkomsten dit voorjaar; de samenvatting verschijnt op de website van de \
             gemeente.",
            "Thank you very much for taking part! The Youth Agreement core group will \
             discuss the results this spring; the summary will appear on the \
             municipality's website.",
        ),
        sections: vec![about_you(), tomorrow()],
    }
}

/// The demo questionnaire, with the fixed id [`QUESTIONNAIRE`].
pub fn demo_questionnaire() -> Questionnaire {
    demo_questionnaire_input()
        .validate(QUESTIONNAIRE)
        .unwrap_or_else(|e| panic!("the demo questionnaire is invalid: {e:?}"))
}

/// How one respondent type tends to answer. Weights are relative.
struct Profile {
    /// How common the type is.
    weight: u32,
    /// Per theme ([`THEME_KEYS`]).
    themes: [u32; 9],
    /// Per priority ([`PRIORITY_KEYS`]).
    priorities: [u32; 6],
    /// Per satisfaction 1–5.
    satisfaction: [u32; 5],
    /// Per statement ([`STATEMENT_KEYS`]): added to its mean.
    statements: [f64; 5],
    /// Youngest and oldest.
    ages: (u32, u32),
    /// Chance of an answer to the short and the long text question.
    texts: (f64, f64),
}

/// The profiles, in the order of [`ROLES`].
const PROFILES: [Profile; 5] = [
    // Professionals: waiting times, mental health; cooperation could be better.
    Profile {
        weight: 34,
        themes: [8, 3, 6, 6, 6, 2, 1, 3, 9],
        priorities: [9, 7, 3, 6, 5, 5],
        satisfaction: [4, 14, 36, 38, 8],
        statements: [0.3, -0.5, -0.4, 0.0, 0.2],
        ages: (24, 63),
        texts: (0.6, 0.4),
    },
    // Volunteers: leisure, safety, alcohol.
    Profile {
        weight: 12,
        themes: [3, 6, 5, 3, 2, 9, 6, 3, 2],
        priorities: [4, 3, 9, 2, 4, 2],
        satisfaction: [3, 10, 30, 42, 15],
        statements: [0.2, 0.2, 0.0, 0.2, 0.3],
        ages: (18, 75),
        texts: (0.5, 0.3),
    },
    // Experience experts: waiting times above all; help is not quick.
    Profile {
        weight: 10,
        themes: [7, 2, 7, 5, 4, 1, 1, 2, 10],
        priorities: [4, 6, 2, 3, 4, 10],
        satisfaction: [22, 38, 26, 12, 2],
        statements: [-0.5, -0.6, -1.2, -0.6, -0.2],
        ages: (19, 58),
        texts: (0.7, 0.6),
    },
    // Inhabitants and parents: safety, online life, parenting.
    Profile {
        weight: 26,
        themes: [5, 6, 4, 6, 4, 4, 8, 7, 3],
        priorities: [5, 4, 6, 5, 6, 4],
        satisfaction: [6, 18, 40, 30, 6],
        statements: [-0.3, 0.0, -0.3, 0.0, 0.2],
        ages: (27, 72),
        texts: (0.5, 0.3),
    },
    // Young people: mental health and leisure; they are not heard.
    Profile {
        weight: 18,
        themes: [10, 3, 2, 1, 6, 10, 4, 7, 2],
        priorities: [3, 2, 10, 7, 1, 4],
        satisfaction: [5, 15, 33, 35, 12],
        statements: [-0.2, 0.0, 0.0, -0.9, 0.0],
        ages: (12, 23),
        texts: (0.45, 0.25),
    },
];

/// The statements' means before a profile's shift.
const STATEMENT_MEANS: [f64; 5] = [3.1, 3.0, 2.5, 2.9, 3.8];

/// Sector weights of the professionals ([`SECTOR_KEYS`]).
const SECTOR_WEIGHTS: [u32; 9] = [30, 18, 14, 14, 6, 5, 8, 6, 5];

/// Short answers: the theme they are about, and the answer.
const PROBLEMS: [(&str, &str); 18] = [
    (
        "mentale-gezondheid",
        "Veel jongeren hebben last van prestatiedruk en somberheid.",
    ),
    (
        "mentale-gezondheid",
        "Er is te weinig laagdrempelige hulp bij psychische klachten.",
    ),
    (
        "alcohol-drugs",
        "Op vrijdagavond wordt er bij de skatebaan veel gedronken.",
    ),
    (
        "alcohol-drugs",
        "Vapes en lachgas zijn voor jongeren veel te makkelijk te krijgen.",
    ),
    (
        "armoede",
        "Gezinnen met weinig geld kunnen de contributie van de sportclub niet betalen.",
    ),
    (
        "armoede",
        "Kinderen schamen zich als er thuis geen geld is voor een schoolreisje.",
    ),
    (
        "opvoeding",
        "Ouders weten niet waar ze met opvoedvragen terechtkunnen.",
    ),
    ("opvoeding", "Jonge ouders staan er vaak alleen voor."),
    (
        "school",
        "Leerlingen die vastlopen op school worden te laat opgemerkt.",
    ),
    (
        "school",
        "Er zijn te veel thuiszitters zonder passend onderwijs.",
    ),
    (
        "vrije-tijd",
        "Voor jongeren boven de 14 is er in het dorp bijna niets te doen.",
    ),
    ("vrije-tijd", "Het jongerencentrum is te weinig open."),
    (
        "veiligheid",
        "Jongeren voelen zich 's avonds niet veilig bij het station.",
    ),
    (
        "veiligheid",
        "Er wordt veel te hard gereden rond de scholen.",
    ),
    (
        "online",
        "Jongeren zitten te lang op hun telefoon en slapen te weinig.",
    ),
    ("online", "Pesten gaat gewoon door in de groepsapps."),
    (
        "wachttijden",
        "De wachtlijst voor jeugdhulp is veel te lang.",
    ),
    (
        "wachttijden",
        "Je wordt van het kastje naar de muur gestuurd.",
    ),
];

/// Longer answers: the theme they are about (empty: any), and the answer.
const IDEAS: [(&str, &str); 25] = [
    (
        "mentale-gezondheid",
        "Zet op elke middelbare school een vast aanspreekpunt voor mentale gezondheid. \
         Jongeren lopen daar makkelijker binnen dan bij een hulpverlener.",
    ),
    (
        "mentale-gezondheid",
        "Het maatjesproject van de bibliotheek werkt goed: jongeren praten met een \
         vrijwilliger die net iets ouder is.",
    ),
    (
        "alcohol-drugs",
        "Organiseer samen met de sportclubs alcoholvrije feesten, en laat jongeren zelf \
         de muziek en de opzet kiezen.",
    ),
    (
        "alcohol-drugs",
        "De ouderavond over alcohol en drugs op de basisschool was heel nuttig. Doe dat \
         elk jaar, al in groep 8.",
    ),
    (
        "armoede",
        "Het Jeugdfonds Sport & Cultuur is goud waard, maar veel ouders kennen het niet. \
         Laat de school en de huisarts erop wijzen.",
    ),
    (
        "armoede",
        "Een gratis ontbijt op school helpt kinderen om zich beter te concentreren.",
    ),
    (
        "opvoeding",
        "Een inloopochtend voor ouders in het kindcentrum, met koffie en een \
         jeugdverpleegkundige erbij, verlaagt de drempel enorm.",
    ),
    (
        "opvoeding",
        "Maak een oudernetwerk waarin ervaren ouders nieuwe ouders helpen. Ik had dat \
         zelf graag gehad.",
    ),
    (
        "school",
        "Laat het wijkteam vaste uren op school hebben, zodat leerkrachten snel kunnen \
         overleggen over een leerling.",
    ),
    (
        "school",
        "De schakelklas voor thuiszitters is een goed voorbeeld: kleine groepen en veel \
         begeleiding.",
    ),
    (
        "vrije-tijd",
        "Geef jongeren een eigen plek om te chillen, met wifi en een overdekte bank. \
         Meer is niet nodig.",
    ),
    (
        "vrije-tijd",
        "De zomerschool met sport en cultuur was een groot succes. Maak er een vast \
         programma van, ook in de herfstvakantie.",
    ),
    (
        "vrije-tijd",
        "Betrek jongeren bij het inrichten van het speelveld; dan zorgen ze er ook beter \
         voor.",
    ),
    (
        "veiligheid",
        "Meer verlichting op het fietspad naar de middelbare school zou veel schelen.",
    ),
    (
        "veiligheid",
        "De jongerenwerker die 's avonds op straat rondloopt kent de jongeren en \
         voorkomt veel problemen.",
    ),
    (
        "online",
        "Geef al op de basisschool lessen over sociale media, en betrek de ouders \
         daarbij.",
    ),
    (
        "online",
        "Een telefoonvrije school werkt: de pauzes zijn veel gezelliger geworden.",
    ),
    (
        "wachttijden",
        "Zorg voor overbruggingshulp tijdens de wachttijd, zodat gezinnen niet \
         maandenlang alleen staan.",
    ),
    (
        "wachttijden",
        "Geef het hele gezin één vaste contactpersoon, in plaats van steeds een nieuwe \
         hulpverlener.",
    ),
    (
        "",
        "Laat organisaties elkaar beter kennen. Een jaarlijkse netwerkbijeenkomst voor \
         iedereen die met jeugd werkt zou helpen.",
    ),
    (
        "",
        "Vraag jongeren vaker zelf wat ze nodig hebben, bijvoorbeeld via een \
         jongerenraad die echt invloed heeft.",
    ),
    (
        "",
        "Minder projecten die na twee jaar stoppen, en meer vaste voorzieningen waar \
         mensen op kunnen rekenen.",
    ),
    (
        "",
        "Maak één website waarop al het aanbod voor kinderen, jongeren en ouders in \
         Voorbeeld staat.",
    ),
    (
        "",
        "Laat ervaringsdeskundigen meepraten als de gemeente jeugdhulp inkoopt.",
    ),
    (
        "",
        "Houd het dichtbij: hulp in het dorp zelf, niet alleen in de stad verderop.",
    ),
];

/// Made-up names of those who leave their contact details.
const FIRST: [&str; 16] = [
    "Annemiek", "Bas", "Chantal", "Dirk", "Emine", "Freek", "Gerda", "Hamza", "Inge", "Jesse",
    "Khadija", "Luuk", "Mirjam", "Niels", "Roos", "Wouter",
];
const LAST: [&str; 16] = [
    "Aalbers",
    "van den Berg",
    "Claassen",
    "Driessen",
    "Evers",
    "Franssen",
    "Geerts",
    "Hoekstra",
    "Jacobs",
    "Kuipers",
    "Lammers",
    "Maas",
    "Nijland",
    "Oosterhuis",
    "Postma",
    "Willems",
];

/// Index by weight.
fn pick(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut r = rng.random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if r < w {
            return i;
        }
        r -= w;
    }
    weights.len() - 1
}

/// `k` distinct indexes by weight, in the order drawn.
fn pick_distinct(rng: &mut StdRng, weights: &[u32], k: usize) -> Vec<usize> {
    let mut left = weights.to_vec();
    let mut picked = Vec::with_capacity(k);
    while picked.len() < k && left.iter().any(|&w| w > 0) {
        let i = pick(rng, &left);
        left[i] = 0;
        picked.push(i);
    }
    picked
}

fn keys(all: &[&str], picked: &[usize]) -> Vec<OptionKey> {
    picked.iter().map(|&i| OptionKey::from(all[i])).collect()
}

/// One of the `answers` about one of `themes` (any when there is none).
fn sentence(
    rng: &mut StdRng,
    answers: &[(&'static str, &'static str)],
    themes: &[usize],
) -> String {
    let fitting: Vec<&str> = answers
        .iter()
        .filter(|(t, _)| t.is_empty() || themes.iter().any(|&i| THEME_KEYS[i] == *t))
        .map(|(_, s)| *s)
        .collect();
    if fitting.is_empty() {
        answers[rng.random_range(0..answers.len())].1.to_string()
    } else {
        fitting[rng.random_range(0..fitting.len())].to_string()
    }
}

/// A made-up name and its `@voorbeeld.example` address.
fn contact(rng: &mut StdRng) -> ContactAnswer {
    let first = FIRST[rng.random_range(0..FIRST.len())];
    let last = LAST[rng.random_range(0..LAST.len())];
    let mail = format!("{first}.{last}")
        .to_lowercase()
        .replace(' ', ".")
        .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "");
    ContactAnswer {
        consent: true,
        name: Some(format!("{first} {last}")),
        email: Some(format!("{mail}@voorbeeld.example")),
        phone: None,
    }
}

/// All the answers one respondent would give, in question order.
fn answers(rng: &mut StdRng) -> Vec<(QuestionId, AnswerValue)> {
    let weights: Vec<u32> = PROFILES.iter().map(|p| p.weight).collect();
    let role = pick(rng, &weights);
    let p = &PROFILES[role];
    let mut a = vec![(ROLE, AnswerValue::Choice(ROLES[role].into()))];
    if role == PROFESSIONAL {
        let sector = pick(rng, &SECTOR_WEIGHTS);
        a.push((SECTOR, AnswerValue::Choice(SECTOR_KEYS[sector].into())));
    }
    let age = rng.random_range(p.ages.0..=p.ages.1);
    if matches!(role, PROFESSIONAL | VRIJWILLIGER) && rng.random_bool(0.9) {
        let most = age.saturating_sub(if role == PROFESSIONAL { 21 } else { 15 });
        let years = rng.random_range(1..=most.clamp(1, 40));
        a.push((YEARS, AnswerValue::Number(f64::from(years))));
    }
    if rng.random_bool(0.85) {
        a.push((AGE, AnswerValue::Number(f64::from(age))));
    }

    let satisfaction = pick(rng, &p.satisfaction) as i64 + 1;
    a.push((SATISFACTION, AnswerValue::Scale(satisfaction)));
    let ratings: BTreeMap<OptionKey, i64> = STATEMENT_KEYS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            // Triangular noise in −1.6..1.6, and a little of the overall
            // satisfaction in every statement.
            let noise = (rng.random::<f64>() + rng.random::<f64>() - 1.0) * 1.6;
            let mean = STATEMENT_MEANS[i] + p.statements[i] + (satisfaction - 3) as f64 * 0.35;
            let value = (mean + noise).round().clamp(1.0, 5.0) as i64;
            (OptionKey::from(*key), value)
        })
        .collect();
    a.push((STATEMENTS, AnswerValue::Matrix(ratings)));

    let how_many = 1 + pick(rng, &[15, 30, 55]);
    let themes = pick_distinct(rng, &p.themes, how_many);
    a.push((THEMES, AnswerValue::Choices(keys(&THEME_KEYS, &themes))));
    if rng.random_bool(0.92) {
        let top = pick_distinct(rng, &p.priorities, 3);
        a.push((PRIORITIES, AnswerValue::Ranking(keys(&PRIORITY_KEYS, &top))));
    }
    if rng.random_bool(p.texts.0) {
        a.push((
            PROBLEM,
            AnswerValue::Text(sentence(rng, &PROBLEMS, &themes)),
        ));
    }
    if rng.random_bool(p.texts.1) {
        let mut idea = sentence(rng, &IDEAS, &themes);
        if rng.random_bool(0.25) {
            idea.push_str("\n\n");
            idea.push_str(&sentence(rng, &IDEAS, &[]));
        }
        a.push((IDEA, AnswerValue::Text(idea)));
    }

    let consent = rng.random_bool(0.10);
    let follow_up = if consent {
        pick(rng, &[8, 2, 0])
    } else {
        pick(rng, &[1, 3, 6])
    };
    if consent || rng.random_bool(0.9) {
        a.push((
            FOLLOW_UP,
            AnswerValue::Choice(FOLLOW_UP_KEYS[follow_up].into()),
        ));
    }
    if consent {
        a.push((CONTACT, AnswerValue::Contact(contact(rng))));
    } else if rng.random_bool(0.8) {
        a.push((CONTACT, AnswerValue::Contact(ContactAnswer::default())));
    }
    a
}

/// Saves `answers` page by page, as a respondent clicking "next" would.
fn save_by_page(q: &Questionnaire, answers: Vec<(QuestionId, AnswerValue)>) -> ResponseAnswers {
    let mut pages: BTreeMap<usize, AnswerChanges> = BTreeMap::new();
    for (id, value) in answers {
        let page = q
            .page_of(id)
            .unwrap_or_else(|| panic!("the questionnaire has no demo question {id}"));
        pages.entry(page).or_default().insert(id, Some(value));
    }
    pages
        .into_values()
        .fold(ResponseAnswers::new(), |saved, changes| {
            saved
                .save(q, changes)
                .unwrap_or_else(|e| panic!("demo answers are invalid: {e:?}"))
        })
}

/// `n` fictional responses to the demo questionnaire `q` (its id may
/// differ from [`QUESTIONNAIRE`], its questions may not), the same for the
/// same `seed`. One in ten (`n / 10`, rounded) is still in progress: the
/// first one to three pages saved, sometimes with the statements only
/// partly rated; the others are submitted. Answers differ by respondent
/// type (themes, priorities, satisfaction, statements); about one in ten
/// respondents leaves a name and an `@voorbeeld.example` address.
pub fn demo_responses(
    q: &Questionnaire,
    n: usize,
    seed: u64,
) -> Vec<(ResponseStatus, ResponseAnswers)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut in_progress = vec![false; n];
    for i in rand::seq::index::sample(&mut rng, n, (n + 5) / 10) {
        in_progress[i] = true;
    }
    in_progress
        .into_iter()
        .map(|unfinished| {
            let mut all = answers(&mut rng);
            if !unfinished {
                let submitted = save_by_page(q, all)
                    .submit(q)
                    .unwrap_or_else(|e| panic!("a demo response cannot be submitted: {e:?}"));
                return (ResponseStatus::Submitted, submitted);
            }
            let pages = rng.random_range(1..=3);
            all.retain(|(id, _)| q.page_of(*id).is_some_and(|p| p < pages));
            if let Some((_, AnswerValue::Matrix(ratings))) =
                all.iter_mut().find(|(id, _)| *id == STATEMENTS)
                && rng.random_bool(0.5)
            {
                let rated = rng.random_range(1..ratings.len());
                let rest: Vec<OptionKey> = ratings.keys().skip(rated).cloned().collect();
                for k in rest {
                    ratings.remove(&k);
                }
            }
            (ResponseStatus::InProgress, save_by_page(q, all))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use koers_core::lang::Lang;
    use koers_core::questionnaire::{
        Aggregator, QuestionKind, Summary, Visibility, aggregate, is_complete,
    };
    use std::collections::{BTreeSet, HashSet};

    fn responses() -> (Questionnaire, Vec<(ResponseStatus, ResponseAnswers)>) {
        let q = demo_questionnaire();
        let r = demo_responses(&q, 250, 2027);
        (q, r)
    }

    fn role(a: &ResponseAnswers) -> &str {
        match a.get(ROLE) {
            Some(AnswerValue::Choice(k)) => k.as_str(),
            other => panic!("every response has a role, not {other:?}"),
        }
    }

    #[test]
    fn the_questionnaire_is_valid_and_stable() {
        let q = demo_questionnaire();
        assert_eq!(q.id, QUESTIONNAIRE);
        assert_eq!(
            q.title.nl,
            "Vragenlijst jeugdbeleid Gemeente Voorbeeld 2027"
        );
        assert_eq!(q.sections.len(), 2);
        assert_eq!(q.page_count(), 5);
        assert_eq!(q.question_count(), 12);
        // What the editor gets back validates to the same questionnaire.
        let back = QuestionnaireInput::from(&q).validate(q.id);
        assert_eq!(back.as_ref(), Ok(&q));
        assert_eq!(demo_questionnaire(), q);
        let ids: HashSet<QuestionId> = q.questions().map(|x| x.id).collect();
        assert_eq!(ids.len(), 12);
        for id in [
            ROLE,
            SECTOR,
            YEARS,
            AGE,
            SATISFACTION,
            STATEMENTS,
            THEMES,
            PRIORITIES,
            PROBLEM,
            IDEA,
            FOLLOW_UP,
            CONTACT,
        ] {
            assert!(q.question(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn every_title_and_question_has_english() {
        let q = demo_questionnaire();
        assert!(q.title.has(Lang::En));
        assert!(q.intro.as_ref().is_some_and(|t| t.has(Lang::En)));
        for s in &q.sections {
            assert!(s.title.as_ref().is_some_and(|t| t.has(Lang::En)));
            for p in &s.pages {
                assert!(p.title.as_ref().is_some_and(|t| t.has(Lang::En)));
            }
        }
        for question in q.questions() {
            assert!(question.text.has(Lang::En), "{}", question.text.nl);
            for o in question.kind.options() {
                assert!(o.text.has(Lang::En), "{}", o.text.nl);
            }
        }
    }

    #[test]
    fn has_every_kind_a_condition_and_required_questions() {
        let q = demo_questionnaire();
        let kinds: BTreeSet<&str> = q.questions().map(|x| x.kind.type_key()).collect();
        let all: BTreeSet<&str> = [
            "single_choice",
            "multiple_choice",
            "scale",
            "matrix",
            "ranking",
            "number",
            "short_text",
            "long_text",
            "contact",
        ]
        .into();
        assert_eq!(kinds, all);
        let sector = q.question(SECTOR).expect("sector");
        assert_eq!(
            sector.condition,
            Some(Condition::any_of(ROLE, &["professional"]))
        );
        assert!(q.questions().filter(|x| x.condition.is_some()).count() >= 1);
        let required: Vec<QuestionId> =
            q.questions().filter(|x| x.required).map(|x| x.id).collect();
        assert_eq!(required, [ROLE, SECTOR, SATISFACTION, STATEMENTS, THEMES]);
        let role = q.question(ROLE).expect("role");
        let keys: Vec<&str> = role.kind.options().iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ROLES);
        assert!(matches!(
            q.question(PRIORITIES).map(|x| &x.kind),
            Some(QuestionKind::Ranking { top: Some(3), .. })
        ));
        // The sector is shown to professionals only.
        let saved = |r: &str| {
            ResponseAnswers::new()
                .save(&q, [(ROLE, Some(AnswerValue::Choice(r.into())))].into())
                .expect("valid")
        };
        assert!(Visibility::of(&q, &saved("professional")).is_visible(SECTOR));
        assert!(!Visibility::of(&q, &saved("jongere")).is_visible(SECTOR));
    }

    #[test]
    fn responses_are_deterministic() {
        let q = demo_questionnaire();
        let a = demo_responses(&q, 40, 7);
        assert_eq!(a, demo_responses(&q, 40, 7));
        assert_ne!(a, demo_responses(&q, 40, 8));
        assert!(demo_responses(&q, 0, 7).is_empty());
    }

    #[test]
    fn one_in_ten_is_in_progress() {
        let (_, r) = responses();
        assert_eq!(r.len(), 250);
        let submitted = r
            .iter()
            .filter(|(s, _)| *s == ResponseStatus::Submitted)
            .count();
        let in_progress = r
            .iter()
            .filter(|(s, _)| *s == ResponseStatus::InProgress)
            .count();
        assert_eq!((submitted, in_progress), (225, 25));
        let q = demo_questionnaire();
        assert_eq!(
            demo_responses(&q, 9, 1)
                .iter()
                .filter(|(s, _)| *s == ResponseStatus::InProgress)
                .count(),
            1
        );
    }

    #[test]
    fn submitted_responses_are_complete_and_in_progress_ones_partial() {
        let (q, r) = responses();
        let mut partial_matrix = 0;
        for (status, a) in &r {
            match status {
                ResponseStatus::Submitted => {
                    assert_eq!(a.submit(&q).as_ref(), Ok(a), "{a:?}");
                    assert!(Visibility::of(&q, a).progress().can_submit());
                }
                ResponseStatus::InProgress => {
                    assert!(a.get(ROLE).is_some());
                    // Nothing after the third page is saved yet.
                    assert!(a.iter().all(|(id, _)| q.page_of(*id) < Some(3)), "{a:?}");
                    if let (Some(v), Some(m)) = (a.get(STATEMENTS), q.question(STATEMENTS))
                        && !is_complete(&m.kind, v)
                    {
                        partial_matrix += 1;
                    }
                }
            }
        }
        assert!(
            partial_matrix > 0,
            "no in-progress response rates only some statements"
        );
    }

    #[test]
    fn only_professionals_answer_the_sector() {
        let (_, r) = responses();
        let mut professionals = 0;
        for (_, a) in &r {
            let professional = role(a) == "professional";
            professionals += usize::from(professional);
            assert_eq!(a.get(SECTOR).is_some(), professional, "{a:?}");
            if let Some(AnswerValue::Number(years)) = a.get(YEARS) {
                assert!(matches!(role(a), "professional" | "vrijwilliger"));
                assert!(*years >= 1.0);
            }
        }
        assert!(professionals > 0);
    }

    #[test]
    fn aggregates_with_differences_by_respondent_type() {
        let (q, r) = responses();
        let mut agg = Aggregator::new(&q)
            .with_crosstab(THEMES, ROLE)
            .expect("themes by role");
        for (s, a) in &r {
            agg.add(*s, a);
        }
        let results = agg.finish();
        assert_eq!(results, {
            let mut plain = aggregate(&q, r.iter().map(|(s, a)| (*s, a)));
            plain.crosstabs = results.crosstabs.clone();
            plain
        });
        assert_eq!((results.responses, results.submitted), (250, 225));

        // Respondent types are not uniform.
        let roles = results.question(ROLE).expect("role");
        assert_eq!(roles.answered, 250);
        let Summary::Choice { options } = &roles.summary else {
            panic!("role is a choice")
        };
        let counts: Vec<u64> = options.iter().map(|o| o.count).collect();
        let (min, max) = (counts.iter().min(), counts.iter().max());
        assert!(
            max.zip(min).is_some_and(|(max, min)| *max >= 2 * *min),
            "{counts:?}"
        );

        // The sector is seen (and answered) by professionals only.
        let professionals = counts[PROFESSIONAL];
        let sector = results.question(SECTOR).expect("sector");
        assert_eq!(
            (sector.seen, sector.answered),
            (professionals, professionals)
        );

        // Young people choose leisure far more often than professionals, and
        // experience experts waiting times more than young people.
        let tab = &results.crosstabs[0];
        let col_share = |theme: &str, role: usize| {
            let t = THEME_KEYS.iter().position(|k| *k == theme).expect("theme");
            tab.counts[t][role] as f64 / tab.col_totals[role] as f64
        };
        assert!(
            col_share("vrije-tijd", JONGERE) > col_share("vrije-tijd", PROFESSIONAL) + 0.2,
            "{tab:?}"
        );
        assert!(
            col_share("wachttijden", ERVARINGSDESKUNDIGE) > col_share("wachttijden", JONGERE) + 0.2,
            "{tab:?}"
        );

        // Experience experts are the least satisfied.
        let mean = |role: &str| {
            let values: Vec<f64> = r
                .iter()
                .filter(|(_, a)| self::role(a) == role)
                .filter_map(|(_, a)| match a.get(SATISFACTION) {
                    Some(AnswerValue::Scale(v)) => Some(*v as f64),
                    _ => None,
                })
                .collect();
            values.iter().sum::<f64>() / values.len() as f64
        };
        assert!(mean("ervaringsdeskundige") + 0.5 < mean("professional"));
    }

    #[test]
    fn open_answers_and_contacts_are_plausible() {
        let (_, r) = responses();
        let texts: HashSet<&str> = r
            .iter()
            .filter_map(|(_, a)| match a.get(IDEA) {
                Some(AnswerValue::Text(t)) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.len() >= 10, "{} different ideas", texts.len());
        let mut yes = 0;
        for (_, a) in &r {
            if let Some(AnswerValue::Contact(c)) = a.get(CONTACT)
                && c.consent
            {
                yes += 1;
                assert!(c.name.is_some());
                let email = c.email.as_deref().expect("an address");
                assert!(email.ends_with("@voorbeeld.example"), "{email}");
            }
        }
        assert!((10..=45).contains(&yes), "{yes} may be contacted");
    }
}
