/**
 * `concurrency-bench compare BASE.json HEAD.json`: compare two stored results files. Nothing is
 * measured; each selected cell's stored batch throughputs are compared unpaired. Runs stored at
 * different times on different machines differ for reasons that have nothing to do with the code,
 * so results say `paired: false` and the report labels the verdicts less reliable.
 */
import { recommendationChanges } from '../analysis/recommendation-changes.ts';
import { analyzeComparisons, orderComparisons, summarizeNoise, type ComparisonInput } from '../analysis/compare.ts';
import type { AnyResults, CompareFailure, CompareResults } from '../results/compare.ts';
import { selectCells } from '../analysis/compare-select.ts';
import { loadUntrustedResults, UntrustedResultsError } from '../results/read.ts';
import type { WorkloadResult } from '../results/run.ts';
import { VERSION } from '../version.ts';
import { compareExitCode, compareSettings } from './compare.ts';

/** A results file that cannot be used: exit code 2. */
export class ResultsFileError extends Error {
  readonly code = 'RESULTS_FILE';
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ResultsFileError';
  }
}

/** Read a run or compare results file (bounded size, structurally checked, never executed). */
export async function readResultsFile(file: string, cwd = process.cwd()): Promise<AnyResults> {
  try {
    return (await loadUntrustedResults(file, cwd)).results;
  } catch (error) {
    if (error instanceof UntrustedResultsError) throw new ResultsFileError(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ResultsFileError(`${JSON.stringify(file)}: no such file`);
    throw error;
  }
}

/** The workloads of a results file as `run` reports them (a compare file contributes its head side). */
function workloadsOf(results: AnyResults): WorkloadResult[] {
  return results.workloads;
}

export interface CompareFilesOptions {
  baseFile: string;
  headFile: string;
  threshold?: number;
  /** Family-wise error rate of the claims; default 0.05. */
  alpha?: number;
  seed?: number;
  failOnRegression?: boolean;
  cwd?: string;
}

/** Compare two stored results; pure given the two documents. */
export function compareStored(base: AnyResults, head: AnyResults, labels: { base: string; head: string }, options: Omit<CompareFilesOptions, 'baseFile' | 'headFile' | 'cwd'> = {}): CompareResults {
  // Nothing is measured here: no budget and no rounds to plan.
  const settings = compareSettings({ ...options, timeBudgetSeconds: 0 }, head.settings.config);
  const baseWorkloads = workloadsOf(base);
  const headWorkloads = workloadsOf(head);
  const inputs: ComparisonInput[] = [];
  for (const h of headWorkloads) {
    const b = baseWorkloads.find((w) => w.name === h.name);
    if (!b || b.status !== 'ok' || h.status !== 'ok') continue;
    for (const cell of selectCells(b, h)) {
      const bc = b.cells.find((c) => c.model === cell.model && c.concurrency === cell.concurrency)!;
      const hc = h.cells.find((c) => c.model === cell.model && c.concurrency === cell.concurrency)!;
      inputs.push({ ...cell, unpaired: { base: bc.batchThroughputs, head: hc.batchThroughputs, basePeakRssBytes: bc.peakRssBytes, headPeakRssBytes: hc.peakRssBytes } });
    }
  }
  const comparisons = orderComparisons(analyzeComparisons(inputs, settings), headWorkloads.map((w) => w.name));
  const failures: CompareFailure[] = [];
  for (const [tree, list] of [['base', baseWorkloads], ['head', headWorkloads]] as const) {
    for (const w of list) if (w.status === 'failed') failures.push({ tree, workload: w.name, message: w.error ?? 'failed' });
  }
  // A compare file stands for its head side (its `workloads`); a run file records no commit.
  const sha = (r: AnyResults) => (r.kind === 'compare' ? r.head.sha : null);
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: { name: 'concurrency-bench', version: VERSION },
    base: { ref: labels.base, sha: sha(base) },
    head: { ref: labels.head, sha: sha(head) },
    paired: false,
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
    improvements: comparisons.filter((c) => c.verdict === 'improvement').length,
    comparisons,
    recommendationChanges: recommendationChanges(baseWorkloads, headWorkloads),
    workloads: headWorkloads,
    baseWorkloads,
    environment: head.environment,
    settings,
    noise: summarizeNoise(comparisons),
    failures,
    incomplete: base.incomplete || head.incomplete,
  };
}

/** Read both files and compare them. */
export async function compareFilesCommand(options: CompareFilesOptions): Promise<{ results: CompareResults; exitCode: number }> {
  const cwd = options.cwd ?? process.cwd();
  const base = await readResultsFile(options.baseFile, cwd);
  const head = await readResultsFile(options.headFile, cwd);
  const results = compareStored(base, head, { base: options.baseFile, head: options.headFile }, options);
  return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression }) };
}
