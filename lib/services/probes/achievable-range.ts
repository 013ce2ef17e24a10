import "server-only";
import type { ProbeRun as RunRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { Achievable } from "@/lib/probing/scale-report";
import { reportSchema } from "@/lib/schemas/probe";

// The achievable range of each of a run's targeted traits on its model: from
// the newest completed range check (lib/services/probes/range-check.ts) of the
// same persona, the same version (a draft: the same compiled prompt), the same
// target model and the same judge. A landing run's miss/overshoot takes it into
// account ("beyond what this model reaches (max 71)").

export async function achievableFor(run: RunRow): Promise<Record<string, Achievable>> {
  if (run.mode === "range") return {};
  const targets = Object.keys(JSON.parse(run.targets) as Record<string, number>);
  if (targets.length === 0) return {};
  const checks = await db.probeRun.findMany({
    where: {
      personaId: run.personaId, mode: "range", status: "completed", versionNumber: run.versionNumber,
      targetProviderId: run.targetProviderId, targetModel: run.targetModel, judgeProviderId: run.judgeProviderId, judgeModel: run.judgeModel,
      ...(run.versionNumber === null ? { systemPrompt: run.systemPrompt } : {}),
    },
    orderBy: { finishedAt: "desc" },
    select: { id: true, watched: true },
    take: 50,
  });
  const out: Record<string, Achievable> = {};
  for (const check of checks) {
    const [trait] = JSON.parse(check.watched) as string[];
    if (!trait || !targets.includes(trait) || out[trait]) continue;
    const stored = await db.probeReport.findFirst({ where: { runId: check.id, final: true }, orderBy: { createdAt: "desc" }, select: { report: true } });
    if (!stored) continue;
    const parsed = reportSchema.safeParse(JSON.parse(stored.report));
    const a = parsed.success ? parsed.data.range?.achievable : null;
    if (a) out[trait] = { lo: a.lo, hi: a.hi, runId: check.id };
  }
  return out;
}
