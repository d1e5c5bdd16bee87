# Koers — het logo van de gemeente op het voorblad van verslagen (console).

logo-link = Logo op het voorblad van de verslagen
logo-title = Logo van de gemeente
logo-intro = Dit logo staat op het voorblad van elk verslag van deze werkruimte (PDF en Word). Het geldt voor alle sessies, ook voor eerdere.
logo-current = Het huidige logo
logo-current-alt = Het huidige logo van de gemeente
logo-none = Er is nog geen logo. Verslagen tonen dan alleen de naam van de gemeente.
logo-field-file = Nieuw logo (PNG)
logo-field-hint = Een PNG-bestand van hoogstens { $kib } KiB en { $px } × { $px } pixels, liefst met een transparante of witte achtergrond.
logo-submit = Logo opslaan
logo-remove = Logo verwijderen
logo-back = Terug naar de sessies
logo-saved = Het logo is opgeslagen. Het staat vanaf nu op het voorblad van de verslagen.
logo-removed = Het logo is verwijderd.
logo-error-no-file = Kies eerst een PNG-bestand.
