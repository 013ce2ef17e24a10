"use client";
import {
  CartesianGrid, ReferenceDot, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
  type ScatterPointItem, type TooltipContentProps,
} from "recharts";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { fmt, formatR, intervalText, type PairScatter as PairScatterData, type ScatterPoint } from "@/lib/probing/chart-prep";

// One dot per persona answer scored on both traits (jittered: scores come in
// steps of 5), the centroid of the dots with its 95% interval as a cross, and
// the intended point. Clicking a dot opens that answer with its judge scores.

const TICKS = [0, 25, 50, 75, 100];

function DotTooltip({ active, payload, names }: Partial<TooltipContentProps> & { names: { x: string; y: string; of: (k: string) => string } }) {
  const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
  if (!point || !("id" in point)) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-medium text-slate-900">{names.x} {point.x} · {names.y} {point.y}</p>
      <p className="text-slate-500">Answer to a {names.of(point.traitKey)} item — click to read it</p>
    </div>
  );
}

export function PairScatter({
  data, names, onPickAnswer,
}: { data: PairScatterData; names: (key: string) => string; onPickAnswer?: (id: string) => void }) {
  const x = names(data.xKey);
  const y = names(data.yKey);
  const { centroid, intended } = data;
  const hasIntended = intended.x !== null && intended.y !== null;
  return (
    <div data-testid="pair-scatter" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0">
        <ScatterChart responsive margin={{ top: 8, right: 16, bottom: 28, left: 8 }} style={{ width: "100%", maxWidth: 680, aspectRatio: 1.3, marginInline: "auto" }}>
          <CartesianGrid stroke={COLORS.grid} />
          <XAxis type="number" dataKey="jx" name={x} domain={[0, 100]} ticks={TICKS} allowDataOverflow
            label={{ value: x, position: "bottom", offset: 10, fill: COLORS.target, fontSize: 12, fontWeight: 600 }} tick={{ fontSize: 11, fill: COLORS.axis }} />
          <YAxis type="number" dataKey="jy" name={y} domain={[0, 100]} ticks={TICKS} allowDataOverflow width={48}
            label={{ value: y, angle: -90, position: "insideLeft", offset: 4, fill: COLORS.target, fontSize: 12, fontWeight: 600, style: { textAnchor: "middle" } }}
            tick={{ fontSize: 11, fill: COLORS.axis }} />
          {hasIntended ? (
            <>
              <ReferenceLine x={intended.x!} stroke={COLORS.target} strokeOpacity={0.35} strokeDasharray="4 4" />
              <ReferenceLine y={intended.y!} stroke={COLORS.target} strokeOpacity={0.35} strokeDasharray="4 4" />
            </>
          ) : null}
          <Scatter
            data={data.points}
            fill={COLORS.landing}
            fillOpacity={0.35}
            isAnimationActive={false}
            cursor={onPickAnswer ? "pointer" : undefined}
            onClick={(item: ScatterPointItem) => {
              const id = (item.payload as ScatterPoint | undefined)?.id;
              if (id && onPickAnswer) onPickAnswer(id);
            }}
          />
          {centroid ? (
            <>
              <ReferenceLine segment={[{ x: centroid.x.lo, y: centroid.y.mean }, { x: centroid.x.hi, y: centroid.y.mean }]} stroke="#312e81" strokeWidth={3} />
              <ReferenceLine segment={[{ x: centroid.x.mean, y: centroid.y.lo }, { x: centroid.x.mean, y: centroid.y.hi }]} stroke="#312e81" strokeWidth={3} />
              <ReferenceDot x={centroid.x.mean} y={centroid.y.mean} r={7} fill="#312e81" stroke="white" strokeWidth={2.5}
                label={{ value: "centroid", position: "left", offset: 10, fill: "#312e81", fontSize: 12, fontWeight: 600 }} />
            </>
          ) : null}
          {hasIntended ? (
            <ReferenceDot
              x={intended.x!} y={intended.y!} r={7}
              label={{ value: intended.xTargeted && intended.yTargeted ? "target" : "intended", position: "right", offset: 12, fill: COLORS.target, fontSize: 12, fontWeight: 600 }}
              shape={(p) => <path d={`M${p.cx} ${(p.cy ?? 0) - 8} L${(p.cx ?? 0) + 8} ${p.cy} L${p.cx} ${(p.cy ?? 0) + 8} L${(p.cx ?? 0) - 8} ${p.cy} Z`} fill="white" stroke={COLORS.target} strokeWidth={2.5} />}
            />
          ) : null}
          <Tooltip cursor={false} content={(p) => <DotTooltip {...p} names={{ x, y, of: names }} />} />
        </ScatterChart>
        <ChartLegend
          className="justify-center"
          items={[
            { label: "One answer", color: COLORS.landing, kind: "dot" },
            { label: "Centroid ± 95% interval", color: "#312e81", kind: "cross" },
            { label: intended.xTargeted && intended.yTargeted ? "Target" : "Intended (target, or baseline if not targeted)", color: COLORS.target, kind: "diamond" },
          ]}
        />
      </div>
      <div className="space-y-4 text-sm">
        <div>
          <p className="text-xs text-slate-500">Answer-level correlation</p>
          <p className="text-lg font-semibold tabular-nums">r = {formatR(data.r)} <span className="text-sm font-normal text-slate-500">over n = {data.n}</span></p>
          <p className="text-xs text-slate-500">
            {data.r === null ? "Not enough answers yet." : data.r <= -0.3 ? "A trade-off: more of one comes with less of the other." : data.r >= 0.3 ? "They rise and fall together." : "Weak relation."}
          </p>
        </div>
        <table className="w-full" aria-label="Pair centroid">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 font-medium">Trait</th>
              <th className="py-1 text-right font-medium">Centroid [95%]</th>
              <th className="py-1 text-right font-medium">{intended.xTargeted && intended.yTargeted ? "Target" : "Intended"}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {([[x, centroid?.x, intended.x, intended.xTargeted], [y, centroid?.y, intended.y, intended.yTargeted]] as const).map(([name, c, aim, targeted]) => (
              <tr key={name}>
                <td className="py-1.5 pr-2">{name}</td>
                <td className="py-1.5 text-right tabular-nums">{c ? <><b className="text-brand-700">{fmt(c.mean)}</b> <span className="text-slate-500">{intervalText(c.lo, c.hi)}</span></> : "—"}</td>
                <td className="py-1.5 text-right tabular-nums">{fmt(aim)}{targeted ? "" : <span className="block text-[10px] text-slate-500">baseline</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-xs text-slate-500">
          Centroid: the mean of the plotted answers with its 95% interval. Click a dot to read that answer and its judge scores.
        </p>
      </div>
    </div>
  );
}
