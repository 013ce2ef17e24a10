import { buildJudgeRequest, type JudgeChatRequest, type JudgeRequestInput } from "@/lib/probing/judge/build-judge-request";
import { shuffled } from "@/lib/probing/judge/shuffle";
import { rngFor } from "@/lib/probing/random";

// The judge's trait order is fixed per ANSWER, not per run: drawn from the
// question, the answer text, the judge model and the watched set (as a set).
// The same answer judged in another run — a baseline answer from the call
// cache, most often — then gets the identical judge request, so its verdict
// comes from the cache too instead of a new paid call with a new order.
// Across a run the order still differs from answer to answer, so position
// effects average out as before.

export type AnswerJudgeInput = Omit<JudgeRequestInput, "rng"> & { question: string };

/** The judge request for one answer, and the trait order the judge sees (to store with the answer). */
export function judgeRequestForAnswer(input: AnswerJudgeInput): { request: JudgeChatRequest; order: string[] } {
  // The watched SET decides: sorted first, so two runs listing the same traits in another order ask the same.
  const keys = [...new Set(input.traitKeys)].sort();
  const rng = () => rngFor("judge-order", input.model, keys.join(","), input.question, input.answer);
  const request = buildJudgeRequest({ ...input, traitKeys: keys, rng: rng() });
  // buildJudgeRequest shuffles these keys' traits with the same draws, so this is its order.
  return { request, order: shuffled(keys, rng()) };
}
