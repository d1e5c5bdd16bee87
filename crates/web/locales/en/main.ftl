# Koers — English texts.

skip-to-content = Skip to content
nav-label = Main menu
nav-sessions = Sessions
nav-logout = Log out
lang-switch = Nederlands
footer-accessibility = Accessibility
footer-privacy = Privacy
footer-open-source = open source, self-hostable
optional = optional

# Joining
join-title = Join
join-intro = Enter the code shown on the screen in the room.
join-code-label = Code (6 digits)
join-continue = Continue
join-anonymous = You take part anonymously. No account needed.
join-staff-login = Log in as a facilitator
join-you-join = You are joining
join-optional-intro = Would you like to say who you are? You may, but you don't have to.
join-name-label = Name
join-org-label = Type of organisation
join-org-none = I'd rather not say
join-submit = Join
join-privacy = Your answers are shown without your name. Koers stores no IP addresses.
table-join-title = This tablet joins as { $table }
table-join-intro = Everything entered on this tablet counts for the whole table.
table-join-submit = Join as a table
table-default-name = Table

# Participant
participant-anonymous = Anonymous
participant-waiting-title = Welcome!
participant-waiting-text = The facilitator will start the first question shortly. This page updates by itself.
participant-locked-title = The session has ended
participant-locked-text = No more answers can be given. Thank you for taking part!
participant-for-tables = You answer this question together with your table, on the tablet.
participant-for-individuals = Everyone answers this question on their own phone.
participant-closed = This question is closed.
participant-not-open = This question is not open yet.
participant-your-answer = Your answer
profile-title = My details (optional)
profile-save = Save
profile-saved = Your details have been saved.
answer-send = Send
answer-withdraw = Withdraw answer
answer-choose-max = Choose at most { $max }.
answer-words-max = { $max ->
    [one] Give one word.
   *[other] Give at most { $max } words.
}
answer-word-n = Word { $n }
answer-max-chars = At most { $max } characters.
answer-scale-meaning = Low means: { $min }. High means: { $max }.
js-sending = Sending…
js-sent = Your answer has been received. You can change it while the question is open.
js-queued = Not sent yet: no connection. Koers will retry automatically.
js-withdrawn = Your answer has been withdrawn.
js-reconnecting = Connection lost. Reconnecting…
js-your-answer = Your answer
js-error = That did not work. Please try again.
js-offline = No connection with the server.

# Kinds of activity and states
kind-single-choice = Single choice
kind-multiple-choice = Multiple choice
kind-scale = Scale
kind-word-cloud = Word cloud
kind-open-text = Open question
state-pending = not opened yet
state-open = open
state-closed = closed
audience-individuals = Everyone on their own phone
audience-tables = Per table, on the tablet
audience-everyone = Phones and tablets

# Results
results-title = Results
result-count = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
result-respondents = { $count ->
    [0] No answers yet
    [one] 1 participant answered
   *[other] { $count } participants answered
}
result-mean = Mean { $value }
result-median = median { $value }
result-none = No answers yet.
count-participants = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}
count-tablets = { $count ->
    [one] 1 tablet
   *[other] { $count } tablets
}

# Screen
screen-title = Screen
screen-join-at = Go to { $host } and enter this code:
screen-join-short = Join at { $host } with code
screen-code-label = Code { $code }
screen-responses = { $count ->
    [one] answer
   *[other] answers
}
screen-open = The question is open. Answer on your phone.
screen-closed = The question is closed.
screen-locked = Ended
qr-join-label = QR code to join with code { $code }
qr-table-label = QR code for the tablet of { $table }

# Login
login-title = Log in
login-email = E-mail address
login-password = Password
login-submit = Log in

# Sessions
sessions-title = Sessions
sessions-none = There are no sessions yet.
sessions-col-title = Title
sessions-col-code = Code
sessions-col-activities = Activities
sessions-col-devices = Devices
sessions-col-created = Created
sessions-new = New session
sessions-field-title = Title
sessions-field-template = Start from
sessions-field-lang = Language of the session
sessions-create = Create session
template-ketenavond = Preventive youth policy — partner evening (five steps)
template-blank = Blank session

# Console
console-title = Console
console-code = Code
console-participant-url = Link for participants
console-screen-url = Screen
console-open-screen = Open the screen for the projector
console-live = Now
console-agenda = Agenda
console-controls = Controls
console-locked = ended
console-nothing-shown = The screen shows the welcome with the code.
console-responses = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
control-previous = ← Previous
control-next = Next →
control-open = Open
control-close = Close
control-show = Show on screen
control-show-results = Show results
control-hide-results = Hide results
control-welcome = Welcome screen
control-start = Start
control-lock = End session
control-unlock = Reopen session
agenda-edit = Edit
agenda-on-screen = on screen
agenda-step-empty = No activities in this step yet.
activity-add = Add an activity
activity-add-submit = Add
activity-save = Save
activity-edit-title = Edit activity
activity-back = Back to the console
activity-delete = Delete
activity-move-up = Move up
activity-move-down = Move down
activity-has-answers = { $count ->
    [one] There is 1 answer already. You can still change texts, but not the number of options.
   *[other] There are { $count } answers already. You can still change texts, but not the number of options.
}
activity-field-title = Question
activity-field-kind = Kind
activity-field-options = Options
activity-field-options-hint = One option per line, 2 to 12 options.
activity-field-max-choices = How many options may someone choose?
activity-field-scale-min = Lowest value (0 or 1)
activity-field-scale-max = Highest value (2 to 10)
activity-field-min-label = Meaning of the lowest value
activity-field-max-label = Meaning of the highest value
activity-field-max-words = Words per participant (1 to 5)
activity-field-max-chars = Maximum characters (10 to 500)
activity-field-audience = Who answers?
activity-field-step = Step
step-add = Add a step
step-field-title = Name of the step
step-add-submit = Add step
tables-title = Tables
tables-intro = On each tablet, open a table's link (or scan its QR code). What that tablet enters counts for the table.
tables-link = Link for the tablet
tables-field-name = Name of the table
tables-add = Add table

# Errors
error-title = Something went wrong
error-status = Error code { $status }
error-home = To the start page
error-empty = Please fill something in.
error-too-long = That is too long: at most { $max } characters.
error-wrong-answer-type = This answer does not fit this question.
error-no-such-option = Choose one of the options.
error-too-many-choices = Choose at most { $max }.
error-out-of-range = Choose a value from { $min } to { $max }.
error-too-many-words = Give at most { $max } words.
error-activity-not-open = This question is not open (any more). Your answer was not saved.
error-session-locked = This session has ended.
error-for-tables-only = You answer this question together with your table, on the tablet.
error-for-individuals-only = Everyone answers this question on their own phone.
error-not-found = Not found.
error-invalid-activity = This activity is not filled in correctly. Check the options and numbers.
error-has-answers = Answers have been given already; this can no longer be changed.
error-nothing-to-withdraw = There is no answer to withdraw.
error-unknown-org-type = Choose a type of organisation from the list.
error-too-many-dots = You have { $max } dots; you are using more.
error-too-many-per-item = Give one item at most { $max }.
error-points-must-total = Allocate exactly { $max } points.
error-invalid-ranking = This ranking is not valid: name each item once, and no more than asked.
error-not-yours = You can only change your own contribution.
error-finalised = This list has been finalised and no longer changes.
error-nothing-to-undo = There is nothing to undo.
error-in-use = This is still used by { $max } activities; change those first.
error-too-many-items = You have reached the maximum of { $max } contributions.
error-bad-date = Enter the date as YYYY-MM-DD, for example 2026-11-19.
error-bad-logo = The logo must be a PNG image of at most { $max } KiB and 2000 × 2000 pixels.
error-unauthorized = You are not logged in (any more).
error-forbidden = You are not allowed to do that.
error-bad-request = The request is malformed.
error-unknown-code = There is no session with this code. Check the six digits on the screen.
error-too-many-attempts = Too many failed attempts. Wait a few minutes and try again.
error-login-failed = The e-mail address or password is wrong.
error-csrf = Your page had expired. Reload the page and try again.
error-payload-too-large = That is too much text at once.
error-unavailable = Koers is briefly unavailable. Try again in a moment; nothing is lost.
error-internal = Something went wrong on our side. Please try again.

# Accessibility and privacy
a11y-title = Accessibility statement
a11y-intro = Koers aims to be usable by everyone and follows WCAG 2.1 level AA, as Dutch law requires of government services.
a11y-measures-title = What we do
a11y-measure-keyboard = Everything works with the keyboard; focus is always visible.
a11y-measure-contrast = Text and buttons have enough contrast, also on a projector.
a11y-measure-labels = Every field has a label; errors appear at the field and are read out.
a11y-measure-live = New questions and confirmations are announced to screen readers.
a11y-measure-zoom = Pages can be zoomed to 400% without losing content.
a11y-known-title = Known limitations
a11y-known-text = Charts are shown as images; every figure is also given as text.
a11y-contact-title = Contact
a11y-contact-text = Running into a problem? Tell the municipality that organises this session.
privacy-title = Privacy
privacy-intro = Koers collects only what the session needs.
privacy-anonymous = You take part anonymously; giving a name and organisation is voluntary.
privacy-no-ip = Koers stores no IP addresses.
privacy-cookies = Koers uses functional cookies only: to recognise you in this session and to protect forms against abuse. No tracking.
privacy-own-server = The data is kept on the server of the municipality that uses Koers.
privacy-register = Of the people the municipality works with on its youth policy, Koers keeps only name, role, organisation and contact details; only the municipality's staff see them. Ask the municipality for access or erasure: it can do both in Koers at once.

# Default organisation types
org-school = Education
org-ggd = Public health (GGD)
org-cjg = Youth and family centre
org-sport = Sports and leisure
org-huisarts = GP / care
org-jeugd = Youth / youth council
org-gemeente = Municipality
org-overig = Other
org-unknown = Not given

# Session template: preventive youth policy — partner evening (seed 000)
tpl-blank-step = Agenda
tpl-step-1 = Getting to know each other
tpl-step-2 = Setting the frame
tpl-step-3 = Collecting
tpl-step-4 = Setting the direction
tpl-step-5 = Deepening
tpl-q-org = What kind of organisation are you here from?
tpl-q-org-options = Education | Public health (GGD) | Youth and family centre | Sports and leisure | GP / care | Youth / youth council | Municipality | Other
tpl-q-years = How long have you worked with or for young people?
tpl-q-years-options = Less than 2 years | 2 to 5 years | 5 to 10 years | More than 10 years
tpl-q-word = Which word comes to mind with 'growing up healthy and happy'?
tpl-q-collect = What should we focus on to reach this goal?
tpl-q-action = Formulate a concrete action: 'We do …, so that …'. Who does it, by when, and what is needed?
tpl-q-evening = How do you rate this evening?
tpl-q-evening-min = poor
tpl-q-evening-max = excellent
tpl-quiz-1 = What share of young people aged 12 to 16 in our region feel happy?
tpl-quiz-1-options = About half | Over eight in ten | Nearly everyone
tpl-quiz-1-explanation = Example question: replace this figure with your municipality's figure from the youth health monitor. Most young people feel happy, but a sizeable group does not — that is what this evening is about.
tpl-quiz-source = Example — replace with: youth health monitor (GGD), your municipality
tpl-quiz-2 = Estimate: what percentage of second-year pupils drank alcohol in the past month?
tpl-quiz-2-explanation = Example question: fill in your municipality's figure. An estimate shows how far the hall's picture is from the figures.
tpl-goal = Do you support our shared goal?
tpl-goal-wording = All young people in our municipality grow up as healthy, happy and safe as possible.
tpl-categorise = Which directions do we see in the ideas?
tpl-vote-dots = Which directions deserve the highest priority? Place your dots.
tpl-vote-ranking = Put the three most important directions in order.
tpl-questions = Questions from the floor

# Settings and deletion
settings-title = Settings
settings-org-types = Types of organisation participants can choose from
settings-org-types-hint = One per line. A type that stays keeps the choices already made.
settings-save = Save
delete-title = Delete session
delete-intro = Deletes the session with its agenda, participants, all answers and its log. This cannot be undone. The deletion itself is recorded.
delete-confirm = I understand that all answers of this session are deleted for good.
delete-submit = Delete session for good
error-confirm-delete = First confirm that all answers are deleted for good.

## The whole evening
kind-quiz = Quiz question
kind-estimate = Estimate
kind-goal = Shared goal
kind-idea-wall = Idea wall
kind-categorise = Categorise
kind-prioritise = Prioritise
kind-actions = Actions
kind-questions = Questions from the floor
kind-pitches = Pitches
kind-matrix = Prevention matrix
save = Save
move-up = Up
control-reveal = Reveal the answer
quiz-answer = Right answer
quiz-correct = right answer
quiz-choose-all = Choose all right answers.
quiz-revealed = The answer is on the screen.
quiz-source = Source: { $source }
quiz-top = Top 5
estimate-your = Your estimate
estimate-median = Middle estimate
estimate-range = Lowest – highest
estimate-close = Within 10% of the right answer
goal-agree = Agree
goal-live-with = Can live with it
goal-object = Object
goal-reason = Reason (optional)
goal-wording-n = Wording { $n }
goal-agreed = Agreed goal
goal-ours = Our goal:
goal-record = Record as our goal
goal-revise-label = Revised wording(s), one per line
goal-revise = Ask again
idea-your = Your idea
question-your = Your question
question-moderated = The facilitator reviews questions before they appear on the screen.
item-add = Add
item-text = Text
item-edit = Edit
item-hide = Hide
item-show = Show again
item-approve = Approve
item-hidden = hidden
item-pending = awaiting approval
item-answered = answered
item-mark-answered = Answered
item-merge = Merge
item-merge-into = Merge into
item-upvote = I want to know too
item-upvotes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}
item-commit = I'm in
item-commits = { $count ->
    [one] { $count } is in
   *[other] { $count } are in
}
board-tools = Manage categories
board-new-category = New category
board-add = Add
board-undo = Undo
board-proposal = Koers suggests
board-accept = Accept suggestion
board-duplicates = Nearly the same
board-edit-category = Edit category
board-rename = Name
board-merge-into = Merge into
board-merge = Merge
board-remove = Remove (empty)
board-unplaced = Not yet placed
board-result = Societal result
board-result-none = — none —
action-to-inventory = Add to the inventory as an activity
board-move = Move
board-move-label = Category for: { $idea }
board-merged-from = Merged: { $names }
vote-share = { $pct }% of voters
vote-mean = mean { $value }
vote-spread = spread { $value }
vote-schulze = Schulze order: { $order }
vote-disagree = Note: Borda points and the Schulze order rank these differently.
vote-rank-hint = Put your top { $k } in order, most important first.
vote-place = Place { $n }
vote-choose = — choose —
vote-dots-hint = Place { $dots } dots; at most { $max } on one item.
vote-points-hint = Divide exactly { $total } points.
action-topic = For which priority?
action-we-do-label = We will …
action-we-do-example = for example: a weekly youth worker hour at school
action-so-that-label = … so that …
action-so-that = so that
action-who = Who
action-by-when = Done by
action-needs = What is needed
actions-final = The action list is final.
actions-finalise = Finalise the action list
actions-reopen = Reopen the action list
pitch-about = Which pitch?
pitch-tone = Kind of response
pitch-success = Success story
pitch-improve = Point to improve
pitch-feedback = Your response
pitch-timer = Pitch timer
pitch-start = Start: { $speaker }
pitch-pause = Pause
pitch-resume = Resume
pitch-stop = Stop
pitch-waiting = The next pitch starts shortly.
pitch-success-of = Success stories — { $speaker }
pitch-improve-of = Points to improve — { $speaker }
js-left = Left to place: {"{"}n{"}"}
js-edit = Change
js-withdraw = Withdraw
activity-field-correct-hint = Put a * before each right answer, for example: *Over eight in ten
activity-field-value = Right value
activity-field-unit = Unit (for example %)
activity-field-explanation = Explanation with the answer
activity-field-source = Source (for example CBS Youth Monitor 2024)
activity-field-scored = Points count for a top 5 (anonymous)
activity-field-lines = Wordings or speakers, one per line
activity-field-lines-hint = For a goal: the wording(s) you put to the hall. For pitches: the speakers in order.
activity-field-seconds = Speaking time per pitch (seconds)
activity-field-source-activity = Builds on
activity-field-method = Voting method
method-dots = Place dots
method-ranking = Rank a top
method-points = Divide 100 points
activity-field-amount = Number of dots, places or points
activity-field-amount-hint = Dots: per participant. Ranking: how many places. Points: the total to divide.
activity-field-max-per-item = Most dots on one item
activity-field-top-k = Actions for the top
activity-field-moderated = Approve questions first
figures-title = Import key figures
figures-hint = Paste rows from a spreadsheet: figure, value, unit, year, source (commas or semicolons; the first row is the header). Each figure becomes an estimate question.
figures-csv = Key figures (CSV)
figures-submit = Import as estimate questions
figures-question = Estimate: { $figure }
figures-question-year = Estimate: { $figure } ({ $year })
figures-error-columns = Line { $line }: expected five columns (figure, value, unit, year, source). Nothing was imported.
figures-error-figure = Line { $line }: the figure is missing or too long. Nothing was imported.
figures-error-value = Line { $line }: the value is not a number. Nothing was imported.
figures-error-year = Line { $line }: the year is not valid. Nothing was imported.
figures-error-empty = There are no figures below the header row.
figures-error-too-many = Line { $line }: more than { $max } figures at once. Nothing was imported.
wall-individuals = Participants
wall-show-by-table = Show per table
wall-show-together = Show all together
vote-breakdown = By type of organisation
vote-breakdown-org = Organisation
vote-breakdown-voters = Voters
vote-breakdown-top = Top 3
vote-tied = shared place
report-participants = Who took part
report-count = Count
report-answer = Answer
report-item = Item
report-total = Total
report-share = Voters
report-mean = Mean
report-spread = Spread
report-merged = merged:
report-kicker = Report
report-date = Date
report-place = Place
report-facilitator = Facilitator
report-page = Page
report-of = of
report-summary = In short
report-ideas = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}
report-actions = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
report-word = Word
report-word-cloud = Word cloud
report-reasons = Reasons given
report-by-org = By type of organisation:
report-voters = Voters
report-top-three = Top three
report-category = Category
report-merged-categories = Merged from
report-board-note = The ideas themselves are listed by category under the idea wall.
report-hidden-group = Hidden by the facilitator
report-export = Report and export
report-export-intro = Download this session's report, or all its data as an archive.
report-format-pdf = PDF
report-format-docx = Word (.docx)
report-format-xlsx = Excel (.xlsx)
report-format-md = Markdown
report-format-csv = CSV per activity (.zip)
report-format-json = Archive (.json)
report-cover = Report cover
report-cover-date = Date (YYYY-MM-DD)
report-cover-place = Place
report-cover-facilitator = Facilitator
report-cover-save = Save cover
xlsx-summary = Summary
xlsx-municipality = Municipality
xlsx-session = Session
xlsx-date = Date
xlsx-participants = Participants
xlsx-tables = Tables
xlsx-by-org = Participants per type of organisation
xlsx-totals = Result per activity
xlsx-number = No.
xlsx-step = Step
xlsx-activity = Activity
xlsx-kind = Kind
xlsx-respondents = Respondents
xlsx-headline = Result
xlsx-percent = Percentage
xlsx-sheet = Sheet
xlsx-truncated = … [truncated]
xlsx-explanation = Explanation
xlsx-source = Source
xlsx-value = Value
xlsx-label = Meaning
xlsx-word = Word
xlsx-lowest = Lowest
xlsx-highest = Highest
xlsx-unit = Unit
xlsx-wording = Wording
xlsx-verdict = Verdict
xlsx-reason = Reason
xlsx-reasons = Reasons
xlsx-rank = Rank
xlsx-tied = Shared place
xlsx-voter-share = Share of voters
xlsx-voters = Voters
xlsx-schulze = Schulze order
xlsx-group = Group
xlsx-so-that = So that
xlsx-author = Author
xlsx-status = Status
xlsx-marks = Up-votes
xlsx-commits = Commitments
xlsx-committed = Organisations taking part
xlsx-merged-into = Merged into
xlsx-status-visible = visible
xlsx-status-hidden = hidden
xlsx-status-pending = awaiting approval
xlsx-status-answered = answered
xlsx-status-merged = merged
xlsx-status-withdrawn = withdrawn
xlsx-category = Category
xlsx-ideas = Ideas
xlsx-ideas-per-category = Ideas per category
activity-matrix-hint = The screen shows the inventory's prevention matrix as it stands then: the offer running now. Participants need not do anything.
