-- Koers schema, PostgreSQL dialect. Kept column-for-column equal to the SQLite
-- migration: ids are TEXT (UUID), instants BIGINT milliseconds
-- since the Unix epoch (UTC), flags BIGINT 0/1, structured values JSON TEXT.

CREATE TABLE workspaces (
    id          TEXT PRIMARY KEY NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY NOT NULL,
    workspace_id   TEXT NOT NULL REFERENCES workspaces(id),
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    failed_logins  BIGINT NOT NULL DEFAULT 0,
    locked_until   BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);
CREATE INDEX users_workspace ON users(workspace_id);

CREATE TABLE auth_sessions (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions(user_id);

CREATE TABLE sessions (
    id                   TEXT PRIMARY KEY NOT NULL,
    workspace_id         TEXT NOT NULL REFERENCES workspaces(id),
    title                TEXT NOT NULL,
    lang                 TEXT NOT NULL,
    join_code            TEXT NOT NULL,
    screen_token         TEXT NOT NULL UNIQUE,
    org_types            TEXT NOT NULL,
    current_activity_id  TEXT,
    locked               BIGINT NOT NULL DEFAULT 0,
    archived             BIGINT NOT NULL DEFAULT 0,
    last_seq             BIGINT NOT NULL DEFAULT 0,
    created_by           TEXT REFERENCES users(id),
    created_at           BIGINT NOT NULL
);
-- A code identifies one session among those not archived.
CREATE UNIQUE INDEX sessions_active_code ON sessions(join_code) WHERE archived = 0;
CREATE INDEX sessions_workspace ON sessions(workspace_id, created_at);

CREATE TABLE steps (
    id          TEXT PRIMARY KEY NOT NULL,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    title       TEXT NOT NULL
);
CREATE INDEX steps_session ON steps(session_id, position);

CREATE TABLE activities (
    id               TEXT PRIMARY KEY NOT NULL,
    session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_id          TEXT NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    config           TEXT NOT NULL,
    audience         TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending',
    results_visible  BIGINT NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL
);
CREATE INDEX activities_session ON activities(session_id);

CREATE TABLE session_tables (
    id          TEXT PRIMARY KEY NOT NULL,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    name        TEXT NOT NULL,
    join_token  TEXT NOT NULL UNIQUE
);
CREATE INDEX session_tables_session ON session_tables(session_id, position);

-- A joined device: a phone (table_id NULL) or a table's tablet.
-- Only a hash of the device's secret token is kept; no IP addresses.
CREATE TABLE participants (
    id            TEXT PRIMARY KEY NOT NULL,
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    table_id      TEXT REFERENCES session_tables(id) ON DELETE CASCADE,
    display_name  TEXT,
    org_type      TEXT,
    joined_at     BIGINT NOT NULL
);
CREATE INDEX participants_session ON participants(session_id);

-- The current answer of each respondent (participant or table) per activity:
-- one row per respondent, so a changed answer replaces and never adds.
CREATE TABLE responses (
    activity_id      TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    respondent_id    TEXT NOT NULL,
    session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    respondent_kind  TEXT NOT NULL,
    answer           TEXT NOT NULL,
    seq              BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (activity_id, respondent_id)
);
CREATE INDEX responses_respondent ON responses(session_id, respondent_id);

-- The append-only log of everything that happened in a session.
CREATE TABLE events (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    actor_kind  TEXT NOT NULL,
    actor_id    TEXT,
    client_id   TEXT,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
-- A client's submission id is applied once per device.
CREATE UNIQUE INDEX events_client ON events(session_id, actor_id, client_id) WHERE client_id IS NOT NULL;

-- Privileged actions outside a session's own log (BIO2): a session's
-- deletion, for one, removes its log with it.
CREATE TABLE audit_log (
    id            TEXT PRIMARY KEY NOT NULL,
    workspace_id  TEXT NOT NULL REFERENCES workspaces(id),
    at            BIGINT NOT NULL,
    user_id       TEXT,
    action        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    detail        TEXT NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log(workspace_id, at);
