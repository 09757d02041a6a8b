/**
 * A blocking call: Atomics.wait parks the calling thread for 5 ms without using the CPU, like a
 * synchronous driver or fs call. It blocks the event loop, so async cannot overlap it; threads and
 * processes can. Expected: classified I/O-bound, thread or process recommended.
 */
const cell = new Int32Array(new SharedArrayBuffer(4));

export default function blockingCall(): void {
  Atomics.wait(cell, 0, 0, 5);
}
