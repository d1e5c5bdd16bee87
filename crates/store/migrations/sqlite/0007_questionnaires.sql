-- Questionnaires for a wider public (crates/core/src/questionnaire): the
-- definition as validated JSON, the public link, open and close dates and a
-- retention date after which the responses are removed.
--
-- Privacy by construction (crates/store/src/questionnaires.rs):
-- - a response row holds only its answers, its status and the hour it last
--   changed; its id is random (v4), so neither its id nor its time orders it
--   against the invitations;
-- - while a response is being filled in, `questionnaire_drafts` ties the
--   respondent's link (a token's hash) to it, so they can continue later;
--   submitting deletes that row, after which nothing ties answers to a link;
-- - a public link that submitted is marked in `questionnaire_submitted`
--   (its hash only), so a retry or a second tab cannot count twice;
-- - responses and those marks are kept WITHOUT ROWID, in the order of their
--   random keys, so not even the file's row order follows the order in
--   which they came in (PostgreSQL's heap keeps rows roughly in insertion
--   order until it is vacuumed, as the README says);
-- - personal invitations remember only whether their one response came in;
-- - consent to be contacted, with the details given, is moved out of the
--   answers into `questionnaire_contacts` on submit.

CREATE TABLE questionnaires (
    id            TEXT NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    slug          TEXT NOT NULL,
    definition    TEXT NOT NULL,
    public_token  TEXT,
    opens_at      BIGINT,
    closes_at     BIGINT,
    retain_until  BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX questionnaires_slug ON questionnaires(workspace_id, slug);
CREATE UNIQUE INDEX questionnaires_public ON questionnaires(public_token);

CREATE TABLE questionnaire_responses (
    id                TEXT PRIMARY KEY NOT NULL,
    workspace_id      TEXT NOT NULL REFERENCES workspaces(id),
    questionnaire_id  TEXT NOT NULL,
    status            TEXT NOT NULL,
    answers           TEXT NOT NULL,
    hour              BIGINT NOT NULL
) WITHOUT ROWID;
CREATE INDEX questionnaire_responses_of ON questionnaire_responses(workspace_id, questionnaire_id, status);

CREATE TABLE questionnaire_drafts (
    token_hash        TEXT PRIMARY KEY NOT NULL,
    workspace_id      TEXT NOT NULL REFERENCES workspaces(id),
    questionnaire_id  TEXT NOT NULL,
    response_id       TEXT NOT NULL
);
CREATE INDEX questionnaire_drafts_of ON questionnaire_drafts(workspace_id, questionnaire_id);

CREATE TABLE questionnaire_invitations (
    token_hash        TEXT PRIMARY KEY NOT NULL,
    workspace_id      TEXT NOT NULL REFERENCES workspaces(id),
    questionnaire_id  TEXT NOT NULL,
    contact_id        TEXT,
    email             TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    responded         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX questionnaire_invitations_of ON questionnaire_invitations(workspace_id, questionnaire_id);

CREATE TABLE questionnaire_contacts (
    id                TEXT PRIMARY KEY NOT NULL,
    workspace_id      TEXT NOT NULL REFERENCES workspaces(id),
    questionnaire_id  TEXT NOT NULL,
    name              TEXT,
    email             TEXT,
    phone             TEXT,
    day               TEXT NOT NULL
);
CREATE INDEX questionnaire_contacts_of ON questionnaire_contacts(workspace_id, questionnaire_id);

CREATE TABLE questionnaire_submitted (
    token_hash        TEXT PRIMARY KEY NOT NULL,
    workspace_id      TEXT NOT NULL REFERENCES workspaces(id),
    questionnaire_id  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX questionnaire_submitted_of ON questionnaire_submitted(workspace_id, questionnaire_id);
