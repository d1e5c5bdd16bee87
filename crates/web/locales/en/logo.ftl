# Koers — the municipality's logo on the cover of reports (console).

logo-link = Logo on the cover of reports
logo-title = The municipality's logo
logo-intro = This logo is on the cover of every report of this workspace (PDF and Word). It applies to all sessions, earlier ones too.
logo-current = The current logo
logo-current-alt = The municipality's current logo
logo-none = There is no logo yet. Reports then show only the municipality's name.
logo-field-file = New logo (PNG)
logo-field-hint = A PNG file of at most { $kib } KiB and { $px } × { $px } pixels, preferably with a transparent or white background.
logo-submit = Save logo
logo-remove = Remove logo
logo-back = Back to the sessions
logo-saved = The logo has been saved. From now on it is on the cover of the reports.
logo-removed = The logo has been removed.
logo-error-no-file = Choose a PNG file first.
