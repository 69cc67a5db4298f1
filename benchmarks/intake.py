"""Copy coming in: the two figures issue 15 names, one after the other.

1. converting 10,000 words of Word clipboard HTML (target 200 ms): ``intake_convert.py``;
2. importing a 40-page DOCX with 20 photos (target 2 s): ``intake_docx.py``.

Each script can also be run alone, with its own options. Never fails on time.

    .venv/bin/python benchmarks/intake.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import intake_convert, intake_docx


def main() -> int:
    print("== pasted HTML (benchmarks/intake_convert.py)")
    intake_convert.main([])
    print("\n== Word file (benchmarks/intake_docx.py)")
    sys.argv = [sys.argv[0]]
    return intake_docx.main()


if __name__ == "__main__":
    sys.exit(main())
