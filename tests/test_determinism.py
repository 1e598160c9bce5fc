"""A run's output does not depend on Python's hash seed (set and dict order of strings)."""

import json
import os
import subprocess
import sys

TEXT = ("Officials confirmed 2 fatalities on Saturday, while 60 passengers were still unaccounted for "
        "and 3 passengers were taken to hospital amid the confusion at the airport.\n")

SCRIPT = """
import json, sys
from reconcile.ingest import parse_document
from reconcile.pipeline import analyze
r = analyze([parse_document("a.md", sys.argv[1])])
print(json.dumps([[c.quantity.surface, list(c.local)] for c in r.claims if c.quantity is not None]))
"""


def _locals(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-c", SCRIPT, TEXT], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_local_words_do_not_depend_on_the_hash_seed():
    runs = [_locals(seed) for seed in ("1", "2", "3", "4", "5", "6")]
    assert all(run == runs[0] for run in runs), runs
