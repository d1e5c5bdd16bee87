# The stakeholder register: contact persons, organisations, groups, conversations.
nav-register = Stakeholders
reg-title = Stakeholder register
reg-nav-label = Parts of the stakeholder register
reg-nav-contacts = Contact persons
reg-nav-organisations = Organisations
reg-nav-groups = Groups
reg-nav-conversations = Conversations
reg-saved = Saved.
reg-erased = The contact person was erased, with all memberships and every mention in conversations.
reg-deleted = Deleted.
reg-groups-changed = Groups updated.
reg-members-changed = Members updated.
reg-all-organisations = All organisations
reg-no-organisation = No organisation
reg-field-name = Name
reg-field-role = Position or role
reg-field-email = E-mail address
reg-field-phone = Phone number
reg-field-organisation = Organisation
reg-field-date = Date
reg-field-topic = Topic
reg-field-held-by = Held by
reg-field-follow-up = Follow-up
reg-field-follow-up-due = Follow-up due by
reg-field-people = Spoken with
reg-field-notes = Notes
reg-field-description = Description
reg-field-core = This is the trajectory's core group
reg-privacy = Personal data: record only what inviting and calling back need. Only the municipality's staff see it.
reg-contact-new = New contact person
reg-contact-add = + contact person
reg-contact-form = Contact person
reg-search = Search
reg-filter = Show
reg-shown = { $shown } of { $total } contact persons
reg-due = due
reg-overdue = overdue
reg-open = open
reg-follow-up-done = Follow-up done
reg-mark-done = Mark as done
reg-conversation-new = Record a conversation
reg-conversation-form = Conversation
reg-conversation-delete = Delete conversation
reg-in-no-group = Not in any group yet.
reg-leave-group = Remove from group
reg-join-group = Add to group
reg-add = Add
reg-no-conversations = No conversations recorded yet.
reg-avg-title = Data subject request (GDPR)
reg-avg-intro = Does this person ask for access or erasure? Download everything Koers keeps about them, or erase it. Both are recorded in the audit log.
reg-avg-accounts = { $count ->
    [one] There is also a partner account with this e-mail address; it is in the download.
   *[other] There are also { $count } partner accounts with this e-mail address; they are in the download.
}
reg-avg-download = Download data (access)
reg-avg-erase = Erase data
reg-erase-title = Erase { $name }?
reg-erase-what = This is removed for good:
reg-erase-record = the contact details (name, role, e-mail address, phone number);
reg-erase-memberships = { $count ->
    [one] the membership of 1 group;
   *[other] the memberships of { $count } groups;
}
reg-erase-conversations = { $count ->
    [one] the mention as a participant of 1 conversation (the conversation stays).
   *[other] the mention as a participant of { $count } conversations (the conversations stay).
}
reg-erase-notes = Is the name also in a conversation's notes? Then edit those yourself: Koers does not change free text.
reg-erase-confirm = Erase for good
reg-organisations-intro = The organisations are the prevention inventory's partners: one list.
reg-organisations-edit = Manage organisations
reg-groups-intro = Groups such as the core group, a youth panel or the schools' network. Invitation lists for questionnaires and consultations start from a group.
reg-members = Members
reg-core = core group
reg-group-new = New group
reg-group-create = Create group
reg-group-size = { $members } members from { $organisations } organisations
reg-invitations-csv = Invitation list (CSV)
reg-without-email = { $count ->
    [one] 1 member has no e-mail address and is not on the invitation list.
   *[other] { $count } members have no e-mail address and are not on the invitation list.
}
reg-no-members = This group has no members yet.
reg-select = Select
reg-remove-selected = Remove the selected members from the group
reg-add-members = Add members
reg-pick-members = Choose contact persons
reg-group-edit = Edit group
reg-group-delete = Delete group (the people stay)
reg-show-all = Show all conversations
reg-show-open = Only open follow-ups ({ $count })
reg-notes-hint = Write down only what the policy needs; no health data or other special categories of personal data.
