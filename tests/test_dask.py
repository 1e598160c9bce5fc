"""Issue #12: the dask engine (optional extra) gives the local engine's rows, on a two-worker
LocalCluster. Skipped when dask.distributed is not installed."""

import shutil

import pytest

from reconcile.pipeline import run_corpus
from reconcile.store import build_rows

from .conftest import FIXTURES

pytest.importorskip("distributed")


def test_the_dask_engine_gives_the_local_engines_rows(tmp_path):
    from reconcile.dask_engine import dask_maps

    for story in sorted((FIXTURES / "corpus").iterdir()):  # several stories in one folder
        shutil.copytree(story, tmp_path / story.name)
    local = run_corpus(tmp_path)
    with dask_maps(workers=2) as (map_articles, map_stories):
        distributed = run_corpus(tmp_path, map_articles=map_articles, map_stories=map_stories)
    assert len(set(local.stories.values())) > 1
    def rows(result):
        return {table: list(items) for table, items in build_rows(result).items()}
    assert rows(distributed) == rows(local)


def test_an_unreachable_scheduler_is_one_clear_error():
    from reconcile.dask_engine import dask_maps
    from reconcile.errors import EngineUnavailable

    with pytest.raises(EngineUnavailable, match="cannot reach the scheduler tcp://127.0.0.1:1"):
        with dask_maps("tcp://127.0.0.1:1", timeout="1s"):
            pass
