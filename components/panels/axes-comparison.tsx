"use client";
import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RowsError, RowsPending } from "@/components/ui/link-rows";
import { useAxesComparison } from "@/components/panels/axes-experiment-hooks";
import type { AxesComparison } from "@/lib/schemas/axes-experiment";

// The axes experiment's result (issue 13 §6): per axis, how far apart the
// members land in each style (mean pairwise distance, points on the 0–100
// scale, with its interval), and framework − topic with an item-paired
// interval and the verdict. Follows both probes while they run.

type Axis = AxesComparison["axes"][number];
type Interval = Axis["topic"]["meanDistance"];

const VERDICT_TONE: Record<Axis["verdict"], Tone> = {
  "framework-grounded diverges more": "brand",
  "topic-labelled diverges more": "amber",
  "no clear difference": "slate",
};
const STYLE = {
  topic: { label: "Topic-labelled", dot: "bg-slate-500", bar: "bg-slate-300" },
  framework: { label: "Framework-grounded", dot: "bg-brand-600", bar: "bg-brand-200" },
} as const;

const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const range = (i: Interval) => (i.lo === null || i.hi === null ? "no interval yet" : `${fmt(i.lo)}–${fmt(i.hi)}`);
const signed = (v: number | null) => (v === null ? "–" : `${v > 0 ? "+" : ""}${v.toFixed(1)}`);

export function AxesComparisonPage({ workspaceId, topicRun, frameworkRun }: { workspaceId: string; topicRun: string; frameworkRun: string }) {
  const q = useAxesComparison(workspaceId, topicRun, frameworkRun);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-8">
      <p className="text-sm"><Link className="text-brand-700 hover:underline" href={`/w/${workspaceId}/panels`}>← Panels</Link></p>
      {q.isPending ? <RowsPending /> : q.isError ? <RowsError what="the axes experiment" error={q.error} /> : <AxesComparisonView workspaceId={workspaceId} data={q.data} />}
    </div>
  );
}

export function AxesComparisonView({ workspaceId, data }: { workspaceId: string; data: AxesComparison }) {
  const max = Math.max(10, ...data.axes.flatMap((a) => [a.topic.meanDistance.hi ?? 0, a.framework.meanDistance.hi ?? 0, a.topic.meanDistance.estimate ?? 0, a.framework.meanDistance.estimate ?? 0]));
  const scale = Math.ceil(max / 5) * 5;
  return (
    <div className="mt-4 space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight break-words">Axes experiment: {data.topic}</h1>
        <p className="mt-1 text-sm text-slate-600">
          The same positions along five axes, drafted topic-labelled and framework-grounded, probed on the same items ({data.traits.join(", ")}).
          Per axis: how far apart the members land in each style — the mean distance between members in points (0–100 scale), with its 95% interval —
          and whether grounding them in named frameworks spreads them further. The difference&rsquo;s interval resamples items once for both styles.
        </p>
      </header>

      <Card className="p-4">
        <h2 className="text-sm font-semibold text-slate-800">Probes</h2>
        <ul className="mt-2 space-y-2 text-sm">
          {data.runs.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className={`inline-block h-2.5 w-2.5 rounded-full ${STYLE[r.style].dot}`} aria-hidden />
              <Link className="font-medium text-brand-700 hover:underline" href={`/w/${workspaceId}/panels/${r.panelId}/runs/${r.id}`}>{STYLE[r.style].label} panel</Link>
              <Badge tone={r.status === "completed" ? "green" : r.status === "failed" || r.status === "cancelled" ? "rose" : "sky"}>{r.status}</Badge>
              <span className="text-slate-500">{r.done}/{r.total} member runs done</span>
              <progress className="h-1.5 w-full sm:w-40" max={Math.max(1, r.total)} value={r.done} aria-label={`${STYLE[r.style].label} probe progress`} />
            </li>
          ))}
        </ul>
        {!data.complete ? <p className="mt-2 text-xs text-slate-500">Partial: computed from the answers so far; it settles when both probes are done.</p> : null}
      </Card>

      <section aria-label="Per axis">
        <div className="mb-2 flex flex-wrap gap-4 text-xs text-slate-600">
          {(["topic", "framework"] as const).map((s) => (
            <span key={s} className="inline-flex items-center gap-1.5"><span className={`inline-block h-2.5 w-2.5 rounded-full ${STYLE[s].dot}`} aria-hidden />{STYLE[s].label}</span>
          ))}
          <span>Scale: 0–{scale} points apart</span>
        </div>
        <ul className="space-y-3">
          {data.axes.map((a) => <AxisRow key={a.axis} axis={a} scale={scale} />)}
        </ul>
      </section>
    </div>
  );
}

function AxisRow({ axis, scale }: { axis: Axis; scale: number }) {
  const d = axis.difference.meanDistance;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{axis.label}</h3>
        <Badge tone={VERDICT_TONE[axis.verdict]}>{axis.verdict}</Badge>
      </div>
      <p className="mt-0.5 text-xs text-slate-500 break-words">{axis.members.map((m) => m.label).join(" · ")} — {axis.items} common item{axis.items === 1 ? "" : "s"}</p>
      <div className="mt-2 space-y-1.5">
        {(["topic", "framework"] as const).map((s) => <DistanceBar key={s} style={s} interval={axis[s].meanDistance} positions={axis[s].effectivePositions} scale={scale} />)}
      </div>
      <p className="mt-2 text-xs text-slate-700">
        Framework − topic: <strong>{signed(d.estimate)}</strong> points ({d.lo === null || d.hi === null ? "no interval yet" : `${signed(d.lo)} to ${signed(d.hi)}`})
      </p>
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer">Frameworks on this axis</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {axis.members.map((m) => <li key={m.key}><span className="text-slate-700">{m.label}</span>: {m.framework}</li>)}
        </ul>
      </details>
    </li>
  );
}

function DistanceBar({ style, interval, positions, scale }: { style: "topic" | "framework"; interval: Interval; positions: Interval; scale: number }) {
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / scale) * 100))}%`;
  const s = STYLE[style];
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] items-center gap-2 sm:grid-cols-[9rem_minmax(0,1fr)_9rem]">
      <span className="text-xs text-slate-600">{s.label}</span>
      <div className="relative h-4 rounded bg-slate-50" role="img" aria-label={`${s.label}: members ${fmt(interval.estimate)} points apart (${range(interval)})`}>
        {interval.lo !== null && interval.hi !== null ? (
          <span className={`absolute top-1.5 h-1 rounded ${s.bar}`} style={{ left: pct(interval.lo), width: `calc(${pct(interval.hi)} - ${pct(interval.lo)})` }} />
        ) : null}
        {interval.estimate !== null ? <span className={`absolute top-0.5 h-3 w-3 -translate-x-1/2 rounded-full ${s.dot}`} style={{ left: pct(interval.estimate) }} /> : null}
      </div>
      <span className="col-start-2 text-xs text-slate-500 sm:col-start-auto">
        {fmt(interval.estimate)} pts ({range(interval)}) · {fmt(positions.estimate)} positions
      </span>
    </div>
  );
}
