"use client";
import { cn } from "@/components/ui/cn";
import { shortName } from "@/components/charts/landing-radar";
import { divergingColor, formatR, type Heatmap } from "@/lib/probing/chart-prep";

// The answer-level correlation matrix as a CSS grid (recharts has no heatmap):
// red where two traits trade off answer by answer, blue where they move
// together, the r value printed in every cell. Clicking a cell puts that pair
// in the scatter.

export function TensionHeatmap({
  data, selected, onPickPair,
}: { data: Heatmap; selected?: [string, string] | null; onPickPair?: (a: string, b: string) => void }) {
  const size = data.keys.length;
  const isSelected = (a: string, b: string) =>
    !!selected && ((selected[0] === a && selected[1] === b) || (selected[0] === b && selected[1] === a));
  return (
    <div className="flex flex-wrap items-start gap-8">
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Trait tension table">
        <div
          role="table"
          aria-label="Tension heatmap"
          className="grid gap-0.5 pr-12 text-xs"
          style={{ gridTemplateColumns: `8rem repeat(${size}, 3.4rem)` }}
        >
          <div role="row" className="contents">
            <div role="columnheader" aria-label="Trait" />
            {data.names.map((name, j) => (
              <div key={data.keys[j]} role="columnheader" className="flex h-24 items-end justify-center pb-1">
                <span className="block origin-bottom-left translate-x-1/2 -rotate-45 whitespace-nowrap text-slate-600">{shortName(name)}</span>
              </div>
            ))}
          </div>
          {data.cells.map((row, i) => (
            <div key={data.keys[i]} role="row" className="contents">
              <div role="rowheader" title={data.names[i]} className="flex items-center justify-end truncate pr-2 text-slate-700">{shortName(data.names[i])}</div>
              {row.map((cell) => (
                <button
                  key={cell.colKey}
                  type="button"
                  role="cell"
                  disabled={cell.diagonal}
                  onClick={() => onPickPair?.(cell.rowKey, cell.colKey)}
                  title={cell.diagonal ? data.names[i] : `${data.names[i]} × ${data.names[data.keys.indexOf(cell.colKey)]}: r = ${formatR(cell.r)} over ${cell.n} answers`}
                  className={cn(
                    "flex h-11 items-center justify-center rounded-[3px] font-medium tabular-nums",
                    !cell.diagonal && "hover:ring-2 hover:ring-slate-900/40",
                    isSelected(cell.rowKey, cell.colKey) && "ring-2 ring-slate-900",
                  )}
                  style={{ background: cell.fill, color: cell.ink }}
                >
                  {cell.diagonal ? "" : formatR(cell.r)}
                </button>
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="w-56 space-y-2 text-xs text-slate-600">
        <div className="h-3 rounded-sm ring-1 ring-slate-200"
          style={{ background: `linear-gradient(to right, ${divergingColor(-1)}, ${divergingColor(0)}, ${divergingColor(1)})` }} />
        <div className="flex justify-between tabular-nums"><span>−1</span><span>0</span><span>+1</span></div>
        <p><b className="text-red-700">Red</b>: answer by answer, more of one trait comes with less of the other (a trade-off).</p>
        <p><b className="text-blue-700">Blue</b>: the two rise and fall together.</p>
        <p>r is Pearson&rsquo;s correlation over every persona answer the judge scored on both; grey cells have too few answers yet. Click a cell to plot that pair.</p>
      </div>
    </div>
  );
}
