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
    <name>ActivitySection</name>
    <message>
        <source>Follow-up and activity</source>
        <translation>Wiedervorlage und Aktivität</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Erledigt…</translation>
    </message>
    <message>
        <source>Log what you did and plan the next follow-up</source>
        <translation>Erfassen, was Sie getan haben, und die nächste Wiedervorlage planen</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>Planen…</translation>
    </message>
    <message>
        <source>Remove the follow-up</source>
        <translation>Wiedervorlage entfernen</translation>
    </message>
    <message>
        <source>Move to Prospect</source>
        <translation>Zu Interessent verschieben</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Erfassen:</translation>
    </message>
    <message>
        <source>Log: %1 (Alt+%2)</source>
        <translation>Erfassen: %1 (Alt+%2)</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>A two-way conversation on %1: move %2 to Prospect?</source>
        <translation>Ein Gespräch am %1: %2 zu Interessent verschieben?</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>No follow-up planned.</source>
        <translation>Keine Wiedervorlage geplant.</translation>
    </message>
    <message>
        <source>Follow up %1</source>
        <translation>Wiedervorlage %1</translation>
    </message>
</context>
<context>
    <name>ActivityTab</name>
    <message>
        <source>Per member</source>
        <translation>Pro Teammitglied</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>%1, %2: %3 interactions, %4 two-way (%5)</source>
        <translation>%1, %2: %3 Interaktionen, davon %4 Gespräche (%5)</translation>
    </message>
    <message>
        <source>No interactions in this period.</source>
        <translation>Keine Interaktionen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Two-way share: %1 overall</source>
        <translation>Anteil Gespräche: %1 insgesamt</translation>
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
    <name>AgendaDock</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Nothing due and nobody going stale.</source>
        <translation>Nichts fällig, und niemand gerät in Vergessenheit.</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <source>Going stale</source>
        <translation>Gerät in Vergessenheit</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days, never contacted</source>
        <translation>
            <numerusform>%n Tag, nie kontaktiert</numerusform>
            <numerusform>%n Tage, nie kontaktiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days quiet</source>
        <translation>
            <numerusform>seit %n Tag still</numerusform>
            <numerusform>seit %n Tagen still</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 going stale</source>
        <translation>%1 geraten in Vergessenheit</translation>
    </message>
</context>
<context>
    <name>AssignMenu</name>
    <message>
        <source>Assig&amp;n to</source>
        <translation>&amp;Zuweisen an</translation>
    </message>
    <message>
        <source>&amp;Me (%1)</source>
        <translation>&amp;Mich (%1)</translation>
    </message>
    <message>
        <source>&amp;Someone else…</source>
        <translation>&amp;Jemand anderen…</translation>
    </message>
    <message>
        <source>&amp;Nobody</source>
        <translation>&amp;Niemanden</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message numerus="yes">
        <source>Who looks after the %n selected contacts?</source>
        <translation>
            <numerusform>Wer betreut den %n ausgewählten Kontakt?</numerusform>
            <numerusform>Wer betreut die %n ausgewählten Kontakte?</numerusform>
        </translation>
    </message>
    <message>
        <source>Who looks after this contact?</source>
        <translation>Wer betreut diesen Kontakt?</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>hot</source>
        <translation>heiß</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warm</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>kalt</translation>
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
    <name>BoardFilter</name>
    <message>
        <source>Board shows %1 contacts from a report – show all</source>
        <translation>Die Tafel zeigt %1 Kontakte aus einem Bericht – alle zeigen</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Move cancelled; nothing changed.</source>
        <translation>Verschieben abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>BoothKeys</name>
    <message>
        <source>Next field, previous field</source>
        <translation>Nächstes Feld, voriges Feld</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Rate the visitor (hot, warm, cold or A to D)</source>
        <translation>Besucher bewerten (heiß, warm, kalt oder A bis D)</translation>
    </message>
    <message>
        <source>Toggle the event&apos;s chips</source>
        <translation>Die Merkmale der Messe an- und abwählen</translation>
    </message>
    <message>
        <source>Consent: e-mail follow-up allowed</source>
        <translation>Einwilligung: Nachfassen per E-Mail erlaubt</translation>
    </message>
    <message>
        <source>Consent: phone follow-up allowed</source>
        <translation>Einwilligung: Nachfassen per Telefon erlaubt</translation>
    </message>
    <message>
        <source>Log the visit on the contact salesdesk already knows</source>
        <translation>Den Besuch beim Kontakt festhalten, den salesdesk schon kennt</translation>
    </message>
    <message>
        <source>Save the visitor and clear the form</source>
        <translation>Besucher speichern und das Formular leeren</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Undo the last capture</source>
        <translation>Den letzten Besucher rückgängig machen</translation>
    </message>
    <message>
        <source>Correct an earlier capture (older, newer)</source>
        <translation>Einen früheren Besucher korrigieren (älter, neuer)</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Auf, Ab</translation>
    </message>
    <message>
        <source>Paste a badge photo or a copied card</source>
        <translation>Ein Ausweisfoto oder eine kopierte Visitenkarte einfügen</translation>
    </message>
    <message>
        <source>Read a badge with the camera (camera extra)</source>
        <translation>Einen Ausweis mit der Kamera lesen (Kamera-Erweiterung)</translation>
    </message>
    <message>
        <source>Event, booth and scanner settings</source>
        <translation>Messe, Stand und Scanner einstellen</translation>
    </message>
    <message>
        <source>Stop correcting, or leave booth mode</source>
        <translation>Korrigieren beenden oder den Messemodus verlassen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>BoothWindow</name>
    <message>
        <source>%1th</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Booth mode – salesdesk</source>
        <translation>Messemodus – salesdesk</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>Verlassen (Esc)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>booth %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Camera… (Ctrl+K)</source>
        <translation>Kamera… (Strg+K)</translation>
    </message>
    <message>
        <source>Event… (Ctrl+Shift+E)</source>
        <translation>Messe… (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Add your own card in the event dialog (Ctrl+Shift+E) to show it here as a QR code.</source>
        <translation>Tragen Sie Ihre eigene Visitenkarte im Messedialog (Strg+Umschalt+E) ein, um sie hier als QR-Code zu zeigen.</translation>
    </message>
    <message>
        <source>Scan me: %1</source>
        <translation>Scannen Sie mich: %1</translation>
    </message>
    <message>
        <source>capture of %1</source>
        <translation>Erfassung von %1</translation>
    </message>
    <message>
        <source>Saved — %1, logged on the existing contact (%2 today)</source>
        <translation>Gespeichert — %1, beim vorhandenen Kontakt erfasst (%2 heute)</translation>
    </message>
    <message>
        <source>Saved — %1 (%2 today)</source>
        <translation>Gespeichert — %1 (%2 heute)</translation>
    </message>
    <message>
        <source>There is no capture to undo.</source>
        <translation>Es gibt keine Erfassung zum Rückgängigmachen.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Today: %1 · hot: %2</source>
        <translation>Heute: %1 · heiß: %2</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>heiß</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>MECARD</source>
        <translation>MECARD</translation>
    </message>
    <message>
        <source>BIZCARD</source>
        <translation>BIZCARD</translation>
    </message>
    <message>
        <source>name and e-mail</source>
        <translation>Name und E-Mail</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>badge id only</source>
        <translation>nur Ausweisnummer</translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation>Gescannt: %1</translation>
    </message>
    <message>
        <source>The scanner types with a US keyboard layout on this German one; salesdesk repaired it. Set the scanner to German (see its manual&apos;s &apos;Keyboard: German&apos; code).</source>
        <translation>Der Scanner tippt mit US-Tastaturbelegung auf dieser deutschen; salesdesk hat den Scan repariert. Stellen Sie den Scanner auf Deutsch um (Code „Keyboard: German“ im Handbuch des Scanners).</translation>
    </message>
    <message>
        <source>Saved as a badge-only lead unless you type more; the organiser&apos;s lead export completes it.</source>
        <translation>Wird als Lead nur mit Ausweisnummer gespeichert, wenn Sie nichts weiter eintippen; die Lead-Liste des Veranstalters ergänzt ihn.</translation>
    </message>
    <message>
        <source>No QR code or barcode was found in the photo.</source>
        <translation>Im Foto wurde kein QR-Code und kein Strichcode gefunden.</translation>
    </message>
    <message>
        <source>Pasted: %1</source>
        <translation>Eingefügt: %1</translation>
    </message>
    <message>
        <source>No camera found (booth mode reads badges with a camera where the camera extra is installed).</source>
        <translation>Keine Kamera gefunden (der Messemodus liest Ausweise mit einer Kamera, wo die Kamera-Erweiterung installiert ist).</translation>
    </message>
    <message>
        <source>From the camera: %1</source>
        <translation>Von der Kamera: %1</translation>
    </message>
    <message>
        <source>Badge already captured: %1. This visit is logged on them.</source>
        <translation>Ausweis schon erfasst: %1. Dieser Besuch wird dort erfasst.</translation>
    </message>
    <message>
        <source>This visit will be logged on %1 (Ctrl+L: a new lead instead).</source>
        <translation>Dieser Besuch wird bei %1 erfasst (Strg+L: stattdessen ein neuer Lead).</translation>
    </message>
    <message>
        <source>Already in salesdesk: %1 (Ctrl+L logs this visit on them).</source>
        <translation>Schon in salesdesk: %1 (Strg+L erfasst diesen Besuch dort).</translation>
    </message>
    <message>
        <source>Correcting %1 — Enter saves, Esc cancels</source>
        <translation>%1 wird korrigiert — Eingabe speichert, Esc bricht ab</translation>
    </message>
    <message>
        <source>Corrected — %1</source>
        <translation>Korrigiert — %1</translation>
    </message>
    <message>
        <source>Leave booth mode?</source>
        <translation>Messemodus verlassen?</translation>
    </message>
    <message>
        <source>Leave booth mode? Every saved visitor stays saved.</source>
        <translation>Messemodus verlassen? Alle gespeicherten Besucher bleiben gespeichert.</translation>
    </message>
    <message>
        <source>The visitor in the form is not saved yet.</source>
        <translation>Der Besucher im Formular ist noch nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Read a badge with the camera</source>
        <translation>Ausweis mit der Kamera lesen</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Die Kamera startet…</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s QR code or barcode in front of the camera.</source>
        <translation>Halten Sie den QR-Code oder Strichcode des Ausweises vor die Kamera.</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>Die Kamera lässt sich nicht benutzen: %1</translation>
    </message>
</context>
<context>
    <name>CaptureForm</name>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>e-mail and phone</source>
        <translation>E-Mail und Telefon</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>I agree that %1 may contact me by %2 about what we discussed at %3. I can withdraw this at any time.</source>
        <translation>Ich bin einverstanden, dass %1 mich per %2 zu dem kontaktiert, worüber wir auf der %3 gesprochen haben. Ich kann das jederzeit widerrufen.</translation>
    </message>
    <message>
        <source>us</source>
        <translation>uns</translation>
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
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>What did you talk about?</source>
        <translation>Worüber haben Sie gesprochen?</translation>
    </message>
    <message>
        <source>E-mail follow-up allowed (Ctrl+E)</source>
        <translation>Nachfassen per E-Mail erlaubt (Strg+E)</translation>
    </message>
    <message>
        <source>Phone follow-up allowed (Ctrl+P)</source>
        <translation>Nachfassen per Telefon erlaubt (Strg+P)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>Interessiert an</translation>
    </message>
    <message>
        <source>(this event has no chips)</source>
        <translation>(diese Messe hat keine Merkmale)</translation>
    </message>
    <message>
        <source>Ask for consent: tick what the visitor agrees to.</source>
        <translation>Nach der Einwilligung fragen: ankreuzen, womit der Besucher einverstanden ist.</translation>
    </message>
    <message>
        <source>Badge: %1</source>
        <translation>Ausweis: %1</translation>
    </message>
</context>
<context>
    <name>CardMenu</name>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Bewerten</translation>
    </message>
    <message>
        <source>Add &amp;tag…</source>
        <translation>Schlag&amp;wort hinzufügen…</translation>
    </message>
    <message>
        <source>Remove ta&amp;g</source>
        <translation>Schlagwort &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Log an interaction…</source>
        <translation>Interaktion &amp;erfassen…</translation>
    </message>
    <message>
        <source>Plan a &amp;follow-up…</source>
        <translation>&amp;Wiedervorlage planen…</translation>
    </message>
    <message>
        <source>&amp;Export selection…</source>
        <translation>Auswahl e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Tag for %1:</source>
        <translation>Schlagwort für %1:</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>Click to fold this column</source>
        <translation>Klicken, um diese Spalte einzuklappen</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 zu spät</translation>
    </message>
    <message>
        <source>%1 quiet</source>
        <translation>%1 still</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1&#xa0;Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1&#xa0;Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1&#xa0;Tsd.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync-Konflikte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Jetzt angezeigt</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Anderer Wert</translation>
    </message>
    <message>
        <source>(a contact not stored here)</source>
        <translation>(ein Kontakt, der hier nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>ein anderer Computer</translation>
    </message>
    <message>
        <source>%1, kept by %2</source>
        <translation>%1, behalten von %2</translation>
    </message>
    <message>
        <source>%1, lost by %2</source>
        <translation>%1, verloren von %2</translation>
    </message>
    <message>
        <source>Use this instead</source>
        <translation>Stattdessen verwenden</translation>
    </message>
    <message>
        <source>Show the other value (Ctrl+Z undoes it)</source>
        <translation>Den anderen Wert zeigen (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Two computers changed the same field before they synced: the later change is shown everywhere, the other one is kept here. Choose the one to keep.</source>
        <translation>Zwei Computer haben dasselbe Feld geändert, bevor sie synchronisiert haben: Die spätere Änderung wird überall angezeigt, die andere ist hier aufbewahrt. Wählen Sie, welche bleiben soll.</translation>
    </message>
    <message>
        <source>No conflicts: no edit lost against another computer&apos;s edit.</source>
        <translation>Keine Konflikte: Keine Änderung ist gegen die eines anderen Computers unterlegen.</translation>
    </message>
    <message>
        <source>A badge scanned for two contacts stays with the later scan; the other contact keeps the claim until you choose.</source>
        <translation>Ein Ausweis, der für zwei Kontakte erfasst wurde, bleibt beim später erfassten; der andere Kontakt behält den Anspruch, bis Sie wählen.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Den anderen Wert verwenden</translation>
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
        <source>Not saved yet: %1 What you typed stays in its field and is saved as soon as the database can be written again.</source>
        <translation>Noch nicht gespeichert: %1 Was Sie eingegeben haben, bleibt in seinem Feld und wird gespeichert, sobald die Datenbank wieder beschrieben werden kann.</translation>
    </message>
    <message>
        <source>No contact is chosen: type part of a name and pick one from the list.</source>
        <translation>Kein Kontakt gewählt: Tippen Sie einen Teil des Namens und wählen Sie aus der Liste.</translation>
    </message>
    <message>
        <source>%1 was changed elsewhere (another window or program); the pane shows that change. What you typed and did not save yet is still in its field: leave the field or press Enter to save it.</source>
        <translation>%1 wurde anderswo geändert (in einem anderen Fenster oder Programm); der Bereich zeigt diese Änderung. Was Sie eingegeben und noch nicht gespeichert haben, steht weiter in seinem Feld: Verlassen Sie das Feld oder drücken Sie die Eingabetaste, um es zu speichern.</translation>
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
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
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
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a contact first, then log what you did.</source>
        <translation>Wählen Sie zuerst einen Kontakt und erfassen Sie dann, was Sie getan haben.</translation>
    </message>
    <message>
        <source>Log an interaction with %1</source>
        <translation>Interaktion mit %1 erfassen</translation>
    </message>
    <message>
        <source>Moved %1 to Working: the first contact is logged. Ctrl+Z undoes it.</source>
        <translation>%1 nach „In Bearbeitung“ verschoben: Der erste Kontakt ist erfasst. Strg+Z macht das rückgängig.</translation>
    </message>
    <message>
        <source>Logged for %1.</source>
        <translation>Erfasst für %1.</translation>
    </message>
    <message>
        <source>Edit the interaction with %1</source>
        <translation>Interaktion mit %1 bearbeiten</translation>
    </message>
    <message>
        <source>Interaction deleted. Ctrl+Z brings it back.</source>
        <translation>Interaktion gelöscht. Strg+Z holt sie zurück.</translation>
    </message>
    <message>
        <source>Select a contact first.</source>
        <translation>Wählen Sie zuerst einen Kontakt.</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>Wiedervorlage für %1</translation>
    </message>
    <message>
        <source>%1 has no follow-up to complete.</source>
        <translation>%1 hat keine Wiedervorlage zum Erledigen.</translation>
    </message>
    <message>
        <source>Follow-up done: %1</source>
        <translation>Wiedervorlage erledigt: %1</translation>
    </message>
</context>
<context>
    <name>ConversationCommands</name>
    <message>
        <source>&amp;Log an interaction…</source>
        <translation>Interaktion &amp;erfassen…</translation>
    </message>
    <message>
        <source>Plan a &amp;follow-up…</source>
        <translation>&amp;Wiedervorlage planen…</translation>
    </message>
    <message>
        <source>Follow-up &amp;done…</source>
        <translation>Wiedervorlage e&amp;rledigt…</translation>
    </message>
    <message>
        <source>Logging moves New contacts to &amp;Working</source>
        <translation>Erfassen verschiebt neue Kontakte nach „In &amp;Bearbeitung“</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>Export follow-ups to a &amp;calendar (.ics)…</source>
        <translation>Wiedervorlagen in einen &amp;Kalender exportieren (.ics)…</translation>
    </message>
    <message>
        <source>Log &amp;by channel</source>
        <translation>Nach &amp;Kanal erfassen</translation>
    </message>
    <message>
        <source>Log an interaction with the selected contacts</source>
        <translation>Interaktion mit den gewählten Kontakten erfassen</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Erfassen: %1</translation>
    </message>
    <message>
        <source>Plan a follow-up</source>
        <translation>Wiedervorlage planen</translation>
    </message>
    <message>
        <source>Complete the follow-up and plan the next</source>
        <translation>Wiedervorlage erledigen und die nächste planen</translation>
    </message>
    <message>
        <source>Show or hide the agenda</source>
        <translation>Agenda ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Choose the channel in the log palette</source>
        <translation>Kanal im Erfassungsfenster wählen</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+6</source>
        <translation>Alt+1 … Alt+6</translation>
    </message>
    <message>
        <source>Timeline: choose an entry, edit it, delete it</source>
        <translation>Verlauf: Eintrag wählen, bearbeiten, löschen</translation>
    </message>
    <message>
        <source>Up/Down, Enter, Delete</source>
        <translation>Auf/Ab, Eingabe, Entf</translation>
    </message>
    <message>
        <source>Select a contact first.</source>
        <translation>Wählen Sie zuerst einen Kontakt.</translation>
    </message>
    <message>
        <source>Export follow-ups</source>
        <translation>Wiedervorlagen exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Kalenderdateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>Wiedervorlage: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln follow-ups to %1.</source>
        <translation>
            <numerusform>%Ln Wiedervorlage nach %1 exportiert.</numerusform>
            <numerusform>%Ln Wiedervorlagen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Social network</source>
        <translation>Soziales Netzwerk</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>We reached out</source>
        <translation>Wir haben uns gemeldet</translation>
    </message>
    <message>
        <source>They reached us</source>
        <translation>Der Kontakt hat sich gemeldet</translation>
    </message>
    <message>
        <source>A real conversation</source>
        <translation>Ein echtes Gespräch</translation>
    </message>
    <message>
        <source>No outcome</source>
        <translation>Kein Ergebnis</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nicht erreicht</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Nachricht hinterlassen</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Termin vereinbart</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>Kein Interesse</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>%1: never contacted</source>
        <translation>%1: nie kontaktiert</translation>
    </message>
    <message>
        <source>%1: no contact in the last 90 days</source>
        <translation>%1: kein Kontakt in den letzten 90 Tagen</translation>
    </message>
    <message>
        <source>1 two-way conversation</source>
        <translation>1 Gespräch</translation>
    </message>
    <message>
        <source>%1 two-way conversations</source>
        <translation>%1 Gespräche</translation>
    </message>
    <message>
        <source>%1 inbound</source>
        <translation>%1 eingehend</translation>
    </message>
    <message>
        <source>%1 outbound</source>
        <translation>%1 ausgehend</translation>
    </message>
    <message>
        <source>%1: %2 in the last %3 days</source>
        <translation>%1: %2 in den letzten %3 Tagen</translation>
    </message>
    <message>
        <source>, no reply</source>
        <translation>, keine Antwort</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>bald</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
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
    <name>DealFields</name>
    <message>
        <source>Expected value</source>
        <translation>Erwarteter Wert</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>e.g. 12500</source>
        <translation>z. B. 12500</translation>
    </message>
    <message>
        <source>Currency: a three-letter code such as EUR</source>
        <translation>Währung: ein Code aus drei Buchstaben wie EUR</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Pick the expected close date</source>
        <translation>Erwartetes Abschlussdatum wählen</translation>
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
    <name>DueBanner</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message>
        <source>follow up</source>
        <translation>nachfassen</translation>
    </message>
    <message>
        <source>Follow-up due: %1</source>
        <translation>Wiedervorlage fällig: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n Wiedervorlage fällig</numerusform>
            <numerusform>%n Wiedervorlagen fällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateHint</name>
    <message>
        <source>Possible duplicate: %1</source>
        <translation>Möglicherweise doppelt: %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>open it instead?</source>
        <translation>stattdessen öffnen?</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicates</source>
        <translation>Dubletten</translation>
    </message>
    <message>
        <source>Contacts of the file that seem to be in salesdesk already.</source>
        <translation>Kontakte aus der Datei, die es in salesdesk anscheinend schon gibt.</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>Für alle übernehmen</translation>
    </message>
    <message>
        <source>For all:</source>
        <translation>Für alle:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>Already in salesdesk</source>
        <translation>Schon in salesdesk</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was tun</translation>
    </message>
    <message>
        <source>Row %1 of this file</source>
        <translation>Zeile %1 dieser Datei</translation>
    </message>
    <message>
        <source>repeats an earlier row</source>
        <translation>wiederholt eine frühere Zeile</translation>
    </message>
    <message>
        <source>%1 contact(s) of the file seem to be in salesdesk already. Choose for each what to do, or for all at once.</source>
        <translation>%1 Kontakt(e) aus der Datei gibt es in salesdesk anscheinend schon. Wählen Sie für jeden, was geschehen soll, oder für alle auf einmal.</translation>
    </message>
    <message>
        <source>The %1 not listed follow the choice for all.</source>
        <translation>Die %1 nicht aufgeführten folgen der Wahl für alle.</translation>
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
    <name>EventDialog</name>
    <message>
        <source>Event and booth</source>
        <translation>Messe und Stand</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Neue Messe…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>wants demo, budget this year, …</source>
        <translation>will Demo, Budget dieses Jahr, …</translation>
    </message>
    <message>
        <source>Hot, warm, cold</source>
        <translation>Heiß, warm, kalt</translation>
    </message>
    <message>
        <source>A, B, C, D</source>
        <translation>A, B, C, D</translation>
    </message>
    <message>
        <source>Capture for</source>
        <translation>Erfassen für</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Chips (comma between)</source>
        <translation>Merkmale (mit Komma getrennt)</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Follow up after (working days)</source>
        <translation>Nachfassen nach (Arbeitstagen)</translation>
    </message>
    <message>
        <source>You at the booth</source>
        <translation>Sie am Stand</translation>
    </message>
    <message>
        <source>Your name (kept with each consent)</source>
        <translation>Ihr Name (wird mit jeder Einwilligung gespeichert)</translation>
    </message>
    <message>
        <source>Company named in the consent text</source>
        <translation>Firma im Einwilligungstext</translation>
    </message>
    <message>
        <source>Your card: first name</source>
        <translation>Ihre Karte: Vorname</translation>
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
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Badge scanner</source>
        <translation>Ausweis-Scanner</translation>
    </message>
    <message>
        <source>none (the scanner&apos;s speed tells)</source>
        <translation>keins (das Tempo verrät den Scanner)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> keys</source>
        <translation> Tasten</translation>
    </message>
    <message>
        <source>Prefix the scanner sends first</source>
        <translation>Präfix, das der Scanner zuerst sendet</translation>
    </message>
    <message>
        <source>in a row, each within</source>
        <translation>hintereinander, jede innerhalb von</translation>
    </message>
    <message>
        <source>A scan is</source>
        <translation>Ein Scan sind</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The first day</source>
        <translation>Der erste Tag</translation>
    </message>
    <message>
        <source>The last day</source>
        <translation>Der letzte Tag</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CSV (spreadsheets, mail tools)</source>
        <translation>CSV (Tabellenkalkulation, Mailprogramme)</translation>
    </message>
    <message>
        <source>vCard (phones, address books)</source>
        <translation>vCard (Telefone, Adressbücher)</translation>
    </message>
    <message>
        <source>JSON: everything, for a backup or another salesdesk</source>
        <translation>JSON: alles, als Sicherung oder für ein anderes salesdesk</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; ), for Excel in German and other locales</source>
        <translation>Semikolon ( ; ), für ein deutsches Excel und andere</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (opens right in Excel)</source>
        <translation>UTF-8 mit BOM (öffnet richtig in Excel)</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (older Windows programs)</source>
        <translation>Windows-1252 (ältere Windows-Programme)</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>3.0 (most address books)</source>
        <translation>3.0 (die meisten Adressbücher)</translation>
    </message>
    <message>
        <source>4.0</source>
        <translation>4.0</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>All contacts (%1)</source>
        <translation>Alle Kontakte (%1)</translation>
    </message>
    <message>
        <source>One stage:</source>
        <translation>Eine Phase:</translation>
    </message>
    <message>
        <source>The contacts matching the search “%1” (%2)</source>
        <translation>Die Kontakte, die zur Suche „%1“ passen (%2)</translation>
    </message>
    <message>
        <source>The contacts matching the search (no search now)</source>
        <translation>Die Kontakte, die zur Suche passen (gerade keine Suche)</translation>
    </message>
    <message>
        <source>The selected cards (%1)</source>
        <translation>Die ausgewählten Karten (%1)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard-Dateien (*.vcf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 gibt es schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contacts to %1</source>
        <translation>
            <numerusform>%Ln Kontakt nach %1 exportiert</numerusform>
            <numerusform>%Ln Kontakte nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>A spreadsheet (.xlsx, .xls, .ods), CSV from Google or Outlook, vCard (.vcf) from a phone or an address book, or a salesdesk JSON backup. You can also drop a file onto the main window.</source>
        <translation>Eine Tabelle (.xlsx, .xls, .ods), CSV aus Google oder Outlook, vCard (.vcf) von einem Telefon oder Adressbuch oder eine salesdesk-JSON-Sicherung. Sie können eine Datei auch auf das Hauptfenster ziehen.</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Die zu importierende Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Recognise it</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>salesdesk JSON</source>
        <translation>salesdesk-JSON</translation>
    </message>
    <message>
        <source>Read it as:</source>
        <translation>Lesen als:</translation>
    </message>
    <message numerus="yes">
        <source>A spreadsheet with %Ln sheets; reading &apos;%1&apos;, %2 columns.</source>
        <translation>
            <numerusform>Eine Tabelle mit %Ln Blatt; gelesen wird „%1“, %2 Spalten.</numerusform>
            <numerusform>Eine Tabelle mit %Ln Blättern; gelesen wird „%1“, %2 Spalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>A CSV file with %1 columns, looks like: %2.</source>
        <translation>Eine CSV-Datei mit %1 Spalten, sieht aus wie: %2.</translation>
    </message>
    <message>
        <source>A vCard file (contact cards).</source>
        <translation>Eine vCard-Datei (Visitenkarten).</translation>
    </message>
    <message>
        <source>A salesdesk JSON file: contacts come back with their stages, history and interactions.</source>
        <translation>Eine JSON-Datei von salesdesk: Kontakte kommen mit Phasen, Verlauf und Kontaktverlauf zurück.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Remove this filter (%1)</source>
        <translation>Diesen Filter entfernen (%1)</translation>
    </message>
</context>
<context>
    <name>FilterMenu</name>
    <message>
        <source>&amp;Add a filter</source>
        <translation>Filter &amp;hinzufügen</translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>Keine gespeicherten Filter</translation>
    </message>
    <message>
        <source>&amp;Save this search…</source>
        <translation>Diese Suche &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Delete a saved filter</source>
        <translation>Gespeicherten Filter &amp;löschen</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Name for “%1”:</source>
        <translation>Name für „%1“:</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>due this week</source>
        <translation>diese Woche fällig</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>keine geplant</translation>
    </message>
    <message>
        <source>me</source>
        <translation>ich</translation>
    </message>
    <message>
        <source>given</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nicht erteilt</translation>
    </message>
</context>
<context>
    <name>FindDuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>Dubletten finden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Looking for contacts that may be the same person…</source>
        <translation>Suche nach Kontakten, die dieselbe Person sein könnten…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 contacts: %2</source>
        <translation>%1 Kontakte: %2</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>Keine wahrscheinlichen Dubletten gefunden.</translation>
    </message>
    <message>
        <source>%1 group(s) of contacts that may be the same person (same e-mail address, same phone number, or a similar name at the same company).</source>
        <translation>%1 Gruppe(n) von Kontakten, die dieselbe Person sein könnten (gleiche E-Mail-Adresse, gleiche Telefonnummer oder ähnlicher Name bei derselben Firma).</translation>
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
    <name>FollowUpDialog</name>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>In 3 Tagen</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>In 2 weeks</source>
        <translation>In 2 Wochen</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>at a set &amp;time</source>
        <translation>zu fester &amp;Uhrzeit</translation>
    </message>
    <message>
        <source>What to do, e.g. send the quote</source>
        <translation>Was zu tun ist, z. B. Angebot schicken</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Was</translation>
    </message>
    <message>
        <source>Set follow-up</source>
        <translation>Wiedervorlage setzen</translation>
    </message>
</context>
<context>
    <name>FunnelTab</name>
    <message>
        <source>Fall-backs</source>
        <translation>Rückfälle</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>der Reihe nach</translation>
    </message>
    <message>
        <source>at any time</source>
        <translation>überhaupt</translation>
    </message>
    <message>
        <source>%1 reached %2 %3 in the period</source>
        <translation>%1 erreichten %2 %3 im Zeitraum</translation>
    </message>
    <message>
        <source>%1 of the step before</source>
        <translation>%1 der Stufe davor</translation>
    </message>
    <message>
        <source>Reached at any time</source>
        <translation>Überhaupt erreicht</translation>
    </message>
    <message>
        <source>Reached in order</source>
        <translation>Der Reihe nach erreicht</translation>
    </message>
    <message>
        <source>No stage changes in this period.</source>
        <translation>Keine Phasenwechsel in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Prospect → lead</source>
        <translation>Interessent → Lead</translation>
    </message>
    <message>
        <source>Customer left</source>
        <translation>Kunde abgesprungen</translation>
    </message>
    <message>
        <source>Unqualified</source>
        <translation>Ungeeignet</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No fall-backs.</source>
        <translation>Keine Rückfälle.</translation>
    </message>
    <message>
        <source>Conversion lead → prospect: %1 at any time, %2 in order.</source>
        <translation>Umwandlung Lead → Interessent: %1 überhaupt, %2 der Reihe nach.</translation>
    </message>
    <message>
        <source>Conversion prospect → customer: %1 at any time, %2 in order.</source>
        <translation>Umwandlung Interessent → Kunde: %1 überhaupt, %2 der Reihe nach.</translation>
    </message>
    <message>
        <source>At any time: reached the level in the period. In order: reached it after the level before, both in the period.</source>
        <translation>Überhaupt: hat die Stufe im Zeitraum erreicht. Der Reihe nach: hat sie nach der Stufe davor erreicht, beide im Zeitraum.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>salesdesk user guide</source>
        <translation>salesdesk-Anleitung</translation>
    </message>
    <message>
        <source>The user guide is not part of this installation (docs/guide.md).</source>
        <translation>Die Anleitung gehört nicht zu dieser Installation (docs/guide.md).</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read (%2).</source>
        <translation>„%1“ kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Import contacts from</source>
        <translation>Kontakte importieren aus</translation>
    </message>
    <message>
        <source>Contact files (%1);;All files (*)</source>
        <translation>Kontaktdateien (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>Datei wird geprüft</translation>
    </message>
    <message>
        <source>Checking rows and looking for duplicates</source>
        <translation>Zeilen prüfen und nach Dubletten suchen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Importing contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Update the existing contact (fill empty fields)</source>
        <translation>Vorhandenen Kontakt ergänzen (leere Felder füllen)</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Import it as a new contact</source>
        <translation>Als neuen Kontakt importieren</translation>
    </message>
    <message>
        <source>Update (fill empty fields)</source>
        <translation>Ergänzen (leere Felder füllen)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Import as new</source>
        <translation>Als neu importieren</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google Kontakte</translation>
    </message>
    <message>
        <source>Outlook (English)</source>
        <translation>Outlook (Englisch)</translation>
    </message>
    <message>
        <source>Outlook (German)</source>
        <translation>Outlook (Deutsch)</translation>
    </message>
    <message>
        <source>LinkedIn connections</source>
        <translation>LinkedIn-Kontakte</translation>
    </message>
    <message>
        <source>Other: guess from the column names</source>
        <translation>Anderes: aus den Spaltennamen erraten</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
    <message>
        <source>&amp;Outbound</source>
        <translation>&amp;Ausgehend</translation>
    </message>
    <message>
        <source>&amp;Inbound</source>
        <translation>&amp;Eingehend</translation>
    </message>
    <message>
        <source>T&amp;wo-way</source>
        <translation>&amp;Gespräch</translation>
    </message>
    <message>
        <source>What happened, in a line</source>
        <translation>Was geschah, in einer Zeile</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>W&amp;hen</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>Erge&amp;bnis</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Einzelheiten (optional)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Next &amp;follow-up on</source>
        <translation>Nächste Wieder&amp;vorlage am</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Erfassen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search name, company, e-mail… or filter: rating:hot tag:vip</source>
        <translation>Name, Firma, E-Mail suchen… oder filtern: bewertung:heiß schlagwort:vip</translation>
    </message>
    <message>
        <source>Type words to search, or filters: tag:vip, source:event, event:&quot;Hannover&quot;, rating:hot, stage:prospect, due:overdue (today, week, none), consent:yes. Several filters must all hold; Enter goes to the first hit.</source>
        <translation>Wörter suchen, oder filtern: tag:vip (schlagwort:), source:event (quelle:), event:&quot;Hannover&quot; (messe:), rating:hot (bewertung:heiß), stage:prospect (phase:interessent), due:overdue (fällig:überfällig, heute, woche, nein), consent:yes (einwilligung:ja). Mehrere Filter müssen alle zutreffen; Eingabe springt zum ersten Treffer.</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>%1 – salesdesk</source>
        <translation>%1 – salesdesk</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>SQLite found damaged parts in %1 (%2). Contacts you can see are still there, but some may be unreadable. Make a backup now (File ▸ Backup now…), then restore an older backup or ask for help before you go on working.</source>
        <translation>SQLite hat beschädigte Teile in %1 gefunden (%2). Die Kontakte, die Sie sehen, sind noch da, aber manche sind vielleicht nicht mehr lesbar. Sichern Sie jetzt (Datei ▸ Jetzt sichern…), und stellen Sie dann eine ältere Sicherung wieder her oder holen Sie sich Hilfe, bevor Sie weiterarbeiten.</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>Keine zuletzt geöffneten Datenbanken</translation>
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
        <source>No contact matches the search.</source>
        <translation>Kein Kontakt passt zur Suche.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts: %2 leads, %3 prospects, %4 customers</source>
        <translation>
            <numerusform>%Ln Kontakt: %2 Leads, %3 Interessenten, %4 Kunden</numerusform>
            <numerusform>%Ln Kontakte: %2 Leads, %3 Interessenten, %4 Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 contacts match the search</source>
        <translation>%1 von %2 Kontakten passen zur Suche</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Choose what each column becomes. Columns salesdesk does not know go into the notes; choose Skip to leave one out.</source>
        <translation>Wählen Sie, was aus jeder Spalte wird. Spalten, die salesdesk nicht kennt, kommen in die Notizen; mit „Überspringen“ bleibt eine weg.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>Gespeicherte Zuordnung:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Importieren in</translation>
    </message>
    <message>
        <source>The first rows as they will be imported:</source>
        <translation>Die ersten Zeilen, so wie sie importiert werden:</translation>
    </message>
    <message>
        <source>Saved as “%1”.</source>
        <translation>Gespeichert als „%1“.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <source>Choose the record to keep and, where they differ, which value it gets. All e-mail addresses, phone numbers, tags, the stage history and the interactions of every record are kept; the other records are removed. Undo brings them back.</source>
        <translation>Wählen Sie den Datensatz, der bleibt, und wo sie sich unterscheiden, welchen Wert er bekommt. Alle E-Mail-Adressen, Telefonnummern, Schlagwörter, der Phasenverlauf und der Kontaktverlauf aller Datensätze bleiben erhalten; die anderen Datensätze werden entfernt. Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>Diesen Datensatz behalten</translation>
    </message>
    <message>
        <source>all kept</source>
        <translation>alle bleiben</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>angelegt %1</translation>
    </message>
    <message>
        <source>Allowed since %1</source>
        <translation>Erlaubt seit %1</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Merged %1 contacts into %2. Undo (Ctrl+Z) separates them again.</source>
        <translation>%1 Kontakte zu %2 zusammengeführt. Rückgängig (Strg+Z) trennt sie wieder.</translation>
    </message>
</context>
<context>
    <name>MyContactsToggle</name>
    <message>
        <source>&amp;My contacts</source>
        <translation>&amp;Meine Kontakte</translation>
    </message>
    <message>
        <source>Show only the contacts you look after (owner:me, %1)</source>
        <translation>Nur die Kontakte zeigen, die Sie betreuen (owner:me, %1)</translation>
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
    <message>
        <source>&amp;Open the existing one</source>
        <translation>Vorhandenen Kontakt &amp;öffnen</translation>
    </message>
    <message>
        <source>Create &amp;anyway</source>
        <translation>Trotzdem &amp;anlegen</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Stage, source and tag</source>
        <translation>Phase, Herkunft und Schlagwort</translation>
    </message>
    <message>
        <source>These apply to every imported contact.</source>
        <translation>Das gilt für jeden importierten Kontakt.</translation>
    </message>
    <message>
        <source>As in the file (New where it says nothing)</source>
        <translation>Wie in der Datei (Neu, wo nichts steht)</translation>
    </message>
    <message>
        <source>As in the file</source>
        <translation>Wie in der Datei</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Phase:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Herkunft:</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <source>A contact that is already in salesdesk:</source>
        <translation>Ein Kontakt, den es in salesdesk schon gibt:</translation>
    </message>
    <message>
        <source>You can decide for each duplicate on the next page.</source>
        <translation>Auf der nächsten Seite können Sie für jede Dublette einzeln entscheiden.</translation>
    </message>
</context>
<context>
    <name>OwnerField</name>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Who looks after this contact; “My contacts” shows yours (Ctrl+Shift+M)</source>
        <translation>Wer diesen Kontakt betreut; „Meine Kontakte“ zeigt Ihre (Strg+Umschalt+M)</translation>
    </message>
</context>
<context>
    <name>PreferenceCommands</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>en</source>
        <comment>the code of this translation&apos;s language: country names</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; ), for Excel in German and other locales</source>
        <translation>Semikolon ( ; ), für Excel auf Deutsch und in anderen Sprachen</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source> day</source>
        <translation> Tag</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language shows the next time salesdesk starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von salesdesk.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Home &amp;country for phone numbers:</source>
        <translation>Heimat&amp;land für Telefonnummern:</translation>
    </message>
    <message>
        <source>Numbers typed without +country code are read as numbers of this country.</source>
        <translation>Nummern ohne +Ländervorwahl gelten als Nummern dieses Landes.</translation>
    </message>
    <message>
        <source>Contacts in the &amp;demo data:</source>
        <translation>Kontakte in den &amp;Demodaten:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Recorded with what you do (moves, logged calls) and as the owner of the contacts you add; your colleagues see it after a sync.</source>
        <translation>Wird bei allem vermerkt, was Sie tun (Verschieben, erfasste Anrufe), und als zuständig für die Kontakte, die Sie anlegen; Ihre Kolleginnen und Kollegen sehen es nach einem Abgleich.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>A contact goes stale after this many days without an interaction and with no follow-up planned.</source>
        <translation>Nach so vielen Tagen ohne Interaktion und ohne geplante Wiedervorlage gilt ein Kontakt als zu lange still.</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Neu:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Working:</source>
        <translation>In Bearbeitung:</translation>
    </message>
    <message>
        <source>Nurturing:</source>
        <translation>In Pflege:</translation>
    </message>
    <message>
        <source>Unqualified:</source>
        <translation>Ungeeignet:</translation>
    </message>
    <message>
        <source>Prospect:</source>
        <translation>Interessent:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Logging an interaction moves a contact in New to &amp;Working</source>
        <translation>Eine Interaktion zu protokollieren verschiebt einen neuen Kontakt nach „In &amp;Bearbeitung“</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Import und Export</translation>
    </message>
    <message>
        <source>CSV &amp;delimiter for export:</source>
        <translation>CSV-&amp;Trennzeichen beim Export:</translation>
    </message>
    <message>
        <source>Default import &amp;tag:</source>
        <translation>Standard-Import&amp;tag:</translation>
    </message>
    <message>
        <source>{date} becomes the day of the import; leave empty for no tag.</source>
        <translation>{date} wird zum Tag des Imports; leer lassen für keinen Tag.</translation>
    </message>
    <message>
        <source>&amp;Label for phone columns without one:</source>
        <translation>&amp;Bezeichnung für Telefonspalten ohne eine:</translation>
    </message>
</context>
<context>
    <name>ProbabilitiesDialog</name>
    <message>
        <source>Probabilities of the weighted pipeline</source>
        <translation>Wahrscheinlichkeiten der gewichteten Pipeline</translation>
    </message>
</context>
<context>
    <name>ReadPage</name>
    <message>
        <source>How to read the file</source>
        <translation>Wie die Datei gelesen wird</translation>
    </message>
    <message>
        <source>salesdesk guessed these; change them if the rows below look wrong.</source>
        <translation>salesdesk hat das erraten; ändern Sie es, wenn die Zeilen unten falsch aussehen.</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Tabellenblatt:</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <source>none (the file has no column names)</source>
        <translation>keine (die Datei hat keine Spaltennamen)</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Column names in row:</source>
        <translation>Spaltennamen in Zeile:</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why are these %1 contacts not a fit right now? The reason is kept in their stage history.</source>
        <translation>Warum passen diese %1 Kontakte gerade nicht? Der Grund wird in ihrem Phasenverlauf festgehalten.</translation>
    </message>
    <message>
        <source>Why is %1 not a fit right now? The reason is kept in the stage history.</source>
        <translation>Warum passt %1 gerade nicht? Der Grund wird im Phasenverlauf festgehalten.</translation>
    </message>
    <message>
        <source>Move to Unqualified</source>
        <translation>Nach „Ungeeignet“ verschieben</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Etwas anderes</translation>
    </message>
    <message>
        <source>Write the reason here</source>
        <translation>Grund hier eintragen</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Or write your own reason here</source>
        <translation>Oder hier einen eigenen Grund eintragen</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
</context>
<context>
    <name>ReasonsTab</name>
    <message>
        <source>Nobody was set aside as Unqualified in this period.</source>
        <translation>In diesem Zeitraum wurde niemand als ungeeignet zurückgestellt.</translation>
    </message>
    <message>
        <source>Moves to Unqualified per week. %1</source>
        <translation>Als ungeeignet zurückgestellt, pro Woche. %1</translation>
    </message>
    <message>
        <source>Moves to Unqualified per month. %1</source>
        <translation>Als ungeeignet zurückgestellt, pro Monat. %1</translation>
    </message>
</context>
<context>
    <name>ReferralsSection</name>
    <message>
        <source>Referrals</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Referred by %1</source>
        <translation>Empfohlen von %1</translation>
    </message>
    <message>
        <source>Referred 1 person.</source>
        <translation>Hat 1 Person empfohlen.</translation>
    </message>
    <message>
        <source>Referred %1 people.</source>
        <translation>Hat %1 Personen empfohlen.</translation>
    </message>
    <message>
        <source>Became prospects or customers: %1.</source>
        <translation>Davon Interessenten oder Kunden geworden: %1.</translation>
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
    <name>ReportTab</name>
    <message>
        <source>Click to show these contacts on the board.</source>
        <translation>Klicken, um diese Kontakte auf der Tafel zu zeigen.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports – salesdesk</source>
        <translation>Berichte – salesdesk</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Messen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Probabilities…</source>
        <translation>Wahrscheinlichkeiten…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG-Bild…</translation>
    </message>
    <message>
        <source>CSV table…</source>
        <translation>CSV-Tabelle…</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Trichter</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>Zeit je Phase</translation>
    </message>
    <message>
        <source>Sources and events</source>
        <translation>Quellen und Messen</translation>
    </message>
    <message>
        <source>Unqualified reasons</source>
        <translation>Gründe für „Ungeeignet“</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The contacts are on the board.</source>
        <translation>Die Kontakte sind auf dem Board.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts imported</source>
        <translation>
            <numerusform>%Ln Kontakt importiert</numerusform>
            <numerusform>%Ln Kontakte importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing contacts filled in</source>
        <translation>
            <numerusform>%Ln vorhandener Kontakt ergänzt</numerusform>
            <numerusform>%Ln vorhandene Kontakte ergänzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates skipped</source>
        <translation>
            <numerusform>%Ln Dublette übersprungen</numerusform>
            <numerusform>%Ln Dubletten übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows could not be imported:</source>
        <translation>
            <numerusform>%Ln Zeile konnte nicht importiert werden:</numerusform>
            <numerusform>%Ln Zeilen konnten nicht importiert werden:</numerusform>
        </translation>
    </message>
    <message>
        <source>Some rows were imported with changes:</source>
        <translation>Einige Zeilen wurden mit Änderungen importiert:</translation>
    </message>
    <message>
        <source>Imported, but: %1</source>
        <translation>Importiert, aber: %1</translation>
    </message>
</context>
<context>
    <name>ServiceRunner</name>
    <message>
        <source>Cannot undo: %1</source>
        <translation>Rückgängig nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot redo: %1</source>
        <translation>Wiederherstellen nicht möglich: %1</translation>
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
    <name>SourcesTab</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Hot contacted ≤ 24 h</source>
        <translation>Heiße ≤ 24 h kontaktiert</translation>
    </message>
    <message>
        <source>Hot contacted ≤ 48 h</source>
        <translation>Heiße ≤ 48 h kontaktiert</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>%1: %2 leads, win rate %3</source>
        <translation>%1: %2 Leads, Abschlussquote %3</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>No contacts were captured in this period.</source>
        <translation>In diesem Zeitraum wurden keine Kontakte erfasst.</translation>
    </message>
    <message>
        <source>No contacts from trade shows in this period.</source>
        <translation>Keine Kontakte von Messen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Leads: contacts created in the period; prospects and customers: how many of them got there by its end. An event is the source detail of a trade-show contact.</source>
        <translation>Leads: im Zeitraum angelegte Kontakte; Interessenten und Kunden: wie viele davon es bis zu seinem Ende dorthin geschafft haben. Eine Messe ist die Quelle im Detail eines Messekontakts.</translation>
    </message>
    <message>
        <source>The chart shows the %1 events with the most leads, the table all %2.</source>
        <translation>Das Diagramm zeigt die %1 Messen mit den meisten Leads, die Tabelle alle %2.</translation>
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
        <source>by %1</source>
        <translation>von %1</translation>
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
    <name>SummaryPage</name>
    <message>
        <source>Ready to import</source>
        <translation>Bereit zum Import</translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation>Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new contacts</source>
        <translation>
            <numerusform>%Ln neuer Kontakt</numerusform>
            <numerusform>%Ln neue Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing contacts filled in</source>
        <translation>
            <numerusform>%Ln vorhandener Kontakt ergänzt</numerusform>
            <numerusform>%Ln vorhandene Kontakte ergänzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates skipped</source>
        <translation>
            <numerusform>%Ln Dublette übersprungen</numerusform>
            <numerusform>%Ln Dubletten übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows cannot be imported; they are listed afterwards.</source>
        <translation>
            <numerusform>%Ln Zeile kann nicht importiert werden; sie wird danach aufgeführt.</numerusform>
            <numerusform>%Ln Zeilen können nicht importiert werden; sie werden danach aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>the stages of the file</source>
        <translation>die Phasen aus der Datei</translation>
    </message>
    <message>
        <source>New contacts go to %1</source>
        <translation>Neue Kontakte kommen nach %1</translation>
    </message>
    <message>
        <source>, tagged “%1”.</source>
        <translation>, mit dem Schlagwort „%1“.</translation>
    </message>
    <message>
        <source>The import is one step: Undo (Ctrl+Z) takes all of it back.</source>
        <translation>Der Import ist ein Schritt: Rückgängig (Strg+Z) nimmt ihn ganz zurück.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Remember on this computer (system keyring)</source>
        <translation>Auf diesem Computer merken (Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Remember on this computer (a file only you can read)</source>
        <translation>Auf diesem Computer merken (Datei, die nur Sie lesen können)</translation>
    </message>
    <message>
        <source>Every computer keeps its own database. Sync exchanges the changes through a folder they all reach now and then (a NAS share, a Syncthing, Dropbox or OneDrive folder, a USB stick), or through the team&apos;s own server.</source>
        <translation>Jeder Computer behält seine eigene Datenbank. Die Synchronisierung tauscht die Änderungen über einen Ordner aus, den alle ab und zu erreichen (eine NAS-Freigabe, einen Syncthing-, Dropbox- oder OneDrive-Ordner, einen USB-Stick), oder über den eigenen Server des Teams.</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>Saved: type a new one to replace it</source>
        <translation>Gespeichert: zum Ersetzen eine neue eingeben</translation>
    </message>
    <message>
        <source>The same on every computer; at least 8 characters</source>
        <translation>Auf jedem Computer dieselbe; mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>This folder was set up without a team passphrase: its files hold your contacts&apos; personal data in plain text, readable by anyone who can open the folder. To encrypt, sync into a new, empty folder with a passphrase.</source>
        <translation>Dieser Ordner wurde ohne Team-Passphrase eingerichtet: Seine Dateien enthalten die personenbezogenen Daten Ihrer Kontakte im Klartext, lesbar für jeden, der den Ordner öffnen kann. Zum Verschlüsseln in einen neuen, leeren Ordner mit Passphrase synchronisieren.</translation>
    </message>
    <message>
        <source>No team passphrase: the files in the sync folder will hold your contacts&apos; personal data in plain text, readable by anyone who can open the folder. Set a passphrase to encrypt them.</source>
        <translation>Keine Team-Passphrase: Die Dateien im Sync-Ordner enthalten dann die personenbezogenen Daten Ihrer Kontakte im Klartext, lesbar für jeden, der den Ordner öffnen kann. Legen Sie eine Passphrase fest, um sie zu verschlüsseln.</translation>
    </message>
    <message>
        <source>This database syncs through the team server %1 (see Team server). A database syncs either through a shared folder or through a team server: leave the team server to use a folder.</source>
        <translation>Diese Datenbank synchronisiert über den Teamserver %1 (siehe Teamserver). Eine Datenbank synchronisiert entweder über einen gemeinsamen Ordner oder über einen Teamserver: Verlassen Sie den Teamserver, um einen Ordner zu nutzen.</translation>
    </message>
    <message>
        <source>C&amp;onflicts (%1)…</source>
        <translation>&amp;Konflikte (%1)…</translation>
    </message>
    <message>
        <source>C&amp;onflicts…</source>
        <translation>&amp;Konflikte…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert gerade…</translation>
    </message>
    <message>
        <source>Not syncing: choose the shared folder, then press Sync now.</source>
        <translation>Keine Synchronisierung: Wählen Sie den gemeinsamen Ordner und drücken Sie dann „Jetzt synchronisieren“.</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Last round: %1 changes came in, %2 went out.</source>
        <translation>Letzte Runde: %1 Änderungen kamen herein, %2 gingen hinaus.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 changes of this computer are not known elsewhere yet.</source>
        <translation>%1 Änderungen dieses Computers sind anderswo noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>(no name) %1</source>
        <translation>(ohne Namen) %1</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (dieser Computer)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>Not seen for %1 days: this computer no longer keeps old changes for it. When it syncs again, it catches up (from a full copy if needed).</source>
        <translation>Seit %1 Tagen nicht gesehen: Dieser Computer hebt alte Änderungen nicht mehr für ihn auf. Synchronisiert er wieder, holt er alles nach (wenn nötig aus einer vollständigen Kopie).</translation>
    </message>
    <message>
        <source>Choose the shared sync folder</source>
        <translation>Gemeinsamen Sync-Ordner wählen</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Wählen Sie zuerst den gemeinsamen Ordner.</translation>
    </message>
    <message>
        <source>The team passphrase must have at least %1 characters.</source>
        <translation>Die Team-Passphrase muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>The passphrase could not be stored (%1); it is used until the window closes.</source>
        <translation>Die Passphrase konnte nicht gespeichert werden (%1); sie wird verwendet, bis das Fenster geschlossen wird.</translation>
    </message>
    <message>
        <source>A device name needs 1 to 80 characters.</source>
        <translation>Ein Gerätename braucht 1 bis 80 Zeichen.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Every computer keeps its own database. Sync exchanges the changes through a folder they all reach now and then: a NAS share, a Syncthing, Dropbox or OneDrive folder, or a USB stick.</source>
        <translation>Jeder Computer behält seine eigene Datenbank. Die Synchronisierung tauscht die Änderungen über einen Ordner aus, den alle ab und zu erreichen: eine NAS-Freigabe, einen Syncthing-, Dropbox- oder OneDrive-Ordner oder einen USB-Stick.</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Shared &amp;folder:</source>
        <translation>Gemeinsamer &amp;Ordner:</translation>
    </message>
    <message>
        <source>e.g. /mnt/nas/salesdesk or a folder on a USB stick</source>
        <translation>z. B. /mnt/nas/salesdesk oder ein Ordner auf einem USB-Stick</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Team &amp;passphrase:</source>
        <translation>Team-&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>Auf diesem Computer &amp;merken</translation>
    </message>
    <message>
        <source>This &amp;device&apos;s name:</source>
        <translation>Name dieses &amp;Geräts:</translation>
    </message>
    <message>
        <source>e.g. Booth laptop 1</source>
        <translation>z. B. Messe-Laptop 1</translation>
    </message>
    <message>
        <source>S&amp;top syncing</source>
        <translation>Synchronisierung &amp;beenden</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>The computers this one has heard of, and when they last synced.</source>
        <translation>Die Computer, von denen dieser weiß, und wann sie zuletzt synchronisiert haben.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
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
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>Herkunftsdetail</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Empfohlen von</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Place in the column</source>
        <translation>Platz in der Spalte</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>E-mail consent</source>
        <translation>Einwilligung für E-Mails</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Einwilligung erteilt am</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Wie die Einwilligung erteilt wurde</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>Follow-up time</source>
        <translation>Wiedervorlage um</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>Notiz zur Wiedervorlage</translation>
    </message>
    <message>
        <source>In the trash since</source>
        <translation>Im Papierkorb seit</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Photo format</source>
        <translation>Fotoformat</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Angelegt am</translation>
    </message>
    <message>
        <source>Expected deal value</source>
        <translation>Erwarteter Auftragswert</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Event (lead came from)</source>
        <translation>Messe (Herkunft des Leads)</translation>
    </message>
    <message>
        <source>Badge id</source>
        <translation>Ausweisnummer</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Zusammengeführt mit</translation>
    </message>
    <message>
        <source>Logged interaction</source>
        <translation>Erfasster Kontaktverlauf</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>Follow-up history</source>
        <translation>Wiedervorlagen-Verlauf</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Messe</translation>
    </message>
    <message>
        <source>Booth capture</source>
        <translation>Messe-Erfassung</translation>
    </message>
    <message>
        <source>Consent record</source>
        <translation>Einwilligungsnachweis</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>due time</source>
        <translation>Fälligkeitszeit</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>made by</source>
        <translation>gemacht von</translation>
    </message>
    <message>
        <source>belongs to</source>
        <translation>gehört zu</translation>
    </message>
    <message>
        <source>from stage</source>
        <translation>von Phase</translation>
    </message>
    <message>
        <source>to stage</source>
        <translation>nach Phase</translation>
    </message>
    <message>
        <source>kind of change</source>
        <translation>Art der Änderung</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>last changed</source>
        <translation>zuletzt geändert</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>erster Tag</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>letzter Tag</translation>
    </message>
    <message>
        <source>place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>booth</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>chips</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>rating scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>follow-up after (working days)</source>
        <translation>Nachfassen nach (Arbeitstagen)</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Messe</translation>
    </message>
    <message>
        <source>recorded by</source>
        <translation>erfasst von</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>linked to a known contact</source>
        <translation>mit bekanntem Kontakt verknüpft</translation>
    </message>
    <message>
        <source>badge scan only</source>
        <translation>nur Ausweis gescannt</translation>
    </message>
    <message>
        <source>wording shown</source>
        <translation>gezeigter Wortlaut</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(an event not stored here)</source>
        <translation>(eine Messe, die hier nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>(a contact not stored here)</source>
        <translation>(ein Kontakt, der hier nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>(a photo)</source>
        <translation>(ein Foto)</translation>
    </message>
    <message>
        <source>Hot, warm, cold</source>
        <translation>Heiß, warm, kalt</translation>
    </message>
    <message>
        <source>A, B, C, D</source>
        <translation>A, B, C, D</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>no follow-up</source>
        <translation>kein Nachfassen</translation>
    </message>
    <message>
        <source>The team passphrase does not match the one this sync folder was set up with. Nothing was read or written. Enter the right one in File ▸ Sync….</source>
        <translation>Die Team-Passphrase passt nicht zu der, mit der dieser Sync-Ordner eingerichtet wurde. Nichts wurde gelesen oder geschrieben. Geben Sie die richtige unter Datei ▸ Synchronisieren… ein.</translation>
    </message>
    <message>
        <source>This sync folder is protected by a team passphrase. Enter it in File ▸ Sync….</source>
        <translation>Dieser Sync-Ordner ist durch eine Team-Passphrase geschützt. Geben Sie sie unter Datei ▸ Synchronisieren… ein.</translation>
    </message>
    <message>
        <source>This sync folder was set up without a team passphrase, so its files are not encrypted. Leave the passphrase empty, or choose a new, empty folder to sync with a passphrase.</source>
        <translation>Dieser Sync-Ordner wurde ohne Team-Passphrase eingerichtet, seine Dateien sind also nicht verschlüsselt. Lassen Sie die Passphrase leer, oder wählen Sie einen neuen, leeren Ordner, um mit Passphrase zu synchronisieren.</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Wählen Sie zuerst den gemeinsamen Ordner.</translation>
    </message>
    <message>
        <source>The database was busy; the next round tries again.</source>
        <translation>Die Datenbank war beschäftigt; die nächste Runde versucht es erneut.</translation>
    </message>
    <message>
        <source>wrong team passphrase</source>
        <translation>falsche Team-Passphrase</translation>
    </message>
    <message>
        <source>team passphrase needed</source>
        <translation>Team-Passphrase nötig</translation>
    </message>
    <message>
        <source>folder is not encrypted</source>
        <translation>Ordner ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>no folder chosen</source>
        <translation>kein Ordner gewählt</translation>
    </message>
    <message>
        <source>folder not reachable</source>
        <translation>Ordner nicht erreichbar</translation>
    </message>
    <message>
        <source>database busy</source>
        <translation>Datenbank beschäftigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The team server cannot be reached now (%1). Nothing was lost: your changes wait on this computer and go out as soon as it can be reached.</source>
        <translation>Der Teamserver ist gerade nicht erreichbar (%1). Nichts ging verloren: Ihre Änderungen warten auf diesem Computer und gehen hinaus, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>The team server refused the user name or password. Check both (the password is case-sensitive) and try again. Nothing was changed.</source>
        <translation>Der Teamserver hat Benutzername oder Passwort abgelehnt. Prüfen Sie beides (beim Passwort zählt die Groß- und Kleinschreibung) und versuchen Sie es erneut. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not (or no longer) a member of this team server. Ask its admin to add you. Nothing was changed.</source>
        <translation>„%1“ ist nicht (oder nicht mehr) Mitglied dieses Teamservers. Bitten Sie dessen Administrator, Sie hinzuzufügen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The database &apos;%1&apos; does not exist on that server. Check its name. Nothing was changed.</source>
        <translation>Die Datenbank „%1“ gibt es auf diesem Server nicht. Prüfen Sie ihren Namen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>That database is not a salesdesk team server (or was set up by a newer salesdesk). Nothing was changed. %1</source>
        <translation>Diese Datenbank ist kein salesdesk-Teamserver (oder wurde von einem neueren salesdesk eingerichtet). Nichts wurde geändert. %1</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>password refused</source>
        <translation>Passwort abgelehnt</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <source>no such database</source>
        <translation>Datenbank fehlt</translation>
    </message>
    <message>
        <source>not a team server</source>
        <translation>kein Teamserver</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Sync folder: %1</source>
        <translation>Sync-Ordner: %1</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Sync: %1</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert gerade…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation>%1 zu senden</translation>
    </message>
    <message>
        <source>conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>skipped files: %1</source>
        <translation>übersprungene Dateien: %1</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>The sync folder is not protected by a team passphrase: its files hold your contacts&apos; personal data in plain text.</source>
        <translation>Der Sync-Ordner ist nicht durch eine Team-Passphrase geschützt: Seine Dateien enthalten die personenbezogenen Daten Ihrer Kontakte im Klartext.</translation>
    </message>
    <message>
        <source>Click to open the sync settings (F5 syncs now).</source>
        <translation>Klicken, um die Sync-Einstellungen zu öffnen (F5 synchronisiert sofort).</translation>
    </message>
    <message>
        <source>Team server: %1</source>
        <translation>Teamserver: %1</translation>
    </message>
    <message numerus="yes">
        <source>Team server: offline, %n changes waiting</source>
        <translation>
            <numerusform>Teamserver: offline, %n Änderung wartet</numerusform>
            <numerusform>Teamserver: offline, %n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Team server: offline</source>
        <translation>Teamserver: offline</translation>
    </message>
    <message>
        <source>Team server: synced %1</source>
        <translation>Teamserver: synchronisiert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n zu senden</numerusform>
            <numerusform>%n zu senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Team server: syncing…</source>
        <translation>Teamserver: synchronisiert gerade…</translation>
    </message>
    <message>
        <source>Team server: not synced yet</source>
        <translation>Teamserver: noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>skipped changes: %1</source>
        <translation>übersprungene Änderungen: %1</translation>
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
    <name>TeamServerTab</name>
    <message>
        <source>A team server is the team&apos;s PostgreSQL database. Every change goes there at once and shows in your colleagues&apos; open windows within seconds; you keep working on this computer&apos;s own copy when it cannot be reached. The server&apos;s admin tells you its name, the database and your user name.</source>
        <translation>Ein Teamserver ist die PostgreSQL-Datenbank des Teams. Jede Änderung geht sofort dorthin und erscheint binnen Sekunden in den offenen Fenstern Ihrer Kollegen; ist er nicht erreichbar, arbeiten Sie mit der eigenen Kopie dieses Computers weiter. Name, Datenbank und Ihren Benutzernamen nennt Ihnen der Administrator des Servers.</translation>
    </message>
    <message>
        <source>e.g. crm-server.example.com</source>
        <translation>z. B. crm-server.example.com</translation>
    </message>
    <message>
        <source>e.g. crm</source>
        <translation>z. B. crm</translation>
    </message>
    <message>
        <source>e.g. jana</source>
        <translation>z. B. jana</translation>
    </message>
    <message>
        <source>Use TLS when the server offers it</source>
        <translation>TLS nutzen, wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS verlangen</translation>
    </message>
    <message>
        <source>Require TLS and check the server&apos;s certificate</source>
        <translation>TLS verlangen und das Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>Root certificate (optional), e.g. ca.pem</source>
        <translation>Stammzertifikat (optional), z. B. ca.pem</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>W&amp;ählen…</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>T&amp;LS:</translation>
    </message>
    <message>
        <source>Root &amp;certificate:</source>
        <translation>Stamm&amp;zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>Beitr&amp;eten</translation>
    </message>
    <message>
        <source>&amp;Leave team server</source>
        <translation>Teamserver &amp;verlassen</translation>
    </message>
    <message>
        <source>Saved: type a new one to replace it</source>
        <translation>Gespeichert: zum Ersetzen ein neues eingeben</translation>
    </message>
    <message>
        <source>&amp;Join or sync now</source>
        <translation>Beitr&amp;eten oder jetzt synchronisieren</translation>
    </message>
    <message>
        <source>This database syncs through the shared folder %1. A database syncs either through a folder or through a team server: joining one stops the folder.</source>
        <translation>Diese Datenbank synchronisiert über den gemeinsamen Ordner %1. Eine Datenbank synchronisiert entweder über einen Ordner oder über einen Teamserver: Wer einem beitritt, beendet den Ordner.</translation>
    </message>
    <message>
        <source>This database syncs through the team server %1.</source>
        <translation>Diese Datenbank synchronisiert über den Teamserver %1.</translation>
    </message>
    <message>
        <source>Joining %1…</source>
        <translation>Trete %1 bei…</translation>
    </message>
    <message>
        <source>Not syncing through a team server.</source>
        <translation>Keine Synchronisierung über einen Teamserver.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert gerade…</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Last round: %1 changes came in, %2 went out.</source>
        <translation>Letzte Runde: %1 Änderungen kamen herein, %2 gingen hinaus.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes wait to go out.</source>
        <translation>
            <numerusform>%n Änderung wartet darauf, hinauszugehen.</numerusform>
            <numerusform>%n Änderungen warten darauf, hinauszugehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>Enter the team server&apos;s name or address.</source>
        <translation>Geben Sie den Namen oder die Adresse des Teamservers ein.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Der Port ist eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Enter the name of the team&apos;s database.</source>
        <translation>Geben Sie den Namen der Datenbank des Teams ein.</translation>
    </message>
    <message>
        <source>Enter your user name on the team server.</source>
        <translation>Geben Sie Ihren Benutzernamen auf dem Teamserver ein.</translation>
    </message>
    <message>
        <source>The root certificate file cannot be found: %1</source>
        <translation>Die Stammzertifikat-Datei wurde nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Joined %1.</source>
        <translation>%1 beigetreten.</translation>
    </message>
    <message>
        <source>%1 changes came in, %2 went out.</source>
        <translation>%1 Änderungen kamen herein, %2 gingen hinaus.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>The password is kept in a file only you can read.</source>
        <translation>Das Passwort liegt in einer Datei, die nur Sie lesen können.</translation>
    </message>
    <message>
        <source>Left the team server.</source>
        <translation>Teamserver verlassen.</translation>
    </message>
    <message>
        <source>Choose the server&apos;s root certificate</source>
        <translation>Das Stammzertifikat des Servers wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TimeTab</name>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Still there</source>
        <translation>Noch dort</translation>
    </message>
    <message>
        <source>%1: %2 stays ended in the period; median %3 days, mean %4 days</source>
        <translation>%1: %2 Aufenthalte endeten im Zeitraum; Median %3 Tage, Mittel %4 Tage</translation>
    </message>
    <message>
        <source>%1 still there at the end, for %2 days (median)</source>
        <translation>%1 am Ende noch dort, seit %2 Tagen (Median)</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median (Tage)</translation>
    </message>
    <message>
        <source>Mean days</source>
        <translation>Mittel (Tage)</translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation>Keine Kontakte.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Bars: stays that ended in the period. The table: the slowest of those and of the stays still open at its end; click a name to open the card.</source>
        <translation>Balken: Aufenthalte, die im Zeitraum endeten. Die Tabelle: die längsten davon und der an seinem Ende noch offenen; ein Klick auf einen Namen öffnet die Karte.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Noch nichts erfasst.</translation>
    </message>
    <message>
        <source>logged by %1</source>
        <translation>erfasst von %1</translation>
    </message>
    <message>
        <source>Created in %1 by %2</source>
        <translation>Angelegt in %1 von %2</translation>
    </message>
    <message>
        <source>Created in %1</source>
        <translation>Angelegt in %1</translation>
    </message>
    <message>
        <source>Moved from %1 to %2 by %3</source>
        <translation>Von %1 nach %2 verschoben von %3</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>Von %1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Follow-up planned for %1 by %2</source>
        <translation>Wiedervorlage geplant für %1 von %2</translation>
    </message>
    <message>
        <source>Follow-up planned for %1</source>
        <translation>Wiedervorlage geplant für %1</translation>
    </message>
    <message>
        <source>Follow-up done by %1</source>
        <translation>Wiedervorlage erledigt von %1</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>Wiedervorlage erledigt</translation>
    </message>
    <message>
        <source>Follow-up removed by %1</source>
        <translation>Wiedervorlage entfernt von %1</translation>
    </message>
    <message>
        <source>Follow-up removed</source>
        <translation>Wiedervorlage entfernt</translation>
    </message>
    <message>
        <source>Show all %1 entries</source>
        <translation>Alle %1 Einträge zeigen</translation>
    </message>
</context>
<context>
    <name>TransferLabels</name>
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
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>Herkunftsdetail</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Empfohlen von</translation>
    </message>
    <message>
        <source>Marketing e-mail</source>
        <translation>Werbe-E-Mails</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
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
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Middle name (added to the first name)</source>
        <translation>Zweiter Vorname (zum Vornamen)</translation>
    </message>
    <message>
        <source>Full name (split into first and last)</source>
        <translation>Ganzer Name (in Vor- und Nachname geteilt)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>E-mail (work)</source>
        <translation>E-Mail (geschäftlich)</translation>
    </message>
    <message>
        <source>E-mail (home)</source>
        <translation>E-Mail (privat)</translation>
    </message>
    <message>
        <source>E-mail (other)</source>
        <translation>E-Mail (andere)</translation>
    </message>
    <message>
        <source>E-mail label (work, home, …)</source>
        <translation>E-Mail-Art (geschäftlich, privat, …)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Phone (mobile)</source>
        <translation>Telefon (mobil)</translation>
    </message>
    <message>
        <source>Phone (work)</source>
        <translation>Telefon (geschäftlich)</translation>
    </message>
    <message>
        <source>Phone (home)</source>
        <translation>Telefon (privat)</translation>
    </message>
    <message>
        <source>Phone (fax)</source>
        <translation>Telefon (Fax)</translation>
    </message>
    <message>
        <source>Phone (other)</source>
        <translation>Telefon (andere)</translation>
    </message>
    <message>
        <source>Phone label (mobile, work, …)</source>
        <translation>Telefonart (mobil, geschäftlich, …)</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Region / state</source>
        <translation>Region / Bundesland</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Whole address (when street and city are empty)</source>
        <translation>Ganze Adresse (wenn Straße und Ort leer sind)</translation>
    </message>
    <message>
        <source>Referred by (name)</source>
        <translation>Empfohlen von (Name)</translation>
    </message>
    <message>
        <source>Unique id (uid)</source>
        <translation>Eindeutige Kennung (uid)</translation>
    </message>
    <message>
        <source>Badge id (completes booth captures)</source>
        <translation>Ausweisnummer (ergänzt Messe-Erfassungen)</translation>
    </message>
    <message>
        <source>Put into notes</source>
        <translation>In die Notizen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>same name at the same company</source>
        <translation>gleicher Name bei derselben Firma</translation>
    </message>
    <message>
        <source>same badge id</source>
        <translation>gleiche Ausweisnummer</translation>
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
    <name>UndoLabels</name>
    <message>
        <source>an e-mail</source>
        <translation>einer E-Mail</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>einem Anruf</translation>
    </message>
    <message>
        <source>an SMS</source>
        <translation>einer SMS</translation>
    </message>
    <message>
        <source>a social message</source>
        <translation>einer Nachricht in sozialen Medien</translation>
    </message>
    <message>
        <source>a meeting</source>
        <translation>einem Treffen</translation>
    </message>
    <message>
        <source>an interaction</source>
        <translation>einer Interaktion</translation>
    </message>
    <message>
        <source>creation of %1</source>
        <translation>Anlegen von %1</translation>
    </message>
    <message>
        <source>edit of %1</source>
        <translation>Bearbeiten von %1</translation>
    </message>
    <message>
        <source>deletion of %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>restore of %1</source>
        <translation>Wiederherstellen von %1</translation>
    </message>
    <message>
        <source>permanent deletion of %1</source>
        <translation>endgültiges Löschen von %1</translation>
    </message>
    <message>
        <source>edit of an interaction with %1</source>
        <translation>Bearbeiten einer Interaktion mit %1</translation>
    </message>
    <message>
        <source>deletion of an interaction with %1</source>
        <translation>Löschen einer Interaktion mit %1</translation>
    </message>
    <message>
        <source>removal of the follow-up of %1</source>
        <translation>Entfernen der Wiedervorlage von %1</translation>
    </message>
    <message>
        <source>completion of the follow-up of %1</source>
        <translation>Erledigen der Wiedervorlage von %1</translation>
    </message>
    <message>
        <source>correction of %1</source>
        <translation>Korrektur von %1</translation>
    </message>
    <message>
        <source>move of %1 to %2</source>
        <translation>Verschieben von %1 nach %2</translation>
    </message>
    <message>
        <source>logging of %1 with %2</source>
        <translation>Protokollieren von %1 mit %2</translation>
    </message>
    <message>
        <source>follow-up on %1 for %2</source>
        <translation>Wiedervorlage am %1 bei %2</translation>
    </message>
    <message>
        <source>rating of %1 as %2</source>
        <translation>Bewertung von %1 als %2</translation>
    </message>
    <message>
        <source>tag %1 on %2</source>
        <translation>Schlagwort %1 bei %2</translation>
    </message>
    <message>
        <source>removal of tag %1 from %2</source>
        <translation>Entfernen des Schlagworts %1 von %2</translation>
    </message>
    <message>
        <source>removal of the owner of %1</source>
        <translation>Entfernen der Zuständigkeit für %1</translation>
    </message>
    <message>
        <source>assignment of %1 to %2</source>
        <translation>Zuweisung von %1 an %2</translation>
    </message>
    <message>
        <source>capture of %1 at %2</source>
        <translation>Erfassung von %1 auf %2</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>merge of %n contacts into %1</source>
        <translation>
            <numerusform>Zusammenführen von %n Kontakt zu %1</numerusform>
            <numerusform>Zusammenführen von %n Kontakten zu %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>import of %Ln contacts</source>
        <translation>
            <numerusform>Import von %Ln Kontakt</numerusform>
            <numerusform>Import von %Ln Kontakten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>loading of %Ln demo contacts</source>
        <translation>
            <numerusform>Laden von %Ln Demo-Kontakt</numerusform>
            <numerusform>Laden von %Ln Demo-Kontakten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueTab</name>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>%1: %2 contacts, %3; at %4 % weighted %5</source>
        <translation>%1: %2 Kontakte, %3; mit %4 % gewichtet %5</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>No contact has an expected value.</source>
        <translation>Kein Kontakt hat einen erwarteten Wert.</translation>
    </message>
    <message>
        <source>%1: pipeline %2, weighted %3, won %4</source>
        <translation>%1: Pipeline %2, gewichtet %3, gewonnen %4</translation>
    </message>
    <message>
        <source>%1 contacts have no expected close date (included).</source>
        <translation>%1 Kontakte haben kein erwartetes Abschlussdatum (mitgezählt).</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
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
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
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
        <source>&amp;Reports…</source>
        <translation>&amp;Berichte…</translation>
    </message>
    <message>
        <source>&amp;List view</source>
        <translation>&amp;Listenansicht</translation>
    </message>
    <message>
        <source>Show the contacts as a sortable list (Ctrl+Shift+L)</source>
        <translation>Die Kontakte als sortierbare Liste zeigen (Strg+Umschalt+L)</translation>
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
        <source>&amp;User guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Dubletten finden…</translation>
    </message>
    <message>
        <source>S&amp;ync…</source>
        <translation>Synchronisierun&amp;g…</translation>
    </message>
    <message>
        <source>Sync no&amp;w</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Booth mode</source>
        <translation>&amp;Messemodus</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
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
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
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
        <source>In booth mode (%1)</source>
        <translation>Im Messemodus (%1)</translation>
    </message>
</context>
<context>
    <name>WorkProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation>Noch etwa %1 s</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>Wird abgebrochen… nichts wird geändert.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n overdue follow-ups</source>
        <translation>
            <numerusform>%n überfällige Wiedervorlage</numerusform>
            <numerusform>%n überfällige Wiedervorlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>salesdesk cannot open its window: this session has no graphical desktop (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session, or use the commands that need no window, e.g. &apos;salesdesk list&apos; (see &apos;salesdesk --help&apos;).</source>
        <translation>salesdesk kann sein Fenster nicht öffnen: Diese Sitzung hat keinen grafischen Desktop (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Starten Sie es aus einer Desktop-Sitzung, oder nutzen Sie die Befehle ohne Fenster, z. B. &apos;salesdesk list&apos; (siehe &apos;salesdesk --help&apos;).</translation>
    </message>
</context>
</TS>
