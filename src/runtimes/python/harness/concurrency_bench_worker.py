"""The side of the `process` and `process+async` models that runs inside each ProcessPoolExecutor worker.

It lives in its own module (not the host script) so that `spawn` and `forkserver` workers can
import it by name: the host's directory is on the sys.path they inherit.
"""
from __future__ import annotations

import asyncio
import inspect
import os
import threading
import time

import concurrency_bench_common as common

_state: dict = {}


def initialize(module_ref, function_name, cwd, starts, indexes, slot_counter, barrier, close_fd, next_task=None):
    """ProcessPoolExecutor initializer: claim a watchdog lane, load the workload, run setup().

    It never raises: an initializer that raises breaks the whole pool with a message that names no
    cause, so a failure is kept and reported by the next checkpoint() instead.
    """
    if close_fd is not None:
        # A forked worker inherits the host's protocol pipe; only the host may write to it, and a
        # straggling worker must not keep the orchestrator waiting for the pipe to close.
        try:
            os.close(close_fd)
        except OSError:
            pass
    common.prepare_context()
    with slot_counter.get_lock():
        slot = slot_counter.value
        slot_counter.value += 1
    loop = common.LoopHolder()
    _state.update(slot=slot % len(starts), starts=starts, indexes=indexes, barrier=barrier, loop=loop, next_task=next_task)
    try:
        module, fn = common.load(module_ref, function_name, cwd)
        _state.update(module=module, fn=fn)
        common.run_hook(module, "setup", loop)
    except common.LoadError as exc:
        _state["error"] = "%s (in worker process %d)" % (exc, os.getpid())
    except BaseException as exc:  # defensive: load() wraps everything it can foresee
        _state["error"] = "%s (in worker process %d)" % (common.describe(exc), os.getpid())


def checkpoint(final: bool):
    """One of C identical tasks submitted together: the barrier makes each of the C workers take
    exactly one, so the host hears from every worker. Used before the first batch (forcing all
    workers to start and run setup() outside the timed region) and between batches (CPU time is
    read at batch boundaries, never inside a batch). The final one runs teardown()."""
    _state["barrier"].wait()
    if "error" in _state:
        return {"error": _state["error"]}
    if final:
        try:
            common.run_hook(_state["module"], "teardown", _state["loop"])
        except common.LoadError as exc:
            return {"error": "%s (in worker process %d)" % (exc, os.getpid())}
        _state["loop"].close()
    # This thread is the one that runs the worker's tasks (run_share): its CPU and run-queue wait.
    task = common.thread_times([threading.get_native_id()])
    return {"pid": os.getpid(), "cpu": common.cpu_seconds(), "task": task, "rss": common.maxrss_bytes(),
            "unhandled": common.take_unhandled()}


def run_share(tasks: int, per_worker: int, total: int, workers: int) -> list:
    """process and process+async: one of W identical calls submitted together (the barrier gives
    each worker exactly one), each running its share of the `total` tasks in flight (per_worker:
    1 in the process model; one fewer on the last workers when they do not divide) at once on this
    worker's event loop. The workers take task indexes from one shared counter, so a worker that
    runs ahead takes more. Returns the latencies (ms) of the tasks this worker ran; a task that fails ends the share with its error."""
    _state["barrier"].wait()
    worker = _state["slot"]
    return _state["loop"].get().run_until_complete(_share(tasks, per_worker, common.lanes_of(worker, total, workers)))


async def _share(tasks: int, per_worker: int, lanes: int) -> list:
    fn, starts, indexes, counter = _state["fn"], _state["starts"], _state["indexes"], _state["next_task"]
    base = _state["slot"] * per_worker
    latencies: list = []
    failed: list = []

    def take():
        with counter.get_lock():
            index = counter.value
            counter.value = index + 1
        return index

    async def lane(slot: int) -> None:
        while not failed:
            index = take()
            if index >= tasks:
                return
            indexes[slot] = index
            starts[slot] = time.monotonic()
            begin = time.perf_counter()
            try:
                result = fn(index)
                if inspect.isawaitable(result):
                    await result
            except BaseException:
                failed.append(True)
                raise
            finally:
                starts[slot] = 0.0
            latencies.append((time.perf_counter() - begin) * 1000.0)

    # Every lane ends (the others stop taking tasks after a failure) before the first error is
    # raised: none is left pending on the loop to resume inside the next batch.
    outcomes = await asyncio.gather(*[lane(base + k) for k in range(lanes)], return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return latencies
