"""Fuzzing the loader: a real saved package with photos, mutated every way a damaged disk, an
interrupted copy or a hostile sender could, must load as a usable article or be refused with a
one-line PackageError. Never another exception, never a hang, never a file written beside the
package or in the working folder.

The mutations reach every part a sender controls: whole files, the zip's records, article.json
(metadata of any JSON shape, the publish state ``metadata["wordpress:<site>"]`` of any shape,
dates out of range, surrogates and NUL), the derived images (junk, another picture, missing)
and the revisions. Every package that opens must save and open again, its revisions included.

The hand-written hostile cases (one per kind of damage, with the exact message) are in
test_package.py; this file throws a thousand random combinations at the same code.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import signal
import struct
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.export import get_exporter
from editor.export.base import ExportError, ExportOptions
from editor.model.article import FORMAT_VERSION, Article, Crop
from editor.model.media_store import MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.model.revisions import RevisionError, RevisionStore
from editor.render.markdown import BodyRenderer
from editor.render.page import render_parts

from factories import caravan_article, image_bytes, stored_photo

pytestmark = pytest.mark.slow

# Per example, whatever hypothesis's deadline says: a hang ends the test with a clear failure.
EXAMPLE_TIME_LIMIT_S = 30
PACKAGE_NAME = "story.article"


# --- the real package every example starts from ------------------------------------------------


def _base_article() -> tuple[Article, MediaStore]:
    """A story with every field set and two real photos (one placed and cropped, one featured),
    small so that a thousand examples render and export in well under a minute."""
    media = MediaStore()
    article = caravan_article(
        body=(
            "Hundreds of migrants left **Tapachula** on Tuesday.\n\n![road](photo:road)\n\n"
            "## On the road\n\n> They walked at dawn.[^1]\n\n[^1]: INM figures.\n"
        ),
        modified=dt.datetime(2024, 12, 3, 11, 45, tzinfo=dt.UTC),
    )
    for photo_id, image_format, name, colour in (
        ("road", "JPEG", "road.jpg", (200, 40, 20)),
        ("map", "PNG", "map.png", (20, 90, 200)),
    ):
        article.photos.append(
            stored_photo(
                media,
                photo_id,
                image_bytes(image_format, colour, (64, 48)),
                name,
                caption=f"Caption of {name}",
                credit="EFE/Juan Manuel Blanco",
                copyright="© EFE 2024",
                alt=f"Alt text of {name}",
                featured=photo_id == "map",
                crop=Crop(0.1, 0.1, 0.9, 0.9) if photo_id == "road" else None,
                focal=(0.5, 0.4) if photo_id == "road" else None,
            )
        )
    return article, media


@dataclass
class Entry:
    name: str
    data: bytes
    method: int = zipfile.ZIP_DEFLATED


def _base_package(folder: Path) -> bytes:
    article, media = _base_article()
    path = folder / "base.article"
    # Two saves, so that the package holds revisions for the History view to read.
    save_package(path, article, media, add_revision=True, note="first")
    save_package(path, article, media, add_revision=True, note="second")
    data = path.read_bytes()
    path.unlink()
    return data


def _entries_of(package: bytes) -> list[Entry]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [
            Entry(info.filename, archive.read(info), info.compress_type)
            for info in archive.infolist()
        ]


def _zip(entries: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w") as archive:
            for entry in entries:
                info = zipfile.ZipInfo(entry.name, date_time=(2024, 12, 3, 11, 45, 0))
                info.compress_type = entry.method
                archive.writestr(info, entry.data)
    return buffer.getvalue()


# --- random JSON ---------------------------------------------------------------------------------

_RAW = "\x00RAW\x00"  # a string value replaced by raw JSON text after dumping

_HUGE_TEXT = st.builds(
    lambda char, count: char * count,
    st.sampled_from(["a", "<", "\u00e9", "\U0001f600", "\\", " "]),
    st.sampled_from([10_000, 10_001, 100_000, 1_000_001]),
)
_AWKWARD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\ud800",  # a lone surrogate: JSON can spell it, UTF-8 cannot
        "\x00",
        "\u2028\u2029",
        "..",
        "../../etc/passwd",
        "media/../../x",
        "/etc/passwd",
        "C:\\Windows\\x",
        "media/.hidden",
        "photo:road",
        "0000-00-00",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00+23:59",
        "0001-01-01",
        "2024-02-30",
        "5f0c2a8e-3d4b-4e1f-9a6c-2b7d8e9f0a1b",
        "<script>alert(1)</script>",
        "{{ .Site.Params.secret }}",
        "---\nkey: value\n---",
    ]
)
_NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2, 999_999, 1_000_000, 2**31, 2**63, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 0.5, 1.0, 1.0000001, -1e-300, 1e308]),
)
# JSON text no Python value dumps to: numbers past every limit, nesting past recursion limits.
_RAW_JSON = st.sampled_from(
    [
        "1" * 5000,
        "-" + "9" * 4301,
        "1e999999",
        "-1e999999",
        "1e-999999",
        "NaN",
        "Infinity",
        "-Infinity",
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "[" * 900 + "]" * 900,
        '"\\ud800\\udc00\\udfff"',
        '"\\u0000"',
    ]
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    _NUMBERS,
    st.text(max_size=40),
    _AWKWARD_TEXT,
    _HUGE_TEXT,
    _RAW_JSON.map(lambda raw: (_RAW, raw)),
)
_JSON_VALUES = st.recursive(
    _LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.sampled_from(["id", "left", "place", "x"])),
            children,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


def _dump_json(value: Any) -> bytes:
    """``value`` as JSON text, NaN and Infinity included, raw fragments spliced in."""
    raws: list[str] = []

    def marked(item: Any) -> Any:
        if isinstance(item, tuple) and len(item) == 2 and item[0] == _RAW:
            raws.append(item[1])
            return f"{_RAW}{len(raws) - 1}"
        if isinstance(item, list):
            return [marked(child) for child in item]
        if isinstance(item, dict):
            return {key: marked(child) for key, child in item.items()}
        return item

    text = json.dumps(marked(value), ensure_ascii=False, allow_nan=True)
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(f"{_RAW}{index}", ensure_ascii=False), raw, 1)
    return text.encode("utf-8", "surrogatepass")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document, as a path of keys and indexes."""
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _set_path(document: Any, path: tuple[Any, ...], value: Any, *, delete: bool = False) -> None:
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


# --- mutations ----------------------------------------------------------------------------------

_HOSTILE_NAMES = [
    "../evil.txt",
    "../../../../tmp/evil.txt",
    "/etc/evil",
    "/tmp/evil.txt",
    "C:/evil.txt",
    "C:evil.txt",
    "media\\..\\..\\evil.txt",
    "media/../../evil.txt",
    "media/../article.json",
    "media/..",
    "media/.",
    "media/",
    "media/a/b.jpg",
    "media/evil\x00.jpg",
    "revisions/../../evil",
    "revisions/",
    "revisions/1/article.json",
    "thumbs/x-thumb.jpg",
    "evil.txt",
    "./article.json",
    "ARTICLE.JSON",
    "article.json/",
    "body.md/x",
    "media/" + "a" * 300 + ".jpg",
    "media/\u202e.jpg",
    "mimetype",
    "__MACOSX/._article.json",
]


def _json_mutation(draw: st.DrawFn, document: dict[str, Any]) -> bytes:
    kind = draw(st.sampled_from(["set", "set", "set", "delete", "future", "whole", "raw_text"]))
    if kind == "whole":
        return _dump_json(draw(_JSON_VALUES))
    if kind == "raw_text":
        return draw(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    if kind == "future":
        document["format_version"] = draw(
            st.sampled_from([FORMAT_VERSION + 1, 99, 2**63, 10**30, 0, -1, "1", 1.0, True, None])
        )
    else:
        paths = [*_paths(document), ("photos", 5), ("metadata", "new"), ("brand_new",)]
        path = draw(st.sampled_from(paths))
        try:
            _set_path(document, path, draw(_JSON_VALUES), delete=kind == "delete")
        except (KeyError, IndexError, TypeError):
            document[str(path[0])] = draw(_JSON_VALUES)
    return _dump_json(document)


# Text JSON can spell that no file should hold: lone surrogates, NUL, controls, bidi overrides.
_HOSTILE_TEXT = st.one_of(
    _AWKWARD_TEXT,
    st.text(st.characters(), max_size=20),
    st.sampled_from(["\ud800", "a\x00b", "\udfff\x00", "\x1b]8;;http://x\x07", "\u202e"]),
)
# Times a package can name: out of range, in odd zones, or not times at all.
_HOSTILE_TIMES = st.one_of(
    st.sampled_from(
        [
            "0000-01-01T00:00:00",
            "10000-01-01T00:00:00",
            "1e20",
            "-1",
            "NaN",
            "Infinity",
            "0001-01-01T00:00:00+23:59",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59-23:59",
            "9999-12-31T23:59:59",
            "2024-12-03T10:00:00+24:00",
            "2024-12-03T10:00:00-25:00",
            "2024-12-03T10:00:00+05:30",
            "2024-12-03",
            "2024-12-03T10:00:00.123456789Z",
            "",
        ]
    ),
    _NUMBERS,
    _HOSTILE_TEXT,
)


def _any_json_text(value: Any) -> str:
    """Any JSON value as the text a publish state is stored as (NaN and surrogates included)."""
    return _dump_json(value).decode("utf-8", "surrogatepass")


def _mutate_metadata(draw: st.DrawFn, document: dict[str, Any]) -> None:
    document["metadata"] = draw(
        _JSON_VALUES | st.dictionaries(_HOSTILE_TEXT, _HOSTILE_TEXT | _JSON_VALUES, max_size=6)
    )


def _mutate_publish_state(draw: st.DrawFn, document: dict[str, Any]) -> None:
    """``metadata["wordpress:<site>"]``: what Publish remembers of a post, of any shape."""
    metadata = document.get("metadata")
    if not isinstance(metadata, dict):
        metadata = document["metadata"] = {}
    site = draw(st.sampled_from(["desk", "", "a:b", "\ud800", "x" * 300]) | _HOSTILE_TEXT)
    state = draw(
        st.one_of(
            _JSON_VALUES.map(_any_json_text),
            st.fixed_dictionaries(
                {"post_id": _JSON_VALUES, "media": _JSON_VALUES, "link": _JSON_VALUES}
            ).map(_any_json_text),
            _JSON_VALUES,  # not even text: the package is refused
        )
    )
    metadata[f"wordpress:{site}"] = state


def _mutate_dates(draw: st.DrawFn, document: dict[str, Any]) -> None:
    for key in draw(st.lists(st.sampled_from(["created", "modified"]), min_size=1, max_size=2)):
        document[key] = draw(_HOSTILE_TIMES)
    if draw(st.booleans()) and isinstance(document.get("dateline"), dict):
        document["dateline"]["date"] = draw(
            st.sampled_from(["0001-01-01", "9999-12-31", "0000-01-01", "2024-02-30"])
            | _HOSTILE_TEXT
        )


def _mutate_revision(draw: st.DrawFn, revision: dict[str, Any]) -> None:
    key = draw(st.sampled_from(["saved", "body", "note", "words", "fields", "revision"]))
    if key == "saved":
        revision[key] = draw(_HOSTILE_TIMES)
    elif key == "fields" and isinstance(revision.get("fields"), dict):
        field = draw(st.sampled_from(["metadata", "created", "headline", "tags", "dateline"]))
        revision["fields"][field] = draw(_HOSTILE_TIMES | _JSON_VALUES)
    else:
        revision[key] = draw(_HOSTILE_TEXT | _JSON_VALUES)


_DOCUMENT_MUTATIONS: dict[str, Callable[[st.DrawFn, dict[str, Any]], None]] = {
    "metadata": _mutate_metadata,
    "publish_state": _mutate_publish_state,
    "dates": _mutate_dates,
}


def _mutate_json_entry(
    entries: list[Entry],
    name: str,
    draw: st.DrawFn,
    change: Callable[[st.DrawFn, dict[str, Any]], None],
) -> None:
    found = [entry for entry in entries if entry.name == name]
    if not found:
        return
    try:
        document = json.loads(found[0].data)
    except (ValueError, RecursionError):
        return
    if isinstance(document, dict):
        change(draw, document)
        found[0].data = _dump_json(document)


def _mutate_derived(draw: st.DrawFn, entries: list[Entry]) -> None:
    """A derived image (thumbnail, display copy) replaced by junk or another picture, or gone."""
    derived = [entry for entry in entries if entry.name.startswith("thumbs/")]
    if not derived:
        return
    entry = derived[draw(st.integers(0, len(derived) - 1))]
    how = draw(st.sampled_from(["junk", "other", "empty", "remove", "huge"]))
    if how == "remove":
        entries.remove(entry)
    elif how == "junk":
        entry.data = draw(st.binary(max_size=200))
    elif how == "empty":
        entry.data = b""
    elif how == "huge":
        entry.data = image_bytes("PNG", (1, 2, 3), (4000, 3000))
    else:
        image_format = draw(st.sampled_from(["JPEG", "PNG", "GIF", "WEBP"]))
        entry.data = image_bytes(
            image_format, (0, 255, 0), draw(st.sampled_from([(8, 8), (640, 10)]))
        )


@st.composite
def _entry_mutations(draw: st.DrawFn, base: bytes) -> list[Entry]:
    """The base package's entries, changed zero to three times at the level of whole files."""
    entries = _entries_of(base)
    for _ in range(draw(st.integers(0, 3))):
        names = [entry.name for entry in entries] or ["article.json"]
        kind = draw(
            st.sampled_from(
                [
                    "json", "json", "json", "json", "body", "remove", "duplicate", "add",
                    "rename", "method", "nest", "swap_data",
                    "metadata", "publish_state", "dates", "derived", "revision",
                ]
            )
        )  # fmt: skip
        if kind == "json":
            found = [entry for entry in entries if entry.name == "article.json"]
            if found:
                try:
                    document = json.loads(found[0].data)
                except (ValueError, RecursionError):
                    document = {}
                if not isinstance(document, dict):
                    document = {}
                found[0].data = _json_mutation(draw, document)
        elif kind == "body":
            new_body = draw(
                st.one_of(
                    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
                    st.binary(max_size=200),
                    _HUGE_TEXT.map(str.encode),
                    st.just(b"\xef\xbb\xbf\xff\xfe body"),
                    st.just(("x" * 100 + "\n") * 170_000).map(str.encode),  # 17 MB
                )
            )
            for entry in entries:
                if entry.name == "body.md":
                    entry.data = new_body
        elif kind == "remove" and entries:
            del entries[draw(st.integers(0, len(entries) - 1))]
        elif kind == "duplicate" and entries:
            original = entries[draw(st.integers(0, len(entries) - 1))]
            copy = Entry(original.name, draw(st.sampled_from([original.data, b"{}", b""])))
            entries.insert(draw(st.integers(0, len(entries))), copy)
        elif kind == "add":
            name = draw(st.sampled_from(_HOSTILE_NAMES) | st.text(min_size=1, max_size=30))
            entries.append(Entry(name, draw(st.binary(max_size=64))))
        elif kind == "rename" and entries:
            index = draw(st.integers(0, len(entries) - 1))
            entries[index].name = draw(st.sampled_from(_HOSTILE_NAMES + names))
        elif kind == "method" and entries:
            index = draw(st.integers(0, len(entries) - 1))
            entries[index].method = draw(
                st.sampled_from(
                    [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
                )
            )
        elif kind == "nest":
            # A zip inside the zip: the whole package as one of its own files, or as a new one.
            target = draw(st.sampled_from([*names, "media/inner.zip", "revisions/inner.zip"]))
            found = [entry for entry in entries if entry.name == target]
            if found:
                found[0].data = base
            else:
                entries.append(Entry(target, base, zipfile.ZIP_STORED))
        elif kind in _DOCUMENT_MUTATIONS:
            _mutate_json_entry(entries, "article.json", draw, _DOCUMENT_MUTATIONS[kind])
        elif kind == "derived":
            _mutate_derived(draw, entries)
        elif kind == "revision":
            name = draw(st.sampled_from(["revisions/1.json", "revisions/2.json"]))
            _mutate_json_entry(entries, name, draw, _mutate_revision)
        elif kind == "swap_data" and len(entries) > 1:
            first, second = draw(st.permutations(range(len(entries))))[:2]
            entries[first].data, entries[second].data = entries[second].data, entries[first].data
    return entries


_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_END = b"PK\x05\x06"


def _patch_declared_sizes(draw: st.DrawFn, data: bytearray) -> None:
    """Give one entry (or the whole archive) sizes and counts the bytes do not bear out."""
    signature = draw(st.sampled_from([_CENTRAL, _LOCAL, _END]))
    offsets = [i for i in range(len(data)) if data.startswith(signature, i)]
    if not offsets:
        return
    offset = draw(st.sampled_from(offsets))
    value = draw(
        st.sampled_from([0, 1, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF])
        | st.integers(0, 2**32 - 1)
    )
    # Uncompressed or compressed size (central: 24/20, local: 22/18), or the end record's
    # entry counts and the central directory's size and offset.
    fields = {
        _CENTRAL: [(24, "<I"), (20, "<I"), (28, "<H"), (42, "<I")],
        _LOCAL: [(22, "<I"), (18, "<I"), (26, "<H")],
        _END: [(8, "<H"), (10, "<H"), (12, "<I"), (16, "<I")],
    }[signature]
    field_offset, layout = draw(st.sampled_from(fields))
    position = offset + field_offset
    width = struct.calcsize(layout)
    if position + width <= len(data):
        data[position : position + width] = struct.pack(layout, value % (256**width))


@st.composite
def mutated_packages(draw: st.DrawFn, base: bytes) -> bytes:
    entries = draw(_entry_mutations(base))
    data = bytearray(_zip(entries) if entries else b"")
    # Half the examples keep the zip whole, so that damage inside its files reaches the model.
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "sizes", "none"]))
        if not data and kind != "insert":
            continue
        end = max(len(data) - 1, 0)
        if kind == "truncate":
            del data[draw(st.integers(0, end)) :]
        elif kind == "flip":
            position = draw(st.integers(0, end))
            data[position] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            position = draw(st.integers(0, len(data)))
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            position = draw(st.integers(0, end))
            del data[position : position + draw(st.integers(1, 64))]
        elif kind == "sizes":
            _patch_declared_sizes(draw, data)
    return bytes(data)


# --- the test ------------------------------------------------------------------------------------


class ExampleTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise ExampleTimeout(f"an example took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _assert_one_line(error: Exception) -> None:
    message = str(error)
    assert message.strip(), f"{type(error).__name__} with an empty message"
    assert "\n" not in message and "\r" not in message, f"message on several lines: {message!r}"
    assert len(message) < 600, f"message too long for the window: {len(message)} characters"


_renderer = BodyRenderer()


def _use(
    article: Article, media: MediaStore, out: Path, revisions: RevisionStore | None = None
) -> None:
    """What the window and the exports do with an opened story; any failure is a bug."""
    render_parts(article, _renderer, lambda image: f"dateline-media:{image.id}")
    for moment in (article.created, article.modified):
        moment.astimezone()  # as the window shows it, in this computer's zone
    for number in (revisions or RevisionStore()).numbers():
        try:
            revision = revisions.read(number)  # type: ignore[union-attr]
        except RevisionError as error:
            _assert_one_line(error)
            continue
        revision.saved.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # the History list
        try:
            revision.apply_to(article)
        except RevisionError as error:
            _assert_one_line(error)
    options = ExportOptions(parallel=False)
    for name, file_name in (("html", "story.html"), ("text", "story.txt")):
        try:
            get_exporter(name).export(article, media, out / file_name, options)
        except ExportError as error:
            # Photo bytes are read only when used: a package whose photo file is damaged opens,
            # and the export that needs the photo says which one it cannot read.
            _assert_one_line(error)
            assert "photo" in str(error).lower(), f"{name} export failed: {error}"
    again = out / "again.article"
    try:
        save_package(again, article, media, revisions=revisions, add_revision=True)
    except PackageError as error:
        _assert_one_line(error)
        assert "photo file" in str(error), f"saving again failed: {error}"
        return
    reopened = load_package(again)
    assert reopened.article == article


def _listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check_package(workspace: Path, data: bytes) -> str:
    """Load ``data`` as a package in a clean folder; return "loaded" or "refused"."""
    folder, out, cwd = workspace / "package", workspace / "out", workspace / "cwd"
    for place in (folder, out, cwd):
        shutil.rmtree(place, ignore_errors=True)
        place.mkdir()
    path = folder / PACKAGE_NAME
    path.write_bytes(data)
    previous_cwd = os.getcwd()
    os.chdir(cwd)
    try:
        with _time_limit(EXAMPLE_TIME_LIMIT_S):
            try:
                loaded = load_package(path)
            except PackageError as error:
                _assert_one_line(error)
                outcome = "refused"
            else:
                _use(loaded.article, loaded.media, out, loaded.revisions)
                outcome = "loaded"
    finally:
        os.chdir(previous_cwd)
    assert _listing(folder) == [PACKAGE_NAME], "loading wrote beside the package"
    assert _listing(cwd) == [], "loading wrote into the working folder"
    assert path.read_bytes() == data, "loading changed the package"
    return outcome


# The base package is made once per run, in a folder of its own.
@cache
def _shared_base() -> bytes:
    folder = Path(tempfile.mkdtemp(prefix="dateline-fuzz-base-"))
    try:
        return _base_package(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(
    max_examples=1000,
    deadline=dt.timedelta(seconds=15),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_mutated_packages_load_or_are_refused_in_one_line(workspace: Path, data: Any) -> None:
    package = data.draw(mutated_packages(_shared_base()), label="package")
    _check_package(workspace, package)


# --- the checks can fail -------------------------------------------------------------------------


def test_the_unmutated_base_package_loads_and_is_usable(workspace: Path) -> None:
    assert _check_package(workspace, _shared_base()) == "loaded"


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (lambda data: data[: len(data) // 2], "refused"),
        (lambda data: b"", "refused"),
        (lambda data: data + b"\x00", "loaded"),  # trailing junk after the end record
    ],
)
def test_simple_mutations_give_the_expected_outcome(
    workspace: Path, mutation: Callable[[bytes], bytes], expected: str
) -> None:
    assert _check_package(workspace, mutation(_shared_base())) == expected


def test_a_loader_that_writes_beside_the_package_is_caught(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = load_package

    def leaky_load(path: Path) -> Any:
        (Path(path).parent / "extracted.json").write_text("{}")
        return real_load(path)

    monkeypatch.setattr(f"{__name__}.load_package", leaky_load)
    with pytest.raises(AssertionError, match="beside the package"):
        _check_package(workspace, _shared_base())


def test_a_loader_that_writes_into_the_working_folder_is_caught(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = load_package

    def leaky_load(path: Path) -> Any:
        Path("extracted.json").write_text("{}")
        return real_load(path)

    monkeypatch.setattr(f"{__name__}.load_package", leaky_load)
    with pytest.raises(AssertionError, match="working folder"):
        _check_package(workspace, _shared_base())


def test_a_loader_that_raises_something_else_is_caught(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_load(path: Path) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(f"{__name__}.load_package", broken_load)
    with pytest.raises(RecursionError):
        _check_package(workspace, _shared_base())


def test_a_refusal_on_two_lines_is_caught(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = PackageError("one")
    error.args = ("story.article is damaged:\nsee below",)

    def refusing_load(path: Path) -> Any:
        raise error

    monkeypatch.setattr(f"{__name__}.load_package", refusing_load)
    with pytest.raises(AssertionError, match="several lines"):
        _check_package(workspace, _shared_base())


def test_a_loader_that_hangs_is_stopped(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def hanging_load(path: Path) -> Any:
        time.sleep(60)

    monkeypatch.setattr(f"{__name__}.load_package", hanging_load)
    monkeypatch.setattr(f"{__name__}.EXAMPLE_TIME_LIMIT_S", 0.2)
    with pytest.raises(ExampleTimeout):
        _check_package(workspace, _shared_base())


# --- what the fuzzing found ----------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["\\\\", "*a* ", "[a](b) ", "`a` "])
def test_a_hostile_paragraph_of_inline_marks_renders_in_linear_time(unit: str) -> None:
    """Python-Markdown's inline pass is quadratic in the marks of one run of text: a package
    whose body is one paragraph of a million backslashes took minutes to open."""
    article = Article(body=unit * 250_000)
    # The time limit is the hang guard: 0.1 to 0.45 s here (2 cores), minutes when quadratic.
    with _time_limit(EXAMPLE_TIME_LIMIT_S):
        parts = render_parts(article, _renderer, lambda image: "")
    assert parts.body.startswith("<p>")


def test_a_long_paragraph_is_shown_as_typed_and_a_normal_one_is_not() -> None:
    from editor.render.markdown import MAX_INLINE_CHARS

    long_text = "*a* " * (MAX_INLINE_CHARS // 4 + 1)
    long_body = render_parts(Article(body=long_text), _renderer, lambda image: "").body
    assert "<em>" not in long_body and "*a*" in long_body
    normal = render_parts(Article(body="*a* " * 100), _renderer, lambda image: "").body
    assert normal.count("<em>a</em>") == 100


def test_an_export_needing_a_damaged_photo_says_which_in_one_line(workspace: Path) -> None:
    """Photo bytes are read only when used: a package whose photo has a bad checksum opens, and
    an export that needs the photo fails with an ExportError naming it, not a zip error."""
    good = _shared_base()
    entries = _entries_of(good)
    photo = next(entry for entry in entries if entry.name.startswith("media/"))
    original_crc = zipfile.ZipFile(io.BytesIO(good)).getinfo(photo.name).CRC
    photo.data = photo.data[:-10] + bytes(10)
    damaged = _zip(entries)
    new_crc = zipfile.ZipFile(io.BytesIO(damaged)).getinfo(photo.name).CRC
    # The headers keep the checksum of the original bytes: the damage shows only on reading.
    damaged = damaged.replace(struct.pack("<I", new_crc), struct.pack("<I", original_crc))
    path = workspace / "damaged.article"
    path.write_bytes(damaged)
    loaded = load_package(path)
    out = workspace / "damaged-out"
    out.mkdir(exist_ok=True)
    with pytest.raises(ExportError, match=r"^photo \w+: its file media/\S+ is damaged") as error:
        get_exporter("html").export(
            loaded.article, loaded.media, out / "story.html", ExportOptions(parallel=False)
        )
    _assert_one_line(error.value)
