import type { AdversarialOptions } from "../../lib/llm/simulator/adversarial";
import { simulateChat, SIMULATOR_MODEL } from "../../lib/llm/simulator/engine";
import { TRAIT_KEYS } from "../../lib/llm/simulator/space";
import { PROBE_TRAITS } from "../../lib/probing/traits";

// The ground truth the harness checks intervals against.
//
// ESTIMAND. For a system prompt P and trait t, the landing the studio reports
// is meant to estimate
//     θ_t(P) = E_item E_sample E_judge [ judged score of t ]
// over the POPULATION of probe items like the library's (in the adversarial
// simulator: items whose effects are fresh draws from the item-effect and
// persona × item distributions), over the model's sampling noise at the run's
// temperature, and over the judge's noise — with the judge as it is (halo,
// verbosity bias, compression and rounding are part of what a judged score
// means), but counting only answers that came back whole (empty, refused and
// truncated answers are outcomes of their own, not behaviour; DESIGN.md §4) and
// with a memoryless judge (stickiness is dependence between calls, not a
// property of one answer). The shift's truth is θ_t(P) − θ_t(neutral).
//
// θ does not depend on the world seed (every world draws its items from the
// same distributions), so it is computed once per prompt, by Monte Carlo over
// `items` fresh synthetic items (library texts with a suffix, so their hashes
// and thus their effects are new) × `samples` seeds (an antithetic pair by
// default), and returned with its Monte Carlo standard error over items.

export type Truth = { mean: Record<string, number>; se: Record<string, number>; items: number };

const LIBRARY_TEXTS = PROBE_TRAITS.flatMap((t) => t.probes.map((p) => p.text));

const JUDGE_ALL = {
  type: "json_schema" as const,
  name: "calibration_truth",
  schema: {
    type: "object",
    properties: {
      scores: { type: "object", properties: Object.fromEntries(TRAIT_KEYS.map((k) => [k, { type: ["integer", "null"] }])) },
      refusal: { type: "boolean" },
    },
  },
};

/** The world's distortions minus what the estimand leaves out (failed answers, the judge's memory). */
export function truthWorld(adversarial: Partial<AdversarialOptions>, worldSeed: number): Partial<AdversarialOptions> {
  return { ...adversarial, worldSeed, emptyRate: 0, refusalRate: 0, truncationRate: 0, judgeStickiness: 0 };
}

export function populationTruth(
  systemPrompt: string,
  adversarial: Partial<AdversarialOptions>,
  opts: { temperature: number; items: number; samples?: number; worldSeed?: number; /** The simulated model the persona answers on (models.ts); persona-sim-1 by default. */ model?: string },
): Truth {
  const world = truthWorld(adversarial, opts.worldSeed ?? 0x7e57);
  const samples = opts.samples ?? 2;
  const perItem: Record<string, number[]> = Object.fromEntries(TRAIT_KEYS.map((k) => [k, []]));
  for (let j = 0; j < opts.items; j++) {
    const item = `${LIBRARY_TEXTS[j % LIBRARY_TEXTS.length]} [population item ${j}]`;
    const sums: Record<string, { s: number; n: number }> = Object.fromEntries(TRAIT_KEYS.map((k) => [k, { s: 0, n: 0 }]));
    for (let seed = 0; seed < samples; seed++) {
      const { text } = simulateChat({
        model: opts.model ?? SIMULATOR_MODEL, temperature: opts.temperature, seed,
        messages: [{ role: "system", content: systemPrompt }, { role: "user", content: item }],
      }, { adversarial: world });
      const judged = simulateChat({
        model: SIMULATOR_MODEL, temperature: 0, responseFormat: JUDGE_ALL,
        messages: [{ role: "user", content: `<answer>${text}</answer>` }],
      }, { adversarial: world });
      const scores = (JSON.parse(judged.text) as { scores: Record<string, number | null> }).scores;
      for (const k of TRAIT_KEYS) {
        const v = scores[k];
        if (typeof v === "number") { sums[k].s += v; sums[k].n++; }
      }
    }
    for (const k of TRAIT_KEYS) if (sums[k].n) perItem[k].push(sums[k].s / sums[k].n);
  }
  const mean: Record<string, number> = {};
  const se: Record<string, number> = {};
  for (const k of TRAIT_KEYS) {
    const xs = perItem[k];
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
    mean[k] = m;
    se[k] = Math.sqrt(v / xs.length);
  }
  return { mean, se, items: opts.items };
}
