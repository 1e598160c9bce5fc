"""The development corpora (fixtures/dev) are data other tests and `make score` rely on: every
expectation must point at a quote that occurs exactly once in an article that exists, and every
article must carry its outlet and date and be listed in the provenance file."""

import json
import re

import pytest

from .conftest import FIXTURES

DEV = FIXTURES / "dev"
STORIES = sorted(p.stem for p in (DEV / "expected").glob("*.json"))


def _locations(expected: dict):
    for c in expected.get("contradictions", []):
        yield from c["a"] + c["b"]
    for c in expected.get("agreements", []):
        yield from c["claims"]
    for c in expected.get("unrelated", []):
        yield from (c["a"], c["b"])
    for c in expected.get("updates", []):
        yield from (c["earlier"], c["later"])


def test_at_least_eight_dev_corpora_of_six_outlets():
    assert len(STORIES) >= 8
    for story in STORIES:
        assert len(list((DEV / "corpus" / story).glob("*.md"))) >= 6, story


@pytest.mark.parametrize("story", STORIES)
def test_expectations_point_at_unique_quotes(story):
    expected = json.loads((DEV / "expected" / f"{story}.json").read_text(encoding="utf-8"))
    for loc in _locations(expected):
        text = (DEV / "corpus" / loc["file"]).read_text(encoding="utf-8")
        assert text.count(loc["quote"]) == 1, loc


@pytest.mark.parametrize("story", STORIES)
def test_articles_carry_provenance(story):
    provenance = json.loads((DEV / "provenance" / f"{story}.json").read_text(encoding="utf-8"))
    listed = {a["file"] for a in provenance["articles"]}
    for path in (DEV / "corpus" / story).glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^outlet: .+$", text, re.M) and re.search(r"^date: \d{4}-\d\d-\d\d$", text, re.M), path.name
        assert f"{story}/{path.name}" in listed, path.name
