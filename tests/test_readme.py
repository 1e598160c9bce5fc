"""Issue #13: the README's sample output is what the commands print now."""

import importlib.util

import pytest

from .conftest import FIXTURES

_spec = importlib.util.spec_from_file_location("readme_samples", FIXTURES.parent / "bench" / "readme_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_readme_sample_is_current(name):
    shown = samples.blocks(samples.README.read_text(encoding="utf-8"))
    assert name in shown, f"README.md has no <!-- sample: {name} --> block"
    assert shown[name] == samples.render(name), "stale: run python bench/readme_samples.py --write"
