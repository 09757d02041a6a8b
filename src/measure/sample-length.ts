/**
 * How many whole batches a sample holds (VisitSpec.batchRepeat), settled by the host from its own
 * warm-up. The orchestrator sizes the repeat before a cell's first visit from the sequential rate, as
 * if nothing overlapped: right for a pool of slow tasks, far too few for a batch that overlaps well.
 * fs.readFile's batch of 64 reads at 64 in flight lasts 2-3 ms, so a sample was 2 batches, 5 ms; one
 * garbage collection (every few batches) fell in some samples and not others (their rates split
 * 5,000 / 25,000 tasks/s), and the whole first visit measured 30-60 ms right after warm-up. The host
 * knows the batch's real length after one warm-up batch, and raises the repeat there. Used by the
 * Node host; the Python host ports the same rule.
 */

/** Most batches one sample may hold (the orchestrator's own cap is the same). */
export const MAX_SAMPLE_REPEAT = 10_000;

/**
 * The repeat that makes a sample last about `minSampleMs`, judged by a warm-up sample of `repeat`
 * batches that lasted `wallMs`. Only ever raised, and only when the sample fell short by more than a
 * third (batch lengths wander; a repeat that follows them changes the unit for nothing).
 */
export function raisedRepeat(repeat: number, wallMs: number, minSampleMs: number, max = MAX_SAMPLE_REPEAT): number {
  if (!(wallMs > 0) || !(minSampleMs > 0) || wallMs * 1.5 >= minSampleMs) return repeat;
  return Math.min(max, Math.max(repeat, Math.ceil((minSampleMs * repeat) / wallMs)));
}
