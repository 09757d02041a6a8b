"""The concurrency-bench Python host: started by the TypeScript orchestrator in a fresh process for
one visit of one cell (workload x model x concurrency). It reads the visit spec from the
environment variable CONCURRENCY_BENCH_VISIT and writes the protocol of src/runtimes/types.ts as
JSON lines on file descriptor 3, leaving stdout and stderr to the user's code.

Standard library only, Python 3.9+.
"""
from __future__ import annotations

import faulthandler
import json
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


def measured_batch(model) -> dict:
    """One batch, as the protocol's sample message."""
    run_queue_before, ticks_before = common.run_queue_ms(), common.machine_ticks()
    wall_ms, cpu_ms, latencies, threads = model.batch()
    cpu_ms = max(cpu_ms, 0.0)
    sample = {
        "type": "sample",
        "wallMs": round(wall_ms, 4),
        "tasks": len(latencies),
        "cpuMs": round(cpu_ms, 3),
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
        # The orchestrator decides when each batch runs (interleaving base and head).
        for command in channel.commands():
            if command.get("type") != "batch":
                continue
            channel.send(measured_batch(model))
    else:
        for _ in range(spec["warmupBatches"]):
            model.batch()
        measured = 0
        sampling_began = time.monotonic()
        while measured < spec["maxBatches"]:
            if measured >= spec["minBatches"] and (time.monotonic() - sampling_began) * 1000.0 >= spec["sampleTimeMs"]:
                break
            channel.send(measured_batch(model))
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
