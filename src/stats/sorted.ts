/** Samples sorted ascending. The brand makes it impossible to pass unsorted data to the quantile functions. */
export type SortedSamples = readonly number[] & { readonly __sorted: unique symbol };

export function sortSamples(values: Iterable<number>): SortedSamples {
  return Array.from(values).sort((a, b) => a - b) as unknown as SortedSamples;
}

/** Quantile by linear interpolation between closest ranks (type 7, as numpy and R default). */
export function quantile(sorted: SortedSamples, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function median(sorted: SortedSamples): number {
  return quantile(sorted, 0.5);
}
