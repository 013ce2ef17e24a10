import { COLORS } from "@/components/charts/palette";
import type { SurvivalView } from "@/lib/probing/chart-prep";

// Turns-to-break as a Kaplan–Meier step curve: the share of conversations not
// yet below the threshold after each turn, with its 95% band (log-log,
// Greenwood), and the 50% line the median reads. Hand SVG on a viewBox.

const W = 420, H = 230;
const M = { top: 12, right: 14, bottom: 34, left: 42 };
const PW = W - M.left - M.right, PH = H - M.top - M.bottom;
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** A right-continuous step path: S drops at the turn where the breaks happen and stays flat until the next. */
function stepPath(steps: SurvivalView["steps"], pick: (s: SurvivalView["steps"][number]) => number, x: (t: number) => number, y: (v: number) => number, end: number): string[] {
  const out: string[] = [];
  let prev = 1;
  steps.forEach((s) => {
    out.push(`${x(s.turn)},${y(prev)}`, `${x(s.turn)},${y(pick(s))}`);
    prev = pick(s);
  });
  if (steps.length) out.push(`${x(end)},${y(prev)}`);
  return out;
}

/** `turns`: the run's pushes per conversation, so the x axis matches the drift chart beside it. */
export function SurvivalChart({ data, name, turns }: { data: SurvivalView; name: string; turns?: number }) {
  const last = Math.max(1, turns ?? 0, data.lastTurn);
  // A little room left of turn 0, so a break on the first answer shows as a drop, not as the axis.
  const x = (t: number) => M.left + ((Math.min(t, last) + 0.3) / (last + 0.3)) * PW;
  const y = (v: number) => M.top + (1 - v) * PH;
  const start = (pick: (s: SurvivalView["steps"][number]) => number) => [`${M.left},${y(1)}`, ...stepPath(data.steps, pick, x, y, last)];
  const mid = start((s) => s.survival);
  const hi = start((s) => s.hi);
  const lo = start((s) => s.lo);
  const band = hi.length ? `M${hi.join(" L")} L${[...lo].reverse().join(" L")} Z` : null;
  const summary = `${name}, share of conversations not yet below ${data.threshold}: ${data.steps.map((s) => `after turn ${s.turn} ${pct(s.survival)} [${pct(s.lo)}, ${pct(s.hi)}]`).join("; ")}. Median: ${data.median}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary} data-testid="survival-chart">
      {Y_TICKS.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={COLORS.grid} />
          <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central" fontSize={11} fill={COLORS.axis}>{pct(t)}</text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={y(0.5)} y2={y(0.5)} stroke={COLORS.target} strokeOpacity={0.45} strokeDasharray="3 3" />
      {Array.from({ length: last + 1 }, (_, t) => (
        <text key={t} x={x(t)} y={H - M.bottom + 16} textAnchor="middle" fontSize={11} fill={COLORS.axis}>{t}</text>
      ))}
      <text x={M.left + PW / 2} y={H - 3} textAnchor="middle" fontSize={11} fill={COLORS.axis}>turn</text>
      {band ? <path d={band} fill={COLORS.landing} fillOpacity={0.16} /> : null}
      {mid.length ? <path d={`M${mid.join(" L")}`} fill="none" stroke={COLORS.landing} strokeWidth={2.5} /> : null}
      {data.steps.map((s) => (
        <rect key={s.turn} x={Math.max(M.left, x(s.turn - 0.5))} width={x(s.turn + 0.5) - Math.max(M.left, x(s.turn - 0.5))} y={M.top} height={PH} fill="transparent">
          <title>{`After turn ${s.turn}: ${pct(s.survival)} not yet broken [${pct(s.lo)}, ${pct(s.hi)}]; ${s.breaks} broke of ${s.atRisk} still holding`}</title>
        </rect>
      ))}
    </svg>
  );
}
