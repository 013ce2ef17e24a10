"use client";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PanelMaps } from "@/components/panels/report/panel-map";
import { PairDetail, PairList, PairMatrix } from "@/components/panels/report/pair-matrix";
import { axisText, gainDigits, gainText, gainVerdict, summaryLine, withInterval } from "@/components/panels/report/panel-report-prep";
import { fmt, type PanelArmReport, type PanelFlag, type PanelFlagKind, type PanelReport } from "@/lib/probing/chart-prep";
import type { PanelRun } from "@/lib/schemas/panel-run";

// The body of a panel probe's report (issue 13 §4–5): the summary line and the
// flags first (what to act on), then where the members sit (map, distances,
// landings), the declared polarity pairs, the blind distinguishability pass,
// groups, and for a ceiling run the diversity gain of routing. Works on a
// partial report while the member runs are collecting answers. The share page
// renders it readOnly: no links into the workspace.

export type PanelReportViewProps = {
  report: PanelReport;
  run: Pick<PanelRun, "id" | "experiment" | "members" | "watched">;
  readOnly?: boolean;
  /** Needed for links to the member runs' reports (absent or readOnly: no links). */
  workspaceId?: string;
};

const FLAG_TITLES: Record<PanelFlagKind, string> = {
  costume: "Costume changes — different prompts, same behaviour",
  polarity: "Opposites that do not diverge",
  indistinguishable: "Pairs a blind judge cannot tell apart",
};

export function PanelReportView({ report, run, readOnly = false, workspaceId }: PanelReportViewProps) {
  const [armKey, setArmKey] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const arm = report.arms.find((a) => a.arm === armKey) ?? report.arms[report.arms.length - 1];
  const names = new Map(report.members.map((m) => [m.key, m.name]));
  const nameOf = (key: string) => names.get(key) ?? key;
  const traitName = (t: string) => report.traitLabels[t] ?? t;
  const memberHref = (key: string, armName: string): string | null => {
    if (readOnly || !workspaceId) return null;
    const m = run.members.find((x) => x.key === key);
    const r = m?.runs.find((x) => x.arm === armName) ?? m?.runs[0];
    return m && r ? `/w/${workspaceId}/personas/${m.personaId}/probes/${r.runId}` : null;
  };
  const memberName = (k: string, armName: string) => {
    const href = memberHref(k, armName);
    return href ? <Link href={href} className="font-medium text-brand-700 hover:underline">{nameOf(k)}</Link> : <span className="font-medium text-slate-800">{nameOf(k)}</span>;
  };

  return (
    <div className="space-y-6" data-testid="panel-report">
      <div className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
        <p className="text-base font-semibold text-slate-900 sm:text-lg" data-testid="panel-summary">{summaryLine(report)}</p>
        {!report.final ? <p className="mt-1 text-xs text-slate-500">Provisional: recomputed as the member runs answer.</p> : null}
        {report.gain ? <p className="mt-1 text-sm text-slate-700" data-testid="gain-line">Routing across models: effective positions {gainText(report.gain.effectivePositions.gain, 1, "")}.</p> : null}
      </div>

      <Section title="Flags" description={report.final ? "Findings to act on" : "Provisional: recomputed as answers arrive"}>
        <FlagsList flags={report.flags} multiArm={report.arms.length > 1} armLabel={(a) => report.arms.find((x) => x.arm === a)?.label ?? a} />
      </Section>

      {report.gain ? <GainSection report={report} nameOf={nameOf} /> : null}

      {report.arms.length ? (
        <Section title="Where the members sit" description="Each dot is a member; closer dots answer more alike on the watched traits.">
          {report.arms.length === 1 ? (
            <div className="grid gap-5 lg:grid-cols-[minmax(0,34rem)_minmax(0,1fr)]">
              <PanelMaps arms={report.arms} members={report.members} />
              <Spread arms={report.arms} k={report.members.length} />
            </div>
          ) : (
            <>
              <Spread arms={report.arms} k={report.members.length} />
              <PanelMaps arms={report.arms} members={report.members} />
            </>
          )}
        </Section>
      ) : null}

      {report.arms.length > 1 ? (
        <div role="tablist" aria-label="Plan" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {report.arms.map((a) => (
            <button key={a.arm} type="button" role="tab" aria-selected={a.arm === arm.arm} onClick={() => { setArmKey(a.arm); setPair(null); }}
              className={cn("flex-1 rounded-md px-3 py-1.5 font-medium", a.arm === arm.arm ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}>
              {a.label}
            </button>
          ))}
        </div>
      ) : null}

      {arm ? (
        <>
          <Section title="Pairwise distances" description={`${arm.label}: how far apart each pair lands, and whether the difference is real.`}>
            <div className="grid gap-5 lg:grid-cols-2">
              <PairMatrix arm={arm} nameOf={nameOf} selected={pair} onSelect={(a, b) => setPair([a, b])} />
              <PairList arm={arm} nameOf={nameOf} selected={pair} onSelect={(a, b) => setPair([a, b])} />
            </div>
            {pair ? <PairDetail arm={arm} pair={pair} nameOf={nameOf} traitName={traitName} /> : <p className="text-xs text-slate-500">Pick a pair to see its per-trait differences.</p>}
          </Section>

          <Section title="Landings" description={`${arm.label}: each member's landing per watched trait (0–100) with its 95% interval, on the ${arm.divergence.items} items every member answered.`}>
            <LandingTable arm={arm} traitName={traitName} member={(k) => memberName(k, arm.arm)} />
          </Section>

          {arm.polarity.length ? (
            <Section title="Polarity pairs" description="Members declared as opposites: the measured gap on their axis against the minimum they must clear.">
              <PolarityTable arm={arm} nameOf={nameOf} traitName={traitName} />
            </Section>
          ) : null}

          {arm.distinguish.length ? (
            <Section title="Blind distinguishability" description="A judge sees one answer and two member descriptions (never the prompts) and says who wrote it. Chance is 50%.">
              <DistinguishTable arm={arm} nameOf={nameOf} />
            </Section>
          ) : null}

          {arm.groups.length ? (
            <Section title="Groups" description="Each group's own spread.">
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr><th scope="col" className="py-1 font-medium">Group</th><th scope="col" className="py-1 font-medium">Effective positions</th><th scope="col" className="py-1 font-medium">Mean distance</th></tr>
                </thead>
                <tbody>
                  {arm.groups.map((g) => (
                    <tr key={g.name} className="border-t border-slate-100 align-top">
                      <td className="py-1.5 pr-2"><span className="font-medium text-slate-800">{g.name}</span><span className="block text-xs text-slate-500">{g.members.map(nameOf).join(", ")}</span></td>
                      <td className="py-1.5 pr-2 tabular-nums">{withInterval(g.effectivePositions, 1)} of {g.members.length}</td>
                      <td className="py-1.5 tabular-nums">{withInterval(g.meanDistance)} pts</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
          ) : null}
        </>
      ) : null}

      <Section title="Notes and methods">
        {report.notes.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="panel-notes">
            {report.notes.map((n) => <li key={n}>{n}</li>)}
          </ul>
        ) : <p className="text-sm text-slate-500">No notes.</p>}
        <p className="text-xs text-slate-500">
          Method <span className="font-mono text-slate-700">{report.methodVersion}</span>. Every member answered the same items with the same seed and the same judge; intervals are 95% and resample items.
          How the distances, effective positions, costume changes, polarity and distinguishability tests are computed: <span className="font-medium text-slate-700">docs/methods.md §12 (Panels)</span>.
        </p>
      </Section>
    </div>
  );
}

function FlagsList({ flags, multiArm, armLabel }: { flags: PanelFlag[]; multiArm: boolean; armLabel: (arm: string) => string }) {
  if (flags.length === 0) return <p className="text-sm text-slate-600" data-testid="panel-flags">No flags: every pair differs or the evidence is still inconclusive.</p>;
  const kinds = (["costume", "polarity", "indistinguishable"] as const).filter((k) => flags.some((f) => f.kind === k));
  return (
    <div className="space-y-3" data-testid="panel-flags">
      {kinds.map((kind) => (
        <div key={kind}>
          <h3 className="text-sm font-semibold text-slate-900">{FLAG_TITLES[kind]}</h3>
          <ul className="mt-1 space-y-1">
            {flags.filter((f) => f.kind === kind).map((f, i) => (
              <li key={i} className={cn("rounded-md px-3 py-2 text-sm ring-1 ring-inset", kind === "costume" ? "bg-rose-50 text-rose-900 ring-rose-200" : "bg-amber-50 text-amber-900 ring-amber-200")} data-flag={kind}>
                {multiArm ? <span className="mr-1 font-medium">{armLabel(f.arm)}:</span> : null}
                {f.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function Spread({ arms, k }: { arms: PanelArmReport[]; k: number }) {
  return (
    <div className={cn("grid content-start gap-3", arms.length > 1 && "lg:grid-cols-2")}>
      {arms.map((a) => (
        <div key={a.arm} className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
          {arms.length > 1 ? <p className="text-xs font-medium text-slate-500">{a.label}</p> : null}
          {/* One list per arm: a dt/dd pair may sit in a div, but that div's parent must be the dl (axe definition-list). */}
          <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
            <div><dt className="text-xs text-slate-500">Effective positions</dt><dd className="font-semibold tabular-nums text-slate-900">{withInterval(a.divergence.effectivePositions, 1)} <span className="font-normal text-slate-500">of {k}</span></dd></div>
            <div><dt className="text-xs text-slate-500">Mean distance</dt><dd className="font-semibold tabular-nums text-slate-900">{withInterval(a.divergence.meanDistance)} <span className="font-normal text-slate-500">points</span></dd></div>
            <div><dt className="text-xs text-slate-500">Common items</dt><dd className="font-semibold tabular-nums text-slate-900">{a.divergence.items}</dd></div>
          </dl>
        </div>
      ))}
      <p className={cn("text-xs text-slate-500", arms.length > 1 && "lg:col-span-2")}>
        Effective positions: how many truly different voices the panel holds ({k} = all members far apart, 1 = one voice in {k} costumes); members within a few points count as one.
      </p>
    </div>
  );
}

function GainSection({ report, nameOf }: { report: PanelReport; nameOf: (key: string) => string }) {
  const g = report.gain!;
  // A row per statistic; on a phone each value carries its own small label, so the gain never scrolls off screen.
  const row = (label: string, x: typeof g.effectivePositions, digits: number) => {
    const v = gainVerdict(x.gain);
    return (
      <div className="grid grid-cols-2 gap-x-3 gap-y-1 border-t border-slate-100 py-2 text-sm sm:grid-cols-[12rem_1fr_1fr_1.6fr] sm:items-baseline">
        <div className="col-span-2 font-medium text-slate-800 sm:col-span-1">{label}</div>
        <div className="tabular-nums"><span className="text-xs text-slate-500 sm:hidden">One model </span>{withInterval(x.single, digits)}</div>
        <div className="tabular-nums"><span className="text-xs text-slate-500 sm:hidden">Routed </span>{withInterval(x.routed, digits)}</div>
        <div className="col-span-2 tabular-nums sm:col-span-1">
          <Badge tone={v === "gain" ? "green" : v === "loss" ? "rose" : "slate"}>{v === "unclear" ? "no clear gain" : v}</Badge>{" "}
          <span className="text-slate-700">{withInterval(x.gain, gainDigits(x.gain, digits), true)}</span>
        </div>
      </div>
    );
  };
  const moved = g.moved.slice(0, 5);
  return (
    <Section title="Diversity gain from routing" description="The same members on one model and routed across models, on the same items: routed − single.">
      <div className="max-w-4xl" data-testid="gain-table">
        <div className="hidden grid-cols-[12rem_1fr_1fr_1.6fr] gap-x-3 pb-1 text-xs text-slate-500 sm:grid" aria-hidden>
          <span /><span>One model</span><span>Routed</span><span>Routed − one model</span>
        </div>
        {row("Effective positions", g.effectivePositions, 1)}
        {row("Mean distance (points)", g.meanDistance, 0)}
      </div>
      {moved.length ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Members that moved most</h3>
          <p className="text-xs text-slate-500">How far each member&rsquo;s landing moved when it changed model (points, over the watched traits).</p>
          <ol className="mt-1 max-w-md space-y-0.5 text-sm">
            {moved.map((m) => <li key={m.member} className="flex gap-3"><span className="min-w-0 flex-1 text-slate-800">{nameOf(m.member)}</span><span className="tabular-nums text-slate-600">{withInterval(m.distance)} pts</span></li>)}
          </ol>
        </div>
      ) : null}
    </Section>
  );
}

function LandingTable({ arm, traitName, member }: { arm: PanelArmReport; traitName: (t: string) => string; member: (key: string) => ReactNode }) {
  const { traits, members, landings } = arm.divergence;
  const showSeats = Object.keys(arm.seats ?? {}).length > 0;
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`Where members land (${arm.label})`}>
      <table className="w-full text-sm" aria-label={`Landings (${arm.label})`}>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="sticky left-0 bg-white py-1 pr-3 font-medium">Member</th>
            {showSeats ? <th scope="col" className="hidden py-1 pr-3 font-medium md:table-cell">Seat</th> : null}
            {traits.map((t) => <th key={t} scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{traitName(t)}</th>)}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m} className="border-t border-slate-100">
              <th scope="row" className="sticky left-0 whitespace-nowrap bg-white py-1.5 pr-3 text-left font-normal">{member(m)}</th>
              {showSeats ? <td className="hidden whitespace-nowrap py-1.5 pr-3 text-xs text-slate-500 md:table-cell">{arm.seats[m] ?? "—"}</td> : null}
              {traits.map((t) => {
                const l = landings[m]?.[t];
                return (
                  <td key={t} className="whitespace-nowrap py-1.5 pr-3 tabular-nums">
                    <span className="font-medium text-slate-900">{fmt(l?.estimate)}</span>
                    {l && l.lo !== null && l.hi !== null ? <span className="text-xs text-slate-500"> [{fmt(l.lo)}, {fmt(l.hi)}]</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const POLARITY_TONE = { "fails to diverge": "rose", diverges: "green", inconclusive: "slate" } as const;

function PolarityTable({ arm, nameOf, traitName }: { arm: PanelArmReport; nameOf: (k: string) => string; traitName: (t: string) => string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`Polarity pairs (${arm.label})`}>
      <table className="w-full min-w-[34rem] text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">Pair</th><th scope="col" className="py-1 pr-2 font-medium">Axis</th>
            <th scope="col" className="py-1 pr-2 font-medium">Expected</th><th scope="col" className="py-1 pr-2 font-medium">Measured gap</th><th scope="col" className="py-1 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {arm.polarity.map((p, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="py-1.5 pr-2 font-medium text-slate-800">{nameOf(p.a)} vs {nameOf(p.b)}</td>
              <td className="py-1.5 pr-2 text-slate-700">{axisText(p.weights, traitName)}</td>
              <td className="py-1.5 pr-2 text-slate-700">{p.expect === "a>b" ? `${nameOf(p.a)} higher` : p.expect === "a<b" ? `${nameOf(p.b)} higher` : "apart, either way"}</td>
              <td className="py-1.5 pr-2 tabular-nums"><span className="whitespace-nowrap">{withInterval(p.difference, 0, true)}</span> <span className="block text-xs text-slate-500">minimum {p.minimum}</span></td>
              <td className="py-1.5"><Badge tone={POLARITY_TONE[p.status]}>{p.status}</Badge></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DISTINGUISH_TONE = { "told apart": "green", "not told apart": "amber", inconclusive: "slate" } as const;
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

function DistinguishTable({ arm, nameOf }: { arm: PanelArmReport; nameOf: (k: string) => string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`Distinguishability (${arm.label})`}>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr><th scope="col" className="py-1 pr-2 font-medium">Pair</th><th scope="col" className="py-1 pr-2 font-medium">Judge accuracy</th><th scope="col" className="hidden py-1 pr-2 font-medium sm:table-cell">vs chance (50%)</th><th scope="col" className="py-1 font-medium">Status</th></tr>
        </thead>
        <tbody>
          {arm.distinguish.map((d) => (
            <tr key={`${d.a}|${d.b}`} className="border-t border-slate-100">
              <td className="py-1.5 pr-2 font-medium text-slate-800">{nameOf(d.a)} × {nameOf(d.b)}</td>
              <td className="whitespace-nowrap py-1.5 pr-2 tabular-nums">
                {pct(d.accuracy.estimate)} <span className="text-xs text-slate-500">[{pct(d.accuracy.lo)}, {pct(d.accuracy.hi)}] · {d.correct}/{d.n}{d.undecided ? ` · ${d.undecided} undecided` : ""}</span>
              </td>
              <td className="hidden w-1/3 py-1.5 pr-2 sm:table-cell"><AccuracyBar a={d.accuracy} /></td>
              <td className="py-1.5"><Badge tone={DISTINGUISH_TONE[d.status]}>{d.status}</Badge></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccuracyBar({ a }: { a: { estimate: number | null; lo: number | null; hi: number | null } }) {
  const x = (v: number) => `${Math.max(0, Math.min(1, v)) * 100}%`;
  return (
    <svg className="h-4 w-full" aria-hidden>
      <rect x={0} y={7} width="100%" height={2} fill="#e2e8f0" />
      <line x1="50%" x2="50%" y1={0} y2={16} stroke="#94a3b8" strokeDasharray="2 2" />
      {a.lo !== null && a.hi !== null ? <line x1={x(a.lo)} x2={x(a.hi)} y1={8} y2={8} stroke="#4f46e5" strokeWidth={3} strokeLinecap="round" /> : null}
      {a.estimate !== null ? <circle cx={x(a.estimate)} cy={8} r={4} fill="#312e81" /> : null}
    </svg>
  );
}
