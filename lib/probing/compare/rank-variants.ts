import type { ProbeReport } from "@/lib/schemas/probe";

// Which variant lands closest to the targets: root mean square of (landing −
// target) over the targeted traits each variant has a landing for. A variant
// that measured fewer targeted traits is ranked after those that measured all
// of them (a missing trait cannot be "close").

export type VariantInput = { runId: string; name: string; variantId: string | null; status: string; report: ProbeReport };

export function rankVariants(variants: readonly VariantInput[], targets: Readonly<Record<string, number>>) {
  const keys = Object.keys(targets);
  const standings = variants.map((v) => {
    const deltas: Record<string, number | null> = {};
    for (const k of keys) {
      const mean = v.report.rows.find((r) => r.key === k)?.landing.mean ?? null;
      deltas[k] = mean === null ? null : Math.round((mean - targets[k]) * 10) / 10;
    }
    const measured = Object.values(deltas).filter((d): d is number => d !== null);
    const distance = measured.length ? Math.sqrt(measured.reduce((s, d) => s + d * d, 0) / measured.length) : null;
    return {
      runId: v.runId, name: v.name, variantId: v.variantId, status: v.status,
      distance: distance === null ? null : Math.round(distance * 10) / 10,
      traitsMeasured: measured.length, flags: v.report.flags.length, deltas,
    };
  });
  standings.sort((a, b) => b.traitsMeasured - a.traitsMeasured || (a.distance ?? Infinity) - (b.distance ?? Infinity));
  const final = variants.length > 0 && variants.every((v) => v.status === "completed");
  const best = standings[0];
  return { standings, final, winner: final && best && best.distance !== null && keys.length > 0 ? best.runId : null };
}
