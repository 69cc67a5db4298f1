<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
        <source>The headline has {count} characters; the site takes at most {limit}.</source>
        <translation>El titular tiene {count} caracteres; el sitio admite como máximo {limit}.</translation>
    </message>
    <message>
        <source>The headline is {width:.0f} px wide in the search-result font ({font}); search results show about {limit} px and cut the rest.</source>
        <translation>El titular mide {width:.0f} px de ancho en la fuente de los resultados de búsqueda ({font}); los buscadores muestran unos {limit} px y cortan el resto.</translation>
    </message>
    <message>
        <source>The dek has {count} characters; keep it to {limit} so it shows whole under the headline and in link previews.</source>
        <translation>La entradilla tiene {count} caracteres; no pase de {limit} para que se vea entera bajo el titular y en las vistas previas de enlaces.</translation>
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
        <source>No spelling dictionary is installed for the language “{language}”, so the spelling was not checked.</source>
        <translation>No hay diccionario ortográfico instalado para el idioma «{language}», así que no se revisó la ortografía.</translation>
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
        <source>No such file</source>
        <translation>No existe ese archivo</translation>
    </message>
    <message>
        <source>No such folder</source>
        <translation>No existe esa carpeta</translation>
    </message>
</context>
</TS>
