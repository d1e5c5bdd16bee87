-- The report's cover: the day, the place and who led the session, and the
-- municipality's logo (a small PNG, base64, so both databases store it the
-- same way as text).

ALTER TABLE sessions ADD COLUMN held_on TEXT;
ALTER TABLE sessions ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN facilitator TEXT NOT NULL DEFAULT '';
ALTER TABLE workspaces ADD COLUMN logo_png TEXT;
