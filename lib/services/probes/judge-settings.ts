import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { sameJudge, type JudgeSettings } from "@/lib/probing/judge-reliability";
import type { createProbeRunBody } from "@/lib/schemas/probe";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { assertJudgeProvider, referenceJudgeOf } from "@/lib/services/workspaces/reference-judge";

type CreateInput = z.output<typeof createProbeRunBody>;

/**
 * Who judges a new run: the judge the request names; else the workspace's
 * reference judge; else the target itself (self-judged, said so in the report).
 * Plus the panel and the retest share frozen into ProbeRun.judges.
 */
export async function resolveJudging(
  ctx: WorkspaceContext, input: CreateInput, target: ResolvedProvider,
): Promise<{ judge: ResolvedProvider; settings: JudgeSettings }> {
  const judge = await mainJudge(ctx, input, target);
  const panel = input.panelJudges ?? [];
  for (const [i, p] of panel.entries()) {
    // Another workspace's provider is not found (404); a judge model of the panel must be callable now, like the run's.
    await assertJudgeProvider(ctx, p.providerId, `panelJudges.${i}.providerId`);
    await resolveProvider(ctx, p.providerId, p.model).catch((e: unknown) => {
      if (e instanceof AppError) throw new AppError(e.code, e.message, { field: `panelJudges.${i}.providerId` });
      throw e;
    });
    if (sameJudge(p, { providerId: judge.providerId, model: judge.model })) {
      throw new AppError("validation", "A panel judge must differ from the run's judge (the retest measures the run's judge against itself)", { field: `panelJudges.${i}` });
    }
    if (panel.slice(0, i).some((q) => sameJudge(p, q))) {
      throw new AppError("validation", "Each panel judge once", { field: `panelJudges.${i}` });
    }
  }
  return { judge, settings: { panel: panel.map((p) => ({ providerId: p.providerId, model: p.model })), retestShare: input.retestShare ?? 0 } };
}

async function mainJudge(ctx: WorkspaceContext, input: CreateInput, target: ResolvedProvider): Promise<ResolvedProvider> {
  if (input.judgeProviderId || input.judgeModel) {
    return resolveProvider(ctx, input.judgeProviderId ?? target.providerId, input.judgeModel ?? (input.judgeProviderId ? undefined : target.model));
  }
  const reference = await referenceJudgeOf(ctx.workspaceId);
  if (!reference) return target;
  try {
    return await resolveProvider(ctx, reference.providerId, reference.model);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError("validation", `The workspace's reference judge cannot be used (${e.message}): choose a judge for this probe, or an owner sets another reference judge in settings`, { field: "judgeProviderId" });
  }
}
