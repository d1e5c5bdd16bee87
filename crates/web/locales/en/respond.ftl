# Answering a questionnaire.
q-page-of = Page { $number } of { $of }
q-offline = No connection. Your answers on this page are kept on this device and will be sent as soon as the connection is back.
q-has-errors = { $count ->
    [one] One question still needs attention.
   *[other] { $count } questions still need attention.
}
q-back = Previous
q-next = Next
q-submit = Send
q-saved-hint = Your answers are saved at every step. You may stop: continue later with the same link.
q-required = required
q-ranking-hint = Give your choices a place: 1 is the most important.
q-not-ranked = No place
q-choose = Choose …
q-rank = Place { $n }
q-consent-yes = Yes, you may contact me
q-consent-no = No
q-contact-hint = Only with yes do you fill in contact details. They are kept apart from your answers.
q-contact-name = Name
q-contact-email = E-mail address
q-contact-phone = Phone number
q-thanks = Thank you!
q-thanks-body = Your answers were received.
q-closed = This questionnaire is closed
q-closed-body = No answers can be given now. Did you fill in something already? It is kept.
q-problem-unknown-question = This question does not exist (any more).
q-problem-wrong-type = This answer does not fit the question.
q-problem-unknown-option = Choose one of the options.
q-problem-duplicate = Give each place once, without gaps (1, 2, 3 …).
q-problem-too-many-choices = Choose at most { $max }.
q-problem-too-many-ranked = Give at most { $max } places.
q-problem-out-of-range = Enter a number from { $min } to { $max }.
q-problem-not-a-point = Choose one of the answers.
q-problem-not-a-number = Enter a number.
q-problem-not-a-whole-number = Enter a whole number.
q-problem-too-long = That is too long (at most { $max } characters).
q-problem-not-an-email = This is not an e-mail address.
q-problem-not-a-phone = This is not a phone number.
q-problem-not-asked = This detail is not asked for.
q-problem-no-contact-details = Enter an e-mail address or phone number, or choose no.
q-problem-required = Answer this question.
q-problem-incomplete = Answer every part of this question.
