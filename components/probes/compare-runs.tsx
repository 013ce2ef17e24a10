"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CompareRadar } from "@/components/charts/compare-radar";
import { COLORS } from "@/components/charts/palette";
import { RunSummary } from "@/components/probes/run-summary";
import { runTitle } from "@/components/probes/run-status";
import { compareReports, fmt, radarCompareRows, signed, type FlagChanges } from "@/lib/probing/chart-prep";
import { useProbeRun } from "@/lib/query/probe-hooks";
import type { ReportFlag } from "@/lib/schemas/probe";

// Two runs side by side (two versions, or one version on two models). The
// older run is A, so every delta reads as "what changed since". This view has
// the two reports only, not their item-level answers, so it cannot pair by
// item: a move is "clear" only when the two intervals do not overlap (stricter
// than a paired test), and flag lists are shown as they are ("only in A/B"),
// never as "resolved". The version diff pairs by item and says which flag
// changes are clear.

export function CompareRuns({
  workspaceId, base, ids, onClose,
}: { workspaceId: string; base: string; ids: [string, string]; onClose: () => void }) {
  const first = useProbeRun(workspaceId, ids[0]);
  const second = useProbeRun(workspaceId, ids[1]);
  if (first.isError || second.isError) {
    return <p role="alert" className="text-sm text-rose-600">Could not load the runs: {(first.error ?? second.error)?.message}</p>;
  }
  if (!first.data || !second.data) return <div className="h-96 animate-pulse rounded-xl bg-slate-100" />;
  const [a, b] = first.data.createdAt <= second.data.createdAt ? [first.data, second.data] : [second.data, first.data];
  const label = runTitle;
  const comparison = compareReports(a.report, b.report);

  return (
    <Section
      id="compare"
      title={`Comparing A (${label(a)}) with B (${label(b)})`}
      description="Landings of both runs, how far each trait moved, and which flags each run raised. For paired, item-by-item verdicts (resolved / new / unclear) compare two versions on the Versions page."
      actions={<Button size="sm" variant="ghost" onClick={onClose}>Close comparison</Button>}
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <RunSummary run={a} letter="A" color={COLORS.runA} href={`${base}/probes/${a.id}`} />
        <RunSummary run={b} letter="B" color={COLORS.runB} href={`${base}/probes/${b.id}`} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <CompareRadar rows={radarCompareRows(a.report, b.report)} labels={[label(a), label(b)]} />
        <table className="w-full text-sm" aria-label="Per-trait deltas">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1.5 font-medium">Trait</th>
              <th className="py-1.5 text-right font-medium">Target</th>
              <th className="py-1.5 text-right font-medium" style={{ color: COLORS.runA }}>A</th>
              <th className="py-1.5 text-right font-medium" style={{ color: COLORS.runB }}>B</th>
              <th className="py-1.5 pl-3 text-right font-medium">B − A</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {comparison.deltas.map((d) => (
              <tr key={d.key}>
                <td className="py-1.5">{d.name}</td>
                <td className="py-1.5 text-right tabular-nums text-slate-600">
                  {d.targetA === d.targetB ? fmt(d.targetA) : `${fmt(d.targetA)} → ${fmt(d.targetB)}`}
                </td>
                <td className="py-1.5 text-right tabular-nums">{fmt(d.landingA)}</td>
                <td className="py-1.5 text-right tabular-nums">{fmt(d.landingB)}</td>
                <td className={cn("py-1.5 pl-3 text-right font-semibold tabular-nums", d.clear ? "text-slate-900" : "text-slate-500")}>
                  {signed(d.delta)}
                  <span className="ml-1 text-[10px] font-normal text-slate-500">{d.clear ? "clear" : "no clear difference"}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><td colSpan={5} className="pt-2 text-xs text-slate-500">A move is marked clear when the two runs&rsquo; 95% intervals do not overlap; &ldquo;no clear difference&rdquo; moves may be noise. If a target changed (shown as old → new), compare landings, not distances to target.</td></tr>
          </tfoot>
        </table>
      </div>
      <FlagDiff changes={comparison.flags} />
    </Section>
  );
}

function FlagDiff({ changes }: { changes: FlagChanges }) {
  const groups: { title: string; flags: ReportFlag[]; tone: "rose" | "green" | "slate"; empty: string }[] = [
    { title: "Only in B", flags: changes.appeared, tone: "rose", empty: "None" },
    { title: "Only in A", flags: changes.disappeared, tone: "slate", empty: "None" },
    { title: "In both", flags: changes.kept, tone: "slate", empty: "None" },
  ];
  return (
    <div className="space-y-2">
    <p className="text-xs text-slate-500">A flag missing from one run is not evidence that it was fixed: it may have come or gone by noise or because its target changed.</p>
    <div className="grid items-start gap-4 md:grid-cols-3" role="group" aria-label="Flag changes">
      {groups.map((g) => (
        <div key={g.title} className="rounded-lg border border-slate-200 px-4 py-3">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{g.title} ({g.flags.length})</h4>
          {g.flags.length ? (
            <ul className="mt-2 space-y-1.5 text-sm">
              {g.flags.map((f) => (
                <li key={f.id} className="flex items-start gap-2"><Badge tone={g.tone}>{f.kind}</Badge><span>{f.title}</span></li>
              ))}
            </ul>
          ) : <p className="mt-2 text-sm text-slate-500">{g.empty}</p>}
        </div>
      ))}
    </div>
    </div>
  );
}
