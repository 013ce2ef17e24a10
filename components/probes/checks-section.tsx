"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import type { ChecksReport, ProbeReport } from "@/lib/schemas/probe";

// Checks beside the rubric (issue 12 §3): the scenarios' deterministic checks
// graded on the scored scenario answers (report.checks, computed by
// lib/probing/checks-report.ts). The overall pass rate with its Wilson 95%
// interval and the baseline beside it, then each scenario with its checks;
// a failing check opens the answers that failed it in the answers dialog.

type PassRate = ChecksReport["persona"];
type CheckRow = ChecksReport["rows"][number];

const pct = (x: number) => Math.round(x * 100);

/** "18 of 20 checks passed (90%, 95% CI 70–97%)"; "no answer graded yet" when nothing was graded. */
export function passRateText(r: PassRate, noun = "checks"): string {
  if (r.total === 0 || r.rate === null) return "no answer graded yet";
  const ci = r.lo !== null && r.hi !== null ? `, 95% CI ${pct(r.lo)}–${pct(r.hi)}%` : "";
  return `${r.passed} of ${r.total} ${noun} passed (${pct(r.rate)}%${ci})`;
}

/** One scenario and its checks, in the report's order (rows come in scenario order). */
export function groupByScenario(rows: readonly CheckRow[]): { scenarioIndex: number; message: string; checks: CheckRow[] }[] {
  const out: { scenarioIndex: number; message: string; checks: CheckRow[] }[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last?.scenarioIndex === row.scenarioIndex) last.checks.push(row);
    else out.push({ scenarioIndex: row.scenarioIndex, message: row.message, checks: [row] });
  }
  return out;
}

function Verdict({ row }: { row: CheckRow }) {
  if (row.persona.total === 0) return <Badge>not graded</Badge>;
  return row.failingAnswerIds.length === 0 ? <Badge tone="green">pass</Badge> : <Badge tone="rose">fail</Badge>;
}

function CheckItem({ row, onShowAnswers }: { row: CheckRow; onShowAnswers: (row: CheckRow) => void }) {
  const failing = row.failingAnswerIds.length;
  const baseline = row.baseline.total ? `${row.baseline.passed} of ${row.baseline.total}` : "–";
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid={`check-${row.scenarioIndex}-${row.checkId}`}>
      <Verdict row={row} />
      <span className="min-w-0 flex-1 break-words text-sm text-slate-800">{row.description}</span>
      <span className="whitespace-nowrap text-xs tabular-nums text-slate-500">
        persona {row.persona.passed} of {row.persona.total} · baseline {baseline}
      </span>
      {failing ? (
        <Button size="sm" variant="ghost" className="shrink-0 text-rose-700" onClick={() => onShowAnswers(row)}>
          {failing === 1 ? "Open the failing answer" : `Open the ${failing} failing answers`}
        </Button>
      ) : null}
    </li>
  );
}

export function ChecksSection({
  report, onShowAnswers,
}: {
  report: Pick<ProbeReport, "checks" | "scenarios">;
  /** Opens the persona answers that failed one check (the report's answers dialog). */
  onShowAnswers: (row: CheckRow) => void;
}) {
  const checks = report.checks;
  if (!checks) return null;
  const scenarios = groupByScenario(checks.rows);
  const ungraded = report.scenarios ? report.scenarios.count - report.scenarios.answered : 0;
  return (
    <Section
      title="Checks"
      description="Your scenarios' rules, read off each scored answer with no model call: every (answer, check) pair counts once. Empty, refused and cut-short answers are not graded. The interval treats the pairs as independent, which they are not when one answer meets several checks — read it as a guide to this set of answers."
    >
      <div className="flex flex-wrap gap-x-8 gap-y-2" data-testid="checks-summary">
        <p className="text-sm">
          <span className="block text-xs text-slate-500">Persona</span>
          <span className="font-medium text-slate-900">{passRateText(checks.persona)}</span>
        </p>
        <p className="text-sm">
          <span className="block text-xs text-slate-500">Baseline (neutral assistant)</span>
          <span className="text-slate-700">{passRateText(checks.baseline)}</span>
        </p>
      </div>
      {ungraded > 0 ? (
        <p className="text-xs text-slate-500">{ungraded} scenario{ungraded === 1 ? " has" : "s have"} no scored persona answer yet: {ungraded === 1 ? "its" : "their"} checks are not graded.</p>
      ) : null}
      <ol className="space-y-3">
        {scenarios.map((s) => (
          <li key={s.scenarioIndex} className="rounded-lg border border-slate-100 px-3 py-2">
            <h3 className="break-words text-xs font-medium text-slate-600">
              <span className="text-slate-500">Scenario {s.scenarioIndex + 1}</span> “{s.message}”
            </h3>
            <ul className="divide-y divide-slate-100">
              {s.checks.map((row) => <CheckItem key={row.checkId} row={row} onShowAnswers={onShowAnswers} />)}
            </ul>
          </li>
        ))}
      </ol>
    </Section>
  );
}
