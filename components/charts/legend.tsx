import type { ReactNode } from "react";

// A plain HTML legend: swatches that mirror how each series is drawn (solid
// fill, dashed line, marker), readable without hovering.

export type LegendItem = { label: ReactNode; color: string; kind: "fill" | "line" | "dashed" | "dot" | "tick" | "diamond" | "cross" };

function Swatch({ color, kind }: Pick<LegendItem, "color" | "kind">) {
  return (
    <svg width="22" height="12" aria-hidden className="shrink-0">
      {kind === "fill" ? <rect x="1" y="2" width="20" height="8" rx="2" fill={color} fillOpacity="0.25" stroke={color} strokeWidth="1.5" /> : null}
      {kind === "line" ? <line x1="1" y1="6" x2="21" y2="6" stroke={color} strokeWidth="2.5" /> : null}
      {kind === "dashed" ? <line x1="1" y1="6" x2="21" y2="6" stroke={color} strokeWidth="2" strokeDasharray="4 3" /> : null}
      {kind === "dot" ? <circle cx="11" cy="6" r="3.5" fill={color} fillOpacity="0.45" /> : null}
      {kind === "tick" ? <line x1="11" y1="0" x2="11" y2="12" stroke={color} strokeWidth="3" /> : null}
      {kind === "diamond" ? <path d="M11 1 L16 6 L11 11 L6 6 Z" fill="white" stroke={color} strokeWidth="2" /> : null}
      {kind === "cross" ? <path d="M3 6 H19 M11 0 V12" stroke={color} strokeWidth="2.5" /> : null}
    </svg>
  );
}

export function ChartLegend({ items, className }: { items: LegendItem[]; className?: string }) {
  return (
    <ul className={`flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 ${className ?? ""}`} aria-label="Legend">
      {items.map((item, i) => (
        <li key={i} className="flex items-center gap-1.5">
          <Swatch color={item.color} kind={item.kind} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
