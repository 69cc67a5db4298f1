<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
