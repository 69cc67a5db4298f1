"""File > Export in the window: every format offered, progress, cancel, and typing meanwhile."""

from __future__ import annotations

import zipfile
from pathlib import Path

from editor.export import list_formats

from photo_files import jpeg_with_gps


def add_photos(qtbot, window, tmp_path: Path, count: int) -> None:
    # Sizes differ so that each is a photo of its own (the same file is stored once).
    paths = [jpeg_with_gps(tmp_path / f"r{n}.jpg", size=(640 + 40 * n, 480)) for n in range(count)]
    window.photo_desk.add_files(paths, place=True)
    qtbot.waitUntil(lambda: len(window.document.article.photos) == count, timeout=20_000)


def test_dialog_offers_every_format_and_suggests_a_destination(window, tmp_path) -> None:
    dialog = window.show_export_dialog()
    offered = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert offered == [name for name, _ in list_formats()]
    window.document.set_field("url_slug", "caravan-huixtla")
    dialog.destination.setText(str(tmp_path / "old-name.html"))
    dialog.select_format("html")
    dialog.suggest_destination()
    assert dialog.destination.text() == str(tmp_path / "caravan-huixtla.html")
    dialog.close()


def test_cancel_writes_nothing_and_says_so(qtbot, window, tmp_path) -> None:
    add_photos(qtbot, window, tmp_path, 3)
    out = tmp_path / "story.html"
    dialog = window.show_export_dialog()
    dialog.select_format("html")
    dialog.destination.setText(str(out))
    dialog.export_button.click()
    assert dialog.running and not dialog.export_button.isEnabled()
    assert dialog.close_button.text() == "Cancel Export"
    dialog.close_button.click()  # cancels: the dialog stays to say what happened
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert not out.exists()
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Close"
    dialog.close()


def test_a_failed_export_is_reported_in_the_dialog(qtbot, window, tmp_path) -> None:
    dialog = window.show_export_dialog()
    dialog.select_format("html")
    dialog.destination.setText(str(tmp_path / "no-such-folder" / "story.html"))
    dialog.export_button.click()
    assert "does not exist" in dialog.status.text()
    assert not dialog.running
    dialog.close()


def test_progress_counts_photos(qtbot, window, tmp_path) -> None:
    add_photos(qtbot, window, tmp_path, 2)
    out = tmp_path / "story.html"
    dialog = window.show_export_dialog()
    seen: list[tuple[int, int]] = []
    dialog._relay.progress.connect(lambda done, total: seen.append((done, total)))
    dialog.select_format("html")
    dialog.destination.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert out.exists()
    assert seen and seen[-1] == (2, 2)
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.close()


def test_wordpress_asks_where_photos_will_be_served(qtbot, window, tmp_path) -> None:
    add_photos(qtbot, window, tmp_path, 1)
    dialog = window.show_export_dialog()
    dialog.select_format("html")
    assert not dialog.media_base_url.isVisibleTo(dialog)
    dialog.select_format("wordpress")
    assert dialog.media_base_url.isVisibleTo(dialog)
    assert dialog.destination.text().endswith(window.document.article.url_slug or "article")
    dialog.media_base_url.setText("https://files.example.org/caravan")
    dialog.as_zip.setChecked(True)
    suggested = Path(dialog.destination.text())
    assert suggested.suffix == ".zip"
    out = tmp_path / suggested.name  # the suggested folder is the test's home, which is not made
    dialog.destination.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    with zipfile.ZipFile(out) as archive:
        wxr = archive.read("wordpress.xml").decode("utf-8")
    assert "https://files.example.org/caravan/photos/" in wxr
    dialog.close()


def test_pdf_proof_prints_from_the_dialog_while_typing(qtbot, window, tmp_path) -> None:
    # WebEngine prints on the GUI thread: the export's worker hands the page over and waits.
    qtbot.keyClicks(window.fields.headline, "Caravan reaches Huixtla")
    out = tmp_path / "proof.pdf"
    dialog = window.show_export_dialog()
    dialog.select_format("pdf")
    dialog.destination.setText(str(out))
    dialog.export_button.click()
    qtbot.keyClicks(window.body, "Typing goes on.")
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.status.text() == f"Wrote {out}", dialog.status.text()
    assert out.read_bytes().startswith(b"%PDF-")
    dialog.close()


def test_photos_without_a_file_are_asked_about_then_left_out(qtbot, window, tmp_path) -> None:
    add_photos(qtbot, window, tmp_path, 2)
    gone = window.document.article.photos[1]
    gone.media_path = ""  # its file went missing
    out = tmp_path / "story.html"
    dialog = window.show_export_dialog()
    asked: list[list[str]] = []
    answer = [False]

    def confirm(photos) -> bool:
        asked.append([photo.id for photo in photos])
        return answer[0]

    dialog.confirm_leaving_out = confirm
    dialog.select_format("html")
    dialog.destination.setText(str(out))
    dialog.export_button.click()  # Cancel: nothing is written, the dialog says why
    assert asked == [[gone.id]] and not dialog.running and not out.exists()
    assert dialog.status.text().startswith("1 photo has no file: ")
    answer[0] = True
    dialog.export_button.click()  # Export Without Them
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    page = out.read_text(encoding="utf-8")
    assert page.count("<figure") == 1 and "not in the story package" not in page
    assert gone in window.document.article.photos  # the story keeps its record
    dialog.close()
