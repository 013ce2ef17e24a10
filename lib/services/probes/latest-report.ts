import "server-only";
import { db } from "@/lib/db/client";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { runDetail } from "@/lib/services/probes/stored-report";

// "The version's report" everywhere (review, share pages): its newest completed
// probe run, with the report stored for it (newest method's analysis).

export function latestCompletedRunRow(personaId: string, version: number) {
  return db.probeRun.findFirst({
    // A range check is a probe of its own kind (one trait at five levels), never "the version's report".
    where: { personaId, versionNumber: version, status: "completed", mode: "landing" },
    orderBy: [{ finishedAt: "desc" }, { createdAt: "desc" }],
  });
}

export async function latestCompletedRun(personaId: string, version: number): Promise<ProbeRunDetail | null> {
  const run = await latestCompletedRunRow(personaId, version);
  if (!run) return null;
  // Provider names are workspace settings: the report only needs models and the simulator label.
  return runDetail(run, {});
}

/**
 * The version's newest completed run with a pressure test, or with self-ratings (issue 14): an
 * occasional, deliberate run that a later plain probe must not hide from review. Each part is looked
 * up on its own, as the version diff does (a self-rating run does not hide an older pressure test).
 * RunConfig JSON writes a present `pressure` / `selfReport` as `"pressure":{` / `"selfReport":{`.
 */
export function latestRunWith(personaId: string, version: number, part: "pressure" | "selfReport") {
  return db.probeRun.findFirst({
    where: { personaId, versionNumber: version, status: "completed", mode: "landing", config: { contains: `"${part}":{` } },
    orderBy: [{ finishedAt: "desc" }, { createdAt: "desc" }],
  });
}
