"""Scale-out: an ingest on a Dask distributed cluster, through ``executor=``."""

from __future__ import annotations

import pytest

from release_parser.ingest import ingest, query

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_client():
    """A LocalCluster of two worker processes, each with one thread, on loopback."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=":0", silence_logs=40)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_ingest_on_a_dask_cluster(dask_client, corpus, tmp_path, read_errors):
    url = f"sqlite:///{tmp_path / 'releases.db'}"
    executor = dask_client.get_executor()
    result = ingest(corpus, db=url, executor=executor, progress=False)
    assert (result.counts.loaded, result.counts.skipped, result.counts.failed) == (3, 1, 2)
    assert set(result.errors["error_type"]) <= read_errors
    values = query(url, "select value from facts where line_item_key = 'total_revenues' and period = '2Q04'"
                        " and measure = 'value'")["value"]
    assert values.tolist() == [10512.0] * 3
    again = ingest(corpus, db=url, executor=executor, progress=False)
    assert again.counts.loaded == 0 and again.counts.skipped == 4


def test_in_flight_work_follows_the_cluster_size(dask_client):
    from release_parser.ingest.runner import WorkerPool

    pool = WorkerPool(executor=dask_client.get_executor())
    assert pool.parallelism == 2 and pool.max_in_flight == 4
    assert WorkerPool(executor=dask_client.get_executor(), workers=8).max_in_flight == 16
