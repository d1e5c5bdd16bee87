# Een vragenlijst invullen.
q-page-of = Pagina { $number } van { $of }
q-offline = Geen verbinding. Uw antwoorden op deze pagina zijn op dit toestel bewaard en worden verstuurd zodra er weer verbinding is.
q-has-errors = { $count ->
    [one] Eén vraag heeft nog aandacht nodig.
   *[other] { $count } vragen hebben nog aandacht nodig.
}
q-back = Vorige
q-next = Volgende
q-submit = Versturen
q-saved-hint = Uw antwoorden worden bewaard bij elke stap. Stoppen mag: met dezelfde link gaat u later verder.
q-required = verplicht
q-ranking-hint = Geef uw keuzes een plaats: 1 is het belangrijkst.
q-not-ranked = Geen plaats
q-choose = Kies …
q-rank = Plaats { $n }
q-consent-yes = Ja, u mag contact met mij opnemen
q-consent-no = Nee
q-contact-hint = Alleen met ja vult u contactgegevens in. Ze worden apart van uw antwoorden bewaard.
q-contact-name = Naam
q-contact-email = E-mailadres
q-contact-phone = Telefoonnummer
q-thanks = Bedankt!
q-thanks-body = Uw antwoorden zijn ontvangen.
q-closed = Deze vragenlijst is gesloten
q-closed-body = Er kunnen nu geen antwoorden worden gegeven. Heeft u al iets ingevuld? Dat blijft bewaard.
q-problem-unknown-question = Deze vraag bestaat niet (meer).
q-problem-wrong-type = Dit antwoord past niet bij de vraag.
q-problem-unknown-option = Kies een van de mogelijkheden.
q-problem-duplicate = Geef elke plaats één keer, zonder gaten (1, 2, 3 …).
q-problem-too-many-choices = Kies er hoogstens { $max }.
q-problem-too-many-ranked = Geef hoogstens { $max } plaatsen.
q-problem-out-of-range = Vul een getal in van { $min } tot en met { $max }.
q-problem-not-a-point = Kies een van de antwoorden.
q-problem-not-a-number = Vul een getal in.
q-problem-not-a-whole-number = Vul een heel getal in.
q-problem-too-long = Dat is te lang (hoogstens { $max } tekens).
q-problem-not-an-email = Dit is geen e-mailadres.
q-problem-not-a-phone = Dit is geen telefoonnummer.
q-problem-not-asked = Dit gegeven wordt niet gevraagd.
q-problem-no-contact-details = Vul een e-mailadres of telefoonnummer in, of kies nee.
q-problem-required = Beantwoord deze vraag.
q-problem-incomplete = Beantwoord elk onderdeel van deze vraag.
