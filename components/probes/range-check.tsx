"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { ProbeReport, ProbeRun } from "@/lib/schemas/probe";

// One scale for target and landing (issue 11 §5). Per targeted trait: the
// instruction the target compiled to ("asked: usually (65–84)") and the landing
// judged against it — and against what the model reaches, when a range check
// of the same persona version, model and judge exists. A range check's report
// shows its dose–response curve: each level's landing with its interval beside
// the range of targets that level's instruction covers.

const r = (x: number | null) => (x === null ? "–" : String(Math.round(x)));
const pm = (lo: number | null, hi: number | null, mean: number | null) =>
  mean === null || lo === null || hi === null ? "" : ` ± ${Math.round(Math.max(hi - mean, mean - lo))}`;

const TONE: Record<string, string> = {
  "within tolerance": "text-emerald-700", "not clearly off target": "text-slate-600", miss: "text-amber-800",
  overshoot: "text-amber-800", "beyond reach": "text-slate-700", "not measured": "text-slate-500",
};

function useStartRangeCheck(ws: string, runId: string) {
  const post = useIdempotentPost();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (trait: string) => post<ProbeRun>(`/api/workspaces/${ws}/probe-runs/${runId}/range-check`, { trait }),
    onSuccess: (run) => void qc.invalidateQueries({ queryKey: ["probe-runs", ws, "persona", run.personaId] }),
  });
}

function RangeButton({ ws, runId, trait, name }: { ws: string; runId: string; trait: string; name: string }) {
  const start = useStartRangeCheck(ws, runId);
  if (start.data) return <span className="text-xs text-slate-500">Range check queued — see the run history</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="ghost" disabled={start.isPending} onClick={() => start.mutate(trait)}>Check the range of {name.toLowerCase()} on this model</Button>
      {start.error ? <span role="alert" className="text-xs text-red-700">{start.error.message}</span> : null}
    </span>
  );
}

/** "asked: usually (65–84)" and the landing judged against it, per targeted trait; a range check's curve. */
export function RangeCheck({ workspaceId, run }: { workspaceId?: string; run: { id: string; report: ProbeReport } }) {
  const { report } = run;
  if (report.range) return <DoseResponse range={report.range} nameOf={(k) => report.rows.find((x) => x.key === k)?.name ?? k} />;
  const rows = report.rows.filter((row) => row.instructed);
  if (rows.length === 0) return null;
  return (
    <Section title="Asked and landed" description="Each target compiles to one of five instructions; a landing is judged against the instruction given (its range of targets ± tolerance)">
      <ul className="-my-2 divide-y divide-slate-100 text-sm tabular-nums" data-testid="target-scale">
        {rows.map((row) => (
          <li key={row.key} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
            <span className="w-full font-medium text-slate-800 sm:w-40 sm:shrink-0">{row.name}</span>
            <span className="text-slate-600">target {row.target} · asked: {row.instructed!.label}</span>
            <span className="text-slate-600">lands {r(row.landing.mean)}{pm(row.landing.lo, row.landing.hi, row.landing.mean)}</span>
            {row.judged ? (
              <span className={cn("font-medium", TONE[row.judged.verdict])}>
                {row.judged.verdict === "beyond reach" ? row.judged.note : row.judged.verdict}
                {row.judged.verdict === "miss" && row.judged.note ? <span className="font-normal text-slate-500"> ({row.judged.note})</span> : null}
              </span>
            ) : null}
            {workspaceId && report.final ? <span className="ml-auto"><RangeButton ws={workspaceId} runId={run.id} trait={row.key} name={row.name} /></span> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function DoseResponse({ range, nameOf }: { range: NonNullable<ProbeReport["range"]>; nameOf: (key: string) => string }) {
  const width = (x: number | null) => `${Math.max(0, Math.min(100, x ?? 0))}%`;
  return (
    <Section title={`Range of ${nameOf(range.trait)} on this model`} description="The trait asked at 0, 25, 50, 75 and 100: where each instruction lands (95% interval over items)">
      <div className="space-y-3" data-testid="range-check">
        {range.reading.map((line) => <p key={line} className="text-sm text-slate-800">{line}</p>)}
        <table className="w-full text-sm tabular-nums">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1 pr-3 font-medium">Level</th><th className="pr-3 font-medium">Asked</th><th className="pr-3 font-medium">Lands</th><th className="w-2/5 font-medium sm:w-1/2">0 — 100</th></tr>
          </thead>
          <tbody>
            {range.levels.map((l) => (
              <tr key={l.kind} className="border-t border-slate-100">
                <td className="py-1 pr-3">{l.level}</td>
                <td className="pr-3">{l.instructed.label}</td>
                <td className="whitespace-nowrap pr-3">{r(l.landing.mean)}{pm(l.landing.lo, l.landing.hi, l.landing.mean)}</td>
                <td>
                  <div className="relative h-3 rounded bg-slate-100">
                    <div className="absolute h-3 rounded bg-brand-100 ring-1 ring-inset ring-brand-200" style={{ left: width(l.instructed.lo), width: `calc(${width(l.instructed.hi)} - ${width(l.instructed.lo)})` }} title="instructed range" />
                    {l.landing.lo !== null && l.landing.hi !== null ? (
                      <div className="absolute top-1 h-1 bg-brand-600" style={{ left: width(l.landing.lo), width: `calc(${width(l.landing.hi)} - ${width(l.landing.lo)})` }} title="landing interval" />
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500" aria-hidden>
          <span className="inline-flex items-center gap-1.5"><span className="h-3 w-5 rounded bg-brand-100 ring-1 ring-inset ring-brand-200" />the range of targets the instruction covers</span>
          <span className="inline-flex items-center gap-1.5"><span className="h-1 w-5 bg-brand-600" />where it lands (95% interval)</span>
        </p>
        <p className="text-xs text-slate-500">
          Baseline (neutral assistant): {r(range.baseline.mean)}.
          {range.achievable ? ` Achievable range: ${r(range.achievable.lo.mean)} to ${r(range.achievable.hi.mean)}.` : " Achievable range: once every level has landed."}
        </p>
      </div>
    </Section>
  );
}
