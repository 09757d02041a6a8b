/**
 * `concurrency-bench report RESULTS.json --format md|terminal|json`: render a stored run or compare
 * results file again. The file is read as untrusted input (bounded, structurally checked).
 */
import { renderCompareTerminal } from '../report/compare-terminal.ts';
import { renderCompareMarkdown, renderRunMarkdown } from '../report/markdown.ts';
import { renderRunTerminal, type TerminalStyle } from '../report/terminal.ts';
import { readResultsFile } from './compare-files.ts';

export const REPORT_FORMATS = ['md', 'terminal', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Render `file` in `format`; a missing or invalid file throws a ResultsFileError (exit code 2). */
export async function reportCommand(
  file: string,
  format: ReportFormat,
  options: { cwd?: string; style?: TerminalStyle } = {},
): Promise<{ output: string; exitCode: number }> {
  const results = await readResultsFile(file, options.cwd);
  const style = options.style ?? { color: false, width: 120 };
  let output: string;
  switch (format) {
    case 'md':
      output = results.kind === 'compare' ? renderCompareMarkdown(results) : renderRunMarkdown(results);
      break;
    case 'terminal':
      output = results.kind === 'compare' ? renderCompareTerminal(results, style) : renderRunTerminal(results, style);
      break;
    case 'json':
      output = JSON.stringify(results, null, 2) + '\n';
      break;
  }
  return { output, exitCode: 0 };
}
