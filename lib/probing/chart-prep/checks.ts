import { describeCheck, runChecks } from "@/lib/probing/checks";
import type { Check } from "@/lib/schemas/scenario";

// The live preview's check marks: the same evaluator the probe report uses,
// so a tick beside a preview answer means what the report's pass rate means.

export type CheckRow = { id: string; text: string; pass: boolean };

/** One row per check of the scenario, in its order: what it tests (label first) and whether the answer passes. */
export function checkRows(checks: readonly Check[] | undefined, answer: string): CheckRow[] {
  const byId = new Map((checks ?? []).map((c) => [c.id, c]));
  return runChecks(checks, answer).map((r) => ({ id: r.id, text: describeCheck(byId.get(r.id)!), pass: r.pass }));
}

/** "Checks: 2 of 3 pass" */
export function checkSummary(rows: readonly CheckRow[]): string {
  return `Checks: ${rows.filter((r) => r.pass).length} of ${rows.length} pass`;
}

export { describeCheck };
