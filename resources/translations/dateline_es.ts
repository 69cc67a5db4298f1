<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>Dateline {version}
An article editor for news reporters.

Licence: {licence}
Dateline's files (recovery, dictionary, publish queue): {files}
Log: {log}</source>
        <translation>Dateline {version}
Un editor de artículos para periodistas.

Licencia: {licence}
Archivos de Dateline (recuperación, diccionario, cola de publicación): {files}
Registro: {log}</translation>
    </message>
    <message>
        <source>About Dateline</source>
        <translation>Acerca de Dateline</translation>
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
    <name>DatelineStyle</name>
    <message>
        <source>EFE English: Tapachula, Mexico, Dec 3 (EFE).-</source>
        <translation>EFE en inglés: Tapachula, Mexico, Dec 3 (EFE).-</translation>
    </message>
    <message>
        <source>EFE Spanish: Tapachula (México), 3 dic (EFE).-</source>
        <translation>EFE en español: Tapachula (México), 3 dic (EFE).-</translation>
    </message>
    <message>
        <source>Reuters: TAPACHULA, Mexico, Dec 3 (Reuters) -</source>
        <translation>Reuters (inglés): TAPACHULA, Mexico, Dec 3 (Reuters) -</translation>
    </message>
    <message>
        <source>AP: TAPACHULA, Mexico (AP) —</source>
        <translation>AP (inglés): TAPACHULA, Mexico (AP) —</translation>
    </message>
    <message>
        <source>Date in full: Saturday, September 12, 2015</source>
        <translation>Fecha completa (inglés): Saturday, September 12, 2015</translation>
    </message>
    <message>
        <source>Chinese: 【2020年8月31日讯】</source>
        <translation>Chino: 【2020年8月31日讯】</translation>
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
        <source>Word document (.docx) with Word's heading, quote and caption styles, photos inside</source>
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
        <source>editor's note</source>
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
        <source>Editor's note</source>
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
        <source>&lt;p&gt;&lt;b&gt;Saved {when}&lt;/b&gt; — {words}. Compared with the text now: &lt;span style='{deleted}'&gt;only in that version&lt;/span&gt; · &lt;span style='{inserted}'&gt;added since&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Guardada el {when}&lt;/b&gt; — {words}. Comparada con el texto actual: &lt;span style='{deleted}'&gt;solo en esa versión&lt;/span&gt; · &lt;span style='{inserted}'&gt;añadido después&lt;/span&gt;&lt;/p&gt;</translation>
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
    <name>PlacePhotoDialog</name>
    <message>
        <source>Insert Photo</source>
        <translation>Insertar foto</translation>
    </message>
    <message>
        <source>The story's photos</source>
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
        <source>Your desk initials, first in a new story's sign-off</source>
        <translation>Sus iniciales de redacción, las primeras en las iniciales de edición de una noticia nueva</translation>
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
        <source>The agency named in a new story's dateline</source>
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
        <source>The place a new story's dateline starts with</source>
        <translation>El lugar con el que empieza la data de una noticia nueva</translation>
    </message>
    <message>
        <source>Home co&amp;untry</source>
        <translation>&amp;País de residencia</translation>
    </message>
    <message>
        <source>The country a new story's dateline names</source>
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
        <source>A new story's language (a tag such as en, es, ar, zh or pt-BR)</source>
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
        <source>Your desk's preferred spellings and forbidden phrases (a TOML file); empty uses the one in Dateline's settings folder</source>
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
        <source>Empty: the story's own folder</source>
        <translation>Vacío: la carpeta de la propia noticia</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Carpeta de exportación predeterminada</translation>
    </message>
    <message>
        <source>Where exports go unless you choose; empty suggests the story's own folder</source>
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
        <source>Created post {post}: &lt;a href="{link}"&gt;{link}&lt;/a&gt;</source>
        <translation>Entrada {post} creada: &lt;a href="{link}"&gt;{link}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Updated post {post}: &lt;a href="{link}"&gt;{link}&lt;/a&gt;</source>
        <translation>Entrada {post} actualizada: &lt;a href="{link}"&gt;{link}&lt;/a&gt;</translation>
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
</TS>
