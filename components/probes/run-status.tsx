import { Badge, type Tone } from "@/components/ui/badge";
import type { ProbeRun, RunStatus } from "@/lib/schemas/probe";

const STATUS: Record<RunStatus, { label: string; tone: Tone }> = {
  queued: { label: "Queued", tone: "slate" },
  running: { label: "Running", tone: "sky" },
  completed: { label: "Completed", tone: "green" },
  failed: { label: "Failed", tone: "rose" },
  cancelled: { label: "Cancelled", tone: "amber" },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone}>
      {status === "running" ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden /> : null}
      {s.label}
    </Badge>
  );
}

export const versionLabel = (v: ProbeRun["version"]) => (v === "draft" ? "Draft" : `v${v}`);

/** "Simulator — not a language model · persona-sim-1" or "OpenAI · gpt-4o-mini". */
export const modelLabel = (m: ProbeRun["target"]) => `${m.label} · ${m.model}`;

/** Names a run in a comparison: "v2 · Simulator persona-sim-1", "v2 · OpenAI gpt-4o-mini". */
export function runTitle(run: ProbeRun): string {
  return `${versionLabel(run.version)} · ${run.target.simulated ? "Simulator" : run.target.label} ${run.target.model}`;
}

export function SimulatedBadge({ run }: { run: Pick<ProbeRun, "target" | "judge"> }) {
  if (!run.target.simulated && !run.judge.simulated) return null;
  return <Badge tone="amber">Simulator — not a language model</Badge>;
}
