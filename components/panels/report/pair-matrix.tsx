"use client";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { distanceFill, PAIR_STATUS_HINT, PAIR_STATUS_TONE, withInterval } from "@/components/panels/report/panel-report-prep";
import { fmt, type PanelArmReport } from "@/lib/probing/chart-prep";

// Pairwise distances: a k × k grid (RMS distance over the watched traits, in
// points; the interval and status on hover), the pairs as a list with their
// status, and one pair's per-trait differences up close.

type Pair = PanelArmReport["divergence"]["pairs"][number];
const same = (p: Pair, a: string, b: string) => (p.a === a && p.b === b) || (p.a === b && p.b === a);

export function PairMatrix({ arm, nameOf, selected, onSelect }: {
  arm: PanelArmReport; nameOf: (key: string) => string; selected: [string, string] | null; onSelect: (a: string, b: string) => void;
}) {
  const keys = arm.divergence.members;
  const pairs = arm.divergence.pairs;
  const max = Math.max(30, ...pairs.map((p) => p.distance.hi ?? p.distance.estimate));
  const pairOf = (a: string, b: string) => pairs.find((p) => same(p, a, b));
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`Member distance matrix (${arm.label})`}>
      <table className="border-separate border-spacing-0.5 text-xs" aria-label={`Distances between members (${arm.label})`}>
        <thead>
          <tr>
            <th scope="col" className="sr-only">Member</th>
            {keys.map((k) => (
              <th key={k} scope="col" className="w-14 max-w-14 truncate px-0.5 pb-1 text-center font-medium text-slate-600" title={nameOf(k)}>{nameOf(k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((row) => (
            <tr key={row}>
              <th scope="row" className="max-w-[6rem] truncate pr-2 text-right font-medium text-slate-700 sm:max-w-[9rem]" title={nameOf(row)}>{nameOf(row)}</th>
              {keys.map((col) => {
                if (row === col) return <td key={col} className="h-10 w-14 rounded-[3px] bg-slate-200" aria-label="same member" />;
                const p = pairOf(row, col);
                if (!p) return <td key={col} className="h-10 w-14 rounded-[3px] bg-slate-100" />;
                const { fill, ink } = distanceFill(p.distance.estimate, max);
                const isSelected = !!selected && same(p, selected[0], selected[1]);
                return (
                  <td key={col} className="p-0">
                    <button
                      type="button"
                      onClick={() => onSelect(p.a, p.b)}
                      title={`${nameOf(p.a)} × ${nameOf(p.b)}: ${withInterval(p.distance)} points apart — ${p.status}`}
                      aria-pressed={isSelected}
                      className={cn(
                        "flex h-10 w-14 items-center justify-center rounded-[3px] font-medium tabular-nums hover:ring-2 hover:ring-slate-900/40",
                        isSelected && "ring-2 ring-slate-900",
                        p.status === "costume change" && "outline-2 -outline-offset-2 outline-dashed outline-rose-600",
                      )}
                      style={{ background: fill, color: ink }}
                    >
                      {fmt(p.distance.estimate)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        Distance: root-mean-square difference of two members&rsquo; landings over the watched traits, in points (0–100 scale). Darker is further apart; a dashed red outline marks a costume change. Hover a cell for its interval; click it for the traits.
      </p>
    </div>
  );
}

export function PairList({ arm, nameOf, selected, onSelect }: {
  arm: PanelArmReport; nameOf: (key: string) => string; selected: [string, string] | null; onSelect: (a: string, b: string) => void;
}) {
  const order: Record<string, number> = { "costume change": 0, "not distinguishable": 1, inconclusive: 2, distinct: 3 };
  const pairs = [...arm.divergence.pairs].sort((x, y) => order[x.status] - order[y.status] || x.distance.estimate - y.distance.estimate);
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Pairs">
      {pairs.map((p) => {
        const isSelected = !!selected && same(p, selected[0], selected[1]);
        return (
          <li key={`${p.a}|${p.b}`}>
            <button type="button" onClick={() => onSelect(p.a, p.b)} aria-pressed={isSelected}
              className={cn("flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-2 py-2 text-left hover:bg-slate-50", isSelected && "bg-brand-50")}>
              <span className="min-w-0 flex-1 font-medium text-slate-800">{nameOf(p.a)} × {nameOf(p.b)}</span>
              <span className="tabular-nums text-slate-600">{withInterval(p.distance)} pts</span>
              <span title={PAIR_STATUS_HINT[p.status]}><Badge tone={PAIR_STATUS_TONE[p.status]}>{p.status}</Badge></span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function PairDetail({ arm, pair, nameOf, traitName }: {
  arm: PanelArmReport; pair: [string, string]; nameOf: (key: string) => string; traitName: (trait: string) => string;
}) {
  const p = arm.divergence.pairs.find((x) => same(x, pair[0], pair[1]));
  if (!p) return null;
  const margin = arm.divergence.settings.margin;
  return (
    <div className="rounded-lg border border-slate-200 p-3" data-testid="pair-detail">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{nameOf(p.a)} − {nameOf(p.b)}</h3>
        <Badge tone={PAIR_STATUS_TONE[p.status]}>{p.status}</Badge>
        <span className="text-xs text-slate-500">{withInterval(p.distance)} points apart{p.promptsDiffer ? "" : " · same system prompt"}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">{PAIR_STATUS_HINT[p.status]}. Per trait: {nameOf(p.a)}&rsquo;s landing minus {nameOf(p.b)}&rsquo;s, with its interval; the band is ±{margin}.</p>
      <table className="mt-2 w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr><th scope="col" className="py-1 font-medium">Trait</th><th scope="col" className="py-1 font-medium">Difference</th><th scope="col" className="hidden py-1 font-medium sm:table-cell">Chart</th></tr>
        </thead>
        <tbody>
          {p.traits.map((t) => (
            <tr key={t.trait} className="border-t border-slate-100">
              <td className="py-1 pr-2 text-slate-800">{traitName(t.trait)}</td>
              <td className="py-1 pr-2 tabular-nums text-slate-700">{withInterval(t.difference, 0, true)}</td>
              <td className="hidden w-1/2 py-1 sm:table-cell"><DifferenceBar d={t.difference} margin={margin} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** −40…+40 points: the interval as a bar, the estimate as a dot, the ±margin band shaded. */
function DifferenceBar({ d, margin }: { d: { estimate: number | null; lo: number | null; hi: number | null }; margin: number }) {
  const R = 40;
  const x = (v: number) => `${((Math.max(-R, Math.min(R, v)) + R) / (2 * R)) * 100}%`;
  return (
    <svg className="h-4 w-full" aria-hidden>
      <rect x={x(-margin)} width={`${(margin / R) * 50}%`} y={2} height={12} fill="#e2e8f0" />
      <line x1="50%" x2="50%" y1={0} y2={16} stroke="#94a3b8" />
      {d.lo !== null && d.hi !== null ? <line x1={x(d.lo)} x2={x(d.hi)} y1={8} y2={8} stroke="#4f46e5" strokeWidth={3} strokeLinecap="round" /> : null}
      {d.estimate !== null ? <circle cx={x(d.estimate)} cy={8} r={4} fill="#312e81" /> : null}
    </svg>
  );
}
