import { cn } from "@/components/ui/cn";
import { COLORS } from "@/components/charts/palette";
import { clamp, fmt, signed } from "@/lib/probing/chart-prep";
import type { ProbeReport } from "@/lib/schemas/probe";

// Variants probed together, on one chart: a row per trait (targeted first, then
// the other watched traits, lighter), the target as a black diamond inside a
// ±tolerance band, and one dot with its 95% interval per contender, each on its
// own lane so they never hide each other. The numbers sit beside the plot.

/** One colour per contender, in the order they were started (stable while the standings re-sort). */
export const CONTENDER_COLORS = [COLORS.runA, COLORS.runB, "#0d9488", "#db2777", "#475569", "#65a30d"] as const;
export const contenderColor = (i: number) => CONTENDER_COLORS[i % CONTENDER_COLORS.length];

export type DotContender = { id: string; name: string; color: string };
export type DotCell = { mean: number | null; lo: number | null; hi: number | null; delta: number | null };
export type DotRow = { key: string; name: string; target: number | null; cells: DotCell[] };

/** Pure: rows for the plot, cells in the same order as `reports`. */
export function variantDotRows(targets: Readonly<Record<string, number>>, reports: readonly Pick<ProbeReport, "rows">[]): DotRow[] {
  const keys = Object.keys(targets);
  for (const report of reports) for (const r of report.rows) if (!keys.includes(r.key)) keys.push(r.key);
  return keys.map((key) => {
    const target = targets[key] ?? null;
    const found = reports.map((rep) => rep.rows.find((r) => r.key === key));
    return {
      key, target,
      name: found.find((r) => r)?.name ?? key,
      cells: found.map((r) => {
        const mean = r?.landing.mean ?? null;
        return { mean, lo: r?.landing.lo ?? null, hi: r?.landing.hi ?? null, delta: mean !== null && target !== null ? mean - target : null };
      }),
    };
  });
}

const LANE = 14; // px per contender; the numbers column uses the same line height so they line up
const PAD = 6;
const TICKS = [0, 25, 50, 75, 100];
const pct = (x: number) => `${clamp(x)}%`;
const GRID = "grid grid-cols-[9.5rem_minmax(14rem,1fr)_6.5rem] gap-x-3";

function Legend({ contenders, tolerance }: { contenders: DotContender[]; tolerance: number }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-xs text-slate-600" aria-label="Legend">
      {contenders.map((c) => (
        <li key={c.id} className="flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full" style={{ background: c.color }} aria-hidden />
          <span className="font-medium text-slate-800">{c.name}</span>
        </li>
      ))}
      <li className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rotate-45 bg-slate-900" aria-hidden />Target</li>
      <li className="flex items-center gap-1.5"><span className="h-3 w-5 rounded-sm bg-emerald-500/15 ring-1 ring-inset ring-emerald-300" aria-hidden />Within ±{tolerance}</li>
      <li className="flex items-center gap-1.5"><span className="h-0.5 w-5 rounded bg-slate-400" aria-hidden />95% interval</li>
    </ul>
  );
}

function Plot({ row, contenders, tolerance, light }: { row: DotRow; contenders: DotContender[]; tolerance: number; light: boolean }) {
  const t = row.target;
  return (
    <div className="relative" style={{ height: PAD * 2 + LANE * contenders.length }} aria-hidden>
      {TICKS.map((x) => <div key={x} className="absolute inset-y-0 w-px bg-slate-200" style={{ left: pct(x) }} />)}
      {t !== null ? (
        <>
          <div className="absolute inset-y-0 bg-emerald-500/10 ring-1 ring-inset ring-emerald-200" style={{ left: pct(t - tolerance), width: `${clamp(t + tolerance) - clamp(t - tolerance)}%` }} />
          <div className="absolute inset-y-0 border-l border-dashed border-slate-400" style={{ left: pct(t) }} />
          <div className="absolute top-1/2 h-3 w-3 -translate-x-1/2 -translate-y-1/2 rotate-45 bg-slate-900" style={{ left: pct(t) }} />
        </>
      ) : null}
      {row.cells.map((c, i) => {
        if (c.mean === null) return null;
        const top = PAD + LANE * i + LANE / 2;
        const color = contenders[i]?.color ?? COLORS.axis;
        return (
          <div key={i} className={cn(light && "opacity-50")}>
            {c.lo !== null && c.hi !== null ? (
              <div className="absolute h-0.5 -translate-y-1/2 rounded-full" style={{ top, left: pct(c.lo), width: `${clamp(c.hi) - clamp(c.lo)}%`, background: color, opacity: 0.55 }} />
            ) : null}
            <div className="absolute z-10 h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-white" style={{ top, left: pct(c.mean), background: color }} />
          </div>
        );
      })}
    </div>
  );
}

function Numbers({ row, contenders, tolerance }: { row: DotRow; contenders: DotContender[]; tolerance: number }) {
  return (
    <div className="text-[11px] tabular-nums" style={{ paddingTop: PAD, lineHeight: `${LANE}px` }}>
      {row.cells.map((c, i) => (
        <div key={i} className="flex items-center gap-1.5 whitespace-nowrap">
          <span className="h-1.5 w-1.5 shrink-0 rounded-full" style={{ background: contenders[i]?.color }} aria-hidden />
          <span className="w-6 text-right font-medium text-slate-800">{fmt(c.mean)}</span>
          {c.delta !== null ? (
            <span className={Math.abs(Math.round(c.delta)) <= tolerance ? "font-semibold text-emerald-700" : "text-rose-700"}>{signed(c.delta)}</span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

function rowLabel(row: DotRow, contenders: DotContender[]): string {
  const parts = row.cells.map((c, i) => `${contenders[i]?.name}: ${c.mean === null ? "not measured" : fmt(c.mean)}${c.delta !== null ? ` (${signed(c.delta)})` : ""}`);
  return `${row.name}${row.target !== null ? `, target ${row.target}` : ""}. ${parts.join("; ")}`;
}

function Row({ row, contenders, tolerance, light }: { row: DotRow; contenders: DotContender[]; tolerance: number; light: boolean }) {
  return (
    <li className={cn(GRID, "border-t border-slate-100 py-1")} aria-label={rowLabel(row, contenders)}>
      <div className="flex min-w-0 flex-col justify-center">
        <span className={cn("line-clamp-2 text-sm leading-snug", light ? "text-slate-500" : "font-medium text-slate-900")} title={row.name}>{row.name}</span>
        {row.target !== null ? <span className="text-[11px] tabular-nums text-slate-500">target {row.target}</span> : null}
      </div>
      <Plot row={row} contenders={contenders} tolerance={tolerance} light={light} />
      <Numbers row={row} contenders={contenders} tolerance={tolerance} />
    </li>
  );
}

export function VariantDotPlot({
  contenders, rows, tolerance = 10,
}: { contenders: DotContender[]; rows: DotRow[]; tolerance?: number }) {
  const targeted = rows.filter((r) => r.target !== null);
  const others = rows.filter((r) => r.target === null);
  return (
    <figure className="space-y-3" data-testid="variant-dot-plot" aria-label="Where each contender lands on every trait, against the target">
      <Legend contenders={contenders} tolerance={tolerance} />
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Contender plot">
        <div className="min-w-[34rem]">
          <div className={cn(GRID, "pb-1 text-[11px] text-slate-500")} aria-hidden>
            <span>Trait</span>
            <div className="relative h-4">
              {TICKS.map((x) => (
                <span key={x} className={cn("absolute tabular-nums", x === 0 ? "" : x === 100 ? "-translate-x-full" : "-translate-x-1/2")} style={{ left: pct(x) }}>{x}</span>
              ))}
            </div>
            <span>Landing · vs target</span>
          </div>
          <ul aria-label="Targeted traits">
            {targeted.map((r) => <Row key={r.key} row={r} contenders={contenders} tolerance={tolerance} light={false} />)}
          </ul>
          {others.length ? (
            <>
              <p className="border-t border-slate-200 pt-3 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Also watched · no target</p>
              <ul aria-label="Other watched traits">
                {others.map((r) => <Row key={r.key} row={r} contenders={contenders} tolerance={tolerance} light />)}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </figure>
  );
}
