import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_REPEAT, raisedRepeat } from '../../src/measure/sample-length.ts';

describe('how many batches a sample holds', () => {
  it('raises the repeat so that a sample lasts about the asked length, judged by one warm-up sample', () => {
    // 2 batches in 5 ms (fs.readFile at 64 in flight): 30 ms needs 12.
    expect(raisedRepeat(2, 5, 30)).toBe(12);
    expect(raisedRepeat(1, 0.004, 30)).toBe(7500);
  });

  it('leaves a sample that is long enough, or short by no more than a third, as it is', () => {
    expect(raisedRepeat(3, 45, 30)).toBe(3);
    expect(raisedRepeat(3, 20.5, 30)).toBe(3);
    expect(raisedRepeat(3, 19.5, 30)).toBe(5);
  });

  it('never lowers it, and never past the cap', () => {
    expect(raisedRepeat(40, 600, 30)).toBe(40);
    expect(raisedRepeat(1, 0.0001, 30)).toBe(MAX_SAMPLE_REPEAT);
  });

  it('does nothing without a length to aim at or a time measured', () => {
    expect(raisedRepeat(2, 5, 0)).toBe(2);
    expect(raisedRepeat(2, 0, 30)).toBe(2);
    expect(raisedRepeat(2, Number.NaN, 30)).toBe(2);
  });
});
