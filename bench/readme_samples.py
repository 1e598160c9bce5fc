"""The README's sample output, generated from the fixtures so it is never stale.

Each sample is a fenced block after a `<!-- sample: NAME -->` line in README.md, holding the
command as typed and its output. `tests/test_readme.py` fails when a block differs from what the
command prints now; `python bench/readme_samples.py --write` rewrites the blocks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK_RE = re.compile(r"(<!-- sample: (?P<name>[\w-]+) -->\n```\n)(?P<body>.*?)(```)", re.S)

# name -> (arguments, whether it runs in a scratch folder holding fixtures/mini as ./corpus)
SAMPLES = {
    "run": (["run", "corpus"], True),
    "check": (["check", "fixtures/drafts/ferry-draft.md", "--corpus", "fixtures/mini"], False),
}


def render(name: str) -> str:
    """The block's text: "$ reconcile ARGS" then what the command prints at 80 columns, colour off."""
    args, scratch = SAMPLES[name]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "unknown"}
    with tempfile.TemporaryDirectory() as folder:
        cwd = ROOT
        if scratch:
            shutil.copytree(ROOT / "fixtures" / "mini", Path(folder) / "corpus")
            cwd = Path(folder)
        done = subprocess.run([sys.executable, "-m", "reconcile", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=120)
    return f"$ reconcile {' '.join(args)}\n{done.stdout}"


def blocks(text: str) -> dict[str, str]:
    """The README's sample blocks by name."""
    return {m.group("name"): m.group("body") for m in BLOCK_RE.finditer(text)}


def write() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK_RE.sub(lambda m: m.group(1) + render(m.group("name")) + m.group(4), text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        for name, body in blocks(README.read_text(encoding="utf-8")).items():
            print(f"{name}: {'current' if body == render(name) else 'STALE'}")
