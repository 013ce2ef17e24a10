// POST /api/workspaces/[workspaceId]/probe-runs/[runId]/answers/[answerId]/rationale – "Why this score?"
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { explainAnswerScores } from "@/lib/services/probes/answer-rationale";

export const POST = handle(ops.explainAnswerScores, ({ ctx, params }) => explainAnswerScores(ctx, params.runId, params.answerId));

export * from "@/lib/http/method-not-allowed";
