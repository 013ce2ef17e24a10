import "server-only";
import type { ProbeAnswer as Row, ProbeRun } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { PRESSURE_KIND, PRESSURE_TRAIT_KEY, type PressureConversation } from "@/lib/schemas/pressure";
import type { RunConfig } from "@/lib/services/probes/run-config";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// One pressure conversation read as a chat (issue 14 §2: "open the conversation
// that shows it"): its turns in order, each the latest attempt (the answered one
// when there is one), with the user message, the answer and the judge's scores.
// Served to members (GET …/probe-runs/{runId}/conversations/{index}) and, for
// the shared report's run, to share links.

const NOT_FOUND = "Pressure conversation";

/** The conversation's turns from its rows (rows of other conversations are ignored). */
export function conversationOf(config: RunConfig, rows: readonly Row[], index: number): PressureConversation {
  const pressure = config.pressure;
  const total = pressure ? pressure.scripts.length * pressure.conversationsPerScript : 0;
  if (!pressure || !Number.isInteger(index) || index < 0 || index >= total) throw notFound(NOT_FOUND);
  const script = pressure.scripts[Math.floor(index / pressure.conversationsPerScript)];
  const byTurn = new Map<number, Row>();
  for (const r of rows) {
    if (r.kind !== PRESSURE_KIND || r.traitKey !== PRESSURE_TRAIT_KEY || r.itemIndex !== index) continue;
    const kept = byTurn.get(r.turn);
    const done = (x: Row) => (x.status === "done" ? 1 : 0);
    if (!kept || done(r) > done(kept) || (done(r) === done(kept) && r.sampleIndex > kept.sampleIndex)) byTurn.set(r.turn, r);
  }
  return {
    id: `c${index + 1}`, index,
    script: { key: script.key, name: script.name, trait: script.trait, kind: script.kind },
    turns: [...byTurn.entries()].sort(([a], [b]) => a - b).map(([turn, r]) => ({
      turn, answerId: r.id, user: r.message, assistant: r.answer,
      status: r.status, outcome: r.outcome,
      scores: r.scores ? (JSON.parse(r.scores) as Record<string, number | null>) : {},
    })),
  };
}

/** A run's conversation `index`; 404 for a run without pressure or an index out of range. */
export async function conversationOfRun(run: Pick<ProbeRun, "id" | "config">, index: number): Promise<PressureConversation> {
  const config = JSON.parse(run.config) as RunConfig;
  conversationOf(config, [], index); // 404 before reading rows
  const rows = await db.probeAnswer.findMany({ where: { runId: run.id, kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: index }, orderBy: [{ turn: "asc" }, { sampleIndex: "asc" }] });
  return conversationOf(config, rows, index);
}

export async function getPressureConversation(ctx: WorkspaceContext, runId: string, index: number): Promise<PressureConversation> {
  const run = await db.probeRun.findFirst({ where: { id: runId, workspaceId: ctx.workspaceId }, select: { id: true, config: true } });
  if (!run) throw notFound("Probe run");
  return conversationOfRun(run, index);
}
