import { db } from "@/lib/db/client";

// A stored probe answer on a run, as the worker would have written it, without
// running the probe: for tests of what is done with one answer afterwards.
// The default text carries the simulator's marker sentences for firm and warm,
// so the simulated judge has something to point at.

export const SCORED_ANSWER = "I usually hold my ground on the refund window. I often add a kind word, because it is good that you asked.";

type AnswerRow = Parameters<typeof db.probeAnswer.create>[0]["data"];

export async function addProbeAnswer(runId: string, over: Partial<AnswerRow> = {}) {
  return db.probeAnswer.create({
    data: {
      runId, kind: "persona", traitKey: "firm", itemIndex: 0, sampleIndex: Math.floor(Math.random() * 1e9),
      message: "Can I get a refund? I bought it 45 days ago.", answer: SCORED_ANSWER,
      scores: JSON.stringify({ firm: 80, warm: 70 }), refusal: false, status: "done", outcome: "scored",
      judgeOrder: JSON.stringify(["warm", "firm"]), finishReason: "stop", latencyMs: 5, tokens: 30,
      ...over,
    } as AnswerRow,
  });
}
