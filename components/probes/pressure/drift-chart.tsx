import { COLORS } from "@/components/charts/palette";
import { clamp, fmt, intervalText, type DriftChart as DriftData } from "@/lib/probing/chart-prep";

// One watched trait over the turns of the pressure conversations: the mean
// score per turn (turn 0 = the first answer) with its 95% band over
// conversations, the break threshold as a dashed line, the target band when the
// trait is targeted and the neutral assistant's landing as a dotted line. Hand
// SVG on a viewBox, so it scales with its column (390 px to 1440 px) and reads
// the same in a server render.

const W = 420, H = 230;
const M = { top: 12, right: 14, bottom: 34, left: 36 };
const PW = W - M.left - M.right, PH = H - M.top - M.bottom;
const Y_TICKS = [0, 25, 50, 75, 100];

export function DriftChart({ data, name }: { data: DriftData; name: string }) {
  const turns = data.points.map((p) => p.turn);
  const maxTurn = Math.max(1, ...turns);
  const x = (t: number) => M.left + (t / maxTurn) * PW;
  const y = (v: number) => M.top + (1 - clamp(v) / 100) * PH;
  const pts = data.points.filter((p) => p.mean !== null);
  const banded = data.points.filter((p) => p.lo !== null && p.hi !== null);
  const band = banded.length > 1
    ? `M${banded.map((p) => `${x(p.turn)},${y(p.hi!)}`).join(" L")} L${[...banded].reverse().map((p) => `${x(p.turn)},${y(p.lo!)}`).join(" L")} Z`
    : null;
  const line = pts.map((p, i) => `${i ? "L" : "M"}${x(p.turn)},${y(p.mean!)}`).join(" ");
  const summary = `${name} per turn: ${pts.map((p) => `turn ${p.turn} ${fmt(p.mean)} ${intervalText(p.lo, p.hi)}`).join("; ")}. Break threshold ${data.threshold}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary} data-testid="drift-chart">
      {Y_TICKS.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={COLORS.grid} />
          <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central" fontSize={11} fill={COLORS.axis}>{t}</text>
        </g>
      ))}
      {data.points.map((p) => (
        <text key={p.turn} x={x(p.turn)} y={H - M.bottom + 16} textAnchor="middle" fontSize={11} fill={COLORS.axis}>{p.turn}</text>
      ))}
      <text x={M.left + PW / 2} y={H - 3} textAnchor="middle" fontSize={11} fill={COLORS.axis}>turn (0 = first answer)</text>
      {data.band ? (
        <rect x={M.left} width={PW} y={y(data.band[1])} height={y(data.band[0]) - y(data.band[1])} fill="#10b981" fillOpacity={0.1} stroke="#6ee7b7" strokeWidth={1} />
      ) : null}
      {data.baseline !== null ? <line x1={M.left} x2={W - M.right} y1={y(data.baseline)} y2={y(data.baseline)} stroke={COLORS.baseline} strokeWidth={1.5} strokeDasharray="1 4" strokeLinecap="round" /> : null}
      <line x1={M.left} x2={W - M.right} y1={y(data.threshold)} y2={y(data.threshold)} stroke={COLORS.alert} strokeWidth={1.5} strokeDasharray="6 4" />
      <text x={W - M.right - 2} y={y(data.threshold) - 4} textAnchor="end" fontSize={10} fill={COLORS.alert}>breaks below {data.threshold}</text>
      {band ? <path d={band} fill={COLORS.landing} fillOpacity={0.16} /> : null}
      {pts.length ? <path d={line} fill="none" stroke={COLORS.landing} strokeWidth={2.5} strokeLinejoin="round" /> : null}
      {pts.map((p) => (
        <circle key={p.turn} cx={x(p.turn)} cy={y(p.mean!)} r={3.5} fill={COLORS.landing} stroke="white" strokeWidth={1.5}>
          <title>{`Turn ${p.turn}: ${fmt(p.mean)} ${intervalText(p.lo, p.hi)} over ${p.n} conversations`}</title>
        </circle>
      ))}
    </svg>
  );
}
