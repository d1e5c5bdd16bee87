-- The stakeholder register: contact persons (organisations are the
-- inventory's partners), groups such as the core group, their members, and
-- the log of conversations. Each record is kept whole as JSON in `data`
-- (crates/core/src/register.rs); the columns beside it are what the
-- database must find, check or order by. Contact details are personal data:
-- erasing a contact removes its row, its memberships and its place in every
-- conversation in one transaction (crates/store/src/register.rs).

CREATE TABLE register_contacts (
    id            TEXT NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    partner_id    TEXT,
    name_key      TEXT NOT NULL,
    data          TEXT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX register_contacts_partner ON register_contacts(workspace_id, partner_id);

CREATE TABLE register_groups (
    id            TEXT NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    name_key      TEXT NOT NULL,
    data          TEXT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX register_groups_name ON register_groups(workspace_id, name_key);

CREATE TABLE register_members (
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    group_id      TEXT NOT NULL,
    contact_id    TEXT NOT NULL,
    added_at      BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, group_id, contact_id)
);
CREATE INDEX register_members_contact ON register_members(workspace_id, contact_id);

-- A conversation's people are also in `register_conversation_people`, so
-- erasing a person finds its conversations without reading them all.
CREATE TABLE register_conversations (
    id            TEXT NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    held_on       TEXT NOT NULL,
    data          TEXT NOT NULL,
    updated_at    BIGINT NOT NULL,
    updated_by    TEXT,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX register_conversations_date ON register_conversations(workspace_id, held_on);

CREATE TABLE register_conversation_people (
    workspace_id     TEXT NOT NULL REFERENCES workspaces(id),
    conversation_id  TEXT NOT NULL,
    contact_id       TEXT NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, contact_id)
);
CREATE INDEX register_conversation_people_contact
    ON register_conversation_people(workspace_id, contact_id);
