import { describeCheck, passes } from "@/lib/probing/checks";
import type { FrozenScenario } from "@/lib/probing/scenario-landing";
import { passRate } from "@/lib/probing/stats/proportion";
import type { ChecksReport } from "@/lib/schemas/probe";

// The report's checks section (issue 12 §3): every deterministic check of a
// frozen scenario, graded on that scenario's answers in the persona arm, with
// the neutral baseline beside it (does the persona beat the plain assistant?).
//
// Which answers are graded: the scored ones only (lib/probing/outcome.ts), the
// same answers the scenario landing reads. An empty, refused or cut-short
// answer, or a failed call, is not graded: like the landing, a check speaks
// about behaviour, and a cut-short answer says more about the run's token limit
// than about the persona (it would fail "at most N characters" and "contains"
// for being cut). Those answers are counted nowhere here; the report's
// `scenarios.answered` shows how many scenarios have a scored answer.
//
// The unit is one (answer, check) pair. Wilson's 95% interval treats the pairs
// as independent trials; they are not when a scenario carries several checks
// (one answer passes or fails them together), so the interval is narrower than
// it should be whenever checks of one scenario move together. Read it as "this
// set of answers against these rules", not as a rate for conversations in general.

/** A graded answer: itemIndex = the scenario's index in the run's frozen list. */
export type CheckedAnswer = { id: string; itemIndex: number; text: string };

export type ChecksInput = {
  /** The run's frozen scenarios, in order (ProbeRun.config.scenarios). */
  scenarios: readonly FrozenScenario[];
  /** Scored scenario answers per arm, in the order they were stored. */
  persona: readonly CheckedAnswer[];
  baseline: readonly CheckedAnswer[];
};

/** Longest scenario message the report keeps (the full text is in the answers view). */
export const CHECK_MESSAGE_MAX = 120;

export function shortMessage(message: string, max = CHECK_MESSAGE_MAX): string {
  const flat = message.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** The checks section, or undefined when no frozen scenario has a check. */
export function checksReport(input: ChecksInput): ChecksReport | undefined {
  if (!input.scenarios.some((s) => s.checks?.length)) return undefined;
  const totals = { persona: { passed: 0, total: 0 }, baseline: { passed: 0, total: 0 } };
  const rows: ChecksReport["rows"] = [];
  input.scenarios.forEach((scenario, scenarioIndex) => {
    const persona = input.persona.filter((a) => a.itemIndex === scenarioIndex);
    const baseline = input.baseline.filter((a) => a.itemIndex === scenarioIndex);
    for (const check of scenario.checks ?? []) {
      const personaPassed = persona.filter((a) => passes(check, a.text)).length;
      const baselinePassed = baseline.filter((a) => passes(check, a.text)).length;
      totals.persona.passed += personaPassed;
      totals.persona.total += persona.length;
      totals.baseline.passed += baselinePassed;
      totals.baseline.total += baseline.length;
      rows.push({
        scenarioIndex,
        scenarioId: scenario.id,
        message: shortMessage(scenario.message),
        checkId: check.id,
        description: describeCheck(check),
        persona: passRate(personaPassed, persona.length),
        baseline: passRate(baselinePassed, baseline.length),
        failingAnswerIds: persona.filter((a) => !passes(check, a.text)).map((a) => a.id),
      });
    }
  });
  return {
    persona: passRate(totals.persona.passed, totals.persona.total),
    baseline: passRate(totals.baseline.passed, totals.baseline.total),
    rows,
  };
}
