# Koers — een sessie importeren uit een archief (console).

import-link = Sessie importeren uit een archief
import-title = Sessie importeren
import-intro = Kies een sessiearchief: het JSON-bestand dat Koers bij het exporteren maakt. Het wordt een nieuwe sessie hier, met de agenda, alle antwoorden, ideeën en het logboek, maar met een nieuwe code en nieuwe links. Oude links en cookies van deelnemers werken er niet.
import-field-file = Archiefbestand (JSON)
import-field-hint = Hooguit { $max } MB. Grotere archieven importeert de beheerder met koers import-session.
import-submit = Importeren
import-back = Terug naar de sessies
import-error-no-file = Kies eerst een archiefbestand.
import-error-json = Dit bestand is geen geldig JSON. Er is niets geïmporteerd.
import-error-format = Dit bestand is geen sessiearchief van Koers. Er is niets geïmporteerd.
import-error-version = Dit archief heeft versie { $found }, die deze Koers nog niet kent. Werk Koers bij en probeer het opnieuw.
import-error-invalid = Dit archief is beschadigd of onvolledig; er is niets geïmporteerd. ({ $detail })
