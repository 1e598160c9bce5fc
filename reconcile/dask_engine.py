"""Engine `dask`: the same pipeline, with extraction and judgement run as Dask tasks.

Extraction is a map over batches of articles; each story is judged by one task
(`pipeline.judge_story`, a pure function of the story's articles); grouping into stories,
merging and the store stay on the machine that runs the command, so the rows are the same as
the local engine's (tested). A scheduler ADDRESS runs it on an existing dask.distributed
cluster whose workers have reconcile installed; without one, a local cluster is started.
Optional: `pip install 'reconcile[dask]'`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from .errors import EngineUnavailable

ARTICLES_PER_TASK = 50  # a task per article would cost more in scheduling than in reading
TASKS_PER_WORKER = 8  # stories go out in this many batches per worker: balanced, few tasks


@contextlib.contextmanager
def dask_maps(scheduler: str | None = None, workers: int = 2, timeout: str = "10s") -> Iterator[tuple[Callable, Callable]]:
    """(map_articles, map_stories) running on a Dask cluster: the one at `scheduler`
    ("tcp://host:8786"), or a local one of `workers` single-threaded processes.
    Raises EngineUnavailable without dask.distributed or when the scheduler cannot be reached."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineUnavailable("dask", "dask.distributed is not installed (pip install 'reconcile[dask]')") from None
    with contextlib.ExitStack() as stack:
        try:
            if scheduler:
                client = stack.enter_context(Client(scheduler, timeout=timeout))
            else:
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                           dashboard_address=None, silence_logs=40))
                client = stack.enter_context(Client(cluster))
        except OSError as error:
            raise EngineUnavailable("dask", f"cannot reach the scheduler {scheduler}: {error}") from None

        def map_articles(function: Callable, items: list, *rest: list) -> list:
            batches = [list(zip(items[i:i + ARTICLES_PER_TASK], *(r[i:i + ARTICLES_PER_TASK] for r in rest)))
                       for i in range(0, len(items), ARTICLES_PER_TASK)]
            return _run(client, function, batches)

        def map_stories(function: Callable, work: list) -> list:
            # most stories are a few articles: a task per story would cost more in scheduling
            size = max(1, len(work) // (TASKS_PER_WORKER * _workers_of(client)))
            batches = [[(w,) for w in work[i:i + size]] for i in range(0, len(work), size)]
            return _run(client, function, batches)

        yield map_articles, map_stories


def _run(client, function: Callable, batches: list[list[tuple]]) -> list:
    """Each batch's results, in order. The batches go to the workers as data (scatter), not
    inside the task graph, which Dask warns about past a few megabytes."""
    if not batches:
        return []
    data = client.scatter(batches)
    done = client.gather(client.map(_apply_batch, [function] * len(batches), data, pure=False))
    return [result for batch in done for result in batch]


def _workers_of(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _apply_batch(function: Callable, batch: list[tuple]) -> list:
    return [function(*args) for args in batch]
