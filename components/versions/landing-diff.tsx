import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { clamp, fmt, intervalText, signed } from "@/lib/probing/chart-prep";
import type { LandingDeltaRow, LandingDiff as LandingDiffData, LandingPoint, RunRef } from "@/lib/schemas/landing-compare";
import type { ReportFlag } from "@/lib/schemas/probe";

// The version diff's last part: where the two versions land on each trait (their
// newest completed probe runs), how far each landing moved (paired by item),
// whether it moved toward one fixed target (B's — so a moved target is never
// mistaken for a moved landing), and which flags are new, resolved or unclear.
// A is the "from" side.

const versionName = (v: RunRef["version"]) => (v === "draft" ? "Draft" : `v${v}`);
const pct = (x: number) => `${clamp(x)}%`;

type Verdict = { tone: string; line: string; word: string };

/** Green clearly toward the fixed target, rose clearly away; slate when the move may be noise or nothing is targeted. */
function verdict(r: LandingDeltaRow): Verdict {
  if (r.delta === null) return { tone: "text-slate-500", line: "#cbd5e1", word: "" };
  if (r.towardTarget === "closer") return { tone: "text-emerald-700", line: "#10b981", word: "toward target" };
  if (r.towardTarget === "further") return { tone: "text-rose-700", line: "#f43f5e", word: "away from target" };
  if (!r.clear) return { tone: "text-slate-500", line: "#cbd5e1", word: r.target === null ? "unclear" : "no clear difference" };
  return { tone: "text-slate-900", line: "#64748b", word: r.target === null ? "clear" : "moved; distance unclear" };
}

function gapTitle(r: LandingDeltaRow): string | undefined {
  const parts: string[] = [];
  if (r.deltaInterval) parts.push(`landing change ${signed(r.delta)} ${intervalText(r.deltaInterval.lo, r.deltaInterval.hi, true)}, paired over ${r.items} items`);
  if (r.gap) parts.push(`distance to ${fmt(r.gap.target)}: A ${fmt(r.gap.a, 1)} → B ${fmt(r.gap.b, 1)} (${signed(r.gap.difference)} ${intervalText(r.gap.lo, r.gap.hi, true)})`);
  return parts.length ? parts.join("; ") : undefined;
}

function RunChip({ letter, run, color }: { letter: "A" | "B"; run: RunRef; color: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span className="inline-flex h-5 w-5 items-center justify-center rounded-full text-[10px] font-bold text-white" style={{ background: color }}>{letter}</span>
      <span className="text-sm font-semibold text-slate-900">{versionName(run.version)}</span>
      <span className="font-mono">{run.model}</span>
      {run.finishedAt ? <span>· probed <TimeAgo iso={run.finishedAt} /></span> : null}
      {run.simulated ? <Badge tone="amber">Simulator — not a language model</Badge> : null}
    </div>
  );
}

function Landing({ p }: { p: LandingPoint | null }) {
  if (!p) return <span className="text-slate-500">—</span>;
  return (
    <span>
      {fmt(p.mean)} <span className="text-xs text-slate-500">{intervalText(p.lo, p.hi)}</span>
    </span>
  );
}

/** A 0–100 scale: A and B as dots joined by a bar in the move's colour, the target as a tick. */
function Dumbbell({ row, color }: { row: LandingDeltaRow; color: string }) {
  const { a, b, target } = row;
  return (
    <div className="relative h-5 w-40" aria-hidden>
      <div className="absolute inset-x-0 top-1/2 h-px bg-slate-200" />
      {target !== null ? <div className="absolute inset-y-0 w-0.5 -translate-x-1/2 rounded" style={{ left: pct(target), background: COLORS.target }} /> : null}
      {a && b ? (
        <div className="absolute top-1/2 h-1 -translate-y-1/2 rounded-full"
          style={{ left: pct(Math.min(a.mean, b.mean)), width: pct(Math.abs(b.mean - a.mean)), background: color }} />
      ) : null}
      {a ? <div className="absolute top-1/2 h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border border-white" style={{ left: pct(a.mean), background: COLORS.runA }} /> : null}
      {b ? <div className="absolute top-1/2 h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border border-white" style={{ left: pct(b.mean), background: COLORS.runB }} /> : null}
    </div>
  );
}

function TargetCell({ row }: { row: LandingDeltaRow }) {
  if (row.targetChanged) return <span title="The target changed: both landings are measured against B's">{fmt(row.targetA)} → {fmt(row.targetB)}</span>;
  return <>{fmt(row.target)}</>;
}

function TraitTable({ rows, a, b }: { rows: LandingDeltaRow[]; a: string; b: string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Trait landings, A vs B">
      <table className="w-full min-w-[44rem] text-sm" aria-label="Landing by trait, A vs B">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1.5 pr-3 font-medium">Trait</th>
            <th className="py-1.5 text-right font-medium">Target</th>
            <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runA }}>A · {a} [95%]</th>
            <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runB }}>B · {b} [95%]</th>
            <th className="py-1.5 pl-3 text-right font-medium">B − A</th>
            <th className="py-1.5 pl-4 font-medium">0 – 100</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => {
            const v = verdict(r);
            return (
              <tr key={r.key}>
                <td className="py-1.5 pr-3 text-slate-800">{r.name}</td>
                <td className="py-1.5 text-right text-slate-600"><TargetCell row={r} /></td>
                <td className="py-1.5 pl-3 text-right"><Landing p={r.a} /></td>
                <td className="py-1.5 pl-3 text-right"><Landing p={r.b} /></td>
                <td className={cn("py-1.5 pl-3 text-right font-semibold", v.tone)} title={gapTitle(r)}>
                  {signed(r.delta)}
                  {v.word ? <span className="ml-1 text-[10px] font-normal">{v.word}</span> : null}
                </td>
                <td className="py-1.5 pl-4"><Dumbbell row={r} color={v.line} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FlagList({ title, flags, tone, reasons }: { title: string; flags: ReportFlag[]; tone: Tone; reasons?: Record<string, string> }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title} ({flags.length})</h4>
      {flags.length ? (
        <ul className="mt-2 space-y-1.5 text-sm">
          {flags.map((f) => (
            <li key={f.id}>
              <span className="flex items-start gap-2"><Badge tone={tone}>{f.kind}</Badge><span>{f.title}</span></span>
              {reasons?.[f.id] ? <span className="mt-0.5 block text-xs text-slate-500">{reasons[f.id]}</span> : null}
            </li>
          ))}
        </ul>
      ) : <p className="mt-2 text-sm text-slate-500">None</p>}
    </div>
  );
}

function Distance({ landing, a, b }: { landing: LandingDiffData; a: string; b: string }) {
  const { distance: d, targetsChanged, rows } = landing.comparison;
  if (!d.fixed) return null;
  const verdictText = d.closer === "b" ? `${b} lands closer` : d.closer === "a" ? `${a} landed closer` : "no clear difference";
  const names = targetsChanged.map((k) => rows.find((r) => r.key === k)?.name ?? k);
  return (
    <div className="space-y-1 text-sm text-slate-700" data-testid="landing-distance">
      {targetsChanged.length ? (
        <p role="note" className="rounded-md bg-sky-50 px-3 py-2 text-sky-900 ring-1 ring-inset ring-sky-200">
          <span className="font-medium">Targets changed</span> ({names.join(", ")}). Both versions are measured against {b}&rsquo;s targets, so
          &ldquo;closer&rdquo; below means the landing moved, not the target. Against their own targets: A {fmt(d.a.rms, 1)}, B {fmt(d.b.rms, 1)} (RMS).
        </p>
      ) : null}
      <p>
        <span className="font-medium">Mean distance to target</span>{" "}
        <span className="text-xs text-slate-500">(|landing − target| over targeted traits, paired by item over {d.fixed.items} items)</span>:{" "}
        <span className="tabular-nums" style={{ color: COLORS.runA }}>A {fmt(d.fixed.a, 1)}</span>
        <span className="mx-1.5 text-slate-500">→</span>
        <span className="tabular-nums" style={{ color: COLORS.runB }}>B {fmt(d.fixed.b, 1)}</span>
        <span className={cn("ml-2 font-medium", d.closer === "b" ? "text-emerald-700" : d.closer === "a" ? "text-rose-700" : "text-slate-600")}>
          {verdictText}
        </span>
        {d.fixed.lo !== null && d.fixed.hi !== null ? <span className="ml-1 text-xs text-slate-500">(B − A {signed(d.fixed.difference)} {intervalText(d.fixed.lo, d.fixed.hi, true)})</span> : null}
      </p>
    </div>
  );
}

function UnclearFlags({ items }: { items: LandingDiffData["comparison"]["flags"]["unclear"] }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Unclear ({items.length})</h4>
      {items.length ? (
        <ul className="mt-2 space-y-2 text-sm">
          {items.map((u) => (
            <li key={u.flag.id}>
              <span className="flex items-start gap-2"><Badge tone="slate">{u.flag.kind}</Badge><span>{u.flag.title} <span className="text-xs text-slate-500">({u.change})</span></span></span>
              <span className="mt-0.5 block text-xs text-slate-500">{u.reason}</span>
            </li>
          ))}
        </ul>
      ) : <p className="mt-2 text-sm text-slate-500">None</p>}
    </div>
  );
}

export function LandingDiff({ landing, note, probesHref }: { landing: LandingDiffData | null; note: string | null; probesHref: string }) {
  const probesLink = <Link href={probesHref} className="text-xs font-medium text-brand-600 hover:text-brand-700">Probes →</Link>;
  if (!landing) {
    return (
      <Section id="landing" title="Where it lands">
        <p className="text-sm text-slate-600" data-testid="landing-note">
          {note ?? "No probe reports to compare."}{" "}
          <Link href={probesHref} className="font-medium text-brand-600 hover:text-brand-700">Probe a version →</Link>
        </p>
      </Section>
    );
  }
  const a = versionName(landing.from.version);
  const b = versionName(landing.to.version);
  const { rows, flags } = landing.comparison;
  return (
    <Section
      id="landing"
      title="Where it lands"
      description="Each version's newest completed probe run. Both answered the same items, so every move is paired item by item; it counts as clear when its 95% interval excludes 0."
      actions={probesLink}
    >
      <div className="space-y-1">
        <RunChip letter="A" run={landing.from} color={COLORS.runA} />
        <RunChip letter="B" run={landing.to} color={COLORS.runB} />
      </div>
      {landing.caveat ? <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">{landing.caveat}</p> : null}
      <Distance landing={landing} a={a} b={b} />
      <ChartLegend
        items={[
          { label: `A · ${a}`, color: COLORS.runA, kind: "dot" },
          { label: `B · ${b}`, color: COLORS.runB, kind: "dot" },
          { label: "Target", color: COLORS.target, kind: "tick" },
          { label: "Toward target", color: "#10b981", kind: "line" },
          { label: "Away from target", color: "#f43f5e", kind: "line" },
          { label: "Unclear (may be noise)", color: "#cbd5e1", kind: "line" },
        ]}
      />
      <TraitTable rows={rows} a={a} b={b} />
      <div className="grid items-start gap-4 sm:grid-cols-2" role="group" aria-label="Flag changes">
        <FlagList title={`New in ${b}`} flags={flags.appeared} tone="rose" reasons={flags.reasons} />
        <FlagList title="Resolved" flags={flags.resolved} tone="green" reasons={flags.reasons} />
        <UnclearFlags items={flags.unclear} />
        <FlagList title="Still open" flags={flags.kept} tone="amber" />
      </div>
      <p className="text-xs text-slate-500">A flag is called new or resolved only when the landing behind it moved clearly (paired by item); otherwise it is unclear — it may have come or gone by noise or because its target changed.</p>
    </Section>
  );
}
