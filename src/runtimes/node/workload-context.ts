/**
 * The one policy for how workload code is treated in every JavaScript context it runs in: the host's
 * main thread (sequential, async), piscina worker threads (thread) and forked child processes
 * (process). Each of them calls prepareWorkloadContext() before it loads the workload. Why: models
 * must be compared on the same work, and left to itself Node treats the same code differently in
 * each context. (The Python harness applies the same policy: concurrency_bench_common.py.)
 *
 * Output. A workload's process.stdout and process.stderr writes (console.log included) become
 * synchronous writes to the host's own fd 1 and fd 2, which children inherit and the orchestrator
 * drains continuously (../visit.ts): a write has reached the pipe when it returns, in every model.
 * Left alone, the host's stdout is an asynchronous pipe stream: a synchronous task's writes queue in
 * memory, not written within the batch (a task printing 2 MiB measured 1,175,089 tasks/s); a child
 * process's queue the same, behind its IPC reply (6,618); while a worker thread's output is copied
 * to the main thread, and piscina makes each task wait until it has been flushed there (224). Nor
 * does output pile up anywhere: a writer blocks until the orchestrator has read.
 *
 * Unhandled rejections. Node's default, the same everywhere: a promise rejection no handler is
 * attached to ends the cell as `errored`, "unhandled rejection: Error: ...". Left alone, Node would
 * crash a child process (process) but never notice it on the host's loop during a batch of
 * synchronous tasks, nor in a piscina worker blocked in Atomics.wait (sequential, async, thread).
 * Each context records the first one; the host asks every context after each batch and after
 * start-up (outside timing), letting each reach its event loop first so Node has reported it.
 */
import { writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { isMainThread } from 'node:worker_threads';
import { describeError } from './load-workload.ts';

let unhandled: string | undefined;
let prepared = false;

export function prepareWorkloadContext(): void {
  if (prepared) return;
  prepared = true;
  synchronousStdio('stdout', 1);
  synchronousStdio('stderr', 2);
  process.on('unhandledRejection', (reason) => {
    unhandled ??= `unhandled rejection: ${describeError(reason)}`;
  });
}

/**
 * The first unhandled rejection of this context, after letting its event loop turn once (Node
 * reports rejections when a macrotask ends; a worker that has only run synchronous tasks has not
 * got there yet). Cleared once taken.
 */
export async function takeUnhandledRejection(): Promise<string | undefined> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const taken = unhandled;
  unhandled = undefined;
  return taken;
}

function synchronousStdio(name: 'stdout' | 'stderr', fd: 1 | 2): void {
  // Node opens fd 1 or 2 as a libuv pipe the first time anything reads process.stdout/stderr (even
  // `import 'node:assert'` does, for stderr), and that sets O_NONBLOCK on the file description the
  // host shares with its children: writes would then fail with EAGAIN instead of blocking. So the
  // main thread opens its original stream now, if nothing has yet, and makes the fd blocking again.
  let restoreBlocking = () => {};
  if (isMainThread) {
    const original = process[name] as unknown as { _handle?: { setBlocking?: (blocking: boolean) => number } };
    restoreBlocking = () => void original._handle?.setBlocking?.(true);
    restoreBlocking();
  }
  const write = (chunk: Buffer | string, encoding: BufferEncoding | 'buffer') =>
    writeAllSync(fd, chunk, encoding === 'buffer' ? 'utf8' : encoding, restoreBlocking);
  const writev = (chunks: Array<{ chunk: Buffer | string; encoding: BufferEncoding | 'buffer' }>, callback: (error?: Error | null) => void) => {
    try {
      for (const { chunk, encoding } of chunks) write(chunk, encoding);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  };
  if (isMainThread) {
    const stream = new Writable({
      decodeStrings: false,
      write: (chunk, encoding, callback) => writev([{ chunk, encoding }], callback),
      writev,
      // Like Node's own stdio: ending or destroying it never closes the fd.
      destroy: (error, callback) => callback(error),
    });
    Object.assign(stream, { fd, _isStdio: true });
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => stream });
  } else {
    // A worker thread's stream stays Node's (the parent thread talks to it), but writes go to the fd.
    const stream = process[name] as Writable & { _write: unknown; _writev: unknown };
    stream._writev = writev;
    stream._write = (chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void) => writev([{ chunk, encoding }], callback);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `chunk` to `fd`, blocking until the reader has taken it. */
function writeAllSync(fd: number, chunk: Uint8Array | string, encoding: BufferEncoding, restoreBlocking: () => void): void {
  let data = chunk;
  let offset = 0;
  while (typeof data === 'string' || offset < data.length) {
    try {
      if (typeof data === 'string') {
        // A string goes out without a Buffer copy on the heap, as Node's own stdio writes it; a
        // partial write (rare on a blocking fd: a signal) continues from the encoded bytes.
        const written = writeSync(fd, data, null, encoding);
        if (written === Buffer.byteLength(data, encoding)) return;
        data = Buffer.from(data, encoding);
        offset = written;
      } else {
        offset += writeSync(fd, data, offset);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process sharing the fd (a Node child of the workload, say) made it non-blocking again.
      if (code === 'EAGAIN') {
        restoreBlocking();
        Atomics.wait(pause, 0, 0, 1);
      }
      // The reader has gone (the orchestrator ended the visit): the output has nowhere to go.
      else if (code === 'EPIPE') return;
      else throw error;
    }
  }
}
