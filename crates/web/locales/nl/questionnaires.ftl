# Vragenlijsten voor medewerkers: lijst en resultaten.
nav-questionnaires = Vragenlijsten
qr-title = Vragenlijsten
qr-none = Er zijn nog geen vragenlijsten.
qr-questionnaire = Vragenlijst
qr-status = Status
qr-open = open
qr-closed = gesloten
qr-submitted = Ingestuurd
qr-in-progress = Bezig
qr-invited = Uitgenodigd (gereageerd / totaal)
qr-link = Openbare link
qr-responses = Reacties
qr-response-summary = { $submitted } ingestuurd van { $total } begonnen
qr-completion = Voltooid
qr-over-time = Reacties per dag
qr-day = Dag
qr-total = Totaal
qr-answered = { $answered } van de { $seen } die deze vraag zagen, gaven antwoord.
qr-mean = Gemiddelde
qr-median = Mediaan
qr-points = Punten
qr-first = Keer eerste
qr-mean-rank = Gemiddelde plaats
qr-ranked = Keer gerangschikt
qr-count = Aantal
qr-min = Laagste
qr-max = Hoogste
qr-cross = Kruistabel
qr-cross-rows = Rijen
qr-cross-cols = Kolommen
qr-cross-show = Kruistabel tonen
qr-cross-title = { $rows } naar { $cols }
qr-open-answers = Open antwoorden
qr-filter = Zoeken in de antwoorden
qr-matching = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
qr-erase = Reactie wissen (op verzoek)
qr-erased = De reactie is gewist.
qr-cross-unknown-question = Die vraag bestaat niet.
qr-cross-unsuitable = Alleen keuze- en schaalvragen kunnen in een kruistabel.
qr-cross-same-question = Kies voor rijen en kolommen twee verschillende vragen.
qr-export-xlsx = Antwoorden downloaden (Excel)
qr-export-csv = Antwoorden downloaden (CSV)
