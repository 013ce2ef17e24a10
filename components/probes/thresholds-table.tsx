import type { ProbeReport } from "@/lib/schemas/probe";

// The thresholds behind the flags, with why each was chosen, so a reader
// knows exactly what "fell short" or "leaked" meant for this run.

export function ThresholdsTable({ thresholds }: { thresholds: ProbeReport["thresholds"] }) {
  return (
    <table className="w-full text-sm" aria-label="Flag thresholds">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="w-80 py-1.5 pr-4 font-medium">Threshold</th>
          <th className="py-1.5 pr-4 text-right font-medium">Value</th>
          <th className="py-1.5 font-medium">Why</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {thresholds.map((t) => (
          <tr key={t.key}>
            <td className="py-2 pr-4 font-medium text-slate-800">{t.label}</td>
            <td className="py-2 pr-4 text-right font-semibold tabular-nums">{String(t.value).replace("-", "\u2212")}</td>
            <td className="py-2 text-slate-600">{t.rationale}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
