import type { ChatMessage, ChatRequest, Usage } from "@/lib/llm/types";
import {
  adversarialOptions, answerOutcome, BARE_REFUSAL, distortScores, isDistorting, itemShift, noiseSalt, POSITIVITY_TRAITS, truncateAnswer,
  type AdversarialOptions, type JudgeMemory,
} from "@/lib/llm/simulator/adversarial";
import { composeAnswer } from "@/lib/llm/simulator/compose";
import { conversationPosition } from "@/lib/llm/simulator/conversation";
import { readSelfReportRequest, selfReport, selfReportSentence } from "@/lib/llm/simulator/self-report";
import { judgeAnswer, type JudgeResult } from "@/lib/llm/simulator/judge";
import { dimensionFor, rubricTexts, type TraitReader, type TraitText } from "@/lib/llm/simulator/judge-reading";
import { isDistinguishRequest, judgeDistinguish } from "@/lib/llm/simulator/distinguish";
import { isSimulatedUserRequest, simulatedUserReply } from "@/lib/llm/simulator/simulated-user";
import { explainScores, statedScores } from "@/lib/llm/simulator/rationale";
import { suggestFromRequest } from "@/lib/llm/simulator/suggest";
import { LEVEL_SPAN, TRAIT_KEYS } from "@/lib/llm/simulator/space";
import { descriptionFrom, draftTrait, topicsFromSchema } from "@/lib/llm/simulator/trait-draft";
import { draftScenarios } from "@/lib/llm/simulator/scenario-draft";

// One chat request in, one deterministic answer out. Seven kinds of request:
//   1. responseFormat "archetype_suggestions" → the nearest character types;
//   2. responseFormat "trait_draft" → a custom-trait draft from the description;
//   3. responseFormat "score_rationale" → the judge explains the scores it was shown (rationale.ts);
//   4. a system prompt opening with the distinguish marker → which of two panel
//      members wrote the fenced answer (distinguish.ts);
//   5. a system prompt opening with the simulated-user marker → the user's
//      next message, pursuing the goal with pressure cues (simulated-user.ts);
//   6. any other JSON schema → a judge request: score the fenced answer;
//   7. otherwise → an in-character answer from the system prompt's position
//      on the requested simulated model (models.ts: each has its own well),
//      read with framing and moved by the pushes so far (conversation.ts),
//      opening with a number when asked to rate itself (self-report.ts).
// Pure: the same request always yields the same text. Transport (in-process
// provider, HTTP server) lives elsewhere.

export type SimulateOptions = {
  defaultTemperature?: number;
  /** Adversarial mode (adversarial.ts): distortions of answers and judge, all off unless set. */
  adversarial?: Partial<AdversarialOptions>;
  /** The sticky judge's memory; keep one per simulator instance. Without it stickiness does nothing. */
  memory?: JudgeMemory;
  /** A persona's own domain (off unless set): see DomainShift. */
  domain?: DomainShift;
};

/**
 * The calibration bench's "domain gap" (bench/calibration/scenarios.ts): a user
 * message containing `marker` belongs to the persona's domain, and there each
 * listed trait's projection shifts by `shift[k]` points at mid-scale — one more
 * fixed per-item shift, added to the item effects exactly like them (divided by
 * the level span, so near 50 a shift of d is d points and the extremes stay
 * bounded). Every system prompt meets it; messages without the marker are untouched.
 */
export type DomainShift = { marker: string; shift: Readonly<Record<string, number>> };

/** The item shift plus the domain's, for a message in the domain; the item shift alone otherwise. */
export function withDomain(item: Readonly<Record<string, number>> | undefined, domain: DomainShift | undefined, userText: string): Readonly<Record<string, number>> | undefined {
  if (!domain || !domain.marker || !userText.includes(domain.marker)) return item;
  const out: Record<string, number> = { ...item };
  for (const [k, points] of Object.entries(domain.shift)) out[k] = (out[k] ?? 0) + points / LEVEL_SPAN;
  return out;
}
function addShifts(a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
export type SimulateResult = { text: string; usage: Usage; finishReason: "stop" | "length" };

/** The original simulated model; models.ts lists the others (SIMULATED_MODEL_NAMES). */
export const SIMULATOR_MODEL = "persona-sim-1";

const tokens = (chars: number) => Math.ceil(chars / 4);

function lastUserMessage(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return messages[i].content;
  return "";
}

/**
 * The text a judge request asks to score: between the first `<answer>` and the
 * LAST `</answer>`, so an answer that itself contains "</answer>" cannot end
 * the fence early and smuggle text outside it.
 */
export function fencedAnswer(message: string): string {
  const open = message.indexOf("<answer>");
  const close = message.lastIndexOf("</answer>");
  if (open === -1 || close === -1 || close < open) return message;
  return message.slice(open + "<answer>".length, close);
}

type Schema = { type?: unknown; properties?: Record<string, Schema>; additionalProperties?: unknown; description?: unknown };
const asSchema = (v: unknown): Schema => (v && typeof v === "object" ? (v as Schema) : {});

function scoreValue(schema: Schema, score: number | null): unknown {
  // A per-trait object ({ score, applicable, … }) gets its score filled in.
  if (schema.properties) {
    return Object.fromEntries(Object.keys(schema.properties).map((p) =>
      [p, p === "score" ? score : p === "applicable" ? score !== null : null]));
  }
  return score;
}

function scoresObject(schema: Schema, judge: (keys: string[]) => JudgeResult): Record<string, unknown> {
  // A record without named properties: every built-in trait the answer expresses.
  if (!schema.properties) {
    const { scores } = judge([...TRAIT_KEYS]);
    return Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null));
  }
  const props = schema.properties;
  const { scores } = judge(Object.keys(props));
  return Object.fromEntries(Object.keys(props).map((k) => [k, scoreValue(asSchema(props[k]), scores[k] ?? null)]));
}

/**
 * How the judge reads each key of this request: the rubric block it was shown
 * in the system prompt, else the schema property's description ("Name. 0 = …"),
 * else the key itself. Never a catalog lookup (judge-reading.ts).
 */
export function requestReader(systemPrompt: string, schemaIn: unknown): TraitReader {
  const rubric = rubricTexts(systemPrompt);
  const described = new Map<string, TraitText>();
  const collect = (schema: Schema) => {
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      const d = asSchema(sub).description;
      if (typeof d === "string" && d.trim()) described.set(key, { name: d.split(/\.(?:\s|$)/)[0], body: d });
    }
  };
  const root = asSchema(schemaIn);
  collect(root);
  if (root.properties?.scores) collect(asSchema(root.properties.scores));
  const memo = new Map<string, string | null>();
  return (key) => {
    if (!memo.has(key)) memo.set(key, dimensionFor(key, rubric.get(key) ?? described.get(key)));
    return memo.get(key)!;
  };
}

const NOT_TRAITS = new Set(["refusal", "scores"]);

/** Fills a judge schema: trait properties (top level or under `scores`) → score, `refusal` → boolean, the rest → null. */
export function fillJudgeSchema(
  schemaIn: unknown,
  answer: string,
  judge: (keys: string[]) => JudgeResult = (keys) => judgeAnswer(answer, keys),
  read: TraitReader = requestReader("", schemaIn),
): Record<string, unknown> {
  const schema = asSchema(schemaIn);
  if (!schema.properties) return { scores: scoresObject({}, judge), refusal: judge([]).refusal };
  const props = schema.properties;
  const traitProps = Object.keys(props).filter((k) => !NOT_TRAITS.has(k) && read(k) !== null);
  const top = judge(traitProps);
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(props)) {
    if (name === "refusal") out[name] = top.refusal;
    else if (name === "scores") out[name] = scoresObject(asSchema(sub), judge);
    else if (traitProps.includes(name)) out[name] = scoreValue(asSchema(sub), top.scores[name]);
    else out[name] = null;
  }
  return out;
}

/**
 * The adversarial judge for one request: the honest reading, then the
 * distortions. Each key is distorted once per request (fillJudgeSchema may ask
 * twice), so the sticky judge's memory moves once per scored trait.
 */
function distortedJudge(answer: string, o: AdversarialOptions, read: TraitReader, salt: number, memory?: JudgeMemory) {
  const given = new Map<string, number | null>();
  const positivity = Object.values(judgeAnswer(answer, POSITIVITY_TRAITS).scores);
  return (keys: string[]): JudgeResult => {
    const honest = judgeAnswer(answer, keys, read);
    const fresh = keys.filter((k) => !given.has(k));
    const raw = Object.fromEntries(fresh.map((k) => [k, honest.scores[k] ?? null]));
    const scores = distortScores(o, { raw, positivity, answer, builtIn: (k) => read(k) !== null, salt, memory });
    for (const k of fresh) given.set(k, scores[k]);
    return { scores: Object.fromEntries(keys.map((k) => [k, given.get(k) ?? null])), refusal: honest.refusal };
  };
}

const systemText = (messages: readonly ChatMessage[]) => messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");

type Reply = { text: string; finishReason?: "length" };

function respond(req: ChatRequest, opts: SimulateOptions): Reply {
  const format = req.responseFormat;
  const userText = lastUserMessage(req.messages);
  const world = opts.adversarial ? adversarialOptions(opts.adversarial) : null;
  const o = world && isDistorting(world) ? world : null;
  if (format?.name === "archetype_suggestions") {
    const archetypes = suggestFromRequest(userText).map((s) => ({ name: s.name, line: s.line }));
    return { text: JSON.stringify({ archetypes }) };
  }
  if (format?.name === "scenario_drafts") return { text: JSON.stringify(draftScenarios(userText)) };
  if (format?.name === "trait_draft") return { text: JSON.stringify(draftTrait(descriptionFrom(userText), topicsFromSchema(format.schema))) };
  if (format?.name === "score_rationale") {
    const keys = Object.keys(asSchema(asSchema(format.schema).properties?.rationale).properties ?? {});
    const read = requestReader(systemText(req.messages), format.schema);
    return { text: JSON.stringify(explainScores(fencedAnswer(userText), keys, statedScores(userText), read)) };
  }
  if (isDistinguishRequest(systemText(req.messages))) return { text: JSON.stringify(judgeDistinguish(userText, req.seed ?? 0)) };
  if (isSimulatedUserRequest(systemText(req.messages))) return { text: simulatedUserReply(req.messages, req.seed ?? 0) };
  if (format?.type === "json_schema") {
    const answer = fencedAnswer(userText);
    const read = requestReader(systemText(req.messages), format.schema);
    const judge = o ? distortedJudge(answer, o, read, req.seed ?? 0, opts.memory) : (keys: string[]) => judgeAnswer(answer, keys, read);
    return { text: JSON.stringify(fillJudgeSchema(format.schema, answer, judge, read)) };
  }

  const system = systemText(req.messages);
  const seed = req.seed ?? 0;
  // Each assistant turn so far moves the draw, so a multi-turn conversation does not repeat itself.
  const sampleIndex = req.messages.filter((m) => m.role === "assistant").length;
  const outcome = o ? answerOutcome(o, system, userText, seed, sampleIndex) : "answer";
  if (outcome === "empty") return { text: "" };
  if (outcome === "refusal") return { text: BARE_REFUSAL };
  // The model's well (models.ts; persona-sim-1 and unknown names: inferPosition(system), as always),
  // read with framing and moved by the pushes so far (conversation.ts; issue 14).
  const position = conversationPosition(req.model, system, req.messages);
  const shift = withDomain(o ? itemShift(o, system, userText, TRAIT_KEYS) : undefined, opts.domain, userText);
  const composed = composeAnswer({
    position,
    userMessage: userText,
    seed,
    sampleIndex,
    temperature: req.temperature ?? opts.defaultTemperature ?? 1,
    itemShift: position.shift ? addShifts(shift, position.shift) : shift,
    noiseSalt: o ? noiseSalt(o, system) : undefined,
  });
  // A self-rating request ("On a scale of 0 to 100, how firm are you?") opens with the number (self-report.ts).
  const rated = readSelfReportRequest(userText);
  const text = rated
    ? `${selfReportSentence(selfReport({ trait: rated, z: position.z, shift: position.shift, requested: position.requested, userMessage: userText, seed, sampleIndex }))} ${composed}`
    : composed;
  return outcome === "truncated" && o ? { text: truncateAnswer(o, text, seed), finishReason: "length" } : { text };
}

export function simulateChat(req: ChatRequest, opts: SimulateOptions = {}): SimulateResult {
  const reply = respond(req, opts);
  let text = reply.text;
  let finishReason: SimulateResult["finishReason"] = reply.finishReason ?? "stop";
  // max_tokens cuts like a real model would, at a word boundary (even mid-JSON).
  if (req.maxTokens !== undefined && req.maxTokens >= 0 && tokens(text.length) > req.maxTokens) {
    const cut = text.slice(0, req.maxTokens * 4);
    text = cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
    finishReason = "length";
  }
  const promptChars = req.messages.reduce((s, m) => s + m.content.length, 0);
  return { text, finishReason, usage: { promptTokens: tokens(promptChars), completionTokens: tokens(text.length) } };
}
