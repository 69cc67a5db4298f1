"""Publishing to a real WordPress on this machine: a 3,000-word story with five 24-megapixel
photos (``export.story_with_photos``), timed from ``publish()`` to the post's id, then a
correction (body and one caption changed: one media item updated in place, the post updated).

The site is the one named by ``WP_URL``, ``WP_USER`` and ``WP_APP_PASSWORD``, or else one started
for the run by the WordPress recipe the tests use (``tests/wordpress/``, or
``$DATELINE_WORDPRESS_RECIPE``) on a free port and stopped at the end. Each run publishes a new
copy of the story (a new post and five media items). Prints the median and slowest of each
figure, with the core count. Never fails on time.

    .venv/bin/python benchmarks/publish.py [--runs 3] [--photos 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from export import story_with_photos  # the benchmark folder is not a package

from editor.publish.rest import Site
from editor.publish.wordpress import publish

REPO = Path(__file__).resolve().parents[1]
RECIPE = Path(os.environ.get("DATELINE_WORDPRESS_RECIPE", REPO / "tests" / "wordpress"))


@contextmanager
def wordpress_site() -> Iterator[Site]:
    if all(os.environ.get(name) for name in ("WP_URL", "WP_USER", "WP_APP_PASSWORD")):
        yield Site(os.environ["WP_URL"], os.environ["WP_USER"], os.environ["WP_APP_PASSWORD"])
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="dateline-wordpress-") as folder:
        env = dict(os.environ, WP_PROBE_DIR=folder, WP_PORT=str(port), WP_INSTALL_PACKAGES="1")
        try:
            started = subprocess.run(
                ["bash", str(RECIPE / "start.sh")], env=env, capture_output=True, text=True
            )
            if started.returncode != 0:
                raise SystemExit(f"WordPress did not start:\n{started.stderr[-2000:]}")
            values = dict(re.findall(r"^(WP_[A-Z_]+)=(.*)$", started.stdout, re.M))
            yield Site(values["WP_URL"], values["WP_USER"], values["WP_APP_PASSWORD"])
        finally:
            subprocess.run(["bash", str(RECIPE / "stop.sh")], env=env, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    article, media = story_with_photos(args.photos)
    first_times, again_times = [], []
    with wordpress_site() as site:
        for run in range(args.runs):
            article.metadata.clear()
            article.url_slug = f"caravan-benchmark-{uuid.uuid4().hex[:8]}"
            article.body = article.body.replace("(corrected)", "")
            article.photos[-1].caption = f"Migrants on the road, photo {args.photos}"
            start = time.perf_counter()
            result = publish(article, media, site)
            first_times.append(time.perf_counter() - start)
            assert len(result.uploaded) == args.photos, result
            result.apply_to(article)

            article.body += "\n\n(corrected)"
            article.photos[-1].caption += f" (corrected, run {run + 1})"
            start = time.perf_counter()
            again = publish(article, media, site)
            again_times.append(time.perf_counter() - start)
            assert again.post_id == result.post_id and again.uploaded == (), again

    figures = {
        "cores": os.cpu_count(),
        "photos": args.photos,
        "runs": args.runs,
        "publish_median_s": statistics.median(first_times),
        "publish_slowest_s": max(first_times),
        "correction_median_s": statistics.median(again_times),
        "correction_slowest_s": max(again_times),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{os.cpu_count()} cores; {args.photos} photos of 24 megapixels; {args.runs} runs")
        print(
            f"publish (new post):      median {figures['publish_median_s']:.2f} s, "
            f"slowest {figures['publish_slowest_s']:.2f} s"
        )
        print(
            f"correction (same post):  median {figures['correction_median_s']:.2f} s, "
            f"slowest {figures['correction_slowest_s']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
