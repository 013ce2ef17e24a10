import { Badge, type Tone } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { COLORS } from "@/components/charts/palette";
import { intervalText, signed } from "@/lib/probing/chart-prep";
import type { DiffInterval, PressureDiff, PressureDiffRow, PressureDiffSide } from "@/lib/schemas/pressure-diff";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// The version diff's issue-14 part, compactly: per trait, each version's drift
// slope under pressure and its self-report gap, with 95% intervals, and the
// caves / drifts-back / says-not-does / does-not-say flags on either side.
// Each side reads its own newest run that has them (named in the description).

const FLAG_TONE: Record<string, Tone> = { caves: "rose", "drifts-back": "amber", "says-not-does": "rose", "does-not-say": "sky" };
const FLAG_WORDS: Record<string, string> = { caves: "caves", "drifts-back": "drifts back", "says-not-does": "says, doesn't do", "does-not-say": "does, doesn't say" };

function Value({ v }: { v: DiffInterval | null }) {
  if (!v || v.estimate === null) return <span className="text-slate-500">—</span>;
  return (
    <span>
      {signed(v.estimate, 1)} <span className="text-xs text-slate-500">{intervalText(v.lo, v.hi, true)}</span>
    </span>
  );
}

function Flags({ kinds }: { kinds: string[] }) {
  if (!kinds.length) return null;
  return <span className="ml-1 inline-flex flex-wrap gap-1">{kinds.map((k) => <Badge key={k} tone={FLAG_TONE[k] ?? "slate"}>{FLAG_WORDS[k] ?? k}</Badge>)}</span>;
}

function sourceText(letter: string, s: PressureDiffSide): string {
  const runs = [s.pressureRunId ? "pressure test" : null, s.selfReportRunId ? "self-report" : null].filter(Boolean);
  return `${letter} · v${s.version}: ${runs.length ? runs.join(" and ") : "neither"}`;
}

function Row({ r }: { r: PressureDiffRow }) {
  return (
    <tr>
      <td className="py-1.5 pr-3 text-slate-800">{findTrait(r.trait)?.name ?? humanizeTraitKey(r.trait)}</td>
      <td className="py-1.5 pl-3 text-right"><Value v={r.slope.a} /></td>
      <td className="py-1.5 pl-3 text-right"><Value v={r.slope.b} /></td>
      <td className="py-1.5 pl-3 text-right"><Value v={r.gap.a} /></td>
      <td className="py-1.5 pl-3 text-right"><Value v={r.gap.b} /></td>
      <td className="py-1.5 pl-4 text-xs">
        {r.flags.a.length ? <span style={{ color: COLORS.runA }}>A<Flags kinds={r.flags.a} /></span> : null}
        {r.flags.b.length ? <span className="ml-2" style={{ color: COLORS.runB }}>B<Flags kinds={r.flags.b} /></span> : null}
        {!r.flags.a.length && !r.flags.b.length ? <span className="text-slate-500">—</span> : null}
      </td>
    </tr>
  );
}

export function PressureDiffSection({ pressure }: { pressure: PressureDiff | null }) {
  if (!pressure) return null;
  const a = `v${pressure.from.version}`;
  const b = `v${pressure.to.version}`;
  return (
    <Section
      id="pressure"
      title="Under pressure and in its own words"
      description={`Each version's newest completed run that has a pressure test or a self-report (${sourceText("A", pressure.from)}; ${sourceText("B", pressure.to)}). Drift: points per turn over all conversations; gap: self-rating − landing.`}
    >
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Drift and self-report gap table">
        <table className="w-full min-w-[44rem] text-sm" aria-label="Drift and self-report gap by trait, A vs B">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1.5 pr-3 font-medium">Trait</th>
              <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runA }}>Drift A · {a} [95%]</th>
              <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runB }}>Drift B · {b} [95%]</th>
              <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runA }}>Self-report gap A [95%]</th>
              <th className="py-1.5 pl-3 text-right font-medium" style={{ color: COLORS.runB }}>Self-report gap B [95%]</th>
              <th className="py-1.5 pl-4 font-medium">Flags</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {pressure.rows.map((r) => <Row key={r.trait} r={r} />)}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
