"""Run tasks on an executor, streaming results back with a bounded number in flight.

At most ``max_in_flight`` tasks are submitted and not yet consumed, so memory
stays flat however many files a batch has: the parent takes the next file only
after it has consumed (written) a result.

A pool this module starts itself (:class:`WorkerPool`) survives a worker process
that dies (a crash in a PDF library, the kernel's out-of-memory killer): the
pool is restarted and the tasks that were in flight are run again one at a time,
so only the file that kills a worker is reported, as ``BrokenProcessPool``.

A task that runs longer than ``task_seconds`` (a file the reader's own timeout
cannot interrupt, stuck inside a library call) has its worker killed the same
way; rerun alone and still too slow, it is reported as a
:class:`~release_parser.errors.TimeLimitError`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..errors import TimeLimitError
from .errors import IngestError

__all__ = ["WorkerPool", "stream_results", "executor_capacity", "progress_bar"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: Tasks kept in flight per parallel worker: one running, one queued behind it.
IN_FLIGHT_PER_WORKER = 2
#: Seconds a file may take in a worker of our own before the worker is killed: twice the
#: PDF reader's default timeout, and a margin. A queued task is given as long again.
DEFAULT_TASK_SECONDS = 150.0
#: How often the parent looks for tasks over their time while it waits for results.
_WATCH_SECONDS = 0.5


class WorkerPool:
    """Where tasks run: inline, on a process pool of our own, or on the caller's executor.

    Parameters
    ----------
    workers
        Number of worker processes; ``0`` runs every task in the calling
        process; ``None`` uses one process per CPU.  With ``executor``, the
        number of tasks the executor runs at once (default: asked of the executor).
    executor
        Any :class:`concurrent.futures.Executor` (a Dask ``client.get_executor()``,
        a ``ThreadPoolExecutor``, ...). It is used as is and never shut down here.
    """

    def __init__(
        self, *, workers: int | None = None, executor: Executor | None = None,
        task_seconds: float | None = DEFAULT_TASK_SECONDS,
    ) -> None:
        self.task_seconds = task_seconds
        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 0):
            raise ValueError(f"workers must be a non-negative integer or None, not {workers!r}")
        self._given = executor
        self._own: ProcessPoolExecutor | None = None
        if executor is not None:
            self.parallelism = workers or executor_capacity(executor)
        else:
            self.parallelism = (os.cpu_count() or 1) if workers is None else workers

    @property
    def inline(self) -> bool:
        return self._given is None and self.parallelism == 0

    @property
    def restartable(self) -> bool:
        return self._given is None

    @property
    def max_in_flight(self) -> int:
        return max(1, IN_FLIGHT_PER_WORKER * self.parallelism)

    def submit(self, fn: Callable[[T], R], task: T) -> Future:
        executor = self._given
        if executor is None:
            if self._own is None:
                self._own = ProcessPoolExecutor(
                    max_workers=self.parallelism, initializer=_exit_with_parent, initargs=(os.getpid(),)
                )
            executor = self._own
        try:
            return executor.submit(fn, task)
        except (BrokenProcessPool, RuntimeError) as error:
            raise IngestError(f"the executor cannot take more work: {error}") from error

    def kill_workers(self) -> None:
        """Kill the worker processes of our own pool: every task in flight fails with ``BrokenProcessPool``."""
        processes = getattr(self._own, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()

    def restart(self) -> None:
        """Replace a broken pool of our own by a new one (started on the next submit)."""
        if self._own is not None:
            self._own.shutdown(wait=True, cancel_futures=True)
            self._own = None

    def close(self) -> None:
        """Shut down the pool of our own, cancelling what has not started."""
        self.restart()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


#: How often a worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: end the worker when its parent is gone.

    A parent killed outright (SIGKILL, the OOM killer) cannot shut its pool down,
    and its idle workers would otherwise wait on the task queue for ever.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def executor_capacity(executor: Executor) -> int:
    """How many tasks ``executor`` runs at once: its ``max_workers``, a Dask
    cluster's total threads, else the number of local CPUs."""
    limit = getattr(executor, "_max_workers", None)
    if isinstance(limit, int) and limit > 0:
        return limit
    client = getattr(executor, "_client", None)
    if client is not None and hasattr(client, "nthreads"):
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # a client that cannot answer: fall back to the local CPUs
            logger.debug("cannot ask the Dask client for its threads", exc_info=True)
            threads = 0
        if threads > 0:
            return threads
    return os.cpu_count() or 1


def stream_results(fn: Callable[[T], R], tasks: Iterable[T], pool: WorkerPool) -> Iterator[tuple[T, R | BaseException]]:
    """Yield ``(task, fn(task))`` as results come in, or ``(task, exception)``.

    ``tasks`` is consumed lazily: the next task is taken only while fewer than
    ``pool.max_in_flight`` are submitted and not yet yielded. Results come in
    completion order (inline: in task order). An exception raised by ``fn`` or by
    the executor for one task is yielded in place of its result.
    """
    if pool.inline:
        for task in tasks:
            try:
                yield task, fn(task)
            except Exception as error:  # yielded to the caller, who records it
                yield task, error
        return
    yield from _stream_pooled(fn, iter(tasks), pool)


def _stream_pooled(fn: Callable[[T], R], tasks: Iterator[T], pool: WorkerPool) -> Iterator[tuple[T, R | BaseException]]:
    pending: dict[Future, T] = {}
    suspects: deque[T] = deque()  # in flight when a worker died: rerun one at a time
    alone: Future | None = None  # the suspect now running by itself
    exhausted = False
    needs_restart = False
    started: dict[Future, float] = {}
    overdue: set[Future] = set()
    watch = pool.restartable and pool.task_seconds is not None
    while True:
        if suspects or alone is not None:
            if not pending:
                task = suspects.popleft()
                alone = pool.submit(fn, task)
                pending[alone] = task
                started[alone] = time.monotonic()
        else:
            while not exhausted and len(pending) < pool.max_in_flight:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                future = pool.submit(fn, task)
                pending[future] = task
                started[future] = time.monotonic()
        if not pending:
            return
        done, _ = wait(pending, timeout=_WATCH_SECONDS if watch else None, return_when=FIRST_COMPLETED)
        if not done:
            late = _overdue(pending, started, alone, pool.task_seconds) if watch else []
            if late:
                logger.warning("%d file(s) ran longer than %g s; stopping their worker", len(late), pool.task_seconds)
                overdue.update(late)
                pool.kill_workers()
            continue
        for future in done:
            task = pending.pop(future)
            started.pop(future, None)
            was_alone, alone = future is alone, (None if future is alone else alone)
            try:
                result = future.result()
            except BrokenProcessPool as error:
                needs_restart = True
                if pool.restartable and not was_alone:
                    suspects.append(task)
                elif future in overdue:
                    yield task, TimeLimitError(
                        f"{getattr(task, 'path', task)}: still running after {pool.task_seconds:g} s: its worker was stopped")
                else:
                    yield task, error
                continue
            except Exception as error:  # yielded to the caller, who records it
                yield task, error
                continue
            yield task, result
        if needs_restart and not pending and pool.restartable:
            logger.warning("a worker process died; restarting the pool, retrying %d file(s) one by one", len(suspects))
            pool.restart()
            needs_restart = False


def _overdue(pending: dict[Future, object], started: dict[Future, float], alone: Future | None,
             seconds: float) -> list[Future]:
    """The futures over their time: ``seconds`` for a task running alone, twice that for one that may have queued."""
    now = time.monotonic()
    allowed = {future: seconds if future is alone else IN_FLIGHT_PER_WORKER * seconds for future in pending}
    return [future for future in pending if now - started.get(future, now) > allowed[future]]


def progress_bar(total: int, *, enabled: bool):
    """A tqdm bar: a widget in notebooks, text on a terminal's stderr, nothing when
    ``enabled`` is False or stderr is not a terminal (outside notebooks)."""
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="ingest", disable=None if enabled else True, dynamic_ncols=True)
