# Koers — Nederlandse teksten (standaardtaal).

skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-sessions = Sessies
nav-logout = Uitloggen
lang-switch = English
footer-accessibility = Toegankelijkheid
footer-privacy = Privacy
footer-open-source = open source, zelf te hosten
optional = optioneel

# Deelnemen
join-title = Doe mee
join-intro = Voer de code in die op het scherm in de zaal staat.
join-code-label = Code (6 cijfers)
join-continue = Verder
join-anonymous = U doet anoniem mee. Er is geen account nodig.
join-staff-login = Inloggen voor gespreksleiders
join-you-join = U doet mee aan
join-optional-intro = Wilt u laten zien wie u bent? Dat mag, maar het hoeft niet.
join-name-label = Naam
join-org-label = Soort organisatie
join-org-none = Zeg ik liever niet
join-submit = Doe mee
join-privacy = Uw antwoorden worden zonder naam getoond. Koers bewaart geen IP-adressen.
table-join-title = Deze tablet doet mee als { $table }
table-join-intro = Alles wat u op deze tablet invult, telt voor de hele tafel.
table-join-submit = Doe mee als tafel
table-default-name = Tafel

# Deelnemer
participant-anonymous = Anoniem
participant-waiting-title = Welkom!
participant-waiting-text = De gespreksleider start zo de eerste vraag. Deze pagina ververst vanzelf.
participant-locked-title = De sessie is afgesloten
participant-locked-text = Er kunnen geen antwoorden meer worden gegeven. Dank voor uw bijdrage!
participant-for-tables = Deze vraag beantwoordt u samen met uw tafel, op de tablet.
participant-for-individuals = Deze vraag beantwoordt iedereen op de eigen telefoon.
participant-closed = Deze vraag is gesloten.
participant-not-open = Deze vraag is nog niet geopend.
participant-your-answer = Uw antwoord
profile-title = Mijn gegevens (optioneel)
profile-save = Opslaan
profile-saved = Uw gegevens zijn opgeslagen.
answer-send = Verstuur
answer-withdraw = Trek antwoord in
answer-choose-max = Kies er hoogstens { $max }.
answer-words-max = { $max ->
    [one] Geef één woord.
   *[other] Geef maximaal { $max } woorden.
}
answer-word-n = Woord { $n }
answer-max-chars = Maximaal { $max } tekens.
answer-scale-meaning = Laag betekent: { $min }. Hoog betekent: { $max }.
js-sending = Versturen…
js-sent = Uw antwoord is ontvangen. U kunt het wijzigen zolang de vraag open is.
js-queued = Nog niet verzonden: geen verbinding. Koers probeert het automatisch opnieuw.
js-withdrawn = Uw antwoord is ingetrokken.
js-reconnecting = Verbinding verbroken. Opnieuw verbinden…
js-your-answer = Uw antwoord
js-error = Dat lukte niet. Probeer het nog eens.
js-offline = Geen verbinding met de server.

# Soorten activiteiten en staten
kind-single-choice = Eén keuze
kind-multiple-choice = Meerkeuze
kind-scale = Schaal
kind-word-cloud = Woordwolk
kind-open-text = Open vraag
state-pending = nog niet geopend
state-open = open
state-closed = gesloten
audience-individuals = Iedereen op eigen telefoon
audience-tables = Per tafel, op de tablet
audience-everyone = Telefoons én tablets

# Resultaten
results-title = Resultaten
result-count = { $count ->
    [one] 1 stem
   *[other] { $count } stemmen
}
result-respondents = { $count ->
    [0] Nog geen antwoorden
    [one] 1 deelnemer heeft geantwoord
   *[other] { $count } deelnemers hebben geantwoord
}
result-mean = Gemiddeld { $value }
result-median = mediaan { $value }
result-none = Nog geen antwoorden.
count-participants = { $count ->
    [one] 1 deelnemer
   *[other] { $count } deelnemers
}
count-tablets = { $count ->
    [one] 1 tablet
   *[other] { $count } tablets
}

# Scherm
screen-title = Scherm
screen-join-at = Ga naar { $host } en voer deze code in:
screen-join-short = Doe mee via { $host } met code
screen-code-label = Code { $code }
screen-responses = { $count ->
    [one] antwoord
   *[other] antwoorden
}
screen-open = De vraag staat open. Antwoord op uw telefoon.
screen-closed = De vraag is gesloten.
screen-locked = Afgesloten
qr-join-label = QR-code om mee te doen met code { $code }
qr-table-label = QR-code voor de tablet van { $table }

# Inloggen
login-title = Inloggen
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Inloggen

# Sessies
sessions-title = Sessies
sessions-none = Er zijn nog geen sessies.
sessions-col-title = Titel
sessions-col-code = Code
sessions-col-activities = Activiteiten
sessions-col-devices = Apparaten
sessions-col-created = Aangemaakt
sessions-new = Nieuwe sessie
sessions-field-title = Titel
sessions-field-template = Beginnen met
sessions-field-lang = Taal van de sessie
sessions-create = Sessie aanmaken
template-ketenavond = Preventief jeugdbeleid — ketenavond (vijf stappen)
template-blank = Lege sessie

# Console
console-title = Regie
console-code = Code
console-participant-url = Link voor deelnemers
console-screen-url = Scherm
console-open-screen = Open het scherm voor de beamer
console-live = Nu
console-agenda = Programma
console-controls = Besturing
console-locked = afgesloten
console-nothing-shown = Het scherm toont nu het welkom met de code.
console-responses = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
control-previous = ← Vorige
control-next = Volgende →
control-open = Open
control-close = Sluit
control-show = Toon op scherm
control-show-results = Toon resultaten
control-hide-results = Verberg resultaten
control-welcome = Welkomstscherm
control-start = Begin
control-lock = Sessie afsluiten
control-unlock = Sessie heropenen
agenda-edit = Bewerk
agenda-on-screen = op het scherm
agenda-step-empty = Nog geen activiteiten in deze stap.
activity-add = Activiteit toevoegen
activity-add-submit = Toevoegen
activity-save = Opslaan
activity-edit-title = Activiteit bewerken
activity-back = Terug naar de regie
activity-delete = Verwijderen
activity-move-up = Omhoog
activity-move-down = Omlaag
activity-has-answers = { $count ->
    [one] Er is al 1 antwoord. U kunt teksten nog aanpassen, maar niet het aantal opties.
   *[other] Er zijn al { $count } antwoorden. U kunt teksten nog aanpassen, maar niet het aantal opties.
}
activity-field-title = Vraag
activity-field-kind = Soort
activity-field-options = Opties
activity-field-options-hint = Eén optie per regel, 2 tot 12 opties.
activity-field-max-choices = Hoeveel opties mag iemand kiezen?
activity-field-scale-min = Laagste waarde (0 of 1)
activity-field-scale-max = Hoogste waarde (2 tot 10)
activity-field-min-label = Betekenis van de laagste waarde
activity-field-max-label = Betekenis van de hoogste waarde
activity-field-max-words = Aantal woorden per deelnemer (1 tot 5)
activity-field-max-chars = Maximaal aantal tekens (10 tot 500)
activity-field-audience = Wie antwoordt?
activity-field-step = Stap
step-add = Stap toevoegen
step-field-title = Naam van de stap
step-add-submit = Stap toevoegen
tables-title = Tafels
tables-intro = Open op elke tablet de link (of scan de QR-code) van een tafel. Wat die tablet invult, telt voor de tafel.
tables-link = Link voor de tablet
tables-field-name = Naam van de tafel
tables-add = Tafel toevoegen

# Fouten
error-title = Dat ging niet goed
error-status = Foutcode { $status }
error-home = Naar de startpagina
error-empty = Vul iets in.
error-too-long = Dat is te lang: maximaal { $max } tekens.
error-wrong-answer-type = Dit antwoord past niet bij deze vraag.
error-no-such-option = Kies een van de opties.
error-too-many-choices = Kies er hoogstens { $max }.
error-out-of-range = Kies een waarde van { $min } tot en met { $max }.
error-too-many-words = Geef maximaal { $max } woorden.
error-activity-not-open = Deze vraag staat niet (meer) open. Uw antwoord is niet opgeslagen.
error-session-locked = Deze sessie is afgesloten.
error-for-tables-only = Deze vraag beantwoordt u samen met uw tafel, op de tablet.
error-for-individuals-only = Deze vraag beantwoordt iedereen op de eigen telefoon.
error-not-found = Niet gevonden.
error-invalid-activity = Deze activiteit is niet goed ingevuld. Controleer de opties en getallen.
error-has-answers = Er zijn al antwoorden gegeven; dat kan nu niet meer worden gewijzigd.
error-nothing-to-withdraw = Er is geen antwoord om in te trekken.
error-unknown-org-type = Kies een soort organisatie uit de lijst.
error-too-many-dots = U heeft { $max } stippen; u gebruikt er meer.
error-too-many-per-item = Geef één punt hoogstens { $max }.
error-points-must-total = Verdeel precies { $max } punten.
error-invalid-ranking = Deze rangorde klopt niet: noem elk punt één keer, en niet meer dan gevraagd.
error-not-yours = Dit kunt u alleen aanpassen bij uw eigen bijdrage.
error-finalised = Deze lijst is vastgesteld en verandert niet meer.
error-nothing-to-undo = Er is niets om ongedaan te maken.
error-in-use = Dit wordt nog gebruikt door { $max } activiteiten; pas die eerst aan.
error-too-many-items = U heeft het maximum van { $max } bijdragen bereikt.
error-bad-date = Vul de datum in als JJJJ-MM-DD, bijvoorbeeld 2026-11-19.
error-bad-logo = Het logo moet een PNG-afbeelding van hoogstens { $max } KiB en 2000 × 2000 pixels zijn.
error-unauthorized = U bent niet (meer) ingelogd.
error-forbidden = Dat mag u niet doen.
error-bad-request = Het verzoek is niet goed opgebouwd.
error-unknown-code = Er is geen sessie met deze code. Controleer de zes cijfers op het scherm.
error-too-many-attempts = Te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw.
error-login-failed = Het e-mailadres of wachtwoord klopt niet.
error-csrf = Uw pagina was verlopen. Laad de pagina opnieuw en probeer het nog eens.
error-payload-too-large = Dat is te veel tekst in één keer.
error-unavailable = Koers is even niet bereikbaar. Probeer het zo opnieuw; er gaat niets verloren.
error-internal = Er ging iets mis aan onze kant. Probeer het opnieuw.

# Toegankelijkheid en privacy
a11y-title = Toegankelijkheidsverklaring
a11y-intro = Koers wil voor iedereen bruikbaar zijn en volgt de WCAG 2.1 op niveau AA, zoals het Besluit digitale toegankelijkheid overheid vraagt.
a11y-measures-title = Wat wij doen
a11y-measure-keyboard = Alles werkt met het toetsenbord; de focus is altijd zichtbaar.
a11y-measure-contrast = Tekst en knoppen hebben voldoende contrast, ook op een beamer.
a11y-measure-labels = Elk invoerveld heeft een label; foutmeldingen staan bij het veld en worden voorgelezen.
a11y-measure-live = Nieuwe vragen en bevestigingen worden aan schermlezers gemeld.
a11y-measure-zoom = Pagina's zijn te vergroten tot 400% zonder dat inhoud verdwijnt.
a11y-known-title = Bekende beperkingen
a11y-known-text = Grafieken worden als afbeelding getoond; alle cijfers staan er ook als tekst bij.
a11y-contact-title = Contact
a11y-contact-text = Loopt u ergens tegenaan? Meld het bij de gemeente die deze sessie organiseert.
privacy-title = Privacy
privacy-intro = Koers verzamelt alleen wat nodig is voor de sessie.
privacy-anonymous = U doet anoniem mee; een naam en organisatie opgeven is vrijwillig.
privacy-no-ip = Koers slaat geen IP-adressen op.
privacy-cookies = Koers gebruikt alleen functionele cookies: om u te herkennen in deze sessie en tegen misbruik van formulieren. Geen tracking.
privacy-own-server = De gegevens staan op de server van de gemeente die Koers gebruikt.
privacy-register = Van mensen met wie de gemeente samenwerkt aan het jeugdbeleid bewaart Koers alleen naam, functie, organisatie en contactgegevens; alleen medewerkers van de gemeente zien ze. Vraag de gemeente om inzage of verwijdering: zij kan beide direct in Koers doen.

# Standaard organisatietypen
org-school = Onderwijs
org-ggd = GGD / jeugdgezondheidszorg
org-cjg = CJG / jeugdteam
org-sport = Sport en vrije tijd
org-huisarts = Huisarts / zorg
org-jeugd = Jeugd / jongerenraad
org-gemeente = Gemeente
org-overig = Anders
org-unknown = Niet opgegeven

# Sessiesjabloon: Preventief jeugdbeleid — ketenavond (seed 000)
tpl-blank-step = Programma
tpl-step-1 = Kennismaken
tpl-step-2 = Kader neerzetten
tpl-step-3 = Verzamelen
tpl-step-4 = Richting bepalen
tpl-step-5 = Verdiepen
tpl-q-org = Vanuit welk soort organisatie bent u hier?
tpl-q-org-options = Onderwijs | GGD / jeugdgezondheidszorg | CJG / jeugdteam | Sport en vrije tijd | Huisarts / zorg | Jeugd / jongerenraad | Gemeente | Anders
tpl-q-years = Hoe lang werkt u al met of voor jeugdigen?
tpl-q-years-options = Korter dan 2 jaar | 2 tot 5 jaar | 5 tot 10 jaar | Langer dan 10 jaar
tpl-q-word = Welk woord komt bij u op bij 'gezond en gelukkig opgroeien'?
tpl-q-collect = Waar moeten we op inzetten om dit doel te bereiken?
tpl-q-action = Formuleer een concrete actie: 'We doen …, zodat …'. Wie doet het, wanneer, en wat is ervoor nodig?
tpl-q-evening = Hoe waardeert u deze avond?
tpl-q-evening-min = slecht
tpl-q-evening-max = uitstekend
tpl-quiz-1 = Welk deel van de jongeren van 12 tot 16 jaar in onze regio voelt zich gelukkig?
tpl-quiz-1-options = Ongeveer de helft | Ruim acht op de tien | Bijna iedereen
tpl-quiz-1-explanation = Voorbeeldvraag: vervang dit cijfer door het cijfer van uw gemeente uit de Gezondheidsmonitor Jeugd. De meeste jongeren voelen zich gelukkig, maar een flinke groep niet — daar gaat deze avond over.
tpl-quiz-source = Voorbeeld — vervang door: Gezondheidsmonitor Jeugd (GGD), uw gemeente
tpl-quiz-2 = Schat: hoeveel procent van de jongeren in de tweede klas heeft de afgelopen maand alcohol gedronken?
tpl-quiz-2-explanation = Voorbeeldvraag: vul het cijfer van uw gemeente in. Een schatvraag laat zien hoe ver het beeld in de zaal van de cijfers af ligt.
tpl-goal = Kunt u zich vinden in ons gezamenlijke doel?
tpl-goal-wording = Alle jeugdigen in onze gemeente groeien zo gezond, gelukkig en veilig mogelijk op.
tpl-categorise = Welke richtingen zien we in de ideeën?
tpl-vote-dots = Welke richtingen verdienen de hoogste prioriteit? Verdeel uw stippen.
tpl-vote-ranking = Zet de drie belangrijkste richtingen op volgorde.
tpl-questions = Vragen uit de zaal

# Instellingen en verwijderen
settings-title = Instellingen
settings-org-types = Soorten organisatie waaruit deelnemers kunnen kiezen
settings-org-types-hint = Eén per regel. Een soort die blijft staan, houdt de keuzes die al zijn gemaakt.
settings-save = Opslaan
delete-title = Sessie verwijderen
delete-intro = Verwijdert de sessie met het programma, de deelnemers, alle antwoorden en het logboek. Dit kan niet ongedaan worden gemaakt. Het verwijderen zelf wordt vastgelegd.
delete-confirm = Ik begrijp dat alle antwoorden van deze sessie definitief worden verwijderd.
delete-submit = Sessie definitief verwijderen
error-confirm-delete = Bevestig eerst dat alle antwoorden definitief worden verwijderd.

## The whole evening
kind-quiz = Quizvraag
kind-estimate = Schatvraag
kind-goal = Gezamenlijk doel
kind-idea-wall = Ideeënmuur
kind-categorise = Categoriseren
kind-prioritise = Prioriteren
kind-actions = Acties
kind-questions = Vragen uit de zaal
kind-pitches = Pitches
kind-matrix = Preventiematrix
save = Opslaan
move-up = Omhoog
control-reveal = Juiste antwoord tonen
quiz-answer = Juiste antwoord
quiz-correct = juist antwoord
quiz-choose-all = Kies alle juiste antwoorden.
quiz-revealed = Het antwoord staat op het scherm.
quiz-source = Bron: { $source }
quiz-top = Top 5
estimate-your = Uw schatting
estimate-median = Middelste schatting
estimate-range = Laagste – hoogste
estimate-close = Binnen 10% van het juiste antwoord
goal-agree = Eens
goal-live-with = Kan ermee leven
goal-object = Bezwaar
goal-reason = Toelichting (niet verplicht)
goal-wording-n = Formulering { $n }
goal-agreed = Vastgesteld doel
goal-ours = Ons doel:
goal-record = Vastleggen als ons doel
goal-revise-label = Aangepaste formulering(en), één per regel
goal-revise = Opnieuw voorleggen
idea-your = Uw idee
question-your = Uw vraag
question-moderated = De gespreksleider bekijkt vragen voordat ze op het scherm komen.
item-add = Toevoegen
item-text = Tekst
item-edit = Bewerken
item-hide = Verbergen
item-show = Weer tonen
item-approve = Goedkeuren
item-hidden = verborgen
item-pending = wacht op goedkeuring
item-answered = beantwoord
item-mark-answered = Beantwoord
item-merge = Samenvoegen
item-merge-into = Samenvoegen met
item-upvote = Ik wil dit ook weten
item-upvotes = { $count ->
    [one] { $count } stem
   *[other] { $count } stemmen
}
item-commit = Ik doe mee
item-commits = { $count ->
    [one] { $count } doet mee
   *[other] { $count } doen mee
}
board-tools = Categorieën beheren
board-new-category = Nieuwe categorie
board-add = Toevoegen
board-undo = Ongedaan maken
board-proposal = Voorstel van Koers
board-accept = Voorstel overnemen
board-duplicates = Bijna hetzelfde
board-edit-category = Categorie bewerken
board-rename = Naam
board-merge-into = Samenvoegen met
board-merge = Samenvoegen
board-remove = Verwijderen (leeg)
board-unplaced = Nog niet ingedeeld
board-result = Maatschappelijk resultaat
board-result-none = — geen —
action-to-inventory = Als activiteit in de inventaris
board-move = Verplaatsen
board-move-label = Categorie voor: { $idea }
board-merged-from = Samengevoegd: { $names }
vote-share = { $pct }% van de stemmers
vote-mean = gem. { $value }
vote-spread = spreiding { $value }
vote-schulze = Volgorde volgens Schulze: { $order }
vote-disagree = Let op: Borda-punten en de Schulze-volgorde geven hier een andere rangorde.
vote-rank-hint = Zet uw top { $k } op volgorde: de belangrijkste eerst.
vote-place = Plaats { $n }
vote-choose = — kies —
vote-dots-hint = Verdeel { $dots } stippen; hoogstens { $max } op één punt.
vote-points-hint = Verdeel precies { $total } punten.
action-topic = Voor welke prioriteit?
action-we-do-label = We doen …
action-we-do-example = bijvoorbeeld: een vast spreekuur van de jongerenwerker op school
action-so-that-label = … zodat …
action-so-that = zodat
action-who = Wie
action-by-when = Wanneer klaar
action-needs = Wat is nodig
actions-final = De actielijst is vastgesteld.
actions-finalise = Actielijst vaststellen
actions-reopen = Actielijst weer openen
pitch-about = Over welke pitch?
pitch-tone = Soort reactie
pitch-success = Succesverhaal
pitch-improve = Verbeterpunt
pitch-feedback = Uw reactie
pitch-timer = Pitchtimer
pitch-start = Start: { $speaker }
pitch-pause = Pauzeren
pitch-resume = Verder
pitch-stop = Stoppen
pitch-waiting = De volgende pitch begint zo.
pitch-success-of = Succesverhalen — { $speaker }
pitch-improve-of = Verbeterpunten — { $speaker }
js-left = Nog te verdelen: {"{"}n{"}"}
js-edit = Wijzigen
js-withdraw = Intrekken
activity-field-correct-hint = Zet een * voor elk juist antwoord, bijvoorbeeld: *Ruim acht op de tien
activity-field-value = Juiste waarde
activity-field-unit = Eenheid (bijvoorbeeld %)
activity-field-explanation = Uitleg bij het antwoord
activity-field-source = Bron (bijvoorbeeld CBS Jeugdmonitor 2024)
activity-field-scored = Punten tellen voor een top 5 (anoniem)
activity-field-lines = Formuleringen of sprekers, één per regel
activity-field-lines-hint = Bij een doel: de formulering(en) die u voorlegt. Bij pitches: de sprekers in volgorde.
activity-field-seconds = Spreektijd per pitch (seconden)
activity-field-source-activity = Bouwt voort op
activity-field-method = Stemmethode
method-dots = Stippen verdelen
method-ranking = Top op volgorde zetten
method-points = 100 punten verdelen
activity-field-amount = Aantal stippen, plaatsen of punten
activity-field-amount-hint = Stippen: per deelnemer. Volgorde: hoeveel plaatsen. Punten: het totaal om te verdelen.
activity-field-max-per-item = Hoogstens stippen op één punt
activity-field-top-k = Acties voor de top
activity-field-moderated = Vragen eerst goedkeuren
figures-title = Kerncijfers importeren
figures-hint = Plak regels uit een spreadsheet: kerncijfer, waarde, eenheid, jaar, bron (met komma's of puntkomma's; de eerste regel is de kop). Elk kerncijfer wordt een schatvraag.
figures-csv = Kerncijfers (CSV)
figures-submit = Importeren als schatvragen
figures-question = Schat: { $figure }
figures-question-year = Schat: { $figure } ({ $year })
figures-error-columns = Regel { $line }: verwacht vijf kolommen (kerncijfer, waarde, eenheid, jaar, bron). Er is niets geïmporteerd.
figures-error-figure = Regel { $line }: het kerncijfer ontbreekt of is te lang. Er is niets geïmporteerd.
figures-error-value = Regel { $line }: de waarde is geen getal. Er is niets geïmporteerd.
figures-error-year = Regel { $line }: het jaar klopt niet. Er is niets geïmporteerd.
figures-error-empty = Er staan geen kerncijfers onder de kopregel.
figures-error-too-many = Regel { $line }: meer dan { $max } kerncijfers in één keer. Er is niets geïmporteerd.
wall-individuals = Deelnemers
wall-show-by-table = Per tafel tonen
wall-show-together = Alles samen tonen
vote-breakdown = Per soort organisatie
vote-breakdown-org = Organisatie
vote-breakdown-voters = Stemmers
vote-breakdown-top = Top 3
vote-tied = gedeelde plaats
report-participants = Wie deden mee
report-count = Aantal
report-answer = Antwoord
report-item = Onderwerp
report-total = Totaal
report-share = Stemmers
report-mean = Gemiddeld
report-spread = Spreiding
report-merged = samengevoegd:
report-kicker = Verslag
report-date = Datum
report-place = Plaats
report-facilitator = Gespreksleider
report-page = Pagina
report-of = van
report-summary = De kern
report-ideas = { $count ->
    [one] 1 idee
   *[other] { $count } ideeën
}
report-actions = { $count ->
    [one] 1 actie
   *[other] { $count } acties
}
report-word = Woord
report-word-cloud = Woordwolk
report-reasons = Toelichtingen
report-by-org = Per soort organisatie:
report-voters = Stemmers
report-top-three = Top drie
report-category = Categorie
report-merged-categories = Samengevoegd uit
report-board-note = De ideeën zelf staan per categorie bij de ideeënmuur.
report-hidden-group = Verborgen door de gespreksleider
report-export = Verslag en export
report-export-intro = Download het verslag van deze sessie, of alle gegevens als archief.
report-format-pdf = PDF
report-format-docx = Word (.docx)
report-format-xlsx = Excel (.xlsx)
report-format-md = Markdown
report-format-csv = CSV per activiteit (.zip)
report-format-json = Archief (.json)
report-cover = Voorblad van het verslag
report-cover-date = Datum (JJJJ-MM-DD)
report-cover-place = Plaats
report-cover-facilitator = Gespreksleider
report-cover-save = Voorblad opslaan
xlsx-summary = Overzicht
xlsx-municipality = Gemeente
xlsx-session = Bijeenkomst
xlsx-date = Datum
xlsx-participants = Deelnemers
xlsx-tables = Tafels
xlsx-by-org = Deelnemers per soort organisatie
xlsx-totals = Uitkomst per activiteit
xlsx-number = Nr.
xlsx-step = Stap
xlsx-activity = Activiteit
xlsx-kind = Soort
xlsx-respondents = Respondenten
xlsx-headline = Uitkomst
xlsx-percent = Percentage
xlsx-sheet = Tabblad
xlsx-truncated = … [ingekort]
xlsx-explanation = Uitleg
xlsx-source = Bron
xlsx-value = Waarde
xlsx-label = Betekenis
xlsx-word = Woord
xlsx-lowest = Laagste
xlsx-highest = Hoogste
xlsx-unit = Eenheid
xlsx-wording = Formulering
xlsx-verdict = Oordeel
xlsx-reason = Toelichting
xlsx-reasons = Toelichtingen
xlsx-rank = Plaats
xlsx-tied = Gedeelde plaats
xlsx-voter-share = Aandeel stemmers
xlsx-voters = Stemmers
xlsx-schulze = Schulze-volgorde
xlsx-group = Groep
xlsx-so-that = Zodat
xlsx-author = Auteur
xlsx-status = Status
xlsx-marks = Stemmen
xlsx-commits = Toezeggingen
xlsx-committed = Organisaties die meedoen
xlsx-merged-into = Samengevoegd met
xlsx-status-visible = zichtbaar
xlsx-status-hidden = verborgen
xlsx-status-pending = wacht op goedkeuring
xlsx-status-answered = beantwoord
xlsx-status-merged = samengevoegd
xlsx-status-withdrawn = ingetrokken
xlsx-category = Categorie
xlsx-ideas = Ideeën
xlsx-ideas-per-category = Ideeën per categorie
activity-matrix-hint = Het scherm toont de Preventiematrix van de inventaris zoals die dan is: het aanbod dat nu loopt. Deelnemers hoeven niets te doen.
