"use client";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { ChartLegend, type LegendItem } from "@/components/charts/legend";
import { shortName } from "@/components/charts/landing-radar";
import { COLORS } from "@/components/charts/palette";
import { fmt, type RadarCompareRow } from "@/lib/probing/chart-prep";

// Two runs' landings over one radar. When both runs aimed at the same place,
// one dashed "intended" outline; otherwise each run's own, in its colour.

export function CompareRadar({ rows, labels }: { rows: RadarCompareRow[]; labels: [string, string] }) {
  if (rows.length < 3) return null;
  // Untargeted spokes aim at each run's own baseline, which differs by sampling noise: compare whole points.
  const sameIntent = rows.every((r) => Math.round(r.intendedA ?? -1) === Math.round(r.intendedB ?? -1));
  const data = rows.map((r) => ({ ...r, short: shortName(r.name) }));
  const legend: LegendItem[] = [
    { label: `A · ${labels[0]}`, color: COLORS.runA, kind: "fill" },
    { label: `B · ${labels[1]}`, color: COLORS.runB, kind: "fill" },
    ...(sameIntent
      ? [{ label: "Intended (same in both)", color: COLORS.target, kind: "dashed" as const }]
      : [
          { label: "Intended A", color: COLORS.runA, kind: "dashed" as const },
          { label: "Intended B", color: COLORS.runB, kind: "dashed" as const },
        ]),
  ];
  return (
    <div data-testid="compare-radar">
      <RadarChart responsive data={data} outerRadius="70%" margin={{ top: 12, right: 40, bottom: 12, left: 40 }}
        style={{ width: "100%", maxWidth: 520, aspectRatio: 1.2, marginInline: "auto" }}>
        <PolarGrid stroke={COLORS.grid} />
        <PolarAngleAxis dataKey="short" tick={{ fontSize: 12, fill: COLORS.target }} />
        <PolarRadiusAxis domain={[0, 100]} angle={90} axisLine={false} tick={{ fontSize: 10, fill: COLORS.baseline }} />
        {sameIntent ? (
          <Radar name="Intended" dataKey="intendedA" stroke={COLORS.target} strokeDasharray="7 4" fill="none" fillOpacity={0} isAnimationActive={false} />
        ) : (
          <>
            <Radar name="Intended A" dataKey="intendedA" stroke={COLORS.runA} strokeDasharray="7 4" fill="none" fillOpacity={0} isAnimationActive={false} />
            <Radar name="Intended B" dataKey="intendedB" stroke={COLORS.runB} strokeDasharray="7 4" fill="none" fillOpacity={0} isAnimationActive={false} />
          </>
        )}
        <Radar name="Landing A" dataKey="landingA" stroke={COLORS.runA} strokeWidth={2.5} fill={COLORS.runA} fillOpacity={0.12} connectNulls isAnimationActive={false} />
        <Radar name="Landing B" dataKey="landingB" stroke={COLORS.runB} strokeWidth={2.5} fill={COLORS.runB} fillOpacity={0.12} connectNulls isAnimationActive={false} />
        <Tooltip formatter={(v) => fmt(typeof v === "number" ? v : null)} />
      </RadarChart>
      <ChartLegend className="justify-center" items={legend} />
    </div>
  );
}
