-- The prevention inventory (Preventiematrix): partners, societal results and
-- activities of a workspace. Each record is kept whole as JSON in `data`
-- (the domain's validated record, crates/core/src/inventory/model.rs); the
-- columns beside it are what the database must check or order by. Partner
-- names and result titles are unique per workspace by their folded form.

CREATE TABLE inventory_records (
    id            TEXT NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,
    position      BIGINT NOT NULL,
    data          TEXT NOT NULL,
    updated_at    BIGINT NOT NULL,
    updated_by    TEXT,
    -- Ids are unique per workspace, not across them: an export keeps its
    -- ids, so importing it into another workspace (or installation)
    -- reproduces the same inventory there.
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX inventory_records_workspace ON inventory_records(workspace_id, kind, position);
CREATE UNIQUE INDEX inventory_records_unique_name
    ON inventory_records(workspace_id, kind, name_key) WHERE kind <> 'offer';

-- A workspace's own lists (age groups, themes, factors, settings, partner
-- types); a list without a row is the Dutch default.
CREATE TABLE inventory_lists (
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    kind          TEXT NOT NULL,
    items         TEXT NOT NULL,
    PRIMARY KEY (workspace_id, kind)
);

-- Every change to the inventory: who, when, what, and each field before and
-- after (JSON). Names are copied so the log reads after a record is deleted.
CREATE TABLE inventory_changes (
    id            TEXT PRIMARY KEY NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    at            BIGINT NOT NULL,
    user_id       TEXT,
    user_name     TEXT NOT NULL,
    record_kind   TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    record_name   TEXT NOT NULL,
    action        TEXT NOT NULL,
    changes       TEXT NOT NULL
);
CREATE INDEX inventory_changes_workspace ON inventory_changes(workspace_id, at);
CREATE INDEX inventory_changes_record ON inventory_changes(record_id, at);

-- A partner's contact person signs in with an account bound to the partner:
-- it may change only the activities that partner provides.
ALTER TABLE users ADD COLUMN partner_id TEXT;

-- Invitation links for partners' contact persons; only the token's hash is kept.
CREATE TABLE partner_invitations (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    partner_id    TEXT NOT NULL,
    email         TEXT NOT NULL,
    created_by    TEXT,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);

-- A spreadsheet uploaded for import, kept between the preview and the
-- confirmation (base64). Applying it deletes it in the same transaction, so
-- a file is imported once even when the confirmation is sent twice.
CREATE TABLE inventory_uploads (
    id            TEXT PRIMARY KEY NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    user_id       TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    content       TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX inventory_uploads_created ON inventory_uploads(created_at);

-- A workspace's inventory version: raised by every change in the change's
-- own transaction, so a node may keep the inventory it read until the
-- version moves (crates/store/src/inventory_cache.rs).
CREATE TABLE inventory_versions (
    workspace_id  TEXT PRIMARY KEY NOT NULL REFERENCES workspaces(id),
    version       BIGINT NOT NULL
);
