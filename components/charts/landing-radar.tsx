"use client";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip, type BaseTickContentProps } from "recharts";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { fmt, type RadarRow } from "@/lib/probing/chart-prep";

// Target vs landing vs baseline over the watched traits. Spokes of targeted
// traits are labelled in bold; the numbers sit in a table beside the chart.

export const shortName = (name: string) => name.split(" / ")[0];

function SpokeLabel(props: BaseTickContentProps & { rows: RadarRow[]; onPick?: (key: string) => void }) {
  const row = props.rows[props.index];
  if (!row) return null;
  return (
    <text
      x={props.x} y={props.y} textAnchor={props.textAnchor} dominantBaseline="central"
      fontSize={12} fontWeight={row.targeted ? 600 : 400} fill={row.targeted ? COLORS.target : COLORS.axis}
      style={props.onPick ? { cursor: "pointer" } : undefined}
      onClick={props.onPick ? () => props.onPick!(row.key) : undefined}
    >
      {shortName(row.name)}
    </text>
  );
}

export function LandingRadar({ rows, onPickTrait }: { rows: RadarRow[]; onPickTrait?: (key: string) => void }) {
  if (rows.length < 3) {
    return <p className="text-sm text-slate-500">A radar needs three or more watched traits; see the table below.</p>;
  }
  return (
    <div data-testid="radar" className="grid items-center gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0">
        <RadarChart
          responsive
          data={rows}
          outerRadius="78%"
          margin={{ top: 8, right: 64, bottom: 8, left: 64 }}
          style={{ width: "100%", maxWidth: 680, aspectRatio: 1.2, marginInline: "auto" }}
        >
          <PolarGrid stroke={COLORS.grid} />
          <PolarAngleAxis dataKey="name" tick={(p: BaseTickContentProps) => <SpokeLabel {...p} rows={rows} onPick={onPickTrait} />} />
          <PolarRadiusAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} angle={90 - 180 / rows.length} axisLine={false} tick={{ fontSize: 10, fill: COLORS.baseline }} />
          <Radar name="Baseline" dataKey="baseline" stroke={COLORS.baseline} strokeWidth={1.5} strokeDasharray="4 3" fill="none" fillOpacity={0} isAnimationActive={false} />
          <Radar name="Intended" dataKey="intended" stroke={COLORS.target} strokeWidth={2} strokeDasharray="7 4" fill="none" fillOpacity={0} isAnimationActive={false} />
          <Radar name="Landing" dataKey="landing" stroke={COLORS.landing} strokeWidth={2.5} fill={COLORS.landing} fillOpacity={0.16} dot={{ r: 3, fill: COLORS.landing }} connectNulls isAnimationActive={false} />
          <Tooltip formatter={(v) => fmt(typeof v === "number" ? v : null)} />
        </RadarChart>
        <ChartLegend
          className="justify-center"
          items={[
            { label: "Landing (mean judged score)", color: COLORS.landing, kind: "fill" },
            { label: "Intended: target, or baseline if not targeted", color: COLORS.target, kind: "dashed" },
            { label: "Baseline (neutral assistant)", color: COLORS.baseline, kind: "dashed" },
          ]}
        />
      </div>
      <table className="w-full text-sm" aria-label="Radar values">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">Trait</th>
            <th className="py-1 text-right font-medium">Target</th>
            <th className="py-1 text-right font-medium">Landing</th>
            <th className="py-1 text-right font-medium">Base</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className={r.targeted ? "py-1 font-medium" : "py-1 text-slate-600"}>{shortName(r.name)}</td>
              <td className="py-1 text-right tabular-nums">{fmt(r.target)}</td>
              <td className="py-1 text-right font-semibold tabular-nums text-brand-700">{fmt(r.landing)}</td>
              <td className="py-1 text-right tabular-nums text-slate-500">{fmt(r.baseline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
