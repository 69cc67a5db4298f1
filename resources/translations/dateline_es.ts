<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} no existe</translation>
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
    <name>StoryImport</name>
    <message>
        <source>{name} could not be imported: {message}</source>
        <translation>No se pudo importar {name}: {message}</translation>
    </message>
</context>
<context>
    <name>Typography</name>
    <message>
        <source>S&amp;mart Punctuation</source>
        <translation>Puntuación inteli&amp;gente</translation>
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
        <translation>&amp;Tamaño normal</translation>
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
</TS>
