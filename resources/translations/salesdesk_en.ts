<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message numerus="yes">
        <source>%n days, never contacted</source>
        <translation>
            <numerusform>%n day, never contacted</numerusform>
            <numerusform>%n days, never contacted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days quiet</source>
        <translation>
            <numerusform>%n day quiet</numerusform>
            <numerusform>%n days quiet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignMenu</name>
    <message numerus="yes">
        <source>Who looks after the %n selected contacts?</source>
        <translation>
            <numerusform>Who looks after the %n selected contact?</numerusform>
            <numerusform>Who looks after the %n selected contacts?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationCommands</name>
    <message numerus="yes">
        <source>Exported %Ln follow-ups to %1.</source>
        <translation>
            <numerusform>Exported %Ln follow-up to %1.</numerusform>
            <numerusform>Exported %Ln follow-ups to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message numerus="yes">
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n follow-up due</numerusform>
            <numerusform>%n follow-ups due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %Ln contacts to %1</source>
        <translation>
            <numerusform>Exported %Ln contact to %1</numerusform>
            <numerusform>Exported %Ln contacts to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <source>A spreadsheet with %Ln sheets; reading &apos;%1&apos;, %2 columns.</source>
        <translation>
            <numerusform>A spreadsheet with %Ln sheet; reading &apos;%1&apos;, %2 columns.</numerusform>
            <numerusform>A spreadsheet with %Ln sheets; reading &apos;%1&apos;, %2 columns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln contacts: %2 leads, %3 prospects, %4 customers</source>
        <translation>
            <numerusform>%Ln contact: %2 leads, %3 prospects, %4 customers</numerusform>
            <numerusform>%Ln contacts: %2 leads, %3 prospects, %4 customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message numerus="yes">
        <source>%Ln contacts imported</source>
        <translation>
            <numerusform>%Ln contact imported</numerusform>
            <numerusform>%Ln contacts imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing contacts filled in</source>
        <translation>
            <numerusform>%Ln existing contact filled in</numerusform>
            <numerusform>%Ln existing contacts filled in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows could not be imported:</source>
        <translation>
            <numerusform>%Ln row could not be imported:</numerusform>
            <numerusform>%Ln rows could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%Ln new contacts</source>
        <translation>
            <numerusform>%Ln new contact</numerusform>
            <numerusform>%Ln new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing contacts filled in</source>
        <translation>
            <numerusform>%Ln existing contact filled in</numerusform>
            <numerusform>%Ln existing contacts filled in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows cannot be imported; they are listed afterwards.</source>
        <translation>
            <numerusform>%Ln row cannot be imported; it is listed afterwards.</numerusform>
            <numerusform>%Ln rows cannot be imported; they are listed afterwards.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message numerus="yes">
        <source>Team server: offline, %n changes waiting</source>
        <translation>
            <numerusform>Team server: offline, %n change waiting</numerusform>
            <numerusform>Team server: offline, %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamServerTab</name>
    <message numerus="yes">
        <source>%n changes wait to go out.</source>
        <translation>
            <numerusform>%n change waits to go out.</numerusform>
            <numerusform>%n changes wait to go out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>merge of %n contacts into %1</source>
        <translation>
            <numerusform>merge of %n contact into %1</numerusform>
            <numerusform>merge of %n contacts into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>import of %Ln contacts</source>
        <translation>
            <numerusform>import of %Ln contact</numerusform>
            <numerusform>import of %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>loading of %Ln demo contacts</source>
        <translation>
            <numerusform>loading of %Ln demo contact</numerusform>
            <numerusform>loading of %Ln demo contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n overdue follow-ups</source>
        <translation>
            <numerusform>%n overdue follow-up</numerusform>
            <numerusform>%n overdue follow-ups</numerusform>
        </translation>
    </message>
</context>
</TS>
