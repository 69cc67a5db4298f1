"""Pull the plug during a save: SIGKILL at 50 random moments, and the file is never broken.

A child process saves an article with photos and revisions over and over, printing each
version once its save has returned. The test kills it at a random moment (random sleeps spread
the kills over the whole save: writing the temporary file, fsync, the backup, the rename) and
then loads the article: it must be the last version the child reported or the one after it,
whole. The backup must load too, and no temporary file may look like an article.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.model.package import backup_path, load_package

from locations import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

KILLS = 50

_CHILD = r"""
import random, sys
from pathlib import Path
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package
from editor.model.revisions import RevisionStore

path = Path(sys.argv[1])
if path.exists():
    loaded = load_package(path)
    media, revisions = loaded.media, loaded.revisions
    version = int(loaded.article.headline.split()[-1])
    photos = loaded.article.photos
else:
    media, revisions, version = MediaStore(), RevisionStore(), 0
    photos = []
    for n in range(3):
        data = random.Random(n).randbytes(1_500_000)
        photos.append(ImageRef(id=f"p{n}", media_path=media.add_bytes(data, "jpg")))
vocabulary = ["caravan", "migrants", "border", "said"]
words = " ".join(random.Random(1).choice(vocabulary) for _ in range(40_000))
print("ready", version, flush=True)
while True:
    version += 1
    article = Article(headline=f"Version {version}", body=f"{version} {words}", photos=photos)
    save_package(path, article, media, revisions=revisions, add_revision=True, backup=True)
    print(version, flush=True)
"""


def _version(path: Path) -> int:
    loaded = load_package(path)  # raises PackageError if the file is broken
    version = int(loaded.article.headline.split()[-1])
    assert loaded.article.body.startswith(f"{version} ")
    assert len(loaded.article.photos) == 3
    for photo in loaded.article.photos:
        assert len(loaded.media.read(photo.media_path)) == 1_500_000
    assert loaded.revisions.read(loaded.revisions.numbers()[-1]).body == loaded.article.body
    return version


def test_kill_during_save_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    rng = random.Random(os.environ.get("KILL_SEED", time.time_ns()))
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    outcomes = {"old": 0, "new": 0}
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready and ready[0] == "ready", ready
        last = int(ready[1])
        time.sleep(rng.uniform(0.0, 0.15))  # a few saves in, at a random point of one
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported = [int(line) for line in child.stdout.read().split()]
        child.stdout.close()
        if reported:
            last = reported[-1]

        version = _version(path) if path.exists() else 0
        assert version in (last, last + 1), (version, last)
        outcomes["old" if version == last else "new"] += 1
        if backup_path(path).exists():
            # The previous version, or this one when the kill came between making the backup
            # and putting the new file in place.
            assert _version(backup_path(path)) <= version
        for leftover in tmp_path.iterdir():
            if leftover.name not in (path.name, backup_path(path).name):
                # Temporary files are hidden, end in .tmp, and never in .article.
                assert leftover.name.startswith(".") and leftover.name.endswith(".tmp")
    assert _version(path) > 0
    # Both outcomes happen: kills land between saves and inside them.
    print(outcomes)
