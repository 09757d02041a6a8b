"""The concurrency-bench Python host: started by the TypeScript orchestrator in a fresh process for
one visit of one cell (workload x model x concurrency). It reads the visit spec from the
environment variable CONCURRENCY_BENCH_VISIT and writes the protocol of src/runtimes/types.ts as
JSON lines on file descriptor 3, leaving stdout and stderr to the user's code.

Standard library only, Python 3.9+.
"""
from __future__ import annotations

import faulthandler
import json
import math
import multiprocessing
import os
import platform
import signal
import sys
import threading
import time
import traceback

# Our sibling modules must be importable even under `python -P` / PYTHONSAFEPATH, and by the
# spawn/forkserver workers, which inherit this sys.path.
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

# No __pycache__ next to our own files: the package directory may be read-only, and a stray cache
# would make a rebuilt dist/ differ. The user's modules still get theirs.
_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
import concurrency_bench_common as common  # noqa: E402
import concurrency_bench_models as models  # noqa: E402
sys.dont_write_bytecode = _write_bytecode

VISIT_ENV = "CONCURRENCY_BENCH_VISIT"
PROTOCOL_FD = 3


def terminate(code: int) -> None:
    """End the host and everything it started (pool workers, the forkserver, the user's own child
    processes): the host leads its own process group, so one SIGKILL to the group does it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    try:
        os.killpg(0, signal.SIGKILL)
    finally:
        os._exit(code)


class Channel:
    """The protocol pipe. Whole lines under a lock: the watchdog thread may report at any time."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.lock = threading.Lock()

    def send(self, message: dict) -> None:
        data = memoryview((json.dumps(message, separators=(",", ":")) + "\n").encode())
        with self.lock:
            try:
                while data:
                    data = data[os.write(self.fd, data):]
            except OSError:
                terminate(1)  # the orchestrator is gone: nobody will read what we measure

    def fail(self, status: str, message: str) -> None:
        self.send({"type": "failure", "status": status, "message": message})
        terminate(1)

    def commands(self):
        """Commands of a stepped visit, one JSON object per line; ends at end of input (the
        orchestrator is done, or gone)."""
        pending = b""
        while True:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                try:
                    yield json.loads(line)
                except ValueError:
                    pass  # not a command


class Watchdog(threading.Thread):
    """Kills the host when a task (or start-up, or teardown) runs past timeoutMs, after reporting
    it, and when the orchestrator that started the host has died (the host was re-parented)."""

    def __init__(self, channel: Channel, timeout_ms: int, parent_pid: int) -> None:
        super().__init__(name="concurrency-bench-watchdog", daemon=True)
        self.channel = channel
        self.timeout_ms = timeout_ms
        self.parent_pid = parent_pid
        self.lanes = None
        self.phase = None  # (label, time.monotonic() at its start) of a phase outside batches

    def run(self) -> None:
        limit = self.timeout_ms / 1000.0
        interval = min(0.1, max(0.01, limit / 10))
        while True:
            time.sleep(interval)
            if self.parent_pid > 1 and os.getppid() != self.parent_pid:
                terminate(1)
            phase = self.phase
            if phase is not None and time.monotonic() - phase[1] > limit:
                self.channel.fail("timed-out", "%s ran longer than timeoutMs (%d ms) and was killed"
                                  % (phase[0], self.timeout_ms))
            lanes = self.lanes
            index = lanes.overdue(limit) if lanes is not None else None
            if index is not None:
                self.channel.fail("timed-out", "task %d ran longer than timeoutMs (%d ms) and was killed"
                                  % (index, self.timeout_ms))


def environment(workload: dict) -> dict:
    gil = getattr(sys, "_is_gil_enabled", None)  # 3.13+: False on a free-threaded build
    return {
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "gilEnabled": bool(gil()) if gil is not None else True,
        "startMethod": multiprocessing.get_context(workload.get("startMethod")).get_start_method(),
        "executable": sys.executable,
    }


def probe(spec: dict, channel: Channel, cwd: str) -> None:
    workload = spec["workload"]
    # Loaded first so a module that picks its own multiprocessing start method is reported as such.
    try:
        common.load(workload["modulePath"], workload["function"], cwd)
        problem = None
    except common.LoadError as exc:
        problem = str(exc)
    channel.send({"type": "hello", "env": environment(workload)})
    if problem is not None:
        channel.fail("load-error", problem)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(0)


def repeated_batch(model, repeat: int):
    """The batch run `repeat` times back to back, each a whole batch; their sums (see batchRepeat in
    src/runtimes/types.ts: a batch of tiny tasks is too short to time)."""
    wall_ms, cpu_ms, latencies, threads = model.batch()
    for _ in range(repeat - 1):
        more_wall, more_cpu, more_latencies, more_threads = model.batch()
        wall_ms += more_wall
        cpu_ms += more_cpu
        latencies = list(latencies) + list(more_latencies)
        if threads is not None and more_threads is not None:
            threads = {key: threads[key] + more_threads[key] for key in threads}
        else:
            threads = None
    return wall_ms, cpu_ms, latencies, threads


def measured_batch(model, repeat: int = 1) -> dict:
    """One sample (the batch, `repeat` times), as the protocol's sample message."""
    run_queue_before, ticks_before = common.run_queue_ms(), common.machine_ticks()
    wall_ms, cpu_ms, latencies, threads = repeated_batch(model, repeat)
    cpu_ms = max(cpu_ms, 0.0)
    sample = {
        "type": "sample",
        "wallMs": round(wall_ms, 4),
        "tasks": len(latencies),
        "cpuMs": round(cpu_ms, 3),
        # So far, read after the batch: a visit stopped before its end still has its memory.
        "peakRssBytes": model.peak_rss(),
        "latenciesMs": [round(latency, 4) for latency in latencies],
    }
    if threads is not None:
        # The task threads' own CPU time and run-queue wait (Python has no libuv pool: no poolCpuMs).
        sample["taskCpuMs"] = round(threads["taskCpuMs"], 3)
        sample["runQueueMs"] = round(threads["runQueueMs"], 3)
    else:
        sample["runQueueMs"] = round(common.run_queue_ms() - run_queue_before, 3)
    ticks = common.ticks_between(ticks_before, common.machine_ticks())
    if ticks is not None:
        sample["machineTicks"] = ticks
    return sample


# The warm-up rule of src/measure/warmup.ts, ported: keep the two in step.
SETTLE_GAIN = 0.04
TREND_BATCHES = 4
TREND_HORIZON_MS = 250.0
MAX_POINTS = 12


def recent_rise(batches):
    """The fitted relative rise of the rate over the last half of the batches' time (None: too few)."""
    t = 0.0
    points = []
    for wall_ms, tasks in batches:
        t += wall_ms
        points.append((t, tasks / wall_ms if wall_ms > 0 else 0.0))
    recent_count = sum(1 for p in points if p[0] > t / 2)
    if recent_count < TREND_BATCHES:
        return None
    # Pooled into at most MAX_POINTS spans of equal time (the fit is quadratic in points).
    tail = batches[len(batches) - recent_count:]
    width = sum(w for w, _ in tail) / min(MAX_POINTS, len(tail))
    recent = []
    x = t - sum(w for w, _ in tail)
    tasks = wall = 0.0
    for wall_ms, n in tail:
        tasks += n
        wall += wall_ms
        x += wall_ms
        if wall >= width * 0.999:
            recent.append((x, tasks / wall))
            tasks = wall = 0.0
    if wall > 0:
        recent.append((x, tasks / wall))
    # Theil-Sen: the median of the pairwise slopes (one slowed batch barely moves it).
    slopes = sorted(
        (recent[j][1] - recent[i][1]) / (recent[j][0] - recent[i][0])
        for i in range(len(recent))
        for j in range(i + 1, len(recent))
        if recent[j][0] > recent[i][0]
    )
    ys = sorted(p[1] for p in recent)
    level = ys[len(ys) // 2]
    if not slopes or level == 0:
        return 0.0
    mid = len(slopes) // 2
    slope = slopes[mid] if len(slopes) % 2 == 1 else (slopes[mid - 1] + slopes[mid]) / 2
    return slope * max(t / 2, TREND_HORIZON_MS) / level


def warmup_decision(batches, elapsed_ms: float, min_ms: float, max_ms: float):
    """(done, settled) after the warm-up batches so far."""
    if elapsed_ms >= max_ms:
        return True, False
    if elapsed_ms < min_ms:
        return False, False
    rise = recent_rise(batches)
    return (rise is not None and rise < SETTLE_GAIN), True


# The sample-length rule of src/measure/sample-length.ts, ported: keep the two in step.
MAX_SAMPLE_REPEAT = 10_000


def raised_repeat(repeat: int, wall_ms: float, min_sample_ms) -> int:
    """The repeat that makes a sample last about min_sample_ms, judged by a warm-up sample of `repeat`
    batches that lasted wall_ms; only ever raised, and only when it fell short by more than a third."""
    if not min_sample_ms or min_sample_ms <= 0 or wall_ms <= 0 or wall_ms * 1.5 >= min_sample_ms:
        return repeat
    return min(MAX_SAMPLE_REPEAT, max(repeat, math.ceil(min_sample_ms * repeat / wall_ms)))


def measure(spec: dict, channel: Channel, cwd: str, parent_pid: int) -> None:
    workload = spec["workload"]
    watchdog = Watchdog(channel, workload["timeoutMs"], parent_pid)
    watchdog.start()
    model = models.build(spec, cwd, PROTOCOL_FD)

    watchdog.phase = ("start-up (import, setup() and pool start)", time.monotonic())
    begin = time.perf_counter()
    model.start()
    startup_ms = (time.perf_counter() - begin) * 1000.0
    watchdog.phase = None
    watchdog.lanes = model.lanes
    channel.send({"type": "ready", "startupMs": round(startup_ms, 3)})

    if spec.get("stepped"):
        # The orchestrator decides when each batch runs (interleaving base and head); a sample holds
        # batchRepeat batches, as on an autonomous visit.
        stepped_repeat = max(1, int(spec.get("batchRepeat") or 1))
        for command in channel.commands():
            if command.get("type") != "batch":
                continue
            channel.send(measured_batch(model, stepped_repeat))
    else:
        repeat = max(1, int(spec.get("batchRepeat") or 1))
        min_sample_ms = spec.get("minSampleMs")
        warmup_began = time.monotonic()
        warmup = []

        def warm_once() -> bool:
            """One warm-up sample; whether it raised the repeat of the samples to come."""
            nonlocal repeat
            sample = measured_batch(model, repeat)
            warmup.append((sample["wallMs"], sample["tasks"]))
            raised = raised_repeat(repeat, sample["wallMs"], min_sample_ms)
            changed = raised != repeat
            repeat = raised
            return changed

        resized = False
        for _ in range(spec["warmupBatches"]):
            resized = warm_once()
        # One more warm-up sample at the new size: every measured sample holds the same number of batches.
        while resized:
            resized = warm_once()
        if spec.get("warmupMaxMs") is not None:
            # Until the rate settles, at most warmupMaxMs: the rule of src/measure/warmup.ts.
            while True:
                elapsed_ms = (time.monotonic() - warmup_began) * 1000.0
                done, settled = warmup_decision(warmup, elapsed_ms, spec.get("warmupTimeMs") or 0, spec["warmupMaxMs"])
                if done and not resized:
                    channel.send({"type": "warmed", "warmupMs": round(elapsed_ms, 3), "settled": settled})
                    break
                resized = warm_once()
        measured = 0
        sampling_began = time.monotonic()
        while measured < spec["maxBatches"]:
            if measured >= spec["minBatches"] and (time.monotonic() - sampling_began) * 1000.0 >= spec["sampleTimeMs"]:
                break
            channel.send(measured_batch(model, repeat))
            measured += 1

    watchdog.lanes = None
    watchdog.phase = ("teardown()", time.monotonic())
    peak = model.finish()
    channel.send({"type": "done", "peakRssBytes": peak})
    # A clean end still kills the group: a thread or child process the workload left behind must
    # not outlive the visit (the orchestrator counts the visit as done once it has read "done").
    terminate(0)


def main() -> None:
    parent_pid = os.getppid()
    raw = os.environ.get(VISIT_ENV)
    if not raw:
        sys.stderr.write("this is the concurrency-bench Python host; concurrency-bench starts it with %s set\n" % VISIT_ENV)
        sys.exit(2)
    try:
        os.fstat(PROTOCOL_FD)
    except OSError:
        sys.stderr.write("concurrency-bench host: file descriptor %d (the protocol pipe) is not open\n" % PROTOCOL_FD)
        sys.exit(2)
    # Our own children must not hold the protocol pipe open (fork workers close it themselves).
    os.set_inheritable(PROTOCOL_FD, False)
    # The orchestrator starts us as a group leader; make sure of it, since terminate() kills the group.
    if os.getpgrp() != os.getpid():
        try:
            os.setpgid(0, 0)
        except OSError:
            pass
    # The workload's output and unhandled exceptions, treated alike in every model.
    common.prepare_context()
    # A segfault in a C extension leaves a Python traceback on stderr, which the orchestrator quotes.
    faulthandler.enable()
    spec = json.loads(raw)
    channel = Channel(PROTOCOL_FD)
    cwd = os.getcwd()
    try:
        if spec["mode"] == "probe":
            probe(spec, channel, cwd)
        else:
            measure(spec, channel, cwd, parent_pid)
    except common.LoadError as exc:
        channel.fail("load-error", str(exc))
    except models.Failure as exc:
        channel.fail(exc.status, exc.message)
    except BaseException as exc:
        traceback.print_exc()
        channel.fail("crashed", "the Python host failed: %s" % common.describe(exc))


if __name__ == "__main__":
    main()
