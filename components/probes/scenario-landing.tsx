"use client";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ProbeReport, ReportRow, ScenarioRowView } from "@/lib/schemas/probe";

// General vs in your scenarios (issue 12 §2): per watched trait, the landing on
// the library items ("general") and on the persona's own scenarios, each with
// its 95% interval on one 0–100 scale, with the target. Targeted traits first;
// untargeted ones folded away. The sentence under a trait appears only when the
// two differ clearly (the report's `sentence`: interval excludes 0, ≥ 5 points).

const r = (x: number | null) => (x === null ? "–" : String(Math.round(x)));
const pct = (x: number) => `${Math.max(0, Math.min(100, x))}%`;

function Bar({ label, mean, lo, hi, tone, target }: { label: string; mean: number | null; lo: number | null; hi: number | null; tone: string; target: number | null }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr_4.5rem] items-center gap-2 text-xs sm:grid-cols-[9rem_1fr_5.5rem]">
      <span className="truncate text-slate-600">{label}</span>
      <div className="relative h-4 rounded bg-slate-100" aria-hidden>
        {target !== null ? <div className="absolute inset-y-0 w-0.5 bg-slate-800" style={{ left: pct(target) }} title={`Target ${target}`} /> : null}
        {lo !== null && hi !== null ? <div className={cn("absolute inset-y-1 rounded opacity-40", tone)} style={{ left: pct(lo), width: pct(hi - lo) }} /> : null}
        {mean !== null ? <div className={cn("absolute inset-y-0 w-1.5 -translate-x-1/2 rounded-sm", tone)} style={{ left: pct(mean) }} /> : null}
      </div>
      <span className="whitespace-nowrap text-right tabular-nums text-slate-700">
        {r(mean)}{lo !== null && hi !== null ? <span className="text-slate-500"> ±{Math.round((hi - lo) / 2)}</span> : null}
      </span>
    </div>
  );
}

function TraitPair({ row, general }: { row: ScenarioRowView; general: ReportRow }) {
  return (
    <li className="space-y-1.5" data-testid={`scenario-landing-${row.key}`}>
      <h3 className="text-sm font-medium text-slate-800">
        {general.name}
        {general.target !== null ? <span className="ml-2 text-xs font-normal text-slate-500">target {general.target}</span> : null}
      </h3>
      <Bar label="General" mean={general.landing.mean} lo={general.landing.lo} hi={general.landing.hi} tone="bg-slate-500" target={general.target} />
      <Bar label={`Your scenarios (${row.n})`} mean={row.landing.mean} lo={row.landing.lo} hi={row.landing.hi} tone="bg-indigo-600" target={general.target} />
      {row.sentence ? <p className="text-xs font-medium text-amber-800">{row.sentence}.</p> : null}
    </li>
  );
}

export function ScenarioLanding({ report }: { report: Pick<ProbeReport, "rows" | "scenarioRows" | "scenarios"> }) {
  if (!report.scenarioRows?.length || !report.scenarios) return null;
  const pairs = report.scenarioRows.flatMap((row) => {
    const general = report.rows.find((g) => g.key === row.key);
    return general ? [{ row, general }] : [];
  });
  const targeted = pairs.filter((p) => p.general.target !== null);
  const others = pairs.filter((p) => p.general.target === null);
  const { count, answered } = report.scenarios;
  return (
    <Section
      title="General vs in your scenarios"
      description={`Each trait on the library items (general) and on your ${count} scenario${count === 1 ? "" : "s"}, asked once each, with 95% intervals on 0–100; the black tick is the target. The scenario landing is the mean over these scenarios — it says how the persona does on the set you wrote, not on conversations in general.`}
    >
      {answered === 0 ? <p className="text-sm text-slate-500">Waiting for the scenarios' judged answers…</p> : (
        <div className="space-y-4" data-testid="scenario-landing">
          {targeted.length ? (
            <ul className="space-y-4">{targeted.map((p) => <TraitPair key={p.row.key} {...p} />)}</ul>
          ) : <p className="text-sm text-slate-500">No targeted traits: the watched traits are below.</p>}
          {others.length ? (
            <details open={!targeted.length} className="rounded-lg border border-slate-100 px-3 py-2">
              <summary className="cursor-pointer text-xs font-medium text-slate-600">Traits you did not target ({others.length})</summary>
              <ul className="mt-3 space-y-4">{others.map((p) => <TraitPair key={p.row.key} {...p} />)}</ul>
            </details>
          ) : null}
        </div>
      )}
    </Section>
  );
}
