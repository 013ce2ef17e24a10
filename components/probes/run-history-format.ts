import { formatUsd } from "@/components/probes/run-usage";
import type { ProbeRun } from "@/lib/schemas/probe";

// How the run history names a run and says what ran (issue 12 §8), as plain
// strings so the row, its checkbox label and tests read the same words.

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A variant run by its variant's name; otherwise "Version 3" or "Draft". */
export function runName(run: Pick<ProbeRun, "variant" | "version">): string {
  if (run.variant) return run.variant.name;
  return run.version === "draft" ? "Draft" : `Version ${run.version}`;
}

/**
 * "8 traits · 2 targets · 3 scenarios · 12 pressure conversations · self-ratings · framing pair on firm ·
 * 404 calls · $0.37" — each add-on only when the run had it.
 */
export function runFacts(run: Pick<ProbeRun, "watched" | "targets" | "progress" | "usage" | "summary">): string {
  const scenarios = run.summary?.scenarios ?? 0;
  const pressure = run.summary?.pressureConversations ?? 0;
  const cost = run.usage.costUsd === null ? "cost unknown" : formatUsd(run.usage.costUsd);
  return [
    count(run.watched.length, "trait"),
    count(Object.keys(run.targets).length, "target"),
    scenarios > 0 ? count(scenarios, "scenario") : null,
    pressure > 0 ? count(pressure, "pressure conversation") : null,
    run.summary?.selfReport ? "self-ratings" : null,
    run.summary?.framing ? `framing pair on ${run.summary.framing}` : null,
    count(run.progress.modelCalls, "call"),
    cost,
  ].filter((part): part is string => part !== null).join(" · ");
}

/** What the run was measured on, when the variant's name is the title: "Version 3 · Simulator persona-sim-1". */
export function runSubtitle(run: Pick<ProbeRun, "variant" | "version" | "target">): string {
  const model = `${run.target.simulated ? "Simulator" : run.target.label} ${run.target.model}`;
  return run.variant ? `${run.version === "draft" ? "Draft" : `Version ${run.version}`} · ${model}` : model;
}
