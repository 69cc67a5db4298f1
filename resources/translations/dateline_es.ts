<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CountsBar</name>
    <message numerus="yes">
        <source>%Ln with punctuation</source>
        <translation>
            <numerusform>%Ln con puntuación</numerusform>
            <numerusform>%Ln con puntuación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) ({no_spaces} without spaces)</source>
        <translation>
            <numerusform>%Ln carácter ({no_spaces} sin espacios)</numerusform>
            <numerusform>%Ln caracteres ({no_spaces} sin espacios)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paragraph(s)</source>
        <translation>
            <numerusform>%Ln párrafo</numerusform>
            <numerusform>%Ln párrafos</numerusform>
        </translation>
    </message>
    <message>
        <source>0 min read</source>
        <translation>0 min de lectura</translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 min de lectura</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln min de lectura</numerusform>
            <numerusform>%Ln min de lectura</numerusform>
        </translation>
    </message>
    <message>
        <source>{length} · {characters} · {paragraphs} · {reading}</source>
        <translation>{length} · {characters} · {paragraphs} · {reading}</translation>
    </message>
    <message>
        <source>Selection: {length} of {total} · {characters} · {paragraphs} · {reading}</source>
        <translation>Selección: {length} de {total} · {characters} · {paragraphs} · {reading}</translation>
    </message>
    <message>
        <source>Body: {length} ({with_punctuation} with punctuation, {characters} with spaces), {paragraphs}, {reading}.
Chinese and Japanese are counted in characters: each Han character or kana counts one, as does each word in another script; punctuation does not count.
Markdown, link addresses and photo placements are not counted.</source>
        <translation>Cuerpo: {length} ({with_punctuation} con puntuación, {characters} con espacios), {paragraphs}, {reading}.
El chino y el japonés se cuentan en caracteres: cada carácter han o kana cuenta uno, igual que cada palabra en otra escritura; la puntuación no cuenta.
No se cuentan el Markdown, las direcciones de los enlaces ni la colocación de las fotos.</translation>
    </message>
    <message>
        <source>Body: {length}, {characters} characters ({with_punctuation} without spaces), {paragraphs}, {reading}.
Markdown, link addresses and photo placements are not counted.</source>
        <translation>Cuerpo: {length}, {characters} caracteres ({with_punctuation} sin espacios), {paragraphs}, {reading}.
No se cuentan el Markdown, las direcciones de los enlaces ni la colocación de las fotos.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palabra</numerusform>
            <numerusform>%Ln palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>The story&apos;s target length (in characters for Chinese and Japanese)</source>
        <translation>La extensión objetivo de la noticia (en caracteres para el chino y el japonés)</translation>
    </message>
    <message>
        <source>{words} / {target}</source>
        <translation>{words} / {target}</translation>
    </message>
    <message>
        <source>{count} to go</source>
        <translation>faltan {count}</translation>
    </message>
    <message>
        <source>{count} over the target</source>
        <translation>{count} por encima del objetivo</translation>
    </message>
    <message>
        <source>On length</source>
        <translation>En la extensión prevista</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Sin objetivo</translation>
    </message>
    <message>
        <source>Other… ({count})</source>
        <translation>Otra… ({count})</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Otra…</translation>
    </message>
    <message>
        <source>Characters the story should run to (0 for none):</source>
        <translation>Caracteres que debe tener la noticia (0: sin objetivo):</translation>
    </message>
    <message>
        <source>Words the story should run to (0 for none):</source>
        <translation>Palabras que debe tener la noticia (0: sin objetivo):</translation>
    </message>
    <message>
        <source>Target length</source>
        <translation>Extensión objetivo</translation>
    </message>
</context>
<context>
    <name>HeadlineCount</name>
    <message>
        <source>Counted in Latin widths, as the headline check counts: each Chinese, Japanese or Korean character counts as two.</source>
        <translation>Contado en anchos latinos, como cuenta la revisión del titular: cada carácter chino, japonés o coreano cuenta como dos.</translation>
    </message>
</context>
</TS>
