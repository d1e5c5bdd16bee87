# Questionnaires for staff: list and results.
nav-questionnaires = Questionnaires
qr-title = Questionnaires
qr-none = There are no questionnaires yet.
qr-questionnaire = Questionnaire
qr-status = Status
qr-open = open
qr-closed = closed
qr-submitted = Submitted
qr-in-progress = In progress
qr-invited = Invited (responded / total)
qr-link = Public link
qr-responses = Responses
qr-response-summary = { $submitted } submitted of { $total } started
qr-completion = Completed
qr-over-time = Responses per day
qr-day = Day
qr-total = Total
qr-answered = { $answered } of the { $seen } who saw this question answered it.
qr-mean = Mean
qr-median = Median
qr-points = Points
qr-first = Times first
qr-mean-rank = Mean place
qr-ranked = Times ranked
qr-count = Count
qr-min = Lowest
qr-max = Highest
qr-cross = Cross-tabulation
qr-cross-rows = Rows
qr-cross-cols = Columns
qr-cross-show = Show cross-tabulation
qr-cross-title = { $rows } by { $cols }
qr-open-answers = Open answers
qr-filter = Search the answers
qr-matching = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
qr-erase = Erase response (on request)
qr-erased = The response was erased.
qr-cross-unknown-question = That question does not exist.
qr-cross-unsuitable = Only choice and scale questions can be cross-tabulated.
qr-cross-same-question = Choose two different questions for rows and columns.
qr-export-xlsx = Download responses (Excel)
qr-export-csv = Download responses (CSV)
