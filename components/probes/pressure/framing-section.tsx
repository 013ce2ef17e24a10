import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Section } from "@/components/ui/card";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { clamp, diffSide, estText, FRAMING_VERDICT_TEXT, framingRows, leakageDomain, wordingDiff, type FramingRow } from "@/lib/probing/chart-prep";
import type { FramingReport } from "@/lib/schemas/pressure";

// "How it is asked" (issue 14 §4): the framed trait stated as the character's
// nature (the persona as written) vs requested by the role, probed together.
// The two sentences that differ as a word diff; where the framed trait lands
// under each; per other watched trait the leakage (shift from the baseline) of
// each wording on one symmetric scale, with the paired difference and the
// verdict. `action` is the one-click "Try the requested-behaviour wording".

const NATURE = COLORS.landing;
const REQUESTED = "#0d9488"; // teal-600; drawn as a hollow diamond so shape tells the two apart

const VERDICT_TONE: Record<FramingReport["verdict"], "green" | "slate"> = {
  "requested leaks less": "green", "requested leaks more": "slate", mixed: "slate", "no clear difference": "slate", "not enough evidence": "slate",
};

function WordingDiff({ wording }: { wording: FramingReport["wording"] }) {
  const parts = wordingDiff(wording.nature, wording.requested);
  const line = (side: "nature" | "requested") => diffSide(parts, side).map((p, i) => {
    const sep = i ? " " : "";
    if (p.kind === "same") return <span key={i}>{sep}{p.text}</span>;
    return side === "nature"
      ? <span key={i}>{sep}<del className="rounded-sm bg-indigo-100 px-0.5 text-indigo-900 decoration-indigo-400">{p.text}</del></span>
      : <span key={i}>{sep}<ins className="rounded-sm bg-teal-100 px-0.5 text-teal-900 underline decoration-teal-500">{p.text}</ins></span>;
  });
  return (
    <dl className="grid gap-x-3 gap-y-1.5 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm sm:grid-cols-[7.5rem_minmax(0,1fr)]" aria-label="The two wordings">
      <dt className="text-xs font-medium text-slate-500">As its nature</dt>
      <dd className="min-w-0 break-words text-slate-800">{line("nature")}</dd>
      <dt className="text-xs font-medium text-slate-500">As the job</dt>
      <dd className="min-w-0 break-words text-slate-800">{line("requested")}</dd>
    </dl>
  );
}

function DotInterval({ est, color, shape, pos }: { est: FramingRow["nature"]; color: string; shape: "dot" | "diamond"; pos: (v: number) => string }) {
  if (est.estimate === null) return null;
  return (
    <>
      {est.lo !== null && est.hi !== null ? (
        <div className="absolute h-0.5 -translate-y-1/2 rounded-full" style={{ top: "50%", left: pos(Math.min(est.lo, est.hi)), width: `calc(${pos(est.hi)} - ${pos(est.lo)})`, background: color, opacity: 0.6 }} />
      ) : null}
      <div className={cn("absolute top-1/2 z-10 -translate-x-1/2 -translate-y-1/2", shape === "dot" ? "h-3 w-3 rounded-full ring-2 ring-white" : "h-3 w-3 rotate-45 border-2 bg-white")}
        style={{ left: pos(est.estimate), ...(shape === "dot" ? { background: color } : { borderColor: color }) }} />
    </>
  );
}

function LeakRow({ row, name, domain }: { row: FramingRow; name: string; domain: number }) {
  const pos = (v: number) => `${((clamp(v, -domain, domain) + domain) / (2 * domain)) * 100}%`;
  return (
    <li className="grid gap-x-4 gap-y-1 py-2 sm:grid-cols-[9rem_minmax(0,1fr)_15rem] sm:items-center" data-testid={`framing-${row.trait}`}>
      <div className="min-w-0">
        <p className="break-words text-sm font-medium text-slate-900">{name}</p>
        {row.requestedLeaksLess ? <Badge tone="green">requested leaks less</Badge>
          : row.requestedLeaksMore ? <Badge tone="amber">requested leaks more</Badge>
          : row.natureLeaks ? <Badge tone="slate">no clear difference</Badge> : null}
      </div>
      <div className="space-y-1" role="img" aria-label={`${name}: nature wording moves it ${row.natureText}, requested wording ${row.requestedText}`}>
        {[["nature", row.nature, NATURE, "dot"], ["requested", row.requested, REQUESTED, "diamond"]].map(([k, est, color, shape]) => (
          <div key={k as string} className="relative h-4">
            <div className="absolute inset-y-0 w-px bg-slate-300" style={{ left: "50%" }} />
            <div className="absolute inset-x-0 top-1/2 h-px bg-slate-100" />
            <DotInterval est={est as FramingRow["nature"]} color={color as string} shape={shape as "dot" | "diamond"} pos={pos} />
          </div>
        ))}
      </div>
      <div className="text-xs tabular-nums text-slate-600">
        <p>nature <span className="text-slate-900">{row.natureText}</span></p>
        <p>requested <span className="text-slate-900">{row.requestedText}</span></p>
        <p>difference <span className="font-medium text-slate-900">{row.differenceText}</span></p>
      </div>
    </li>
  );
}

export function FramingSection({
  framing, nameOf, action,
}: { framing: FramingReport; nameOf: (key: string) => string; action?: ReactNode }) {
  const rows = framingRows(framing);
  const domain = leakageDomain(rows);
  const trait = nameOf(framing.trait);
  const t = framing.targetLanding;
  return (
    <Section
      id="framing"
      title="How it is asked"
      description={`${trait} (target ${framing.target}) stated as the character's nature vs asked for by the role, probed on the same items. Leakage = shift from the neutral assistant on the other traits, paired by item, 95% intervals.`}
      actions={action}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={VERDICT_TONE[framing.verdict]}>{framing.verdict}</Badge>
        <span className="min-w-0 text-slate-700">{FRAMING_VERDICT_TEXT[framing.verdict]}</span>
      </p>
      <WordingDiff wording={framing.wording} />
      <div className="text-sm" data-testid="framing-target">
        <p className="font-medium text-slate-900">{trait} itself</p>
        <p className="tabular-nums text-slate-700">
          lands at <b>{estText(t.nature).replace(/^\+/, "")}</b> as its nature, <b>{estText(t.requested).replace(/^\+/, "")}</b> as the job
          <span className="text-slate-500"> · difference {estText(t.difference)}</span>
        </p>
      </div>
      <ChartLegend
        items={[
          { label: "Nature wording: shift from baseline", color: NATURE, kind: "dot" },
          { label: "Requested wording", color: REQUESTED, kind: "diamond" },
          { label: "No shift (0)", color: "#cbd5e1", kind: "tick" },
        ]}
      />
      <div className="grid gap-x-4 text-[11px] tabular-nums text-slate-500 sm:grid-cols-[9rem_minmax(0,1fr)_15rem]" aria-hidden>
        <span />
        <div className="relative h-4"><span className="absolute left-0">−{domain}</span><span className="absolute left-1/2 -translate-x-1/2">0</span><span className="absolute right-0">+{domain}</span></div>
        <span />
      </div>
      <ul className="divide-y divide-slate-100" aria-label="Leakage of each wording by trait">
        {rows.map((r) => <LeakRow key={r.trait} row={r} name={nameOf(r.trait)} domain={domain} />)}
      </ul>
    </Section>
  );
}
