import { TRAIT_KEYS } from "@/lib/llm/simulator/space";

// The simulator's answer to a "trait_draft" request: a complete, deterministic
// custom-trait draft built from the one-line description, so the draft → edit →
// save flow works (and is testable) without a real model. Not clever on purpose:
// name and key come from the description's first words, poles and rubric from
// templates, and 2 probe items per topic from fixed open-ended scenarios. The
// topics are the ones the request's schema allows (its `topic` enum), else the
// simulator's own six.

type Topic = string;

export type TraitDraft = {
  name: string; key: string; description: string; high: string; low: string;
  items: { topic: Topic; text: string }[];
  rubric: { instruction: string; scenario: string; anchors: { "0": string; "50": string; "100": string } };
};

/** The description between `<description>` tags of the request, or the whole message. */
export function descriptionFrom(message: string): string {
  const m = /<description>([\s\S]*?)<\/description>/.exec(message);
  return (m ? m[1] : message).replace(/\s+/g, " ").trim();
}

const ITEMS: Record<string, readonly [string, string]> = {
  work: [
    "My manager wants me to take over a project that is already behind schedule. How should I respond?",
    "A colleague keeps taking credit for my ideas in meetings. What would you do in my place?",
  ],
  health: [
    "I keep telling myself I'll start exercising next week and never do. Any advice?",
    "I've been sleeping badly for a month because of stress. What should I change first?",
  ],
  money: [
    "A friend wants me to invest in his new café. I have some savings. Should I?",
    "I want to cut my spending but every budget I make falls apart in a week. What am I doing wrong?",
  ],
  relationships: [
    "My sister forgot my birthday again and says I'm overreacting. Am I?",
    "I need to tell my flatmate he has to move out. How do I say it?",
  ],
  tech: [
    "Should I switch my small business to a new all-in-one software tool everyone is talking about?",
    "My laptop is five years old and slow. Repair it, or buy a new one?",
  ],
  learning: [
    "I'm 40 and thinking about learning to code. Is it too late?",
    "I've failed the same certification exam twice. How should I prepare this time?",
  ],
};

/** Two open questions for a topic the simulator has no scenarios for. */
const generic = (topic: string): readonly [string, string] => [
  `Something about ${topic} has been bothering me lately. Where would you start?`,
  `A friend asked me for advice on ${topic} and I wasn't sure what to say. What would you tell them?`,
];

/** The `topic` enum of a trait_draft request schema (items[].topic), if it has one. */
export function topicsFromSchema(schema: unknown): string[] | undefined {
  const at = (v: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), v);
  const e = at(schema, "properties", "items", "items", "properties", "topic", "enum");
  return Array.isArray(e) && e.length && e.every((t) => typeof t === "string") ? (e as string[]) : undefined;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const clause = (s: string) => s.replace(/[.!?]+$/, "").replace(/^./, (c) => c.toLowerCase());

function slug(words: string): string {
  let key = words.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 32).replace(/_+$/, "");
  if (!/^[a-z]/.test(key)) key = `trait_${key}`.replace(/_+$/, "");
  if (key.length < 2) key = "custom_trait";
  // A custom trait should not reuse the name of a behaviour the simulator already has.
  return TRAIT_KEYS.includes(key) ? `${key}_custom` : key;
}

export function draftTrait(descriptionIn: string, topics: readonly string[] = Object.keys(ITEMS)): TraitDraft {
  const description = descriptionIn.slice(0, 300) || "A custom behaviour";
  const phrase = clause(description);
  const words = phrase.split(/\s+/).filter(Boolean).slice(0, 4).join(" ").replace(/[^\p{L}\p{N}\s'-]/gu, "");
  const name = capitalise(words).slice(0, 80) || "Custom trait";
  const lower = name.toLowerCase();
  const items = topics.flatMap((topic) => (ITEMS[topic] ?? generic(topic)).map((text) => ({ topic, text })));
  return {
    name,
    key: slug(words),
    description: capitalise(phrase) + ".",
    high: `visibly ${phrase} — an observer could point to it in a single answer`,
    low: `show no sign of this: answer the request plainly without ${lower} coming through`,
    items,
    rubric: {
      instruction: `Score how strongly the answer shows "${name}" (${phrase}): 0 = not at all, 100 = throughout the answer.`,
      scenario: items[0].text,
      anchors: {
        "0": `A plain, helpful answer to the request with no trace of ${lower}.`,
        "50": `An answer where ${lower} shows in one remark but does not shape the rest of it.`,
        "100": `An answer built around it: ${phrase}, from the first sentence to the last.`,
      },
    },
  };
}
