import "server-only";
import type { ProbeAnswer as AnswerRow, ProbeJudgment as JudgmentRow, ProbeRun as RunRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { judgeReliability, parseJudgeSettings, type StoredJudgment } from "@/lib/probing/judge-reliability";
import type { FrozenCustomTrait } from "@/lib/probing/traits";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { JudgeReliability } from "@/lib/schemas/probe";

// The report's judge block (self-judged, test–retest, panel agreement) from a
// run's stored rows; computed with the rest of the report and stored with it.

export const loadJudgments = (runId: string): Promise<JudgmentRow[]> => db.probeJudgment.findMany({ where: { runId } });

export function runJudgeReliability(run: RunRow, answers: readonly AnswerRow[], judgments: readonly JudgmentRow[]): JudgeReliability {
  const watched = JSON.parse(run.watched) as string[];
  const custom = JSON.parse(run.customTraits) as FrozenCustomTrait[];
  const names = Object.fromEntries(watched.map((k) => [k, custom.find((t) => t.key === k)?.name ?? findTrait(k)?.name ?? humanizeTraitKey(k)]));
  return judgeReliability({
    watched,
    names,
    target: { providerId: run.targetProviderId, model: run.targetModel },
    judge: { providerId: run.judgeProviderId, model: run.judgeModel },
    settings: parseJudgeSettings(run.judges),
    answers: answers.filter((a) => a.status === "done" && a.scores).map((a) => ({ id: a.id, scores: JSON.parse(a.scores!) as Record<string, number | null> })),
    judgments: judgments.map((j): StoredJudgment => ({
      answerId: j.answerId, role: j.role === "panel" ? "panel" : "retest", judgeProviderId: j.judgeProviderId, judgeModel: j.judgeModel,
      status: j.status, scores: j.scores ? (JSON.parse(j.scores) as Record<string, number | null>) : null,
    })),
  });
}
