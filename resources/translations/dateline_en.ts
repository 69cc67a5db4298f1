<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CountsBar</name>
    <message numerus="yes">
        <source>%Ln with punctuation</source>
        <translation>
            <numerusform>%Ln with punctuation</numerusform>
            <numerusform>%Ln with punctuation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) ({no_spaces} without spaces)</source>
        <translation>
            <numerusform>%Ln character ({no_spaces} without spaces)</numerusform>
            <numerusform>%Ln characters ({no_spaces} without spaces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paragraph(s)</source>
        <translation>
            <numerusform>%Ln paragraph</numerusform>
            <numerusform>%Ln paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln min read</numerusform>
            <numerusform>%Ln min read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{matches} in %Ln field(s)</source>
        <translation>
            <numerusform>{matches} in %Ln field</numerusform>
            <numerusform>{matches} in %Ln fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source> — %n warning(s): {warnings}</source>
        <translation>
            <numerusform> — %n warning: {warnings}</numerusform>
            <numerusform> — %n warnings: {warnings}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} names %n photo(s) outside its folder:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</source>
        <translation>
            <numerusform>{name} names %n photo outside its folder:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</numerusform>
            <numerusform>{name} names %n photos outside its folder:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasteController</name>
    <message numerus="yes">
        <source>The paste names %n picture file(s) on this computer:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</source>
        <translation>
            <numerusform>The paste names %n picture file on this computer:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</numerusform>
            <numerusform>The paste names %n picture files on this computer:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s): {warnings}</source>
        <translation>
            <numerusform> — %n warning: {warnings}</numerusform>
            <numerusform> — %n warnings: {warnings}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Adding %n photo…</numerusform>
            <numerusform>Adding %n photos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryPrompt</name>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{sign}%Ln word(s) since saved</source>
        <translation>
            <numerusform>{sign}%Ln word since saved</numerusform>
            <numerusform>{sign}%Ln words since saved</numerusform>
        </translation>
    </message>
</context>
</TS>
