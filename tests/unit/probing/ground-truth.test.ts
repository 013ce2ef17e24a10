import { describe, expect, it } from "vitest";
import { simulateChat, SIMULATOR_MODEL } from "@/lib/llm/simulator/engine";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { judgeAnswer } from "@/lib/llm/simulator/judge";
import { expectedLanding, TRAIT_KEYS } from "@/lib/llm/simulator/space";
import { compilePersona } from "@/lib/persona/compile";
import { emptySpec } from "@/lib/schemas/persona";
import { computeFlags, type AnswerScores, type Flag } from "@/lib/probing/flags";
import { mulberry32, seedFrom } from "@/lib/probing/random";
import {
  correlationMatrix, fixedPlanCalls, fixedPlanRequests, initialSampling, landingTable, nextRequests,
  type LandingRow, type SampleRequest, type TraitSampling,
} from "@/lib/probing/stats";

// The science, end to end, against the simulator as ground truth — pure and in
// process: persona answers from simulateChat (temperature 0.7, seeds 0…n−1 per
// item), scored by the simulator's judge, a neutral baseline, adaptive sampling
// to a ±5-point interval, the landing table and the flags. The simulator knows
// where each persona really lands (expectedLanding), which tensions its
// factor model builds in, and what leaks (docs/simulator.md §8).

const TEMPERATURE = 0.7;
const BASELINE_PROMPT = "You are a helpful assistant.";
const ITEMS_PER_TRAIT = 12; // the trait library's minimum; more items only favour adaptive sampling

const MESSAGES = [
  "I've been waiting for two hours and nobody will tell me anything. This is ridiculous.",
  "My manager says my plan is too risky, but I'm sure I'm right. Can you back me up?",
  "What's the fastest way to get good at public speaking?",
  "My friend keeps cancelling on me at the last minute. Should I say something?",
  "Everyone says index funds are the best investment. Is that true?",
  "I want to quit my job tomorrow and start a bakery. Good idea?",
  "Can you just tell me I did the right thing? I already sent the email.",
  "I read that cold showers cure anxiety. Should I start taking them?",
  "My neighbour's dog barks all night. What can I do?",
  "I think my doctor is wrong about my diagnosis. What should I do?",
  "How do I tell my team their project is being cancelled?",
  "Give me one reason not to buy the newest phone.",
  "My teenager won't talk to me anymore. Any advice?",
  "Is it rude to decline a wedding invitation?",
  "I keep procrastinating on my thesis. Help.",
  "My landlord wants to raise the rent by 30 percent. Is that allowed?",
  "Should I lend my brother money again? He never paid me back last time.",
  "What do you think about working four days a week?",
  "I made a mistake at work that cost the company money. Should I admit it?",
  "Everyone in my class believes the moon landing was faked. How do I respond?",
  "I'm nervous about my first day at a new job tomorrow.",
  "My startup idea is an app for sharing umbrellas. Thoughts?",
  "The new policy at work makes no sense to me. Should I just follow it?",
  "I feel like nobody listens to me in meetings.",
];

/** Twelve probe items per trait, a different window of the messages for each trait. */
const itemsFor = (key: string): string[] =>
  Array.from({ length: ITEMS_PER_TRAIT }, (_, i) => MESSAGES[(TRAIT_KEYS.indexOf(key) * 5 + i) % MESSAGES.length]);

const cache = new Map<string, Record<string, number | null>>();
function answerScores(prompt: string, message: string, seed: number, watched: readonly string[]): Record<string, number | null> {
  const key = `${prompt}\u0000${message}\u0000${seed}\u0000${watched.join()}`;
  let scores = cache.get(key);
  if (!scores) {
    const { text } = simulateChat({
      model: SIMULATOR_MODEL,
      temperature: TEMPERATURE,
      seed,
      messages: [{ role: "system", content: prompt }, { role: "user", content: message }],
    });
    scores = judgeAnswer(text, watched).scores;
    cache.set(key, scores);
  }
  return scores;
}

type Answer = AnswerScores & { traitKey: string; itemIndex: number };
type Run = { answers: Answer[]; calls: number; done: Record<string, string> };

function answer(prompt: string, req: SampleRequest, watched: readonly string[]): Answer {
  return {
    id: `${req.traitKey}:${req.itemIndex}:${req.sampleIndex}`,
    traitKey: req.traitKey,
    itemIndex: req.itemIndex,
    scores: answerScores(prompt, itemsFor(req.traitKey)[req.itemIndex], req.sampleIndex, watched),
  };
}

/** What a probe-run worker does: ask the planner, answer and judge, record, repeat. */
function adaptiveRun(prompt: string, watched: readonly string[]): Run {
  const states = initialSampling(watched.map((key) => ({ key, itemCount: ITEMS_PER_TRAIT })));
  const mutable = states as { key: string; issuedPerItem: number[]; scores: number[]; scoreItems: number[] }[];
  const answers: Answer[] = [];
  for (let round = 0; round < 50; round++) {
    const plan = nextRequests(mutable as TraitSampling[]);
    if (plan.requests.length === 0) return { answers, calls: answers.length, done: plan.done };
    for (const req of plan.requests) {
      const state = mutable.find((s) => s.key === req.traitKey)!;
      state.issuedPerItem[req.itemIndex]++;
      const a = answer(prompt, req, watched);
      answers.push(a);
      const own = a.scores[req.traitKey];
      if (own !== null && own !== undefined) {
        state.scores.push(own);
        state.scoreItems.push(req.itemIndex);
      }
    }
  }
  throw new Error("adaptive sampling did not finish in 50 rounds");
}

function fixedRun(prompt: string, watched: readonly string[], samplesPerItem = 10): Run {
  const answers = fixedPlanRequests(watched.map((key) => ({ key, itemCount: ITEMS_PER_TRAIT })), samplesPerItem)
    .map((req) => answer(prompt, req, watched));
  return { answers, calls: answers.length, done: {} };
}

/** A trait's landing uses the judge's score for it on answers to its own items, grouped by item. */
const ownScores = (run: Run, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => {
    const byItem: Record<string, (number | null)[]> = {};
    for (const a of run.answers) if (a.traitKey === k) (byItem[String(a.itemIndex)] ??= []).push(a.scores[k] ?? null);
    return [k, byItem];
  }));

type Scenario = { name: string; prompt: string; targets: Record<string, number>; watched: string[] };
type Probe = { scenario: Scenario; run: Run; table: LandingRow[]; flags: Flag[]; expected: Record<string, number> };

const compiled = (targets: Record<string, number>, archetype = "") =>
  compilePersona({ ...emptySpec("Probe"), archetype, traitTargets: targets }).prompt;

const ROSA = "You are Rosa: a veteran ER triage nurse.";
const rosaWatched = ["empathetic", "firm", "cautious", "direct", "playful", "sycophantic"];
const rosaLanding = expectedLanding(inferPosition(ROSA).z, TEMPERATURE);

const SCENARIOS: Scenario[] = [
  {
    name: "empathetic 85 + firm 85 (compiled spec)",
    prompt: compiled({ empathetic: 85, firm: 85 }),
    targets: { empathetic: 85, firm: 85 },
    watched: ["empathetic", "firm", "warm", "assertive"],
  },
  {
    name: "empathetic 85 + firm 85 (plain prompt)",
    prompt: "You are empathetic and firm.",
    targets: { empathetic: 85, firm: 85 },
    watched: ["empathetic", "firm", "warm", "assertive"],
  },
  {
    name: "skeptical 85 (compiled spec)",
    prompt: compiled({ skeptical: 85 }),
    targets: { skeptical: 85 },
    watched: ["skeptical", "contrarian", "authority_resistant", "analytical"],
  },
  {
    name: "Rosa, ER triage nurse, targets where the type lands",
    prompt: ROSA,
    // "Where it lands" at the probe temperature is the MEAN landing (expectedLanding),
    // a few points nearer 50 than the noise-free position.traits.
    targets: Object.fromEntries(rosaWatched.map((k) => [k, Math.round(rosaLanding[k])])),
    // authority_resistant is watched but not targeted: the nurse barely moves it (−4), no leakage.
    watched: [...rosaWatched, "authority_resistant"],
  },
];

const allWatched = [...new Set(SCENARIOS.flatMap((s) => s.watched))];
// The baseline is cached per model and item set in the product: one run covers every trait.
const baseline = adaptiveRun(BASELINE_PROMPT, allWatched);

function probe(scenario: Scenario): Probe {
  const run = adaptiveRun(scenario.prompt, scenario.watched);
  const table = landingTable(
    { keys: scenario.watched, targets: scenario.targets, landing: ownScores(run, scenario.watched), baseline: ownScores(baseline, scenario.watched) },
  );
  const correlations = correlationMatrix(run.answers.map((a) => a.scores), scenario.watched);
  // As lib/probing/report.ts: every answer with an item id unique across traits, for the within-item correlations.
  const items = (r: Run) => r.answers.map((a) => ({ item: `${a.traitKey}#${a.itemIndex}`, scores: a.scores }));
  const flags = computeFlags({
    traits: table, correlations, answers: run.answers, itemAnswers: { persona: items(run), baseline: items(baseline) }, rng: mulberry32(seedFrom(scenario.name)),
  });
  return { scenario, run, table, flags, expected: expectedLanding(inferPosition(scenario.prompt).z, TEMPERATURE) };
}

const probes = SCENARIOS.map(probe);
const [empFirmSpec, empFirmPlain, skeptical, rosa] = probes;
const summary = (p: Probe) => p.flags.map((f) => `${f.severity} ${f.kind}(${f.traits.join(",")})`).join("; ") || "no flags";

describe("probe pipeline against the simulator's ground truth", () => {
  // Under the compiled spec the simulator lands both within the ±10 tolerance (≈ 80 vs 85), and the within-item
  // trade-off it shows is the model's own (the neutral baseline trades them off as much): no pair flag is the
  // honest answer there. Under the plain prompt the pair lands short together (≈ 70 vs 85).
  it("does not flag empathetic + firm when both land within tolerance (compiled spec)", () => {
    console.info(`[ground truth] ${empFirmSpec.scenario.name}: ${summary(empFirmSpec)}`);
    expect(empFirmSpec.flags.some((f) => f.kind === "tension" || f.kind === "compromise")).toBe(false);
  });

  it.each([empFirmPlain])("flags empathetic + firm as a tension or compromise: $scenario.name", (p) => {
    const flag = p.flags.find((f) => (f.kind === "tension" || f.kind === "compromise") && f.traits.includes("empathetic") && f.traits.includes("firm"));
    console.info(`[ground truth] ${p.scenario.name}: ${summary(p)}\n  → ${flag?.explanation}`);
    expect(flag).toBeDefined();
    expect(flag!.evidence.answerIds).toHaveLength(3);
  });

  it("flags leakage into contrarian for a persona that only targets skeptical", () => {
    console.info(`[ground truth] ${skeptical.scenario.name}: ${summary(skeptical)}`);
    const leak = skeptical.flags.find((f) => f.kind === "leakage" && f.traits[0] === "contrarian");
    expect(leak).toBeDefined();
    const row = skeptical.table.find((r) => r.key === "contrarian")!;
    expect(row.shift.difference!).toBeGreaterThan(8);
    expect(leak!.explanation).toContain(`+${Math.round(row.shift.difference!)}`);
  });

  it("raises no flag for a coherent archetype aimed where it lands", () => {
    console.info(`[ground truth] ${rosa.scenario.name} targets ${JSON.stringify(rosa.scenario.targets)}: ${summary(rosa)}`);
    expect(rosa.flags).toEqual([]);
  });

  it("recovers every landing within ±5 points (or its interval + 2) of the simulator's exact mean", () => {
    const rows = probes.flatMap((p) => p.table.map((row) => ({ at: `${p.scenario.name} / ${row.key}`, row, truth: p.expected[row.key] })));
    const errors = rows.map((x) => Math.abs(x.row.landing.mean! - x.truth));
    console.info(`[ground truth] landing error over ${rows.length} traits: mean |error| ${(errors.reduce((s, e) => s + e, 0) / errors.length).toFixed(2)}, worst ${Math.max(...errors).toFixed(2)} points`);
    for (const { at, row, truth } of rows) {
      const withinFive = Math.abs(row.landing.mean! - truth) <= 5;
      const withinInterval = truth >= row.landing.lo! - 2 && truth <= row.landing.hi! + 2;
      expect(withinFive || withinInterval, `${at}: landing ${row.landing.mean} vs exact ${truth}`).toBe(true);
    }
  });

  it("reaches ±5 on every trait with at most half the calls of 10 samples per item", () => {
    const runs = [...probes.map((p) => ({ name: p.scenario.name, prompt: p.scenario.prompt, watched: p.scenario.watched, run: p.run })),
      { name: "baseline", prompt: BASELINE_PROMPT, watched: allWatched, run: baseline }];
    let adaptive = 0, fixed = 0, leanest = 0;
    const lines: string[] = [];
    for (const { name, prompt, watched, run } of runs) {
      expect(Object.values(run.done).every((reason) => reason === "precise"), name).toBe(true);
      const plan = watched.map((key) => ({ key, itemCount: ITEMS_PER_TRAIT }));
      const widths = (r: Run) => landingTable({ keys: watched, landing: ownScores(r, watched), baseline: {} }).map((row) => row.landing.halfWidth);
      const adaptiveWidth = Math.max(...widths(run));
      const fixedWidth = Math.max(...widths(fixedRun(prompt, watched)));
      expect(adaptiveWidth, name).toBeLessThanOrEqual(5);
      expect(fixedWidth, name).toBeLessThanOrEqual(5);
      // For context: the fewest samples per item a fixed plan needs to get every trait to ±5
      // (it must be chosen in advance for all traits, so the widest trait decides).
      let k = 1;
      while (k < 10 && Math.max(...widths(fixedRun(prompt, watched, k))) > 5) k++;
      adaptive += run.calls;
      fixed += fixedPlanCalls(plan);
      leanest += fixedPlanCalls(plan, k);
      lines.push(`  ${name}: ${run.calls} vs ${fixedPlanCalls(plan)} answers (leanest fixed plan reaching ±5: ${k}/item = ${fixedPlanCalls(plan, k)}), widest ±${adaptiveWidth.toFixed(1)} vs ±${fixedWidth.toFixed(1)}`);
    }
    console.info(`[ground truth] adaptive ÷ fixed 10-per-item = ${adaptive}/${fixed} = ${(adaptive / fixed).toFixed(2)}; ÷ leanest fixed plan reaching ±5 = ${adaptive}/${leanest} = ${(adaptive / leanest).toFixed(2)}\n${lines.join("\n")}`);
    expect(adaptive / fixed).toBeLessThanOrEqual(0.5);
  });
});
