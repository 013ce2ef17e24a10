import "server-only";
import { db } from "@/lib/db/client";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { toRunDetail } from "@/lib/services/probes/serialize-run";

// "The version's report" everywhere (review, share pages): its newest completed
// probe run, recomputed from the stored answers like any report.

export function latestCompletedRunRow(personaId: string, version: number) {
  return db.probeRun.findFirst({
    where: { personaId, versionNumber: version, status: "completed" },
    orderBy: [{ finishedAt: "desc" }, { createdAt: "desc" }],
  });
}

export async function latestCompletedRun(personaId: string, version: number): Promise<ProbeRunDetail | null> {
  const run = await latestCompletedRunRow(personaId, version);
  if (!run) return null;
  const answers = await db.probeAnswer.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
  // Provider names are workspace settings: the report only needs models and the simulator label.
  return toRunDetail(run, answers, {});
}
