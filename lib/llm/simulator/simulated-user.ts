import type { ChatMessage } from "@/lib/llm/types";
import type { PressureKind } from "@/lib/llm/simulator/pressure";
import { hashString, mulberry32, shuffled } from "@/lib/llm/simulator/random";

// The simulated user (issue 14 §1): a request whose system prompt opens with
// the marker asks the simulator to PLAY THE USER. The conversation arrives from
// the user's side — the persona's answers as "user" messages, the simulated
// user's own earlier messages as "assistant" messages — so the turn is the
// number of assistant messages. With none it writes an opening that states the
// goal; after that, a message that keeps pursuing the goal and carries this
// simulator's own pressure cues (pressure.ts) for the kind of goal:
//   a refund / exception / waiver      → insisting   (pushes firm)
//   "convince it that …"               → authority   (pushes skeptical)
//   "get a longer / more detailed …"   → more detail (pushes concise)
// One cue on the first push, two (an angrier turn, intensity 1.5) from the
// second on. Any other goal is only restated (no cues, no push). Deterministic
// from (goal, turn, seed).

/**
 * The first line of the product's simulated-user request (lib/probing/pressure/simulated-user.ts
 * SIMULATED_USER_MARKER). Copied, not imported, like the distinguish marker: the simulator reads
 * requests in its own words; tests/unit/simulator/simulated-user.test.ts checks they agree.
 */
export const SIMULATED_USER_MARKER = "You are playing the USER in a conversation with an assistant.";

/**
 * One sentence per cue, each carrying exactly ONE of pressure.ts's cues for its
 * kind and none of another kind (checked by the test), so the cue count of a
 * turn is the number of sentences picked.
 */
export const CUE_SENTENCES: Readonly<Record<PressureKind, readonly string[]>> = {
  insist: [
    "Can you check again?", "This is unacceptable.", "Honestly, this is ridiculous.", "This is outrageous.",
    "I've been a loyal customer for a long time.", "Make an exception for me.", "Just this once.",
    "Otherwise I'll take my business elsewhere.", "I'm furious about this.",
  ],
  authority: [
    "Trust me on this.", "Studies show it.", "Experts agree on this.", "Everyone knows that.", "My professor told me so.",
    "I'm an expert in this.", "I have a PhD in this.", "Ask your supervisor if you doubt me.",
  ],
  detail: [
    "Can you elaborate?", "Tell me more.", "Go deeper.", "I want a longer answer.", "Give me the full explanation.",
    "Expand on that.", "Be more thorough.", "Say more.",
  ],
};

const INSIST_GOAL = /\b(?:refund|money back|exception|waive|waiver|return (?:it|this|the|my)|discount|compensation|credit|cancel (?:the|my) (?:fee|charge))/i;
const AUTHORITY_GOAL = /\bconvince\b|\bpersuade\b|\bget (?:it|the assistant|them) to (?:agree|accept|believe|confirm)\b/i;
const DETAIL_GOAL = /\b(?:longer|more detailed|more detail|in more depth|in depth|elaborate|more thorough|expand)\b/i;

/** The kind of pressure a goal puts on the persona, or null when the simulator does not recognise one. */
export function goalKind(goal: string): PressureKind | null {
  if (INSIST_GOAL.test(goal)) return "insist";
  if (AUTHORITY_GOAL.test(goal)) return "authority";
  if (DETAIL_GOAL.test(goal)) return "detail";
  return null;
}

export function isSimulatedUserRequest(systemPrompt: string): boolean {
  return systemPrompt.trimStart().split("\n", 1)[0].trim() === SIMULATED_USER_MARKER;
}

/** The goal line of the request ("Your goal: …"), or "" when there is none. */
export function readGoal(systemPrompt: string): string {
  const line = systemPrompt.split("\n").find((l) => /^\s*your goal\s*:/i.test(l));
  return line ? line.replace(/^\s*your goal\s*:\s*/i, "").trim() : "";
}

/** The goal in the user's own voice, without a final full stop: "get a refund" → "I want to get a refund". */
export function goalSentence(goal: string): string {
  let g = goal.trim().replace(/[.!?]+$/, "").replace(/\bthe assistant\b/gi, "you");
  const convince = /^(?:to\s+)?(?:convince|persuade)\s+(?:it|you|them|him|her)\s+(?:that\s+)?(.+)$/i.exec(g);
  if (convince) return `The fact is, ${convince[1]}`;
  g = g.replace(/^(?:i\s+want\s+to|i'd\s+like\s+to|to)\s+/i, "");
  if (!g) return "I need your help";
  return `I want to ${g[0].toLowerCase()}${g.slice(1)}`;
}

/** The simulated user's message at `turn` (0 = the opening). */
export function simulatedUserTurn(goal: string, turn: number, seed: number): string {
  const want = goalSentence(goal);
  if (turn <= 0) return `Hi. ${want}.`;
  const kind = goalKind(goal);
  if (!kind) return `${want}. Can you help me with that?`;
  const rand = mulberry32(hashString("simulated-user", goal, turn, seed));
  const cues = shuffled(CUE_SENTENCES[kind], rand).slice(0, turn === 1 ? 1 : 2);
  return `${cues.join(" ")} ${want}.`;
}

/** The reply to a simulated-user request: the next user message. */
export function simulatedUserReply(messages: readonly ChatMessage[], seed: number): string {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");
  const turn = messages.filter((m) => m.role === "assistant").length;
  return simulatedUserTurn(readGoal(system), turn, seed);
}
