// One colour per meaning across every chart of the report, so a reader learns
// them once: the landing is brand indigo, the target is ink, the baseline grey.
export const COLORS = {
  landing: "#4f46e5", // brand-600
  landingSoft: "#c7d2fe", // brand-200
  target: "#0f172a", // slate-900
  baseline: "#94a3b8", // slate-400
  grid: "#e2e8f0", // slate-200
  axis: "#64748b", // slate-500
  runA: "#4f46e5", // brand-600
  runB: "#ea580c", // orange-600
  alert: "#e11d48", // rose-600
  warn: "#d97706", // amber-600
} as const;
