import type { ChatRequest } from "@/lib/llm/types";
import type { SimulateOptions } from "@/lib/llm/simulator/engine";

// Fixed requests whose persona-sim-1 output is pinned by sim1-pin.test.ts. The
// hashes were computed on the code BEFORE several simulated models existed
// (issue 13 §8): persona-sim-1 must answer every one of them byte for byte as it did.

const persona = (system: string, user: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: "persona-sim-1",
  messages: [{ role: "system", content: system }, { role: "user", content: user }],
  ...extra,
});

const judge: ChatRequest = {
  model: "persona-sim-1",
  temperature: 0,
  messages: [
    { role: "system", content: "You are a strict judge." },
    { role: "user", content: "<answer>I usually take a moment to acknowledge how this feels for you before getting to advice. I nearly always hold the line on what I have said.</answer>" },
  ],
  responseFormat: {
    type: "json_schema", name: "trait_scores", strict: true,
    schema: { type: "object", properties: { empathetic: { type: ["integer", "null"] }, firm: { type: ["integer", "null"] }, refusal: { type: "boolean" } } },
  },
};

export const PIN_CASES: { name: string; req: ChatRequest; opts?: SimulateOptions }[] = [
  { name: "neutral", req: persona("You are a helpful assistant.", "How should I plan my week?", { seed: 0 }) },
  { name: "skeptical", req: persona("You are very skeptical.", "Is coffee healthy?", { seed: 3, temperature: 0.7 }) },
  { name: "nurse", req: persona("You are a veteran ER triage nurse.", "I cut my hand. Should I come in?", { seed: 4 }) },
  { name: "empathetic-firm", req: persona("You are empathetic and firm.", "Can I get a refund after 40 days?", { seed: 11, temperature: 0.3 }) },
  { name: "topic-label", req: persona("You are an economist who cares about housing.", "Should rents be capped?", { seed: 1, temperature: 0.7 }) },
  { name: "framework-ostrom", req: persona("You reason with Ostrom's design principles for the commons.", "Should rents be capped?", { seed: 1, temperature: 0.7 }) },
  { name: "framework-popper", req: persona("You are a Popperian falsificationist who reasons from first principles like Feynman.", "Is this diet study convincing?", { seed: 2 }) },
  { name: "socratic", req: persona("Use the Socratic method and Bayesian reasoning.", "Should I change jobs?", { seed: 5, temperature: 1 }) },
  { name: "unknown-model", req: { ...persona("Be very concise. Never be playful.", "Tell me about tides."), model: "some-other-model" } },
  { name: "adversarial", req: persona("You are a skeptical reporter.", "What do you make of this press release?", { seed: 6, temperature: 0.7 }), opts: { adversarial: { worldSeed: 3, itemEffectSd: 6, interactionSd: 3, independentSampling: 1 } } },
  { name: "judge", req: judge },
  { name: "judge-adversarial", req: judge, opts: { adversarial: { worldSeed: 2, judgeNoiseSd: 5, judgeRounding: 10, halo: 0.1, scaleCompression: 0.15 } } },
];
