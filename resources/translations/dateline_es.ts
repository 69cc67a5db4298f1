<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
        <source>EFE English</source>
        <translation>EFE inglés</translation>
    </message>
    <message>
        <source>EFE Spanish</source>
        <translation>EFE español</translation>
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
    <name>PreviewPane</name>
    <message>
        <source>The preview failed: {message}</source>
        <translation>La vista previa falló: {message}</translation>
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
