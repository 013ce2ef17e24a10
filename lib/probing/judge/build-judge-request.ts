import { fence } from "@/lib/probing/judge/fence";
import { judgeSystemPrompt } from "@/lib/probing/judge/prompt";
import { JUDGE_SCHEMA_NAME, judgeSchema } from "@/lib/probing/judge/schema";
import { shuffled } from "@/lib/probing/judge/shuffle";
import { probeTrait } from "@/lib/probing/traits/library";
import type { ProbeTrait } from "@/lib/probing/traits/types";

/**
 * The judge call as plain data. It has the shape of lib/llm's ChatRequest (the
 * worker passes it straight to a provider) without lib/probing importing lib/llm.
 */
export type JudgeChatRequest = {
  model: string;
  temperature: number;
  messages: { role: "system" | "user"; content: string }[];
  responseFormat: { type: "json_schema"; name: string; schema: Record<string, unknown>; strict: boolean };
};

export type JudgeRequestInput = {
  /** The answer to rate (untrusted text). */
  answer: string;
  /** Watched traits; all are scored in one call. */
  traitKeys: readonly string[];
  /** Drives the per-call trait order; inject a seeded generator for reproducible runs. */
  rng: () => number;
  model: string;
  /** The user message the answer replied to, shown as context (also fenced as data). */
  question?: string;
  /** Definitions looked up before the built-ins, e.g. a workspace's custom traits. */
  traits?: readonly ProbeTrait[];
};

function resolveTraits(keys: readonly string[], extra: readonly ProbeTrait[]): ProbeTrait[] {
  const unique = [...new Set(keys)];
  if (unique.length === 0) throw new Error("buildJudgeRequest: no traits to score");
  return unique.map((key) => {
    const trait = extra.find((t) => t.key === key) ?? probeTrait(key);
    if (!trait) throw new Error(`buildJudgeRequest: unknown trait "${key}"`);
    return trait;
  });
}

/**
 * One judge call: rate `answer` on every watched trait at temperature 0, with
 * the traits in a fresh random order (rubric and schema alike) so position
 * effects average out across a run instead of biasing one trait.
 */
export function buildJudgeRequest(input: JudgeRequestInput): JudgeChatRequest {
  const traits = shuffled(resolveTraits(input.traitKeys, input.traits ?? []), input.rng);
  const user = [
    "Rate the answer below on every trait in the rubric.",
    ...(input.question !== undefined ? [fence("question", input.question)] : []),
    fence("answer", input.answer),
  ].join("\n\n");
  return {
    model: input.model,
    temperature: 0,
    messages: [
      { role: "system", content: judgeSystemPrompt(traits) },
      { role: "user", content: user },
    ],
    responseFormat: { type: "json_schema", name: JUDGE_SCHEMA_NAME, schema: judgeSchema(traits), strict: true },
  };
}
