<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>Dateline {version}
An article editor for news reporters.

Licence: {licence}
Dateline&apos;s files (recovery, dictionary, publish queue): {files}
Log: {log}</source>
        <translation>Dateline {version}
Un editor de artículos para periodistas.

Licencia: {licence}
Archivos de Dateline (recuperación, diccionario, cola de publicación): {files}
Registro: {log}</translation>
    </message>
    <message>
        <source>Drawn with: {how}</source>
        <translation>Dibujado con: {how}</translation>
    </message>
    <message>
        <source>About Dateline</source>
        <translation>Acerca de Dateline</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} no existe</translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Add photo {photo}</source>
        <translation>Añadir foto {photo}</translation>
    </message>
    <message>
        <source>Paste {count} photo</source>
        <translation>Pegar {count} foto</translation>
    </message>
    <message>
        <source>Paste {count} photos</source>
        <translation>Pegar {count} fotos</translation>
    </message>
    <message>
        <source>Move photo {photo}</source>
        <translation>Mover foto {photo}</translation>
    </message>
    <message>
        <source>{name} is open read-only: use Save As to save it under another name</source>
        <translation>{name} está abierto solo para lectura: use Guardar como para guardarlo con otro nombre</translation>
    </message>
    <message>
        <source>Only an article open for writing can restore a revision</source>
        <translation>Solo un artículo abierto para escritura puede restaurar una revisión</translation>
    </message>
    <message>
        <source>Before restoring revision {number}</source>
        <translation>Antes de restaurar la revisión {number}</translation>
    </message>
    <message>
        <source>Restored revision {number} of {when}</source>
        <translation>Restaurada la revisión {number} del {when}</translation>
    </message>
    <message>
        <source>Remove photo {photo}</source>
        <translation>Quitar foto {photo}</translation>
    </message>
    <message>
        <source>Choose the lead photo</source>
        <translation>Elegir la foto principal</translation>
    </message>
    <message>
        <source>Crop photo {photo}</source>
        <translation>Recortar foto {photo}</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Autosave works again</source>
        <translation>El autoguardado vuelve a funcionar</translation>
    </message>
    <message>
        <source>Autosave failed: {message}</source>
        <translation>Falló el autoguardado: {message}</translation>
    </message>
</context>
<context>
    <name>BodyPane</name>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>The story&apos;s text in Markdown</source>
        <translation>El texto de la noticia en Markdown</translation>
    </message>
    <message>
        <source>Write the story in Markdown.

## A subhead

&gt; “A quote,” she said.

[A link](https://example.org)

Drop photos here to place them.</source>
        <translation>Escriba la noticia en Markdown.

## Un ladillo

&gt; «Una cita», dijo.

[Un enlace](https://example.org)

Suelte aquí las fotos para colocarlas.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>the caption of photo {photo}</source>
        <translation>el pie de la foto {photo}</translation>
    </message>
    <message>
        <source>the alt of photo {photo}</source>
        <translation>el texto alternativo de la foto {photo}</translation>
    </message>
    <message>
        <source>the credit of photo {photo}</source>
        <translation>el crédito de la foto {photo}</translation>
    </message>
    <message>
        <source>the headline</source>
        <translation>el titular</translation>
    </message>
    <message>
        <source>the dek</source>
        <translation>la entradilla</translation>
    </message>
    <message>
        <source>the {field}</source>
        <translation>el campo {field}</translation>
    </message>
    <message>
        <source>“TK” (to come) marks something still missing: fill it in before the story moves.</source>
        <translation>«TK» (pendiente) señala algo que aún falta: complételo antes de que la noticia salga.</translation>
    </message>
    <message>
        <source>“TK” (to come) marks something still missing: fill it in before the story moves ({where}).</source>
        <translation>«TK» (pendiente) señala algo que aún falta: complételo antes de que la noticia salga ({where}).</translation>
    </message>
    <message>
        <source>An HTML comment</source>
        <translation>Un comentario HTML</translation>
    </message>
    <message>
        <source>A [[note]]</source>
        <translation>Una [[nota]]</translation>
    </message>
    <message>
        <source>{what} is left in the body: notes are for the desk, not the reader; move it to the editor&apos;s note field or remove it.</source>
        <translation>{what} ha quedado en el cuerpo: las notas son para la mesa, no para el lector; páselo a la nota del editor o elimínelo.</translation>
    </message>
    <message>
        <source>Remove the note</source>
        <translation>Eliminar la nota</translation>
    </message>
    <message>
        <source>“{note}” looks like a note to the desk left in the body: move it to the editor&apos;s note field or remove it.</source>
        <translation>«{note}» parece una nota para la mesa olvidada en el cuerpo: pásela a la nota del editor o elimínela.</translation>
    </message>
    <message>
        <source>This {opener} is never closed with {closer} in its paragraph.</source>
        <translation>Este {opener} no se cierra con {closer} en su párrafo.</translation>
    </message>
    <message>
        <source>This {opener} is never closed with {closer}.</source>
        <translation>Este {opener} no se cierra con {closer}.</translation>
    </message>
    <message>
        <source>This closing {closer} has no opening {opener} in its paragraph.</source>
        <translation>Este {closer} de cierre no tiene su {opener} de apertura en el párrafo.</translation>
    </message>
    <message>
        <source>In Spanish this {closer} needs its opening {opener}.</source>
        <translation>En español, este {closer} necesita su {opener} de apertura.</translation>
    </message>
    <message>
        <source>The straight quotes (&quot;) in this paragraph do not pair up: one is missing.</source>
        <translation>Las comillas rectas (&quot;) de este párrafo no van por pares: falta una.</translation>
    </message>
    <message>
        <source>This {opener} has no closing {closer} in its paragraph.</source>
        <translation>Este {opener} no tiene su {closer} de cierre en el párrafo.</translation>
    </message>
    <message>
        <source>Spanish copy quotes with angle quotes first (« »), then “ ” and ‘ ’ inside them: straight quotes (&quot;) are a typewriter habit.</source>
        <translation>En español se entrecomilla primero con comillas angulares (« »), y dentro de ellas con “ ” y ‘ ’: las comillas rectas (&quot;) son un hábito de máquina de escribir.</translation>
    </message>
    <message>
        <source>Use « »</source>
        <translation>Usar « »</translation>
    </message>
    <message>
        <source>This {closer} has no opening {opener} before it.</source>
        <translation>Este {closer} no tiene un {opener} de apertura delante.</translation>
    </message>
    <message>
        <source>“{word}” is doubled; the second one is probably a slip.</source>
        <translation>«{word}» está repetida; la segunda es probablemente un descuido.</translation>
    </message>
    <message>
        <source>Remove the second “{word}”</source>
        <translation>Quitar la segunda «{word}»</translation>
    </message>
    <message>
        <source>Two spaces between words: one is enough (wire copy shows both).</source>
        <translation>Dos espacios entre palabras: basta uno (el teletipo muestra los dos).</translation>
    </message>
    <message>
        <source>Use one space</source>
        <translation>Dejar un solo espacio</translation>
    </message>
    <message>
        <source>Keep the text, drop the link</source>
        <translation>Conservar el texto, quitar el enlace</translation>
    </message>
    <message>
        <source>This link has no address, so it goes nowhere: add the address or drop the link.</source>
        <translation>Este enlace no tiene dirección y no lleva a ninguna parte: añada la dirección o quite el enlace.</translation>
    </message>
    <message>
        <source>This link to {url} has no text, so readers cannot see or click it: give it words.</source>
        <translation>Este enlace a {url} no tiene texto, así que los lectores no pueden verlo ni pulsarlo: póngale palabras.</translation>
    </message>
    <message>
        <source>Show the address as the link&apos;s text</source>
        <translation>Mostrar la dirección como texto del enlace</translation>
    </message>
    <message>
        <source>The story has no headline: it cannot run without one.</source>
        <translation>La noticia no tiene titular: no puede publicarse sin él.</translation>
    </message>
    <message>
        <source>No byline: say who wrote the story, or confirm it runs unsigned.</source>
        <translation>Sin firma: indique quién escribió la noticia o confirme que sale sin firmar.</translation>
    </message>
    <message>
        <source>No dateline: readers and the desk need to know where and when it was filed.</source>
        <translation>Sin data: los lectores y la mesa necesitan saber dónde y cuándo se envió.</translation>
    </message>
    <message>
        <source>No slug: the desk files and tracks every version of a story by its slugline.</source>
        <translation>Sin clave (slug): la mesa archiva y sigue cada versión de una noticia por su clave.</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caracteres</translation>
    </message>
    <message>
        <source>{count} characters ({columns} in Latin widths: each Chinese, Japanese or Korean character counts as two)</source>
        <translation>{count} caracteres ({columns} en anchos latinos: cada carácter chino, japonés o coreano cuenta como dos)</translation>
    </message>
    <message>
        <source>The headline has {length}; the site takes at most {limit}.</source>
        <translation>El titular tiene {length}; el sitio admite como máximo {limit}.</translation>
    </message>
    <message>
        <source>The headline is {width:.0f} px wide in the search-result font ({font}); search results show about {limit} px and cut the rest.</source>
        <translation>El titular mide {width:.0f} px de ancho en la fuente de los resultados de búsqueda ({font}); los buscadores muestran unos {limit} px y cortan el resto.</translation>
    </message>
    <message>
        <source>The dek has {length}; keep it to {limit} so it shows whole under the headline and in link previews.</source>
        <translation>La entradilla tiene {length}; no pase de {limit} para que se vea entera bajo el titular y en las vistas previas de enlaces.</translation>
    </message>
    <message>
        <source>The story has {words:,} characters; its target is {low:,}–{high:,}, so it runs short.</source>
        <translation>La noticia tiene {words} caracteres; su objetivo es de {low} a {high}, así que se queda corta.</translation>
    </message>
    <message>
        <source>The story has {words:,} characters; its target is {low:,}–{high:,}, so it runs long.</source>
        <translation>La noticia tiene {words} caracteres; su objetivo es de {low} a {high}, así que se pasa de larga.</translation>
    </message>
    <message>
        <source>The story has {words:,} words; its target is {low:,}–{high:,}, so it runs short.</source>
        <translation>La noticia tiene {words} palabras; su objetivo es de {low} a {high}, así que se queda corta.</translation>
    </message>
    <message>
        <source>The story has {words:,} words; its target is {low:,}–{high:,}, so it runs long.</source>
        <translation>La noticia tiene {words} palabras; su objetivo es de {low} a {high}, así que se pasa de larga.</translation>
    </message>
    <message>
        <source>The body reads as {found} but the story is set to {expected}: spelling, hyphenation and exports follow the story&apos;s language.</source>
        <translation>El cuerpo parece escrito en {found}, pero la noticia está en {expected}: la ortografía, la división de palabras y las exportaciones siguen el idioma de la noticia.</translation>
    </message>
    <message>
        <source>Chinese and Japanese (Han)</source>
        <translation>chino y japonés (han)</translation>
    </message>
    <message>
        <source>Japanese (kana)</source>
        <translation>japonés (kana)</translation>
    </message>
    <message>
        <source>Korean (Hangul)</source>
        <translation>coreano (hangul)</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>árabe</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>hebreo</translation>
    </message>
    <message>
        <source>Devanagari</source>
        <translation>devanagari</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>tailandés</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>griego</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>cirílico</translation>
    </message>
    <message>
        <source>emoji</source>
        <translation>emojis</translation>
    </message>
    <message>
        <source>No font on this machine covers the story&apos;s {script} text ({characters}): the PDF would show boxes. Install a font for it (on Debian and Ubuntu: {package}).</source>
        <translation>Ninguna fuente de este equipo cubre el texto en {script} de la noticia ({characters}): el PDF mostraría cuadros. Instale una fuente para él (en Debian y Ubuntu: {package}).</translation>
    </message>
    <message>
        <source>No font on this machine covers the story&apos;s {script} text ({characters}): the PDF would show boxes. Install a font for it.</source>
        <translation>Ninguna fuente de este equipo cubre el texto en {script} de la noticia ({characters}): el PDF mostraría cuadros. Instale una fuente para él.</translation>
    </message>
    <message>
        <source>Your house-style file was not used: {error}. The default rules apply.</source>
        <translation>No se usó su archivo de libro de estilo: {error}. Se aplican las reglas predeterminadas.</translation>
    </message>
    <message>
        <source>House style is “{use}”, not “{phrase}”: {why}</source>
        <translation>El libro de estilo dice «{use}», no «{phrase}»: {why}</translation>
    </message>
    <message>
        <source>House style is “{use}”, not “{phrase}”.</source>
        <translation>El libro de estilo dice «{use}», no «{phrase}».</translation>
    </message>
    <message>
        <source>House style avoids “{phrase}”: {why}</source>
        <translation>El libro de estilo evita «{phrase}»: {why}</translation>
    </message>
    <message>
        <source>House style avoids “{phrase}”.</source>
        <translation>El libro de estilo evita «{phrase}».</translation>
    </message>
    <message>
        <source>Use “{use}”</source>
        <translation>Usar «{use}»</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>German</source>
        <translation>alemán</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>chino</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>japonés</translation>
    </message>
    <message>
        <source>Photo {id} ({file_name})</source>
        <translation>la foto {id} ({file_name})</translation>
    </message>
    <message>
        <source>Photo {id}</source>
        <translation>la foto {id}</translation>
    </message>
    <message>
        <source>{photo} has no file in the story package (it came from {original}): it would publish as a placeholder. Add the photo file or remove the photo.</source>
        <translation>No hay archivo de {photo} en el paquete de la noticia (venía de {original}): se publicaría como un hueco vacío. Añada el archivo de la foto o quite la foto.</translation>
    </message>
    <message>
        <source>{photo} has no file in the story package: it would publish as a placeholder. Add the photo file or remove the photo.</source>
        <translation>No hay archivo de {photo} en el paquete de la noticia: se publicaría como un hueco vacío. Añada el archivo de la foto o quite la foto.</translation>
    </message>
    <message>
        <source>{photo} has no alt text: blind readers and search engines get nothing. Describe what the photo shows.</source>
        <translation>Falta el texto alternativo de {photo}: los lectores ciegos y los buscadores no reciben nada. Describa lo que muestra la foto.</translation>
    </message>
    <message>
        <source>{photo} has no credit: every published photo must name its photographer or agency.</source>
        <translation>Falta el crédito de {photo}: toda foto publicada debe nombrar a su fotógrafo o agencia.</translation>
    </message>
    <message>
        <source>{photo} has no caption: say who, what, where and when.</source>
        <translation>Falta el pie de {photo}: diga quién, qué, dónde y cuándo.</translation>
    </message>
    <message>
        <source>{photo}&apos;s alt text repeats its caption, so screen readers read it twice: describe what the photo shows instead.</source>
        <translation>El texto alternativo de {photo} repite su pie de foto y los lectores de pantalla lo leen dos veces: describa en su lugar lo que muestra la foto.</translation>
    </message>
    <message>
        <source>{photo}&apos;s alt text has {count} characters; screen readers cut it at about {limit}. Keep the description short; the caption can say more.</source>
        <translation>El texto alternativo de {photo} tiene {count} caracteres; los lectores de pantalla lo cortan hacia los {limit}. Abrevie la descripción; el pie de foto puede decir más.</translation>
    </message>
    <message>
        <source>{photo} carries GPS coordinates that could reveal where it was taken (a source&apos;s home, say). Exports strip them, but the stored original keeps them.</source>
        <translation>Las coordenadas GPS de {photo} podrían revelar dónde se tomó (la casa de una fuente, por ejemplo). Las exportaciones las quitan, pero el original guardado las conserva.</translation>
    </message>
    <message>
        <source>No photo is featured: the site and social cards need a lead photo. Mark one as featured.</source>
        <translation>Ninguna foto está destacada: el sitio y las tarjetas sociales necesitan una foto principal. Marque una como destacada.</translation>
    </message>
    <message>
        <source>The story has no photos: the site and social cards will show no lead photo.</source>
        <translation>La noticia no tiene fotos: el sitio y las tarjetas sociales no mostrarán foto principal.</translation>
    </message>
    <message>
        <source>The featured photo is {width:,} px wide as cropped; the site and social cards need at least {minimum:,} px or it looks blurry.</source>
        <translation>La foto destacada mide {width} px de ancho con el recorte; el sitio y las tarjetas sociales necesitan al menos {minimum} px o se verá borrosa.</translation>
    </message>
    <message>
        <source>The featured photo is {width:,} px wide; the site and social cards need at least {minimum:,} px or it looks blurry.</source>
        <translation>La foto destacada mide {width} px de ancho; el sitio y las tarjetas sociales necesitan al menos {minimum} px o se verá borrosa.</translation>
    </message>
    <message>
        <source>The body places photo “{id}”, but the story has no such photo: it would publish as a placeholder.</source>
        <translation>El cuerpo coloca la foto «{id}», pero la noticia no tiene esa foto: se publicaría como un hueco vacío.</translation>
    </message>
    <message>
        <source>The body shows an image by a reference link that is not in the story package: it would publish as a placeholder. Add the photo to the story instead.</source>
        <translation>El cuerpo muestra una imagen, por un enlace de referencia, que no está en el paquete de la noticia: se publicaría como un hueco vacío. Añada la foto a la noticia.</translation>
    </message>
    <message>
        <source>The body shows an image with no address that is not in the story package: it would publish as a placeholder. Add the photo to the story instead.</source>
        <translation>El cuerpo muestra una imagen sin dirección que no está en el paquete de la noticia: se publicaría como un hueco vacío. Añada la foto a la noticia.</translation>
    </message>
    <message>
        <source>The body shows an image “{address}” that is not in the story package: it would publish as a placeholder. Add the photo to the story instead.</source>
        <translation>El cuerpo muestra una imagen «{address}» que no está en el paquete de la noticia: se publicaría como un hueco vacío. Añada la foto a la noticia.</translation>
    </message>
    <message>
        <source>The {check} check could not run ({detail}); the other checks ran.</source>
        <translation>La revisión «{check}» no pudo hacerse ({detail}); las demás revisiones sí se hicieron.</translation>
    </message>
    <message>
        <source>Change to “{word}”</source>
        <translation>Cambiar por «{word}»</translation>
    </message>
    <message>
        <source>“{word}” is not in the {language} dictionary: a typo, or a name to add to your dictionary.</source>
        <translation>«{word}» no está en el diccionario {language}: una errata, o un nombre que añadir a su diccionario.</translation>
    </message>
    <message>
        <source>“{word}”: a name? Add it to your dictionary if it is spelled right.</source>
        <translation>«{word}»: ¿un nombre? Añádalo a su diccionario si está bien escrito.</translation>
    </message>
    <message>
        <source>line {line} of the body</source>
        <translation>la línea {line} del cuerpo</translation>
    </message>
    <message>
        <source>the byline</source>
        <translation>la firma</translation>
    </message>
    <message>
        <source>the dateline</source>
        <translation>la data</translation>
    </message>
    <message>
        <source>“{word}” here and “{other}” in {place}: one name spelled two ways? Use one spelling throughout.</source>
        <translation>«{word}» aquí y «{other}» en {place}: ¿un mismo nombre escrito de dos maneras? Use una sola grafía en todo el texto.</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed for the language “{language}”, so the spelling was not checked.</source>
        <translation>No hay diccionario ortográfico instalado para el idioma «{language}», así que no se revisó la ortografía.</translation>
    </message>
</context>
<context>
    <name>ChecksController</name>
    <message>
        <source>Checks</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>The checks failed: {message}</source>
        <translation>La revisión falló: {message}</translation>
    </message>
    <message>
        <source>Checks ({count})</source>
        <translation>Revisión ({count})</translation>
    </message>
    <message>
        <source>The story changed: checking it again…</source>
        <translation>La noticia ha cambiado: revisándola de nuevo…</translation>
    </message>
    <message>
        <source>Fixed: {fix}</source>
        <translation>Corregido: {fix}</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Dek</source>
        <translation>Entradilla</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>URL slug</source>
        <translation>Clave web</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Iniciales de edición</translation>
    </message>
    <message>
        <source>End mark</source>
        <translation>Marca de cierre</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>Nota del editor</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Noticia</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>texto alternativo</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>pie de foto</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>crédito</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>derechos</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>style</source>
        <translation>estilo</translation>
    </message>
    <message>
        <source>override</source>
        <translation>texto libre</translation>
    </message>
    <message>
        <source>Photo {photo}</source>
        <translation>Foto {photo}</translation>
    </message>
    <message>
        <source>Body, line {line}</source>
        <translation>Cuerpo, línea {line}</translation>
    </message>
    <message>
        <source>Fix: {label}</source>
        <translation>Corregir: {label}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>Checks findings</source>
        <translation>Resultados de la revisión</translation>
    </message>
    <message>
        <source>What an editor would flag; arrows choose a finding, Enter goes to it</source>
        <translation>Lo que señalaría un editor; las flechas eligen un resultado, Intro va a él</translation>
    </message>
    <message>
        <source>Chosen finding</source>
        <translation>Resultado elegido</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>Go to the finding</source>
        <translation>Ir al resultado</translation>
    </message>
    <message>
        <source>F&amp;ix</source>
        <translation>Co&amp;rregir</translation>
    </message>
    <message>
        <source>Apply the suggested fix (Ctrl+Z undoes it)</source>
        <translation>Aplicar la corrección propuesta (Ctrl+Z la deshace)</translation>
    </message>
    <message>
        <source>… and {count} more, listed as the ones above are dealt with.</source>
        <translation>… y {count} más, que aparecerán a medida que se resuelvan los de arriba.</translation>
    </message>
    <message>
        <source>{summary} · checking…</source>
        <translation>{summary} · revisando…</translation>
    </message>
    <message>
        <source>F&amp;ix: {label}</source>
        <translation>Co&amp;rregir: {label}</translation>
    </message>
    <message>
        <source>Choose a finding to see where it is.</source>
        <translation>Elija un resultado para ver dónde está.</translation>
    </message>
    <message>
        <source>Nothing to flag: the checks found no problems.</source>
        <translation>Nada que señalar: la revisión no encontró problemas.</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
    <message>
        <source>{count} error</source>
        <translation>{count} error</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} errores</translation>
    </message>
    <message>
        <source>{count} warning</source>
        <translation>{count} aviso</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} avisos</translation>
    </message>
    <message>
        <source>{count} note</source>
        <translation>{count} nota</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>{count} notas</translation>
    </message>
</context>
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
    <name>CrashDialog</name>
    <message>
        <source>Your story has no unsaved changes.</source>
        <translation>La noticia no tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Your story was saved for recovery.</source>
        <translation>La noticia se ha guardado para su recuperación.</translation>
    </message>
    <message>
        <source>Saving your story for recovery failed: save it now with File &gt; Save As.</source>
        <translation>No se pudo guardar la noticia para su recuperación: guárdela ahora con Archivo &gt; Guardar como.</translation>
    </message>
    <message>
        <source>Dateline: unexpected error</source>
        <translation>Dateline: error inesperado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong in Dateline:&lt;/b&gt; {summary}&lt;br&gt;&lt;br&gt;{state} You can go on working; saving the story and starting Dateline again is the safest course.</source>
        <translation>&lt;b&gt;Algo ha fallado en Dateline:&lt;/b&gt; {summary}&lt;br&gt;&lt;br&gt;{state} Puede seguir trabajando; lo más seguro es guardar la noticia y volver a abrir Dateline.</translation>
    </message>
    <message>
        <source>no log file (it goes to the terminal only)</source>
        <translation>no hay archivo de registro (solo se escribe en la terminal)</translation>
    </message>
    <message>
        <source>The details are in the log: {where}</source>
        <translation>Los detalles están en el registro: {where}</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>&amp;Copied</source>
        <translation>&amp;Copiado</translation>
    </message>
</context>
<context>
    <name>CropEditor</name>
    <message>
        <source>Drag the frame to move the crop, a corner to resize it; double-click the subject to set the focal point</source>
        <translation>Arrastre el marco para mover el recorte, o una esquina para cambiar su tamaño; haga doble clic en el motivo para fijar el punto focal</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Recorte</translation>
    </message>
    <message>
        <source>Arrow keys move the crop, Ctrl+arrow keys resize it; hold Shift for bigger steps</source>
        <translation>Las flechas mueven el recorte y Ctrl+flechas cambian su tamaño; con Mayús, en pasos mayores</translation>
    </message>
    <message>
        <source>No photo selected</source>
        <translation>Ninguna foto seleccionada</translation>
    </message>
</context>
<context>
    <name>DarkPreview</name>
    <message>
        <source>Dar&amp;k Preview</source>
        <translation>Vista previa &amp;oscura</translation>
    </message>
    <message>
        <source>Show the preview in dark colours; the published page stays light</source>
        <translation>Mostrar la vista previa en colores oscuros; la página publicada sigue clara</translation>
    </message>
</context>
<context>
    <name>DatelineStyle</name>
    <message>
        <source>EFE English</source>
        <translation>EFE inglés</translation>
    </message>
    <message>
        <source>EFE Spanish</source>
        <translation>EFE español</translation>
    </message>
    <message>
        <source>EFE Arabic</source>
        <translation>EFE árabe</translation>
    </message>
    <message>
        <source>Reuters</source>
        <translation>Reuters</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>Date in full</source>
        <translation>Fecha completa</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
</context>
<context>
    <name>DiskChanges</name>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Conservar ambas</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
    <message>
        <source>{name} was changed by another program since it was opened or saved here.</source>
        <translation>Otro programa ha modificado {name} desde que se abrió o guardó aquí.</translation>
    </message>
    <message>
        <source>Reload opens the version on disk and drops the changes made here.</source>
        <translation>Recargar abre la versión del disco y descarta los cambios hechos aquí.</translation>
    </message>
    <message>
        <source>Reload opens the version on disk.</source>
        <translation>Recargar abre la versión del disco.</translation>
    </message>
    <message>
        <source>Keep Both saves this version as {name} beside it and leaves the other untouched.</source>
        <translation>Conservar ambas guarda esta versión como {name} a su lado y deja la otra intacta.</translation>
    </message>
    <message>
        <source>Overwrite replaces the version on disk with this one.</source>
        <translation>Sobrescribir sustituye la versión del disco por esta.</translation>
    </message>
    <message>
        <source>It was not saved yet.</source>
        <translation>Aún no se ha guardado.</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Modificado en el disco</translation>
    </message>
    <message>
        <source>Cannot reload</source>
        <translation>No se puede recargar</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>{name} recargado</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Write one .zip file instead of a folder</source>
        <translation>Escribir un único archivo .zip en lugar de una carpeta</translation>
    </message>
    <message>
        <source>https://example.org/wp-uploads/caravan/ (optional)</source>
        <translation>https://example.org/wp-uploads/caravana/ (opcional)</translation>
    </message>
    <message>
        <source>Where the exported photos folder will be served from, so that the WordPress importer can fetch the photos. Left empty, upload the photos by hand.</source>
        <translation>Dirección desde la que se servirá la carpeta de fotos exportada, para que el importador de WordPress pueda descargar las fotos. Si se deja vacía, suba las fotos a mano.</translation>
    </message>
    <message>
        <source>Open the folder when the export is done</source>
        <translation>Abrir la carpeta al terminar la exportación</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Guardar en:</translation>
    </message>
    <message>
        <source>Photos at:</source>
        <translation>Fotos en:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Export as {format}</source>
        <translation>Exportar como {format}</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Elija dónde guardar la exportación.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>Exportando {file}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Photos: {done} of {total}</source>
        <translation>Fotos: {done} de {total}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se ha escrito nada.</translation>
    </message>
    <message>
        <source>Export failed: {message}</source>
        <translation>La exportación ha fallado: {message}</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Cancelar exportación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>Word document (.docx) with Word&apos;s heading, quote and caption styles, photos inside</source>
        <translation>Documento de Word (.docx) con los estilos de título, cita y pie de foto de Word, fotos incluidas</translation>
    </message>
    <message>
        <source>Web page: one standalone .html file with styles and photos inside</source>
        <translation>Página web: un único archivo .html independiente con estilos y fotos incluidos</translation>
    </message>
    <message>
        <source>Markdown for Hugo: a page bundle folder (or .zip), index.md and photos</source>
        <translation>Markdown para Hugo: una carpeta «page bundle» (o .zip), index.md y fotos</translation>
    </message>
    <message>
        <source>NewsML-G2 news item (NITF text inside): a folder with story.xml and its photos</source>
        <translation>Noticia NewsML-G2 (con texto NITF): una carpeta con story.xml y sus fotos</translation>
    </message>
    <message>
        <source>IPTC ninjs 2.2 (News in JSON) for wire clients, photos in a folder beside it</source>
        <translation>IPTC ninjs 2.2 (noticias en JSON) para clientes de teletipo, fotos en una carpeta al lado</translation>
    </message>
    <message>
        <source>IPTC ninjs 3.1 (News in JSON, camelCase), photos in a folder beside it</source>
        <translation>IPTC ninjs 3.1 (noticias en JSON, camelCase), fotos en una carpeta al lado</translation>
    </message>
    <message>
        <source>NITF 3.6 news text: a folder with story.xml and its photos</source>
        <translation>Texto de noticia NITF 3.6: una carpeta con story.xml y sus fotos</translation>
    </message>
    <message>
        <source>Print proof (.pdf): the page on A4 or Letter, photos and page numbers</source>
        <translation>Prueba de impresión (.pdf): la página en A4 o carta, con fotos y números de página</translation>
    </message>
    <message>
        <source>Wire copy: plain UTF-8 text with headline, dateline, body and desk codes</source>
        <translation>Teletipo: texto plano UTF-8 con titular, data, cuerpo e iniciales de edición</translation>
    </message>
    <message>
        <source>Web folder: index.html, style.css, responsive photos and article.json (or .zip)</source>
        <translation>Carpeta web: index.html, style.css, fotos adaptables y article.json (o .zip)</translation>
    </message>
    <message>
        <source>WordPress: a draft post as blocks, WXR import file and photos (or .zip)</source>
        <translation>WordPress: un borrador en bloques, archivo de importación WXR y fotos (o .zip)</translation>
    </message>
</context>
<context>
    <name>FieldsPane</name>
    <message>
        <source>Spelling checked with the {dictionary} dictionary</source>
        <translation>Ortografía revisada con el diccionario {dictionary}</translation>
    </message>
    <message>
        <source>No spelling dictionary installed for this language</source>
        <translation>No hay diccionario ortográfico instalado para este idioma</translation>
    </message>
    <message>
        <source>Story fields</source>
        <translation>Campos de la noticia</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Noticia</translation>
    </message>
    <message>
        <source>What happened, in a line</source>
        <translation>Qué pasó, en una línea</translation>
    </message>
    <message>
        <source>Headl&amp;ine</source>
        <translation>T&amp;itular</translation>
    </message>
    <message>
        <source>The standfirst under the headline</source>
        <translation>El texto que va bajo el titular</translation>
    </message>
    <message>
        <source>&amp;Dek</source>
        <translation>Entra&amp;dilla</translation>
    </message>
    <message>
        <source>Separate names with commas</source>
        <translation>Separe los nombres con comas</translation>
    </message>
    <message>
        <source>&amp;Byline</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Pl&amp;ace</source>
        <translation>Lu&amp;gar</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>México</translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <source>Print the date in the dateline</source>
        <translation>Poner la fecha en la data</translation>
    </message>
    <message>
        <source>Print the date</source>
        <translation>Poner la fecha</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>Fec&amp;ha</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>F&amp;uente</translation>
    </message>
    <message>
        <source>Dateline style</source>
        <translation>Estilo de la data</translation>
    </message>
    <message>
        <source>How the house style prints the dateline</source>
        <translation>Cómo escribe la data el libro de estilo</translation>
    </message>
    <message>
        <source>St&amp;yle</source>
        <translation>Es&amp;tilo</translation>
    </message>
    <message>
        <source>Free text instead of the style</source>
        <translation>Texto propio en lugar del estilo</translation>
    </message>
    <message>
        <source>Ove&amp;rride</source>
        <translation>Te&amp;xto libre</translation>
    </message>
    <message>
        <source>Dateline prints as</source>
        <translation>La data se imprime así</translation>
    </message>
    <message>
        <source>Prints as</source>
        <translation>Se imprime así</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>The desk&apos;s slugline (not the web address)</source>
        <translation>La clave de la mesa de edición (no la dirección web)</translation>
    </message>
    <message>
        <source>S&amp;lug</source>
        <translation>C&amp;lave</translation>
    </message>
    <message>
        <source>&amp;URL slug</source>
        <translation>Clave &amp;web</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Internacional</translation>
    </message>
    <message>
        <source>Se&amp;ction</source>
        <translation>&amp;Sección</translation>
    </message>
    <message>
        <source>migration, Mexico</source>
        <translation>migración, México</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Separe las etiquetas con comas</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>Eti&amp;quetas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The story&apos;s language, which also picks the spelling dictionary</source>
        <translation>El idioma de la noticia, que también elige el diccionario ortográfico</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Idio&amp;ma</translation>
    </message>
    <message>
        <source>Initials of the writer and each editor, in order</source>
        <translation>Iniciales del redactor y de cada editor, por orden</translation>
    </message>
    <message>
        <source>Si&amp;gn-off</source>
        <translation>Ini&amp;ciales de edición</translation>
    </message>
    <message>
        <source>The agency&apos;s mark after the last paragraph</source>
        <translation>La marca de la agencia tras el último párrafo</translation>
    </message>
    <message>
        <source>End &amp;mark</source>
        <translation>Marca de cie&amp;rre</translation>
    </message>
    <message>
        <source>For the desk; never published</source>
        <translation>Para la mesa de edición; nunca se publica</translation>
    </message>
    <message>
        <source>Editor&apos;s &amp;note</source>
        <translation>&amp;Nota del editor</translation>
    </message>
    <message>
        <source>{length} / {limit} characters</source>
        <translation>{length} / {limit} caracteres</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>headline</source>
        <translation>el titular</translation>
    </message>
    <message>
        <source>dek</source>
        <translation>la entradilla</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>la firma</translation>
    </message>
    <message>
        <source>body</source>
        <translation>el cuerpo</translation>
    </message>
    <message>
        <source>slug</source>
        <translation>la clave</translation>
    </message>
    <message>
        <source>sign-off</source>
        <translation>las iniciales de edición</translation>
    </message>
    <message>
        <source>editor&apos;s note</source>
        <translation>la nota del editor</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>el pie de foto</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>el crédito</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>el texto alternativo</translation>
    </message>
    <message>
        <source>photo {photo} {field}</source>
        <translation>{field} de la foto {photo}</translation>
    </message>
    <message>
        <source>Nothing to replace</source>
        <translation>Nada que reemplazar</translation>
    </message>
    <message>
        <source>{count} in {place}</source>
        <translation>{count} en {place}</translation>
    </message>
    <message>
        <source>Replaced {counts}</source>
        <translation>Reemplazados: {counts}</translation>
    </message>
    <message>
        <source>Find and Replace</source>
        <translation>Buscar y reemplazar</translation>
    </message>
    <message>
        <source>Text or regular expression</source>
        <translation>Texto o expresión regular</translation>
    </message>
    <message>
        <source>Replacement (\1 or \g&lt;name&gt; for groups)</source>
        <translation>Reemplazo (\1 o \g&lt;nombre&gt; para los grupos)</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>E&amp;xpresión regular</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Distinguir &amp;mayúsculas</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>&amp;Palabras completas</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Re&amp;place with:</source>
        <translation>Reemplazar c&amp;on:</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>Reemplazar &amp;todo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln coincidencia</numerusform>
            <numerusform>%Ln coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{matches} in %Ln field(s)</source>
        <translation>
            <numerusform>{matches} en %Ln campo</numerusform>
            <numerusform>{matches} en %Ln campos</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No se ha encontrado</translation>
    </message>
    <message>
        <source>Type what to find</source>
        <translation>Escriba qué buscar</translation>
    </message>
    <message>
        <source>{number} of {total} · in the {place}</source>
        <translation>{number} de {total} · en {place}</translation>
    </message>
</context>
<context>
    <name>FindReplaceMenu</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Find and R&amp;eplace…</source>
        <translation>Buscar y reempla&amp;zar…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar si&amp;guiente</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Negrita</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the toolbar&apos;s Bold button</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>Bold the selection or the word</source>
        <translation>Poner en negrita la selección o la palabra</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Cursiva</translation>
    </message>
    <message>
        <source>I</source>
        <comment>the toolbar&apos;s Italic button</comment>
        <translation>K</translation>
    </message>
    <message>
        <source>Italicise the selection or the word</source>
        <translation>Poner en cursiva la selección o la palabra</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>&amp;Enlace…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Link the selection to a web address</source>
        <translation>Enlazar la selección a una dirección web</translation>
    </message>
    <message>
        <source>&amp;Subhead</source>
        <translation>&amp;Ladillo</translation>
    </message>
    <message>
        <source>Make the line a subhead</source>
        <translation>Convertir la línea en ladillo</translation>
    </message>
    <message>
        <source>S&amp;ub-subhead</source>
        <translation>S&amp;ubladillo</translation>
    </message>
    <message>
        <source>Make the line a smaller subhead</source>
        <translation>Convertir la línea en un ladillo menor</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>C&amp;ita</translation>
    </message>
    <message>
        <source>Set the lines apart as a quote</source>
        <translation>Destacar las líneas como cita</translation>
    </message>
    <message>
        <source>Bulle&amp;ted List</source>
        <translation>Lista con &amp;viñetas</translation>
    </message>
    <message>
        <source>Make the lines a list</source>
        <translation>Convertir las líneas en una lista</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>Lista nu&amp;merada</translation>
    </message>
    <message>
        <source>Make the lines a numbered list</source>
        <translation>Convertir las líneas en una lista numerada</translation>
    </message>
    <message>
        <source>Insert &amp;Photo…</source>
        <translation>Insertar &amp;foto…</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Place a photo at the cursor</source>
        <translation>Colocar una foto en el cursor</translation>
    </message>
    <message>
        <source>&amp;Clear Formatting</source>
        <translation>&amp;Borrar formato</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Plain text again: no bold, links…</source>
        <translation>Volver a texto sin formato: sin negritas, enlaces…</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Bold, italic, links, subheads, quotes and lists</source>
        <translation>Negrita, cursiva, enlaces, ladillos, citas y listas</translation>
    </message>
    <message>
        <source>{name} ({keys}): {description}</source>
        <translation>{name} ({keys}): {description}</translation>
    </message>
    <message>
        <source>{description} ({keys})</source>
        <translation>{description} ({keys})</translation>
    </message>
</context>
<context>
    <name>HeadlineCount</name>
    <message>
        <source>Counted in Latin widths, as the headline check counts: each Chinese, Japanese or Korean character counts as two.</source>
        <translation>Contado en anchos latinos, como cuenta la revisión del titular: cada carácter chino, japonés o coreano cuenta como dos.</translation>
    </message>
</context>
<context>
    <name>Highlighting</name>
    <message>
        <source>&amp;Highlight Markdown</source>
        <translation>Resaltar &amp;Markdown</translation>
    </message>
    <message>
        <source>Show subheads, emphasis, links and quotes as they will read</source>
        <translation>Mostrar ladillos, énfasis, enlaces y citas como se leerán</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Headline</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Dek</source>
        <translation>Entradilla</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Clave (slug)</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Iniciales de edición</translation>
    </message>
    <message>
        <source>End mark</source>
        <translation>Marca de cierre</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>Nota del editor</translation>
    </message>
    <message>
        <source>Other metadata</source>
        <translation>Otros metadatos</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palabra</numerusform>
            <numerusform>%Ln palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Saved versions, newest first</source>
        <translation>Versiones guardadas, la más reciente primero</translation>
    </message>
    <message>
        <source>Differences from the story as it is now</source>
        <translation>Diferencias con la noticia tal como está ahora</translation>
    </message>
    <message>
        <source>Restore This Version</source>
        <translation>Restaurar esta versión</translation>
    </message>
    <message>
        <source>#{number}  (cannot be read: {error})</source>
        <translation>n.º {number}  (no se puede leer: {error})</translation>
    </message>
    <message>
        <source>&lt;p&gt;No saved versions yet. Each save keeps one, and this list shows them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aún no hay versiones guardadas. Cada vez que se guarda se conserva una, y esta lista las muestra.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open read-only: versions can be read but not restored.</source>
        <translation>Abierta en solo lectura: las versiones se pueden leer pero no restaurar.</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Cambiada en el disco</translation>
    </message>
    <message>
        <source>{name} was changed by another program. Save it first (File &gt; Save) to choose which version to keep, then restore.</source>
        <translation>Otro programa ha cambiado {name}. Guárdela primero (Archivo &gt; Guardar) para elegir qué versión conservar y luego restaure.</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>Restaurar versión</translation>
    </message>
    <message>
        <source>Restore the version saved {when}? The text as it is now is kept in the history first, so this can be undone by restoring it.</source>
        <translation>¿Restaurar la versión guardada el {when}? El texto actual se conserva antes en el historial, así que puede deshacerse restaurándolo.</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>No se puede restaurar</translation>
    </message>
    <message>
        <source>Restored the version of {when}</source>
        <translation>Restaurada la versión del {when}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Saved {when}&lt;/b&gt; — {words}. Compared with the text now: &lt;span style=&apos;{deleted}&apos;&gt;only in that version&lt;/span&gt; · &lt;span style=&apos;{inserted}&apos;&gt;added since&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Guardada el {when}&lt;/b&gt; — {words}. Comparada con el texto actual: &lt;span style=&apos;{deleted}&apos;&gt;solo en esa versión&lt;/span&gt; · &lt;span style=&apos;{inserted}&apos;&gt;añadido después&lt;/span&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>&lt;p&gt;The fields are the same as now.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Los campos son los mismos que ahora.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Noticia</translation>
    </message>
    <message>
        <source>&lt;p&gt;The story text is the same as now.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El texto de la noticia es el mismo que ahora.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>The address a link goes to and the words that show it</source>
        <translation>La dirección a la que lleva un enlace y las palabras que lo muestran</translation>
    </message>
    <message>
        <source>e.g. https://www.efe.com/story</source>
        <translation>p. ej., https://www.efe.com/noticia</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>An http, https or mailto address; a www. name becomes https</source>
        <translation>Una dirección http, https o mailto; un nombre www. pasa a ser https</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>The words a reader clicks</source>
        <translation>Las palabras en las que hace clic el lector</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>&amp;Quitar enlace</translation>
    </message>
    <message>
        <source>Keep the words, without the link</source>
        <translation>Conservar las palabras, sin el enlace</translation>
    </message>
    <message>
        <source>Edit Link</source>
        <translation>Editar enlace</translation>
    </message>
    <message>
        <source>Links go to http, https or mailto addresses only.</source>
        <translation>Los enlaces solo pueden llevar a direcciones http, https o mailto.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dateline articles</source>
        <translation>Artículos de Dateline</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Social card</source>
        <translation>Tarjeta social</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Teletipo</translation>
    </message>
    <message>
        <source>Take them too</source>
        <translation>Incluirlas también</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Dejarlas fuera</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>Abrir solo lectura</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Body (Markdown)</source>
        <translation>Cuerpo (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva noticia</translation>
    </message>
    <message>
        <source>New Story from &amp;Clipboard</source>
        <translation>Nueva noticia desde el &amp;portapapeles</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Publish to &amp;WordPress…</source>
        <translation>Publicar en &amp;WordPress…</translation>
    </message>
    <message>
        <source>WordPress Si&amp;tes…</source>
        <translation>Si&amp;tios de WordPress…</translation>
    </message>
    <message>
        <source>&amp;Import Story (Markdown, Word, Web Page)…</source>
        <translation>&amp;Importar noticia (Markdown, Word, página web)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Re&amp;hacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar t&amp;odo</translation>
    </message>
    <message>
        <source>Paste as P&amp;lain Text</source>
        <translation>Pegar como te&amp;xto sin formato</translation>
    </message>
    <message>
        <source>&amp;Add Photos…</source>
        <translation>&amp;Añadir fotos…</translation>
    </message>
    <message>
        <source>&amp;About Dateline</source>
        <translation>&amp;Acerca de Dateline</translation>
    </message>
    <message>
        <source>Photos ({count})</source>
        <translation>Fotos ({count})</translation>
    </message>
    <message>
        <source>{name}[*] (read-only) — Dateline</source>
        <translation>{name}[*] (solo lectura) — Dateline</translation>
    </message>
    <message>
        <source>{name}[*] — Dateline</source>
        <translation>{name}[*] — Dateline</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to {name} first?</source>
        <translation>¿Guardar antes los cambios de {name}?</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>Abrir artículo</translation>
    </message>
    <message>
        <source>Article already open</source>
        <translation>El artículo ya está abierto</translation>
    </message>
    <message>
        <source>{reason}. Open it read-only here? You can still save a copy with Save As.</source>
        <translation>{reason}. ¿Abrirlo aquí en solo lectura? Aún puede guardar una copia con Guardar como.</translation>
    </message>
    <message>
        <source>Cannot open article</source>
        <translation>No se puede abrir el artículo</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name} abierto</translation>
    </message>
    <message>
        <source>Import a story (Markdown, text, Word or a saved web page)</source>
        <translation>Importar una noticia (Markdown, texto, Word o una página web guardada)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>{name} importado</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s): {warnings}</source>
        <translation>
            <numerusform> — %n aviso: {warnings}</numerusform>
            <numerusform> — %n avisos: {warnings}</numerusform>
        </translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>Photos outside the story&apos;s folder</source>
        <translation>Fotos fuera de la carpeta de la noticia</translation>
    </message>
    <message numerus="yes">
        <source>{name} names %n photo(s) outside its folder:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</source>
        <translation>
            <numerusform>{name} cita %n foto fuera de su carpeta:
{listed}

¿Incluirla también en la noticia? Puede ser un archivo privado, y sus datos de ubicación viajan con el original guardado.</numerusform>
            <numerusform>{name} cita %n fotos fuera de su carpeta:
{listed}

¿Incluirlas también en la noticia? Pueden ser archivos privados, y sus datos de ubicación viajan con los originales guardados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save article</source>
        <translation>Guardar artículo</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>{reason}; close it there or choose another name.</source>
        <translation>{reason}; ciérrelo allí o elija otro nombre.</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} guardado</translation>
    </message>
    <message>
        <source>Published: {link}</source>
        <translation>Publicado: {link}</translation>
    </message>
    <message>
        <source>No recent articles</source>
        <translation>No hay artículos recientes</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>{name} exportado</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>F&amp;otos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>MissingPhotosQuestion</name>
    <message>
        <source>Publish Without Photos?</source>
        <translation>¿Publicar sin las fotos?</translation>
    </message>
    <message>
        <source>Publish Without Them</source>
        <translation>Publicar sin ellas</translation>
    </message>
    <message>
        <source>{photos}.

Readers would get the story without them, and without its lead photo if that is one of them. Add the files in Photos, or publish without them.</source>
        <translation>{photos}.

Los lectores recibirían la noticia sin ellas, y sin su foto principal si es una de ellas. Añada los archivos en Fotos o publique sin ellas.</translation>
    </message>
    <message>
        <source>Export Without Photos?</source>
        <translation>¿Exportar sin las fotos?</translation>
    </message>
    <message>
        <source>Export Without Them</source>
        <translation>Exportar sin ellas</translation>
    </message>
    <message>
        <source>{photos}.

The export would leave them out, with their captions, and without its lead photo if that is one of them. Add the files in Photos, or export without them.</source>
        <translation>{photos}.

La exportación las dejaría fuera, con sus pies de foto, y sin su foto principal si es una de ellas. Añada los archivos en Fotos o exporte sin ellas.</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>The story&apos;s headline, subheads and photos</source>
        <translation>El titular, los ladillos y las fotos de la noticia</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>&amp;Esquema</translation>
    </message>
    <message>
        <source>Show or hide the outline of subheads and photos ({keys})</source>
        <translation>Mostrar u ocultar el esquema de ladillos y fotos ({keys})</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <source>Headline</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Subhead</source>
        <translation>Ladillo</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>The story&apos;s headline, subheads and photos in order. Enter or a click goes there.</source>
        <translation>El titular, los ladillos y las fotos de la noticia, por orden. Intro o un clic lleva allí.</translation>
    </message>
    <message>
        <source>{kind}: {title}</source>
        <translation>{kind}: {title}</translation>
    </message>
</context>
<context>
    <name>PasteController</name>
    <message>
        <source>Take them too</source>
        <translation>Incluirlas también</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Dejarlas fuera</translation>
    </message>
    <message>
        <source>Still converting the last paste…</source>
        <translation>Aún se está convirtiendo lo último pegado…</translation>
    </message>
    <message>
        <source>Converting the paste…</source>
        <translation>Convirtiendo lo pegado…</translation>
    </message>
    <message>
        <source>The paste was dropped: another story is open now</source>
        <translation>Se ha descartado lo pegado: ahora hay otra noticia abierta</translation>
    </message>
    <message>
        <source>Could not paste: {message}</source>
        <translation>No se pudo pegar: {message}</translation>
    </message>
    <message>
        <source>Paste cancelled</source>
        <translation>Pegado cancelado</translation>
    </message>
    <message>
        <source>Pasted the text without its formatting</source>
        <translation>Se ha pegado el texto sin su formato</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>Pictures from this computer</source>
        <translation>Imágenes de este ordenador</translation>
    </message>
    <message numerus="yes">
        <source>The paste names %n picture file(s) on this computer:
{listed}

Take them into the story too? They may be private files, and their location data travels with the stored originals.</source>
        <translation>
            <numerusform>Lo pegado cita %n archivo de imagen de este ordenador:
{listed}

¿Incluirlo también en la noticia? Puede ser un archivo privado, y sus datos de ubicación viajan con el original guardado.</numerusform>
            <numerusform>Lo pegado cita %n archivos de imagen de este ordenador:
{listed}

¿Incluirlos también en la noticia? Pueden ser archivos privados, y sus datos de ubicación viajan con los originales guardados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard&apos;s story</source>
        <translation>La noticia del portapapeles</translation>
    </message>
    <message>
        <source>Cannot make a story</source>
        <translation>No se puede crear una noticia</translation>
    </message>
    <message>
        <source>New story from the clipboard</source>
        <translation>Nueva noticia desde el portapapeles</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s): {warnings}</source>
        <translation>
            <numerusform> — %n aviso: {warnings}</numerusform>
            <numerusform> — %n avisos: {warnings}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Añadir fotos</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Añadiendo %n foto…</numerusform>
            <numerusform>Añadiendo %n fotos…</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} is already in the story as {id}</source>
        <translation>{name} ya está en la noticia como {id}</translation>
    </message>
    <message>
        <source>{name} records where it was taken: the location is removed from every exported copy</source>
        <translation>{name} registra dónde se tomó: la ubicación se elimina de cada copia exportada</translation>
    </message>
    <message>
        <source>Added {name} as {id}</source>
        <translation>{name} añadida como {id}</translation>
    </message>
    <message>
        <source>Photo refused</source>
        <translation>Foto rechazada</translation>
    </message>
    <message>
        <source>Removed photo {id}: Photos ▸ Undo brings it back</source>
        <translation>Foto {id} quitada: Fotos ▸ Deshacer la recupera</translation>
    </message>
</context>
<context>
    <name>PhotoIntake</name>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>No se pudo leer {name}: {reason}</translation>
    </message>
    <message>
        <source>{name} is too large to be a photo ({size} MB)</source>
        <translation>{name} es demasiado grande para ser una foto ({size} MB)</translation>
    </message>
</context>
<context>
    <name>PhotosPane</name>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>The story&apos;s photos in order; choose one to edit it</source>
        <translation>Las fotos de la noticia, por orden; elija una para editarla</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Añadir fotos…</translation>
    </message>
    <message>
        <source>Place in body</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Place the photo in the body at the cursor</source>
        <translation>Colocar la foto en el cuerpo, en el cursor</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Crop shape</source>
        <translation>Forma del recorte</translation>
    </message>
    <message>
        <source>Whole photo</source>
        <translation>Foto entera</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>C&amp;rop</source>
        <translation>&amp;Recorte</translation>
    </message>
    <message>
        <source>Who, what, where, when</source>
        <translation>Quién, qué, dónde, cuándo</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Pie de foto</translation>
    </message>
    <message>
        <source>Cre&amp;dit</source>
        <translation>&amp;Crédito</translation>
    </message>
    <message>
        <source>Cop&amp;yright</source>
        <translation>&amp;Derechos</translation>
    </message>
    <message>
        <source>What the photo shows, for readers who cannot see it</source>
        <translation>Lo que muestra la foto, para los lectores que no pueden verla</translation>
    </message>
    <message>
        <source>&amp;Alt text</source>
        <translation>&amp;Texto alternativo</translation>
    </message>
    <message>
        <source>&amp;Lead photo</source>
        <translation>&amp;Foto principal</translation>
    </message>
    <message>
        <source>The lead photo leads the piece and illustrates shares</source>
        <translation>La foto principal encabeza la pieza e ilustra lo que se comparte</translation>
    </message>
    <message>
        <source>Leads the piece and illustrates shares</source>
        <translation>Encabeza la pieza e ilustra lo que se comparte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Photo details</source>
        <translation>Detalles de la foto</translation>
    </message>
    <message>
        <source>Shows or hides place, date, keywords, source, instructions and persons shown</source>
        <translation>Muestra u oculta el lugar, la fecha, las palabras clave, la fuente, las instrucciones y las personas en la foto</translation>
    </message>
    <message>
        <source>Ci&amp;ty</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation>Paí&amp;s</translation>
    </message>
    <message>
        <source>Separate keywords with commas</source>
        <translation>Separe las palabras clave con comas</translation>
    </message>
    <message>
        <source>Key&amp;words</source>
        <translation>Pala&amp;bras clave</translation>
    </message>
    <message>
        <source>A date (YYYY-MM-DD), or a date and time with its time zone</source>
        <translation>Una fecha (AAAA-MM-DD), o una fecha y hora con su huso horario</translation>
    </message>
    <message>
        <source>Date ta&amp;ken</source>
        <translation>Fec&amp;ha de la toma</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>F&amp;uente</translation>
    </message>
    <message>
        <source>Special &amp;instructions</source>
        <translation>I&amp;nstrucciones especiales</translation>
    </message>
    <message>
        <source>Separate the names with commas</source>
        <translation>Separe los nombres con comas</translation>
    </message>
    <message>
        <source>Person&amp;s shown</source>
        <translation>Personas en &amp;la foto</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Fecha de la toma</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Special instructions</source>
        <translation>Instrucciones especiales</translation>
    </message>
    <message>
        <source>Persons shown</source>
        <translation>Personas en la foto</translation>
    </message>
    <message>
        <source>LEAD</source>
        <translation>PRINCIPAL</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>FALTA</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>no caption</source>
        <translation>sin pie de foto</translation>
    </message>
    <message>
        <source>no credit</source>
        <translation>sin crédito</translation>
    </message>
    <message>
        <source>no alt text</source>
        <translation>sin texto alternativo</translation>
    </message>
    <message>
        <source>Add photos with the button above, or drop them here.</source>
        <translation>Añada fotos con el botón de arriba o suéltelas aquí.</translation>
    </message>
    <message>
        <source>The file of this photo is not in the story: {name}. Add the photo itself to show it.</source>
        <translation>El archivo de esta foto no está en la noticia: {name}. Añada la foto para mostrarla.</translation>
    </message>
    <message>
        <source>This photo records where it was taken (GPS). Dateline keeps the original as it came, and removes the location from every copy it exports.</source>
        <translation>Esta foto registra dónde se tomó (GPS). Dateline guarda el original tal como llegó y quita la ubicación de cada copia que exporta.</translation>
    </message>
    <message>
        <source>{count} characters (aim for under {limit})</source>
        <translation>{count} caracteres (procure no pasar de {limit})</translation>
    </message>
    <message>
        <source>{count} character</source>
        <translation>{count} carácter</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caracteres</translation>
    </message>
</context>
<context>
    <name>PlacePhotoDialog</name>
    <message>
        <source>Insert Photo</source>
        <translation>Insertar foto</translation>
    </message>
    <message>
        <source>The story&apos;s photos</source>
        <translation>Las fotos de la noticia</translation>
    </message>
    <message>
        <source>The photo to place in the text at the cursor</source>
        <translation>La foto que se coloca en el texto, en la posición del cursor</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(sin pie de foto)</translation>
    </message>
    <message>
        <source>&amp;Photo to place:</source>
        <translation>&amp;Foto que insertar:</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Insertar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>From a &amp;File…</source>
        <translation>Desde un &amp;archivo…</translation>
    </message>
    <message>
        <source>Add a photo from a file and place it</source>
        <translation>Añadir una foto desde un archivo e insertarla</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>e.g. {example}</source>
        <translation>p. ej. {example}</translation>
    </message>
</context>
<context>
    <name>PlacementCaptions</name>
    <message>
        <source>No photo “{photo}” in this story</source>
        <translation>No hay ninguna foto «{photo}» en esta noticia</translation>
    </message>
    <message>
        <source>Photo {photo}: no caption yet</source>
        <translation>Foto {photo}: aún sin pie de foto</translation>
    </message>
    <message>
        <source>Photo captions in the body</source>
        <translation>Pies de foto en el cuerpo</translation>
    </message>
</context>
<context>
    <name>PreferenceProblems</name>
    <message>
        <source>At most {limit} characters</source>
        <translation>Como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>Letters or digits only, at most {limit} (e.g. jmb)</source>
        <translation>Solo letras o cifras, como máximo {limit} (p. ej., jmb)</translation>
    </message>
    <message>
        <source>Not one of the house styles</source>
        <translation>No es uno de los estilos de la casa</translation>
    </message>
    <message>
        <source>A language tag such as en, es, ar, zh or pt-BR</source>
        <translation>Un código de idioma como en, es, ar, zh o pt-BR</translation>
    </message>
    <message>
        <source>From {low} to {high} seconds</source>
        <translation>De {low} a {high} segundos</translation>
    </message>
    <message>
        <source>Not one of the window&apos;s languages</source>
        <translation>No es uno de los idiomas de la ventana</translation>
    </message>
    <message>
        <source>No such file</source>
        <translation>No existe ese archivo</translation>
    </message>
    <message>
        <source>No such folder</source>
        <translation>No existe esa carpeta</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preference&amp;s…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Your name and agency for new stories, spelling, autosave, folders</source>
        <translation>Su nombre y agencia para las noticias nuevas, ortografía, autoguardado, carpetas</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sus datos</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Su &amp;nombre</translation>
    </message>
    <message>
        <source>The byline of your new stories</source>
        <translation>La firma de sus noticias nuevas</translation>
    </message>
    <message>
        <source>&amp;Initials</source>
        <translation>&amp;Iniciales</translation>
    </message>
    <message>
        <source>Your desk initials, first in a new story&apos;s sign-off</source>
        <translation>Sus iniciales de redacción, las primeras en las iniciales de edición de una noticia nueva</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Window language</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <source>The language of menus and dialogs; System follows the computer&apos;s. Applied the next time Dateline starts</source>
        <translation>El idioma de menús y diálogos; Sistema sigue el del ordenador. Se aplica la próxima vez que se inicie Dateline</translation>
    </message>
    <message>
        <source>Win&amp;dow language</source>
        <translation>Idioma de la &amp;ventana</translation>
    </message>
    <message>
        <source>A new window language applies the next time Dateline starts.</source>
        <translation>Un nuevo idioma de la ventana se aplica la próxima vez que se inicie Dateline.</translation>
    </message>
    <message>
        <source>New stories</source>
        <translation>Noticias nuevas</translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation>A&amp;gencia</translation>
    </message>
    <message>
        <source>The agency named in a new story&apos;s dateline</source>
        <translation>La agencia que figura en la data de una noticia nueva</translation>
    </message>
    <message>
        <source>Dateline style</source>
        <translation>Estilo de data</translation>
    </message>
    <message>
        <source>How new stories print their dateline</source>
        <translation>Cómo escriben la data las noticias nuevas</translation>
    </message>
    <message>
        <source>Dateline st&amp;yle</source>
        <translation>Estilo de &amp;data</translation>
    </message>
    <message>
        <source>Home ci&amp;ty</source>
        <translation>Ciudad de &amp;residencia</translation>
    </message>
    <message>
        <source>The place a new story&apos;s dateline starts with</source>
        <translation>El lugar con el que empieza la data de una noticia nueva</translation>
    </message>
    <message>
        <source>Home co&amp;untry</source>
        <translation>&amp;País de residencia</translation>
    </message>
    <message>
        <source>The country a new story&apos;s dateline names</source>
        <translation>El país que figura en la data de una noticia nueva</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>México</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new story&apos;s language (a tag such as en, es, ar, zh or pt-BR)</source>
        <translation>El idioma de una noticia nueva (una etiqueta como en, es, ar, zh o pt-BR)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Idio&amp;ma</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Check &amp;spelling as you type</source>
        <translation>Revi&amp;sar la ortografía al escribir</translation>
    </message>
    <message>
        <source>Check spelling as you type</source>
        <translation>Revisar la ortografía al escribir</translation>
    </message>
    <message>
        <source>Underline misspelt words in the body, headline and dek</source>
        <translation>Subrayar las palabras mal escritas en el cuerpo, el titular y la entradilla</translation>
    </message>
    <message>
        <source>Smart &amp;punctuation</source>
        <translation>P&amp;untuación inteligente</translation>
    </message>
    <message>
        <source>Smart punctuation</source>
        <translation>Puntuación inteligente</translation>
    </message>
    <message>
        <source>Curly quotes, em dashes and ellipses as you type (never in code or addresses)</source>
        <translation>Comillas tipográficas, rayas y puntos suspensivos al escribir (nunca en código ni en direcciones)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Autosave every (seconds)</source>
        <translation>Autoguardado cada (segundos)</translation>
    </message>
    <message>
        <source>Every change reaches the recovery file within this many seconds</source>
        <translation>Cada cambio llega al archivo de recuperación en este número de segundos como máximo</translation>
    </message>
    <message>
        <source>Autosave &amp;every</source>
        <translation>Au&amp;toguardado cada</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Empty: {path}</source>
        <translation>Vacío: {path}</translation>
    </message>
    <message>
        <source>House style file</source>
        <translation>Archivo del libro de estilo</translation>
    </message>
    <message>
        <source>Your desk&apos;s preferred spellings and forbidden phrases (a TOML file); empty uses the one in Dateline&apos;s settings folder</source>
        <translation>Las grafías preferidas y las expresiones prohibidas de su redacción (un archivo TOML); vacío usa el de la carpeta de configuración de Dateline</translation>
    </message>
    <message>
        <source>&amp;House style file</source>
        <translation>Archivo del &amp;libro de estilo</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Empty: the story&apos;s own folder</source>
        <translation>Vacío: la carpeta de la propia noticia</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Carpeta de exportación predeterminada</translation>
    </message>
    <message>
        <source>Where exports go unless you choose; empty suggests the story&apos;s own folder</source>
        <translation>Dónde van las exportaciones si no elige otra; vacío propone la carpeta de la propia noticia</translation>
    </message>
    <message>
        <source>E&amp;xport folder</source>
        <translation>Carpeta de &amp;exportación</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Ex&amp;aminar…</translation>
    </message>
    <message>
        <source>Choose the {what}</source>
        <translation>Elegir: {what}</translation>
    </message>
    <message>
        <source>House style (*.toml)</source>
        <translation>Libro de estilo (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>The preview failed: {message}</source>
        <translation>La vista previa falló: {message}</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to WordPress</source>
        <translation>Publicar en WordPress</translation>
    </message>
    <message>
        <source>Draft (the desk publishes it)</source>
        <translation>Borrador (lo publica la mesa)</translation>
    </message>
    <message>
        <source>Published (live on the site)</source>
        <translation>Publicada (visible en el sitio)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Publish When Online</source>
        <translation>Publicar al tener conexión</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Sitio:</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Como:</translation>
    </message>
    <message>
        <source>No site yet: add one in File &gt; WordPress Sites.</source>
        <translation>Aún no hay ningún sitio: añada uno en Archivo &gt; Sitios de WordPress.</translation>
    </message>
    <message>
        <source>Checking what {site} holds of this story…</source>
        <translation>Comprobando qué tiene {site} de esta noticia…</translation>
    </message>
    <message>
        <source>Creates a new post on {site}</source>
        <translation>Crea una entrada nueva en {site}</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Updates post {post} “{title}” on {site}</source>
        <translation>Actualiza la entrada {post} «{title}» en {site}</translation>
    </message>
    <message>
        <source>Could not ask {site} which post this story is: {message}</source>
        <translation>No se pudo preguntar a {site} qué entrada es esta noticia: {message}</translation>
    </message>
    <message>
        <source>Publishing to {site}…</source>
        <translation>Publicando en {site}…</translation>
    </message>
    <message>
        <source>Cancelling: taking back what this publish uploaded…</source>
        <translation>Cancelando: retirando lo que subió esta publicación…</translation>
    </message>
    <message>
        <source>Photos sent: {done} of {total}</source>
        <translation>Fotos enviadas: {done} de {total}</translation>
    </message>
    <message>
        <source>Created post {post}: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</source>
        <translation>Entrada {post} creada: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Post {post} is up to date; nothing was sent: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</source>
        <translation>La entrada {post} está al día; no se ha enviado nada: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Updated post {post}: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</source>
        <translation>Entrada {post} actualizada: &lt;a href=&quot;{link}&quot;&gt;{link}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{message}&lt;br&gt;Publish When Online tries again every minute.</source>
        <translation>{message}&lt;br&gt;«Publicar al tener conexión» lo vuelve a intentar cada minuto.</translation>
    </message>
    <message>
        <source>Save the story first (Ctrl+S): publishing later sends the saved file.</source>
        <translation>Guarde antes la noticia (Ctrl+S): publicar más tarde envía el archivo guardado.</translation>
    </message>
    <message>
        <source>Not queued: {error}</source>
        <translation>No se ha puesto en cola: {error}</translation>
    </message>
    <message>
        <source>Queued for {site}: it goes out when the site answers.</source>
        <translation>En cola para {site}: se enviará cuando el sitio responda.</translation>
    </message>
    <message>
        <source>Publishing cancelled; what it had uploaded was taken back.</source>
        <translation>Publicación cancelada; se ha retirado lo que había subido.</translation>
    </message>
    <message>
        <source>Cancel Publishing</source>
        <translation>Cancelar publicación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Cannot recover article</source>
        <translation>No se puede recuperar el artículo</translation>
    </message>
    <message>
        <source>Recovered {name}: save it to keep the changes</source>
        <translation>{name} recuperado: guárdelo para conservar los cambios</translation>
    </message>
    <message>
        <source>Recovered an unsaved article: save it to keep the changes</source>
        <translation>Se ha recuperado un artículo sin guardar: guárdelo para conservar los cambios</translation>
    </message>
    <message>
        <source>{name} is open in another window: recovered read-only</source>
        <translation>{name} está abierto en otra ventana: recuperado en solo lectura</translation>
    </message>
</context>
<context>
    <name>RecoveryPrompt</name>
    <message>
        <source>Untitled article</source>
        <translation>Artículo sin título</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palabra</numerusform>
            <numerusform>%Ln palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>not saved to a file yet</source>
        <translation>aún no se ha guardado en un archivo</translation>
    </message>
    <message>
        <source>Autosaved {when} · {words} · {difference}</source>
        <translation>Autoguardado {when} · {words} · {difference}</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>nunca guardado</translation>
    </message>
    <message>
        <source>{file} no longer exists</source>
        <translation>{file} ya no existe</translation>
    </message>
    <message>
        <source>{file} cannot be read</source>
        <translation>{file} no se puede leer</translation>
    </message>
    <message>
        <source>same word count as saved, other changes</source>
        <translation>mismo número de palabras que lo guardado, otros cambios</translation>
    </message>
    <message numerus="yes">
        <source>{sign}%Ln word(s) since saved</source>
        <translation>
            <numerusform>{sign}%Ln palabra desde que se guardó</numerusform>
            <numerusform>{sign}%Ln palabras desde que se guardó</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover article</source>
        <translation>Recuperar artículo</translation>
    </message>
    <message>
        <source>Dateline did not close properly. This article has changes that were not saved:</source>
        <translation>Dateline no se cerró correctamente. Este artículo tiene cambios que no se guardaron:</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Recuperar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>Decidir &amp;más tarde</translation>
    </message>
</context>
<context>
    <name>Rendering</name>
    <message>
        <source>{variable}={value} (set by the user)</source>
        <translation>{variable}={value} (elegido por el usuario)</translation>
    </message>
    <message>
        <source>Qt&apos;s default (the OpenGL renderer could not be asked)</source>
        <translation>el modo predeterminado de Qt (no se pudo consultar el renderizador OpenGL)</translation>
    </message>
    <message>
        <source>Qt&apos;s software backend ({renderer} draws OpenGL in software)</source>
        <translation>el modo por software de Qt ({renderer} dibuja OpenGL por software)</translation>
    </message>
    <message>
        <source>Qt&apos;s default, OpenGL on {renderer}</source>
        <translation>el modo predeterminado de Qt, OpenGL en {renderer}</translation>
    </message>
    <message>
        <source>Qt&apos;s default (the {platform} platform draws no screen)</source>
        <translation>el modo predeterminado de Qt (la plataforma {platform} no dibuja ninguna pantalla)</translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message>
        <source>WordPress Sites</source>
        <translation>Sitios de WordPress</translation>
    </message>
    <message>
        <source>WordPress sites</source>
        <translation>Sitios de WordPress</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>diario</translation>
    </message>
    <message>
        <source>Application Password (WordPress: Users &gt; Profile)</source>
        <translation>Contraseña de aplicación (WordPress: Usuarios &gt; Perfil)</translation>
    </message>
    <message>
        <source>Add or Replace</source>
        <translation>Añadir o reemplazar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>{name}
{user} at {address}</source>
        <translation>{name}
{user} en {address}</translation>
    </message>
    <message>
        <source>The password is in the keyring.</source>
        <translation>La contraseña está en el llavero.</translation>
    </message>
    <message>
        <source>No keyring here: the password set in the environment will be used.</source>
        <translation>No hay llavero: se usará la contraseña definida en el entorno.</translation>
    </message>
    <message>
        <source>Kept {name}: {user} at {address}. {where}</source>
        <translation>Guardado {name}: {user} en {address}. {where}</translation>
    </message>
    <message>
        <source> Warning: {warning}.</source>
        <translation> Aviso: {warning}.</translation>
    </message>
    <message>
        <source>Choose a site to remove.</source>
        <translation>Elija el sitio que quitar.</translation>
    </message>
    <message>
        <source>Removed {name} and its password.</source>
        <translation>Se han quitado {name} y su contraseña.</translation>
    </message>
    <message>
        <source>Choose a site to test.</source>
        <translation>Elija el sitio que probar.</translation>
    </message>
    <message>
        <source>Connecting to {address}…</source>
        <translation>Conectando con {address}…</translation>
    </message>
    <message>
        <source>Connected to {address} as {name}.</source>
        <translation>Conectado con {address} como {name}.</translation>
    </message>
</context>
<context>
    <name>SpellingController</name>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Buscando sugerencias…</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>No hay sugerencias</translation>
    </message>
    <message>
        <source>Add “{word}” to Dictionary</source>
        <translation>Añadir «{word}» al diccionario</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
</context>
<context>
    <name>StoryFiles</name>
    <message>
        <source>Stories to import: Markdown, text, Word, saved web pages</source>
        <translation>Noticias para importar: Markdown, texto, Word, páginas web guardadas</translation>
    </message>
</context>
<context>
    <name>StoryImport</name>
    <message>
        <source>{name} could not be imported: {message}</source>
        <translation>No se pudo importar {name}: {message}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Th&amp;eme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
</context>
<context>
    <name>Typography</name>
    <message>
        <source>S&amp;mart Punctuation</source>
        <translation>P&amp;untuación inteligente</translation>
    </message>
    <message>
        <source>Curly quotes, em dashes and ellipses as you type (never in code or URLs)</source>
        <translation>Comillas tipográficas, rayas y puntos suspensivos al escribir (nunca en código ni en URL)</translation>
    </message>
    <message>
        <source>Spanish &amp;Quotes</source>
        <translation>Comi&amp;llas en español</translation>
    </message>
    <message>
        <source>&amp;Angle quotes « »</source>
        <translation>Comillas &amp;angulares « »</translation>
    </message>
    <message>
        <source>&amp;Curly quotes “ ”</source>
        <translation>Comillas &amp;inglesas “ ”</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>The user guide could not be opened: {error}</source>
        <translation>No se pudo abrir la guía de uso: {error}</translation>
    </message>
    <message>
        <source>No browser opened the user guide: {path}</source>
        <translation>Ningún navegador abrió la guía de uso: {path}</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>Modo &amp;concentración</translation>
    </message>
    <message>
        <source>Dim the story except the paragraph you are writing</source>
        <translation>Atenuar la noticia salvo el párrafo que se está escribiendo</translation>
    </message>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>&amp;Desplazamiento de máquina de escribir</translation>
    </message>
    <message>
        <source>Keep the line you are typing in the middle of the body</source>
        <translation>Mantener la línea que se escribe en el centro del cuerpo</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Nivel de ampliación</translation>
    </message>
    <message>
        <source>Zoom {level} %</source>
        <translation>Ampliación {level} %</translation>
    </message>
    <message>
        <source>Full &amp;Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Cannot open the sample: {error}</source>
        <translation>No se puede abrir el ejemplo: {error}</translation>
    </message>
    <message>
        <source>Opened the sample story “{title}”; Save As keeps a copy</source>
        <translation>Abierta la noticia de ejemplo «{title}»; Guardar como conserva una copia</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>A space feature with photos</source>
        <translation>Un reportaje espacial con fotos</translation>
    </message>
    <message>
        <source>Three public-domain photos with captions, credits, alt text and a lead photo</source>
        <translation>Tres fotos de dominio público con pies de foto, créditos, texto alternativo y foto principal</translation>
    </message>
    <message>
        <source>An EFE wire story</source>
        <translation>Un teletipo de EFE</translation>
    </message>
    <message>
        <source>A real wire story as scraped from the web, with the flaws an editor would catch</source>
        <translation>Un teletipo real tal como se copió de la web, con los fallos que un editor detectaría</translation>
    </message>
    <message>
        <source>Welcome to Dateline</source>
        <translation>Le damos la bienvenida a Dateline</translation>
    </message>
    <message>
        <source>Write a news story with its headline, dateline, byline and photos, and see it as readers will: on the web, a phone, in print, as a social card or wire copy.
No Markdown needed: the Format menu makes bold, links and subheads; then export or publish the finished piece.</source>
        <translation>Escriba una noticia con su titular, data, firma y fotos, y véala como la verán los lectores: en la web, en el móvil, impresa, como tarjeta social o como teletipo.
No hace falta saber Markdown: el menú Formato pone negritas, enlaces y ladillos; después, exporte o publique la pieza terminada.</translation>
    </message>
    <message>
        <source>New Story</source>
        <translation>Nueva noticia</translation>
    </message>
    <message>
        <source>Start an empty story</source>
        <translation>Empezar una noticia vacía</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Open a Dateline article (.article)</source>
        <translation>Abrir un artículo de Dateline (.article)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Import a story from Markdown, text, Word or a web page</source>
        <translation>Importar una noticia desde Markdown, texto, Word o una página web</translation>
    </message>
    <message>
        <source>Or open a sample story to see how a finished piece looks:</source>
        <translation>O abra una noticia de ejemplo para ver cómo queda una pieza terminada:</translation>
    </message>
    <message>
        <source>Sample: {title}</source>
        <translation>Ejemplo: {title}</translation>
    </message>
    <message>
        <source>Show this at start</source>
        <translation>Mostrar esto al iniciar</translation>
    </message>
    <message>
        <source>Show the welcome at start</source>
        <translation>Mostrar la bienvenida al iniciar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the welcome and write in the empty story</source>
        <translation>Cerrar la bienvenida y escribir en la noticia vacía</translation>
    </message>
</context>
<context>
    <name>WindowParts</name>
    <message>
        <source>Story panes</source>
        <translation>Paneles de la noticia</translation>
    </message>
    <message>
        <source>The story&apos;s fields, its photos and the checks</source>
        <translation>Los campos de la noticia, sus fotos y la revisión</translation>
    </message>
    <message>
        <source>Fields, Photos or Checks</source>
        <translation>Campos, Fotos o Revisión</translation>
    </message>
    <message>
        <source>Preview mode</source>
        <translation>Modo de vista previa</translation>
    </message>
    <message>
        <source>Web, phone, print, social card or wire</source>
        <translation>Web, móvil, impresión, tarjeta social o teletipo</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>The story as readers will see it</source>
        <translation>La noticia como la verán los lectores</translation>
    </message>
    <message>
        <source>Story window</source>
        <translation>Ventana de la noticia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Messages, the word count and the target</source>
        <translation>Mensajes, el recuento de palabras y el objetivo</translation>
    </message>
</context>
</TS>
