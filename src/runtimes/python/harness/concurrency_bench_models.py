"""The execution models, host side. Each one loads the workload, starts its pool outside the
timed region, runs batches of tasks 0..tasks-1 with at most `concurrency` in flight, and reports
wall time, CPU time (host + workers, and that of the threads running the tasks) and per-task
latency.

Latency is a task's own run time as its lane sees it (from the moment it starts on a worker, a
thread or the event loop to its end), so queueing behind other tasks of the batch is not counted;
dispatch costs show in the batch wall time and hence in throughput.
"""
from __future__ import annotations

import asyncio
import inspect
import itertools
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

import concurrency_bench_common as common
import concurrency_bench_worker as worker


class Failure(Exception):
    """A cell-ending fault found while measuring: status is a protocol failure status."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Lanes:
    """What each lane (a slot of the concurrency limit) is running: start time on time.monotonic()
    (0 = idle) and task index. The watchdog thread reads it; for the process model both arrays
    are shared memory written by the worker processes."""

    def __init__(self, starts, indexes) -> None:
        self.starts = starts
        self.indexes = indexes

    @classmethod
    def local(cls, count: int) -> "Lanes":
        return cls([0.0] * count, [0] * count)

    def begin(self, lane: int, index: int) -> None:
        self.indexes[lane] = index
        self.starts[lane] = time.monotonic()

    def end(self, lane: int) -> None:
        self.starts[lane] = 0.0

    def overdue(self, limit_s: float):
        """Index of a task running for longer than limit_s, or None."""
        now = time.monotonic()
        for lane in range(len(self.starts)):
            started = self.starts[lane]
            if started and now - started > limit_s:
                return self.indexes[lane]
        return None


def ms(seconds: float) -> float:
    return seconds * 1000.0


class InProcess:
    """Sequential, async and thread: the workload runs inside the host, loaded and set up once."""

    def __init__(self, workload: dict, concurrency: int, cwd: str) -> None:
        self.workload = workload
        self.tasks = workload["tasks"]
        self.concurrency = concurrency
        self.cwd = cwd
        self.loop = common.LoopHolder()
        self.lanes = Lanes.local(concurrency)
        self.module = None
        self.fn = None

    def start(self) -> None:
        self.module, self.fn = common.load(self.workload["modulePath"], self.workload["function"], self.cwd)
        common.run_hook(self.module, "setup", self.loop)
        unhandled = common.take_unhandled()
        if unhandled is not None:
            raise common.LoadError("setup() failed: %s" % unhandled)

    def task_thread_ids(self) -> list:
        """Native ids of the threads that run the tasks: the host's main thread, which runs the
        batch (and the event loop in async)."""
        return [threading.main_thread().native_id]

    def batch(self):
        """Returns (wall ms, cpu ms, latencies ms in completion order, the task threads' own
        taskCpuMs and runQueueMs or None)."""
        cpu_before = common.cpu_seconds()
        threads_before = common.thread_times(self.task_thread_ids())
        begin = time.perf_counter()
        latencies = self.run_tasks()
        wall = time.perf_counter() - begin
        threads = common.task_threads_between(threads_before, common.thread_times(self.task_thread_ids()))
        cpu = common.cpu_seconds() - cpu_before
        unhandled = common.take_unhandled()  # outside timing (see concurrency_bench_common)
        if unhandled is not None:
            raise Failure("errored", unhandled)
        return ms(wall), ms(cpu), latencies, threads

    def run_tasks(self) -> list:
        raise NotImplementedError

    def peak_rss(self) -> int:
        """Peak resident set so far, bytes (threads share the process's)."""
        return common.maxrss_bytes()

    def finish(self) -> int:
        self.shutdown()
        try:
            common.run_hook(self.module, "teardown", self.loop)
        except common.LoadError as exc:
            raise Failure("errored", str(exc)) from exc
        self.loop.close()
        return common.maxrss_bytes()

    def shutdown(self) -> None:
        pass


class Sequential(InProcess):
    def run_tasks(self) -> list:
        fn, lanes, loop, latencies = self.fn, self.lanes, self.loop, []
        for index in range(self.tasks):
            lanes.begin(0, index)
            begin = time.perf_counter()
            try:
                common.call(fn, index, loop)
            except BaseException as exc:
                raise Failure("errored", common.describe(exc)) from exc
            latencies.append(ms(time.perf_counter() - begin))
            lanes.end(0)
        return latencies


class Async(InProcess):
    """asyncio with a Semaphore of C. A coroutine function is awaited; a plain function is called
    on the loop as it is and blocks it, which is exactly what the measurement should show."""

    def run_tasks(self) -> list:
        try:
            return self.loop.get().run_until_complete(self._batch())
        except BaseException as exc:
            raise Failure("errored", common.describe(exc)) from exc

    async def _batch(self) -> list:
        fn, lanes, latencies = self.fn, self.lanes, []
        semaphore = asyncio.Semaphore(self.concurrency)  # created on the running loop (3.9 binds it)
        free = list(range(self.concurrency))

        async def one(index: int) -> None:
            async with semaphore:
                lane = free.pop()
                lanes.begin(lane, index)
                begin = time.perf_counter()
                try:
                    result = fn(index)
                    if inspect.isawaitable(result):
                        await result
                finally:
                    lanes.end(lane)
                    free.append(lane)
                latencies.append(ms(time.perf_counter() - begin))

        await asyncio.gather(*[one(index) for index in range(self.tasks)])
        return latencies


class Thread(InProcess):
    """ThreadPoolExecutor(C), every task submitted at once as a user's executor.map would. A
    coroutine function runs on an event loop of the worker thread's own."""

    def start(self) -> None:
        super().start()
        self.pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="concurrency-bench")
        self.local = threading.local()
        self.lane_numbers = itertools.count()
        self.native_ids: list = []
        self.thread_loops: list = []
        # ThreadPoolExecutor starts threads on demand; a barrier of C makes all C start now, each
        # claiming its watchdog lane, rather than inside the first timed batch.
        barrier = threading.Barrier(self.concurrency)
        for future in [self.pool.submit(self._enter, barrier) for _ in range(self.concurrency)]:
            future.result()

    def _enter(self, barrier: threading.Barrier) -> None:
        barrier.wait()
        self.native_ids.append(threading.get_native_id())
        self.local.lane = next(self.lane_numbers)
        self.local.loop = common.LoopHolder()
        self.thread_loops.append(self.local.loop)

    def task_thread_ids(self) -> list:
        """The pool's C threads (ThreadPoolExecutor keeps them for its lifetime)."""
        return self.native_ids

    def _task(self, index: int, latencies: list, errors: list) -> None:
        local, lanes = self.local, self.lanes
        lanes.begin(local.lane, index)
        begin = time.perf_counter()
        try:
            common.call(self.fn, index, local.loop)
        except BaseException as exc:
            errors.append(exc)
            raise
        finally:
            lanes.end(local.lane)
        latencies.append(ms(time.perf_counter() - begin))

    def run_tasks(self) -> list:
        latencies: list = []
        errors: list = []
        futures = [self.pool.submit(self._task, index, latencies, errors) for index in range(self.tasks)]
        wait(futures, return_when=FIRST_EXCEPTION)
        if errors:
            raise Failure("errored", common.describe(errors[0]))
        return latencies

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)
        for holder in self.thread_loops:
            holder.close()


class Process:
    """ProcessPoolExecutor(C) with the configured start method. setup() runs once in every worker
    (initializer); all C workers are started and set up before the timed region; each worker's
    CPU time and peak RSS are read at batch boundaries through checkpoint().

    A batch is one call per worker (worker.run_share) whose tasks it takes, one at a time, from a
    shared counter: a pool fed in chunks, as multiprocessing.Pool.map feeds it, not one pickled
    call and result per task through the executor's manager thread. process+async is the same
    pool with more tasks in flight per worker, so the two differ by that alone. Fed per task,
    process 2 read x1.67 on py-json-dumps (2 ms tasks) where process+async 2x1, the same pool
    pulling its tasks with nothing in flight to overlap, read x1.86 (one run at 5da43b2): the
    hybrid's lead was the dispatch's, not the overlap's."""

    def __init__(self, workload: dict, concurrency: int, cwd: str, protocol_fd: int, per_worker: int = 1) -> None:
        self.workload = workload
        self.tasks = workload["tasks"]
        # `concurrency` worker processes, each with `per_worker` tasks in flight (1 here).
        self.concurrency = concurrency
        self.per_worker = per_worker
        # The tasks in flight in all (process+async: C / W per worker, one fewer on the last when they do not divide).
        self.total = concurrency * per_worker
        self.cwd = cwd
        self.protocol_fd = protocol_fd
        self.lanes = None
        self.pool = None
        self.processes: list = []
        self.next_task = None
        self.peak = 0

    def start(self) -> None:
        # Loaded in the host too: a fork-started worker inherits it (as in a real program that
        # imports its code before making a pool), and an import error reads cleanly from here.
        common.load(self.workload["modulePath"], self.workload["function"], self.cwd)
        context = multiprocessing.get_context(self.workload.get("startMethod"))
        self.start_method = context.get_start_method()
        lanes = self.concurrency * self.per_worker
        self.lanes = Lanes(context.RawArray("d", lanes), context.RawArray("q", lanes))
        self.next_task = context.Value("q", 0)
        close_fd = self.protocol_fd if self.start_method == "fork" else None
        self.pool = ProcessPoolExecutor(
            self.concurrency,
            mp_context=context,
            initializer=worker.initialize,
            initargs=(self.workload["modulePath"], self.workload["function"], self.cwd,
                      self.lanes.starts, self.lanes.indexes, context.Value("i", 0),
                      context.Barrier(self.concurrency), close_fd, self.next_task),
        )
        usage = self._checkpoint(final=False, starting=True)
        self.worker_cpu = sum(u["cpu"] for u in usage)
        self.worker_task = self._task_times(usage)
        self.peak = self._peak_of(usage)

    @staticmethod
    def _peak_of(usage: list) -> int:
        """Peak resident set of the host and every worker so far, bytes."""
        return common.maxrss_bytes() + sum(u["rss"] for u in usage)

    def peak_rss(self) -> int:
        """As read at the last checkpoint (after the last batch)."""
        return self.peak

    @staticmethod
    def _task_times(usage: list):
        """(on-CPU ms, run-queue wait ms) of every worker's task thread so far, or None when a
        worker could not read its own (not Linux)."""
        if any(u.get("task") is None for u in usage):
            return None
        return sum(u["task"][0] for u in usage), sum(u["task"][1] for u in usage)

    def _checkpoint(self, final: bool, starting: bool = False) -> list:
        try:
            futures = [self.pool.submit(worker.checkpoint, final) for _ in range(self.concurrency)]
            # Kept to name the worker that died if the pool breaks (the executor forgets them).
            self.processes = list(getattr(self.pool, "_processes", {}).values()) or self.processes
            usage = [future.result() for future in futures]
        except BrokenProcessPool as exc:
            raise Failure("crashed", self._crash_message(exc)) from exc
        for item in usage:
            if "error" in item:
                if final:
                    raise Failure("errored", item["error"])
                raise common.LoadError(item["error"])
        for item in usage:
            if item.get("unhandled") is not None and not final:
                if starting:
                    raise common.LoadError("setup() failed: %s" % item["unhandled"])
                raise Failure("errored", item["unhandled"])
        return usage

    def batch(self):
        latencies: list = []
        host_cpu = common.cpu_seconds()
        self.next_task.value = 0
        begin = time.perf_counter()
        try:
            futures = [self.pool.submit(worker.run_share, self.tasks, self.per_worker, self.total, self.concurrency) for _ in range(self.concurrency)]
            for future in futures:
                latencies.extend(future.result())
        except BrokenProcessPool as exc:
            raise Failure("crashed", self._crash_message(exc)) from exc
        # SystemExit too: a task calling sys.exit() comes back from its worker as the error it is
        # (errored, as in the other models), not as the end of the host.
        except (Exception, SystemExit) as exc:
            # The other shares end on their own (they stop taking tasks once the counter runs out).
            with self.next_task.get_lock():
                self.next_task.value = self.tasks
            wait(futures)
            raise Failure("errored", common.describe(exc)) from exc
        return self._batch_result(time.perf_counter() - begin, common.cpu_seconds() - host_cpu, latencies)

    def _batch_result(self, wall: float, host_cpu: float, latencies: list):
        """A batch's figures, its workers' CPU read at the checkpoint after it (outside timing)."""
        usage = self._checkpoint(final=False)
        worker_cpu = sum(u["cpu"] for u in usage)
        cpu = host_cpu + worker_cpu - self.worker_cpu
        self.worker_cpu = worker_cpu
        # The workers' task threads only: the host's threads dispatch and collect.
        worker_task = self._task_times(usage)
        threads = common.task_threads_between(self.worker_task, worker_task)
        self.worker_task = worker_task
        self.peak = self._peak_of(usage)
        return ms(wall), ms(cpu), latencies, threads

    def _crash_message(self, exc: BaseException) -> str:
        # The pool terminates the surviving workers (SIGTERM) once it breaks; the culprit is the
        # one that ended some other way. Wait for every exit to be visible (the executor's thread
        # reaps them concurrently) before picking, or a survivor's SIGTERM could be blamed.
        deadline = time.monotonic() + 2.0
        while any(p.exitcode is None for p in self.processes) and time.monotonic() < deadline:
            time.sleep(0.02)
        ended = [(p.pid, p.exitcode) for p in self.processes if p.exitcode not in (None, 0)]
        culprits = [item for item in ended if item[1] != -signal.SIGTERM] or ended
        if not culprits:
            return "a worker process died abruptly (%s)" % common.describe(exc)
        pid, code = culprits[0]
        if code < 0:
            try:
                how = "was killed by %s" % signal.Signals(-code).name
            except ValueError:
                how = "was killed by signal %d" % -code
        else:
            how = "exited with code %d" % code
        return "worker process %d %s (BrokenProcessPool)" % (pid, how)

    def finish(self) -> int:
        usage = self._checkpoint(final=True)  # runs teardown() in every worker
        peak = self._peak_of(usage)
        self.pool.shutdown(wait=True)
        return peak


class ThreadAsync(Thread):
    """thread+async: W threads (one per core), each running an event loop of its own with K tasks
    in flight; the threads take task indexes from one shared counter. A coroutine function's waits
    overlap on each loop, its computing runs on W threads (in parallel only where the GIL is
    released: the measurement shows which)."""

    def __init__(self, workload: dict, workers: int, per_worker: int, cwd: str, total: int) -> None:
        super().__init__(workload, workers, cwd)
        self.per_worker = per_worker
        self.total = total
        self.lanes = Lanes.local(workers * per_worker)

    def run_tasks(self) -> list:
        latencies: list = []
        errors: list = []
        counter = itertools.count()
        lock = threading.Lock()  # next() on a count is atomic under the GIL, not without one

        def indexes() -> int:
            with lock:
                return next(counter)

        futures = [self.pool.submit(self._share, indexes, latencies, errors) for _ in range(self.concurrency)]
        wait(futures)
        for future in futures:
            if future.exception() is not None and not errors:
                errors.append(future.exception())
        if errors:
            raise Failure("errored", common.describe(errors[0]))
        return latencies

    def _share(self, indexes, latencies: list, errors: list) -> None:
        self.local.loop.get().run_until_complete(self._lanes(indexes, latencies, errors))

    async def _lanes(self, indexes, latencies: list, errors: list) -> None:
        fn, lanes, tasks = self.fn, self.lanes, self.tasks
        worker = self.local.lane
        base = worker * self.per_worker

        async def lane(slot: int) -> None:
            while not errors:
                index = indexes()
                if index >= tasks:
                    return
                lanes.begin(slot, index)
                begin = time.perf_counter()
                try:
                    result = fn(index)
                    if inspect.isawaitable(result):
                        await result
                except BaseException as exc:
                    errors.append(exc)
                    return
                finally:
                    lanes.end(slot)
                latencies.append(ms(time.perf_counter() - begin))

        await asyncio.gather(*[lane(base + k) for k in range(common.lanes_of(worker, self.total, self.concurrency))])


class ProcessAsync(Process):
    """process+async: ProcessPoolExecutor(W) (one worker per core) whose workers each run an asyncio
    loop with K tasks in flight, the aiomultiprocess pattern. A batch is one call per worker
    (worker.run_share), as in the process model; the workers take task indexes from one shared
    counter."""

    def __init__(self, workload: dict, workers: int, per_worker: int, cwd: str, protocol_fd: int, total: int) -> None:
        super().__init__(workload, workers, cwd, protocol_fd, per_worker)
        self.total = total


def hybrid_layout(concurrency: int, workers) -> tuple:
    """(workers, tasks in flight per worker): the orchestrator's layout when it sent one, else one
    worker per core (as its hybridLayout does)."""
    if not workers:
        workers = max(1, min(os.cpu_count() or 1, concurrency))
    return workers, -(-concurrency // workers)


def build(spec: dict, cwd: str, protocol_fd: int):
    workload, model, concurrency = spec["workload"], spec["model"], spec["concurrency"]
    if model == "sequential":
        return Sequential(workload, 1, cwd)
    if model == "async":
        return Async(workload, concurrency, cwd)
    if model == "thread":
        return Thread(workload, concurrency, cwd)
    if model == "process":
        return Process(workload, concurrency, cwd, protocol_fd)
    if model == "thread+async":
        workers, per_worker = hybrid_layout(concurrency, spec.get("workers"))
        return ThreadAsync(workload, workers, per_worker, cwd, concurrency)
    if model == "process+async":
        workers, per_worker = hybrid_layout(concurrency, spec.get("workers"))
        return ProcessAsync(workload, workers, per_worker, cwd, protocol_fd, concurrency)
    raise ValueError("unknown model %r" % model)
