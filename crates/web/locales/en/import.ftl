# Koers — importing a session from an archive (console).

import-link = Import a session from an archive
import-title = Import a session
import-intro = Choose a session archive: the JSON file Koers makes when exporting. It becomes a new session here, with its agenda, all answers, ideas and the log, but with a new code and new links. Participants' old links and cookies do not work on it.
import-field-file = Archive file (JSON)
import-field-hint = At most { $max } MB. An administrator imports larger archives with koers import-session.
import-submit = Import
import-back = Back to the sessions
import-error-no-file = Choose an archive file first.
import-error-json = This file is not valid JSON. Nothing was imported.
import-error-format = This file is not a Koers session archive. Nothing was imported.
import-error-version = This archive has version { $found }, which this Koers does not know yet. Update Koers and try again.
import-error-invalid = This archive is damaged or incomplete; nothing was imported. ({ $detail })
