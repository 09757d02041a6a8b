"""Shared by the concurrency-bench host and its worker processes: loading the user's workload,
calling it (plain or async), and reading this process's CPU time and peak memory.

Standard library only, Python 3.9+: this file ships inside the npm package and runs on whatever
interpreter the user's project names.
"""
from __future__ import annotations

import asyncio
import importlib
import importlib.machinery
import importlib.util
import inspect
import io
import os
import resource
import select
import sys
import threading
import time


class LoadError(Exception):
    """The workload cannot be used (import failed, function missing, setup() raised)."""


def describe(exc: BaseException) -> str:
    """`ExcType: first line of the message`, the way the last line of a traceback reads."""
    name = type(exc).__name__
    if isinstance(exc, SyntaxError) and exc.filename:
        return "%s: %s (%s, line %s)" % (name, exc.msg, os.path.basename(exc.filename), exc.lineno)
    lines = str(exc).strip().splitlines()
    return "%s: %s" % (name, lines[0]) if lines else name


# One load per process: a forked worker inherits the host's loaded module and must not import it
# a second time (that would run the module's top-level code again and lose what the fork shared).
_loaded: dict = {}


def _import_file(path: str):
    if not os.path.isfile(path):
        raise LoadError("workload module not found: %s" % path)
    # Like `python path/to/work.py`: the module's own directory comes first on sys.path, so it can
    # import its sibling files.
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    stem = os.path.splitext(os.path.basename(path))[0]
    # Registered under its own name (pickling and dataclasses look modules up by name) unless that
    # name is taken, e.g. a user file called `json.py`.
    name = stem if stem.isidentifier() and stem not in sys.modules else "concurrency_bench_workload"
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        loader.exec_module(module)
    except BaseException as exc:
        del sys.modules[name]
        raise LoadError(describe(exc)) from exc
    return module


def _import_dotted(name: str, cwd: str):
    # Like `python -m package.module` run from the config file's directory.
    if cwd not in sys.path:
        sys.path.insert(0, cwd)
    try:
        return importlib.import_module(name)
    except BaseException as exc:
        raise LoadError(describe(exc)) from exc


def load(module_ref: str, function_name: str, cwd: str):
    """Import the workload (a file path, or a dotted module name for `entry`) and find its function.

    Returns (module, function). Raises LoadError with a one-line reason.
    """
    key = (module_ref, function_name)
    if key in _loaded:
        return _loaded[key]
    if os.path.isabs(module_ref):
        module = _import_file(module_ref)
        label = os.path.basename(module_ref)
    else:
        module = _import_dotted(module_ref, cwd)
        label = module_ref
    fn = getattr(module, function_name, None)
    if fn is None:
        raise LoadError("%s has no function %r (set \"function\" in the workload, or define %s(index))"
                        % (label, function_name, function_name))
    if not callable(fn):
        raise LoadError("%s in %s is not callable (it is of type %s)" % (function_name, label, type(fn).__name__))
    _loaded[key] = (module, fn)
    return module, fn


# The one policy for how workload code is treated in every model (the Node side's is
# src/runtimes/node/workload-context.ts; models are compared on the same work only if both hold):
#
# Output. sys.stdout and sys.stderr become unbuffered text streams whose every write has reached
# fd 1 / fd 2 when it returns, in the host (sequential, async, thread) and in every worker process
# (process), which inherit the host's fds; the orchestrator drains them continuously. Python's own
# streams buffer a pipe's output (8 KiB; stderr by line), so a task's small prints would be written
# during a later task, by whichever thread or worker process fills the buffer, or at exit; this way
# each task pays for its own output, in every model, and nothing is left to flush.
#
# Unhandled exceptions. Like an unhandled promise rejection on the Node side, an exception nobody
# receives ends the cell as `errored`: one raised in a thread the workload started
# (threading.excepthook), or in an asyncio task or callback of a loop the harness runs whose
# exception is never retrieved. Python itself would print it and go on. Each process records the
# first; the models check after start-up and after every batch, outside timing.


class _FdWriter(io.RawIOBase):
    """fd 1 or 2 as a raw stream whose write() returns once every byte is written."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            try:
                view = view[os.write(self._fd, view):]
            except BlockingIOError:  # someone sharing the fd made it non-blocking
                select.select([], [self._fd], [], 1.0)
            except BrokenPipeError:  # the orchestrator has gone: the output has nowhere to go
                break
        return size

    def close(self) -> None:
        pass  # like sys.stdout: the fd stays open


_unhandled: list = []
_previous_excepthook = None


def _record(message: str) -> None:
    if not _unhandled:
        _unhandled.append(message)


def _thread_excepthook(args) -> None:
    if args.exc_type is not SystemExit:
        name = args.thread.name if args.thread is not None else "?"
        what = describe(args.exc_value) if args.exc_value is not None else args.exc_type.__name__
        _record("unhandled exception in thread %s: %s" % (name, what))
    _previous_excepthook(args)  # and the traceback on stderr, as Python prints it


def _asyncio_exception_handler(loop, context: dict) -> None:
    exc = context.get("exception")
    if exc is not None:
        _record("unhandled exception in asyncio (%s): %s" % (context.get("message", "no message"), describe(exc)))
    loop.default_exception_handler(context)


def prepare_context() -> None:
    """Apply the policy above to this process; before the workload is loaded, in every process."""
    for name, fd in (("stdout", 1), ("stderr", 2)):
        stream = getattr(sys, name)
        if stream is not None and isinstance(getattr(stream, "buffer", None), _FdWriter):
            continue  # a forked worker inherits the host's
        try:
            os.fstat(fd)
        except OSError:
            continue
        encoding = getattr(stream, "encoding", None) or "utf-8"
        errors = getattr(stream, "errors", None) or ("backslashreplace" if name == "stderr" else "strict")
        if stream is not None:
            try:
                stream.flush()
            except Exception:
                pass
        setattr(sys, name, io.TextIOWrapper(_FdWriter(fd), encoding=encoding, errors=errors, write_through=True))
    global _previous_excepthook
    if threading.excepthook is not _thread_excepthook:  # a forked worker inherits ours
        _previous_excepthook = threading.excepthook
        threading.excepthook = _thread_excepthook
    del _unhandled[:]


def take_unhandled():
    """The first unhandled exception recorded in this process since the last call, or None."""
    return _unhandled.pop() if _unhandled else None


class LoopHolder:
    """An event loop created on first use, for running coroutine functions outside the async model."""

    def __init__(self) -> None:
        self.loop = None

    def get(self):
        if self.loop is None:
            self.loop = asyncio.new_event_loop()
            self.loop.set_exception_handler(_asyncio_exception_handler)
            asyncio.set_event_loop(self.loop)
        return self.loop

    def close(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.close()


def call(fn, index: int, loop_holder: LoopHolder) -> None:
    """Run one task to completion: an `async def` (or anything awaitable it returns) runs on the
    caller's own loop, so it is measured as a task of this model rather than silently skipped."""
    result = fn(index)
    if inspect.isawaitable(result):
        loop_holder.get().run_until_complete(result)


def run_hook(module, name: str, loop_holder: LoopHolder) -> None:
    """Call the module-level setup()/teardown() when defined; awaits it when it is `async def`."""
    hook = getattr(module, name, None)
    if hook is None:
        return
    if not callable(hook):
        raise LoadError("%s is not callable (it is of type %s)" % (name, type(hook).__name__))
    try:
        result = hook()
        if inspect.isawaitable(result):
            loop_holder.get().run_until_complete(result)
    except BaseException as exc:
        raise LoadError("%s() failed: %s" % (name, describe(exc))) from exc


def cpu_seconds() -> float:
    """User + system CPU of this process (all its threads) and of its children it has reaped."""
    # getrusage, not os.times(): the latter counts in clock ticks (10 ms), too coarse for a batch.
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def thread_times(native_ids):
    """(on-CPU ms, run-queue wait ms) so far of these threads of this process, from Linux's
    /proc/self/task/<id>/schedstat; None elsewhere or when one of them has ended. The task threads'
    own figures: the process's whole CPU time also counts the watchdog, pool managers and threads
    the workload started, and its wait every thread's.

    schedstat brings a running thread's CPU time up to date only at the next tick or switch, so the
    calling thread, always running as it reads, would see its own up to a tick short; its own comes
    from its own clock (time.thread_time_ns) instead."""
    me = threading.get_native_id()
    cpu = wait = 0
    for native_id in native_ids:
        try:
            with open("/proc/self/task/%d/schedstat" % native_id) as f:
                fields = f.read().split()
            cpu += time.thread_time_ns() if native_id == me else int(fields[0])
            wait += int(fields[1])
        except (OSError, IndexError, ValueError):
            return None
    return cpu / 1e6, wait / 1e6


def task_threads_between(before, after):
    """What the task threads spent between two readings of thread_times, as the protocol's sample
    fields (taskCpuMs, runQueueMs), or None."""
    if before is None or after is None:
        return None
    return {"taskCpuMs": max(0.0, after[0] - before[0]), "runQueueMs": max(0.0, after[1] - before[1])}


def run_queue_ms() -> float:
    """Run-queue wait of every thread of this process so far, ms (Linux schedstat; 0 elsewhere).
    What a batch reports only when its task threads' own figures are missing."""
    total = 0
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return 0.0
    for tid in tids:
        try:
            with open("/proc/self/task/%s/schedstat" % tid) as f:
                total += int(f.read().split()[1])
        except (OSError, IndexError, ValueError):
            pass  # the thread ended between listing and reading
    return total / 1e6


def machine_ticks():
    """(busy, steal) clock ticks of the whole machine so far (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        values = [int(x) for x in fields[1:9]]
    except (OSError, ValueError):
        return None
    if len(values) < 8:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = values
    return user + nice + system + irq + softirq, steal


def ticks_between(before, after):
    """Machine ticks between two readings of machine_ticks, as the protocol sends them, or None."""
    if before is None or after is None:
        return None
    return {"busy": after[0] - before[0], "steal": after[1] - before[1]}


def maxrss_bytes() -> int:
    """Peak resident set of this process. Linux reports ru_maxrss in KiB, macOS in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def lanes_of(worker: int, total: int, workers: int) -> int:
    """Tasks in flight on worker `worker` of `workers` in a hybrid when `total` are in flight in all:
    the first total mod workers have one more, so exactly `total` run at once (as the Node host does)."""
    return total // workers + (1 if worker < total % workers else 0)
