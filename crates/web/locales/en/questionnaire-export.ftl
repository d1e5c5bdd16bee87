# Koers — a questionnaire's responses as csv or xlsx (a row per response).

qexport-sheet-responses = Responses
qexport-sheet-questions = Questions
qexport-response = Response
qexport-status = Status
qexport-changed = Last changed
qexport-submitted = submitted
qexport-in-progress = in progress
qexport-yes = yes
qexport-no = no
qexport-number = No.
qexport-page = Page
qexport-type = Type
qexport-question = Question
qexport-type-single-choice = Single choice
qexport-type-multiple-choice = Multiple choice
qexport-type-scale = Scale
qexport-type-matrix = Matrix
qexport-type-ranking = Ranking
qexport-type-number = Number
qexport-type-short-text = Short text
qexport-type-long-text = Long text
qexport-type-contact = Contact
