/**
 * The file the action's report mode writes (published as schema/report.schema.json, generated from
 * the checks in src/results/schema.ts): every run or compare results file it read, labelled by
 * environment. The package exports ReportResults from src/define.ts.
 */
import type { AnyResults } from './compare.js';
/** One results file the report read. */
export interface ReportEntry {
    /** The results file as matched by the action's `results` input. */
    file: string;
    /** The environment label shown in the report (OS, architecture, cores, Node and other runtime versions). */
    environment: string;
    results: AnyResults;
}
/** The file the action's report mode writes: every results file it read, labelled by environment. */
export interface ReportResults {
    schemaVersion: 1;
    kind: 'report';
    entries: ReportEntry[];
}
