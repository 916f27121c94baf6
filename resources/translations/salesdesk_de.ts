<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About salesdesk</source>
        <translation>Über salesdesk</translation>
    </message>
    <message>
        <source>Your contacts and sales pipeline, offline: every change is saved at once on this computer, and every change can be undone.

Open database: %1

Free software under the MIT licence.</source>
        <translation>Ihre Kontakte und Ihre Vertriebspipeline, offline: Jede Änderung wird sofort auf diesem Computer gespeichert und lässt sich rückgängig machen.

Geöffnete Datenbank: %1

Freie Software unter der MIT-Lizenz.</translation>
    </message>
</context>
<context>
    <name>AddressEditor</name>
    <message>
        <source>Street and number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Region or state</source>
        <translation>Bundesland oder Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postal code, city</source>
        <translation>PLZ, Ort</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Open details</source>
        <translation>Details öffnen</translation>
    </message>
    <message>
        <source>New contact in this column</source>
        <translation>Neuer Kontakt in dieser Spalte</translation>
    </message>
    <message>
        <source>Move one stage left</source>
        <translation>Eine Phase nach links</translation>
    </message>
    <message>
        <source>Move one stage right</source>
        <translation>Eine Phase nach rechts</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <source>Move cancelled; nothing changed.</source>
        <translation>Verschieben abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>Click to fold this column</source>
        <translation>Klicken, um diese Spalte einzuklappen</translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>Im Papierkorb</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Your entry “%1” is still in the field: press Enter there to save it again.</source>
        <translation>Ihre Eingabe „%1“ steht noch im Feld: Drücken Sie dort die Eingabetaste, um sie erneut zu speichern.</translation>
    </message>
    <message>
        <source>No contact is chosen: type part of a name and pick one from the list.</source>
        <translation>Kein Kontakt gewählt: Tippen Sie einen Teil des Namens und wählen Sie aus der Liste.</translation>
    </message>
    <message>
        <source>Select a contact to see and edit its details.</source>
        <translation>Wählen Sie einen Kontakt, um seine Details zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>Quelle im Detail</translation>
    </message>
    <message>
        <source>Which fair, campaign or person</source>
        <translation>Welche Messe, Kampagne oder Person</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Empfohlen von</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postanschrift</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Agreed to receive marketing e-mail</source>
        <translation>Werbe-E-Mails erlaubt</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Web form, business card, phone call</source>
        <translation>Webformular, Visitenkarte, Telefonat</translation>
    </message>
    <message>
        <source>Never call or write to this contact.</source>
        <translation>Diesen Kontakt nie anrufen oder anschreiben.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Anything worth remembering about this contact</source>
        <translation>Alles, was man über diesen Kontakt wissen sollte</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
</context>
<context>
    <name>ContactMethodsEditor</name>
    <message>
        <source>Add e-mail</source>
        <translation>E-Mail hinzufügen</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>Telefon hinzufügen</translation>
    </message>
    <message>
        <source>Invalid number: kept as typed</source>
        <translation>Ungültige Nummer: wie eingegeben gespeichert</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>Kind of e-mail address</source>
        <translation>Art der E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Primary e-mail address</source>
        <translation>Haupt-E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Remove this e-mail address</source>
        <translation>Diese E-Mail-Adresse entfernen</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Kind of phone number</source>
        <translation>Art der Telefonnummer</translation>
    </message>
    <message>
        <source>Primary phone number</source>
        <translation>Haupttelefonnummer</translation>
    </message>
    <message>
        <source>Remove this phone number</source>
        <translation>Diese Telefonnummer entfernen</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
</context>
<context>
    <name>DatabaseErrorDialog</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>The file was not changed. What would you like to do?</source>
        <translation>Die Datei wurde nicht verändert. Was möchten Sie tun?</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Eine andere öffnen…</translation>
    </message>
    <message>
        <source>Create a new one…</source>
        <translation>Eine neue anlegen…</translation>
    </message>
    <message>
        <source>Keep the current one</source>
        <translation>Die aktuelle behalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>DetailLabels</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Nurturing</source>
        <translation>In Pflege</translation>
    </message>
    <message>
        <source>Unqualified</source>
        <translation>Ungeeignet</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <source>Trade show</source>
        <translation>Messe</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Soziale Medien</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>Kaltakquise</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>Kein Bedarf</translation>
    </message>
    <message>
        <source>No authority to buy</source>
        <translation>Keine Kaufbefugnis</translation>
    </message>
    <message>
        <source>Bad timing</source>
        <translation>Falscher Zeitpunkt</translation>
    </message>
    <message>
        <source>Went with a competitor</source>
        <translation>Hat sich für die Konkurrenz entschieden</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Diverse</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>work</source>
        <translation>geschäftlich</translation>
    </message>
    <message>
        <source>home</source>
        <translation>privat</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobil</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
</context>
<context>
    <name>EmptyStatePane</name>
    <message>
        <source>Your pipeline is empty</source>
        <translation>Ihre Pipeline ist leer</translation>
    </message>
    <message>
        <source>Every contact is a card on this board, from a new lead to a customer. Drag cards from column to column as things move on.</source>
        <translation>Jeder Kontakt ist eine Karte auf dieser Tafel, vom neuen Lead bis zum Kunden. Ziehen Sie Karten von Spalte zu Spalte, wenn es vorangeht.</translation>
    </message>
    <message>
        <source>Add your first contact, or load some demo contacts to look around (Ctrl+Z takes them away again).</source>
        <translation>Legen Sie Ihren ersten Kontakt an oder laden Sie Demokontakte zum Ausprobieren (Strg+Z entfernt sie wieder).</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Demodaten laden</translation>
    </message>
</context>
<context>
    <name>FoldedStrip</name>
    <message>
        <source>Click to unfold this column</source>
        <translation>Klicken, um diese Spalte aufzuklappen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search name, company, e-mail, phone, tag…</source>
        <translation>Name, Firma, E-Mail, Telefon, Schlagwort suchen…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Backup now…</source>
        <translation>Jetzt &amp;sichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Restore from trash…</source>
        <translation>Aus dem Papierkorb &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Show &amp;detail pane</source>
        <translation>&amp;Detailbereich anzeigen</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>&amp;Neuer Kontakt…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About salesdesk</source>
        <translation>Ü&amp;ber salesdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Zuletzt geöffnete Datenbanken</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fold column</source>
        <translation>Spalte &amp;einklappen</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>&amp;Move to stage</source>
        <translation>In &amp;Phase verschieben</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>%1 – salesdesk</source>
        <translation>%1 – salesdesk</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Gesichert nach %1</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Nach „%1“ verschieben</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rückgängig Gemachtes wiederholen</translation>
    </message>
    <message>
        <source>Move the selection between cards and columns</source>
        <translation>Auswahl zwischen Karten und Spalten bewegen</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Select several cards</source>
        <translation>Mehrere Karten auswählen</translation>
    </message>
    <message>
        <source>Shift+Up/Down, Ctrl+click</source>
        <translation>Umschalt+Auf/Ab, Strg+Klick</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Esc (in the search field)</source>
        <translation>Esc (im Suchfeld)</translation>
    </message>
    <message>
        <source>Fold or unfold a column</source>
        <translation>Spalte ein- oder ausklappen</translation>
    </message>
    <message>
        <source>Click its header or strip</source>
        <translation>Auf Kopf oder Leiste klicken</translation>
    </message>
    <message>
        <source>%1 contacts: %2 leads, %3 prospects, %4 customers</source>
        <translation>%1 Kontakte: %2 Leads, %3 Interessenten, %4 Kunden</translation>
    </message>
    <message>
        <source>%1 of %2 contacts match the search</source>
        <translation>%1 von %2 Kontakten passen zur Suche</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing you entered before was lost. Try again when the problem is solved.</source>
        <translation>Nichts von Ihren bisherigen Eingaben ging verloren. Versuchen Sie es erneut, wenn das Problem behoben ist.</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <source>The new contact goes to the top of %1.</source>
        <translation>Der neue Kontakt kommt oben in „%1“.</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Move to Unqualified</source>
        <translation>Nach „Ungeeignet“ verschieben</translation>
    </message>
    <message>
        <source>Why is %1 not a fit right now?</source>
        <translation>Warum passt %1 gerade nicht?</translation>
    </message>
    <message>
        <source>Something else (write it below)</source>
        <translation>Etwas anderes (unten eintragen)</translation>
    </message>
    <message>
        <source>Details (optional for the choices above)</source>
        <translation>Details (optional bei den Auswahlen oben)</translation>
    </message>
</context>
<context>
    <name>ReferrerPicker</name>
    <message>
        <source>Type a name to choose a contact</source>
        <translation>Namen tippen, um einen Kontakt zu wählen</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Empfohlen von</translation>
    </message>
</context>
<context>
    <name>ServiceRunner</name>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>StageHistoryView</name>
    <message>
        <source>In %1 since today</source>
        <translation>Seit heute in „%1“</translation>
    </message>
    <message>
        <source>In %1 for 1 day</source>
        <translation>Seit 1 Tag in „%1“</translation>
    </message>
    <message>
        <source>In %1 for %2 days</source>
        <translation>Seit %2 Tagen in „%1“</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In „%1“</translation>
    </message>
    <message>
        <source>Created in %1</source>
        <translation>Angelegt in %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>No stage changes recorded yet.</source>
        <translation>Noch keine Phasenwechsel erfasst.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Add a tag…</source>
        <translation>Schlagwort hinzufügen…</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>Schlagwort „%1“ entfernen</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>Auswahl wiederherstellen</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>%1 deleted contact(s). Restored contacts go back to their column.</source>
        <translation>%1 gelöschte Kontakte. Wiederhergestellte Kontakte kehren in ihre Spalte zurück.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>Remove all %1 contacts in the trash for good? You can still undo this until you close salesdesk.</source>
        <translation>Alle %1 Kontakte im Papierkorb endgültig entfernen? Bis zum Schließen von salesdesk lässt sich das noch rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>UnqualifiedReasonDialog</name>
    <message>
        <source>Why is %1 not a fit? The reason is kept in the stage history.</source>
        <translation>Warum passt %1 nicht? Der Grund wird im Phasenverlauf festgehalten.</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>Grund wählen oder eingeben</translation>
    </message>
    <message>
        <source>Move to Unqualified</source>
        <translation>Nach „Ungeeignet“ verschieben</translation>
    </message>
</context>
</TS>
