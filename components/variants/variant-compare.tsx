"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import { contenderColor, VariantDotPlot, variantDotRows, type DotContender } from "@/components/charts/variant-dot-plot";
import { modelLabel, RunStatusBadge } from "@/components/probes/run-status";
import { VariantStandings } from "@/components/variants/variant-standings";
import { ApiError } from "@/lib/query/api";
import { useVariantBatch } from "@/lib/query/composer-hooks";
import { usePersona } from "@/lib/query/hooks";
import { isActive } from "@/lib/query/probe-hooks";
import { VARIANT_MIN_DIFFERENCE, VARIANT_WIN_LEVEL, type VariantBatch } from "@/lib/schemas/variant";

// Variants probed together: which lands closer to the persona's targets. The
// batch is polled while any run is going, so the chart and the standings fill
// in live; the verdict waits until every run has finished.

type Run = VariantBatch["runs"][number];
const LEVEL = `${Math.round(VARIANT_WIN_LEVEL * 100)}%`;
const contenderName = (r: Run) => r.variant?.name ?? "Current draft";

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The one-line answer: who lands clearly closer, by how much — "no clear winner" and why — or why there is no answer yet. */
export function verdictText(batch: VariantBatch): string {
  if (!batch.final) {
    if (batch.runs.some((r) => isActive(r.status))) return "Still measuring…";
    const stopped = batch.runs.filter((r) => r.status !== "completed").map((r) => `“${contenderName(r)}”`);
    return `No verdict: ${joinAnd(stopped)} did not complete. Resume ${stopped.length === 1 ? "it" : "them"} from the full report.`;
  }
  return batch.verdict.reason;
}

function Verdict({ batch }: { batch: VariantBatch }) {
  const noWinner = batch.final && batch.verdict.state === "no clear winner";
  const text = verdictText(batch);
  return (
    <div
      role="status"
      className={cn("rounded-xl px-5 py-3.5", batch.winner ? "bg-emerald-50 text-emerald-900 ring-1 ring-inset ring-emerald-200" : "bg-slate-50 text-slate-700 ring-1 ring-inset ring-slate-200")}
      data-testid="variant-verdict"
    >
      {noWinner ? (
        <>
          <p className="text-base font-semibold text-slate-900">No clear winner</p>
          <p className="mt-1 text-sm">{text.replace(/^No clear winner: /, "")}</p>
          <p className="mt-1 text-xs text-slate-500">
            A winner is named only when it is closer to the targets by at least {VARIANT_MIN_DIFFERENCE} points and the {LEVEL} interval of the
            difference, paired item by item, excludes 0. Probe with a larger budget to narrow the intervals.
          </p>
        </>
      ) : <p className="text-base font-medium">{text}</p>}
    </div>
  );
}

export function VariantComparePage({ workspaceId, personaId, batchId }: { workspaceId: string; personaId: string; batchId: string }) {
  const batch = useVariantBatch(workspaceId, personaId, batchId);
  const persona = usePersona(workspaceId, personaId);
  const base = `/w/${workspaceId}/personas/${personaId}`;

  if (batch.isPending) return <div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />;
  if (batch.isError) {
    const missing = batch.error instanceof ApiError && batch.error.status === 404;
    return (
      <div className="mx-auto max-w-xl px-8 py-16 text-center">
        <h1 className="text-lg font-semibold">{missing ? "Comparison not found" : "Could not load this comparison"}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? "It may belong to another persona or workspace." : batch.error.message}</p>
        <Link href={`${base}/variants`} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to variants</Link>
      </div>
    );
  }
  const data = batch.data;
  const first = data.runs[0];
  const contenders: DotContender[] = data.runs.map((r, i) => ({ id: r.id, name: contenderName(r), color: contenderColor(i) }));
  const rows = variantDotRows(data.targets, data.runs.map((r) => r.report));
  const running = data.runs.some((r) => isActive(r.status));

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-8">
      <div>
        <Breadcrumb items={[
          { label: "Personas", href: `/w/${workspaceId}` }, { label: persona.data?.name ?? first.personaName, href: base },
          { label: "Variants", href: `${base}/variants` }, { label: `Comparison · ${new Date(first.createdAt).toLocaleDateString()}` },
        ]} />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Variant comparison</h1>
          {data.final ? <Badge tone="green">Final</Badge> : running ? <Badge tone="sky">Measuring</Badge> : <Badge tone="amber">Incomplete</Badge>}
        </div>
        <dl className="mt-3 grid gap-x-8 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Model</dt>
          <dd className="flex flex-wrap items-center gap-2 font-medium">
            {first.target.simulated ? <><Badge tone="amber">Simulator — not a language model</Badge><span className="font-mono text-xs text-slate-500">{first.target.model}</span></> : modelLabel(first.target)}
            {first.judge.model !== first.target.model || first.judge.providerId !== first.target.providerId ? <span className="font-normal text-slate-500">judged by {modelLabel(first.judge)}</span> : null}
          </dd>
          <dt className="text-slate-500">Same for all</dt>
          <dd className="text-slate-600">
            items, seed {first.config.seed} · temperature {first.config.temperature} · budget {first.config.budgetPerTrait}/trait · started by {first.createdBy}, <TimeAgo iso={first.createdAt} />
          </dd>
        </dl>
      </div>

      {running ? <Progress runs={data.runs} contenders={contenders} /> : null}

      <Verdict batch={data} />

      <Section
        id="landing"
        title="Where they land"
        description="One row per targeted trait: the black diamond is the target, each dot a contender’s mean with its 95% interval. Green numbers are within 10 points of the target."
      >
        {Object.keys(data.targets).length === 0 ? <p className="text-sm text-slate-500">No targets were recorded for this comparison.</p> : null}
        <VariantDotPlot contenders={contenders} rows={rows} />
      </Section>

      <Section id="standings" title="Standings" description="Ordered by mean distance to the targets (|landing − target| averaged over the targeted traits, on the items every contender answered; lower is closer). The order is not a verdict: only the pairwise comparisons below decide one.">
        <VariantStandings batch={data} contenders={contenders} reportBase={`${base}/probes`} />
      </Section>
    </div>
  );
}

function Progress({ runs, contenders }: { runs: Run[]; contenders: DotContender[] }) {
  return (
    <Card className="space-y-3 px-5 py-4" aria-label="Progress">
      <p className="text-sm text-slate-600">Results fill in live as answers are judged; the verdict comes once every run has finished.</p>
      <ul className="space-y-2">
        {runs.map((r, i) => {
          const pct = Math.round(Math.min(1, Math.max(0, r.progress.fraction)) * 100);
          return (
            <li key={r.id} className="grid grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[minmax(0,10rem)_auto_minmax(0,1fr)_auto]">
              <span className="flex min-w-0 items-center gap-2 font-medium">
                <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: contenders[i].color }} aria-hidden />
                <span className="truncate">{contenders[i].name}</span>
              </span>
              <RunStatusBadge status={r.status} />
              <div
                role="progressbar" aria-label={`${contenders[i].name} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}
                className="order-last col-span-3 h-2 overflow-hidden rounded-full bg-slate-100 sm:order-none sm:col-span-1"
              >
                <div className="h-full rounded-full transition-[width] duration-700" style={{ width: `${pct}%`, background: contenders[i].color }} />
              </div>
              <span className="text-xs tabular-nums text-slate-500">{r.progress.answers} answers · {pct}%</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
