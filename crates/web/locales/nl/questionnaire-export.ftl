# Koers — de antwoorden op een vragenlijst als csv of xlsx (een rij per respons).

qexport-sheet-responses = Antwoorden
qexport-sheet-questions = Vragen
qexport-response = Respons
qexport-status = Status
qexport-changed = Laatst gewijzigd
qexport-submitted = ingediend
qexport-in-progress = bezig
qexport-yes = ja
qexport-no = nee
qexport-number = Nr.
qexport-page = Pagina
qexport-type = Soort
qexport-question = Vraag
qexport-type-single-choice = Eén keuze
qexport-type-multiple-choice = Meerdere keuzes
qexport-type-scale = Schaal
qexport-type-matrix = Matrix
qexport-type-ranking = Rangorde
qexport-type-number = Getal
qexport-type-short-text = Korte tekst
qexport-type-long-text = Lange tekst
qexport-type-contact = Contact
