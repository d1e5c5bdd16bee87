# Het stakeholderregister: contactpersonen, organisaties, groepen, gesprekken.
nav-register = Stakeholders
reg-title = Stakeholderregister
reg-nav-label = Onderdelen van het stakeholderregister
reg-nav-contacts = Contactpersonen
reg-nav-organisations = Organisaties
reg-nav-groups = Groepen
reg-nav-conversations = Gesprekken
reg-saved = Opgeslagen.
reg-erased = De contactpersoon is gewist, met alle lidmaatschappen en de vermelding in gesprekken.
reg-deleted = Verwijderd.
reg-groups-changed = Groepen bijgewerkt.
reg-members-changed = Leden bijgewerkt.
reg-all-organisations = Alle organisaties
reg-no-organisation = Geen organisatie
reg-field-name = Naam
reg-field-role = Functie of rol
reg-field-email = E-mailadres
reg-field-phone = Telefoonnummer
reg-field-organisation = Organisatie
reg-field-date = Datum
reg-field-topic = Onderwerp
reg-field-held-by = Gevoerd door
reg-field-follow-up = Vervolgafspraak
reg-field-follow-up-due = Vervolg uiterlijk op
reg-field-people = Gesproken met
reg-field-notes = Aantekeningen
reg-field-description = Omschrijving
reg-field-core = Dit is de kerngroep van het traject
reg-privacy = Persoonsgegevens: leg alleen vast wat nodig is om uit te nodigen en terug te bellen. Alleen medewerkers van de gemeente zien ze.
reg-contact-new = Nieuwe contactpersoon
reg-contact-add = + contactpersoon
reg-contact-form = Contactpersoon
reg-search = Zoeken
reg-filter = Tonen
reg-shown = { $shown } van { $total } contactpersonen
reg-due = uiterlijk
reg-overdue = te laat
reg-open = open
reg-follow-up-done = Vervolg gedaan
reg-mark-done = Markeer als gedaan
reg-conversation-new = Gesprek vastleggen
reg-conversation-form = Gesprek
reg-conversation-delete = Gesprek verwijderen
reg-in-no-group = Nog in geen enkele groep.
reg-leave-group = Uit groep halen
reg-join-group = Toevoegen aan groep
reg-add = Toevoegen
reg-no-conversations = Nog geen gesprekken vastgelegd.
reg-avg-title = Verzoek van betrokkene (AVG)
reg-avg-intro = Vraagt deze persoon om inzage of verwijdering? Download alles wat Koers over hem of haar bewaart, of wis de gegevens. Beide worden in het auditlog vastgelegd.
reg-avg-accounts = Met dit e-mailadres { $count ->
    [one] bestaat ook een partneraccount; dat staat in de download.
   *[other] bestaan ook { $count } partneraccounts; die staan in de download.
}
reg-avg-download = Gegevens downloaden (inzage)
reg-avg-erase = Gegevens wissen
reg-erase-title = { $name } wissen?
reg-erase-what = Dit wordt definitief verwijderd:
reg-erase-record = de contactgegevens (naam, functie, e-mailadres, telefoonnummer);
reg-erase-memberships = { $count ->
    [one] het lidmaatschap van 1 groep;
   *[other] de lidmaatschappen van { $count } groepen;
}
reg-erase-conversations = { $count ->
    [one] de vermelding als gesprekspartner in 1 gesprek (het gesprek zelf blijft).
   *[other] de vermelding als gesprekspartner in { $count } gesprekken (de gesprekken zelf blijven).
}
reg-erase-notes = Staat de naam ook in de aantekeningen van een gesprek? Pas die dan zelf aan: Koers wijzigt geen vrije tekst.
reg-erase-confirm = Definitief wissen
reg-organisations-intro = De organisaties zijn dezelfde als de partners van de preventie-inventarisatie: één lijst.
reg-organisations-edit = Organisaties beheren
reg-groups-intro = Groepen zoals de kerngroep, een jongerenpanel of het netwerk van scholen. Uitnodigingslijsten voor vragenlijsten en consultaties maakt u vanuit een groep.
reg-members = Leden
reg-core = kerngroep
reg-group-new = Nieuwe groep
reg-group-create = Groep aanmaken
reg-group-size = { $members } leden uit { $organisations } organisaties
reg-invitations-csv = Uitnodigingslijst (CSV)
reg-without-email = { $count ->
    [one] 1 lid heeft geen e-mailadres en staat niet op de uitnodigingslijst.
   *[other] { $count } leden hebben geen e-mailadres en staan niet op de uitnodigingslijst.
}
reg-no-members = Deze groep heeft nog geen leden.
reg-select = Selecteren
reg-remove-selected = Geselecteerde leden uit de groep halen
reg-add-members = Leden toevoegen
reg-pick-members = Kies contactpersonen
reg-group-edit = Groep bewerken
reg-group-delete = Groep verwijderen (de personen blijven)
reg-show-all = Alle gesprekken tonen
reg-show-open = Alleen open vervolgafspraken ({ $count })
reg-notes-hint = Schrijf alleen op wat voor het beleid nodig is; geen gezondheids- of andere bijzondere persoonsgegevens.
