import { commonScale, faithfulness, mapLayout, type MapLayout } from "@/components/panels/report/panel-report-prep";
import type { PanelArmReport } from "@/lib/probing/chart-prep";

// Where the members sit: the report's 2-D map (classical MDS of the landing
// vectors, coordinates in points), equal aspect, a "10 points" scale bar and
// how much of the members' spread the two axes show. A ceiling run shows its
// two arms side by side at the same scale: each arm's map is its own
// projection, so drawing both in one frame would suggest moves that are only
// a rotation; how far each member moved is listed under the diversity gain.

// Two frames: a wide one from the sm breakpoint up, a compact one below it, so
// labels stay about 11–12 px on a 390 px phone and the map stays a glance at 1440 px.
const WIDE = { w: 480, h: 340, labelRoom: 70 };
const COMPACT = { w: 340, h: 300, labelRoom: 40 };

export function PanelMaps({ arms, members }: { arms: PanelArmReport[]; members: { key: string; name: string }[] }) {
  const coords = arms.map((a) => a.divergence.map.coordinates);
  const wide = commonScale(coords, WIDE.w, WIDE.h, WIDE.labelRoom);
  const compact = commonScale(coords, COMPACT.w, COMPACT.h, COMPACT.labelRoom);
  return (
    <div className={arms.length > 1 ? "grid gap-4 lg:grid-cols-2" : ""}>
      {arms.map((arm) => (
        <figure key={arm.arm} className="min-w-0">
          {arms.length > 1 ? <figcaption className="mb-1 text-sm font-medium text-slate-800">{arm.label}</figcaption> : null}
          <div className="hidden sm:block"><PanelMap layout={layoutFor(arm, members, WIDE, wide)} title={`Map of the panel (${arm.label})`} /></div>
          <div className="sm:hidden"><PanelMap layout={layoutFor(arm, members, COMPACT, compact)} title={`Map of the panel (${arm.label})`} /></div>
          <p className="mt-1 text-xs text-slate-500" data-testid="map-faithfulness">
            The map {faithfulness(arm.divergence.map.explained)}.{" "}
            {arm.divergence.map.explained !== null && arm.divergence.map.explained < 0.7 ? "Distances on it are rough: read the pairwise distances below." : "Straight-line distances approximate the members' distances in points."}
            {arms.length > 1 ? " Both maps share one scale; each is its own projection, so compare spreads, not where a member sits." : ""}
          </p>
        </figure>
      ))}
    </div>
  );
}

function layoutFor(arm: PanelArmReport, members: { key: string; name: string }[], frame: { w: number; h: number }, scale: number): MapLayout {
  const byKey = new Map(members.map((m) => [m.key, m.name]));
  const ordered = arm.divergence.members.map((key) => ({ key, name: byKey.get(key) ?? key }));
  return mapLayout(arm.divergence.map.coordinates, ordered, frame.w, frame.h, scale);
}

export function PanelMap({ layout, title }: { layout: MapLayout; title: string }) {
  const { width, height, points, scaleBar } = layout;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="h-auto w-full rounded-lg border border-slate-200 bg-white" data-testid="panel-map">
      <title>{title}</title>
      <line x1={width / 2} x2={width / 2} y1={8} y2={height - 32} stroke="#f1f5f9" />
      <line x1={8} x2={width - 8} y1={(height - 24) / 2} y2={(height - 24) / 2} stroke="#f1f5f9" />
      {points.map((p) => (
        <g key={p.key} data-testid="map-point">
          <circle cx={p.x} cy={p.y} r={6} fill="#4f46e5" stroke="#ffffff" strokeWidth={1.5}>
            <title>{p.name}</title>
          </circle>
          <text x={p.label.x} y={p.label.y} textAnchor={p.label.anchor} fontSize={12} fill="#0f172a" paintOrder="stroke" stroke="#ffffff" strokeWidth={3} strokeLinejoin="round">
            {p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name}
          </text>
        </g>
      ))}
      <g aria-hidden>
        <line x1={scaleBar.x} x2={scaleBar.x + scaleBar.length} y1={scaleBar.y} y2={scaleBar.y} stroke="#334155" strokeWidth={2} />
        <line x1={scaleBar.x} x2={scaleBar.x} y1={scaleBar.y - 4} y2={scaleBar.y + 4} stroke="#334155" strokeWidth={1.5} />
        <line x1={scaleBar.x + scaleBar.length} x2={scaleBar.x + scaleBar.length} y1={scaleBar.y - 4} y2={scaleBar.y + 4} stroke="#334155" strokeWidth={1.5} />
        <text x={scaleBar.x + scaleBar.length + 6} y={scaleBar.y + 4} fontSize={11} fill="#475569">10 points</text>
      </g>
    </svg>
  );
}
