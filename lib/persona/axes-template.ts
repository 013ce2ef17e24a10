import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";

// The axes experiment (issue 13 §6), after the reflection-persona finding that
// topic-labelled personas converge while framework-grounded personas diverge.
// From one topic, members that differ ALONG each of five axes (professional,
// cultural, linguistic, temporal, gender), each drafted twice:
//
// - topic-labelled: a position and the topic — "An economist who cares about
//   housing". It says what the member talks ABOUT.
// - framework-grounded: the same position reasoning about the topic with a
//   named framework — "An economist who reasons about housing with Keynes's
//   account of aggregate demand". It says how the member REASONS.
//
// Within an axis the two styles share the position words, so the contrast
// between the styles is the framework alone. Within an axis every member gets
// a different framework (the simulator's frameworks.ts names them all, so
// persona-sim-2/-3 show the effect; a real model reads them as written).
// Cultural, linguistic and gender positions are plain descriptions, never
// traits or manners: the cultural and linguistic members are grounded in a
// thinker or tradition of that place or language, and the gender members are
// deliberately NOT given the framework a stereotype would pick (the woman is
// not the "warm" one). Voice, values and targets are the same for everyone, so
// nothing but the position and the framework differs. Pure and deterministic.

export const AXES = ["professional", "cultural", "linguistic", "temporal", "gender"] as const;
export type Axis = (typeof AXES)[number];
export const AXIS_LABELS: Record<Axis, string> = {
  professional: "Professional", cultural: "Cultural", linguistic: "Linguistic", temporal: "Temporal", gender: "Gender",
};

export const AXES_STYLES = ["topic", "framework"] as const;
export type AxesStyle = (typeof AXES_STYLES)[number];
export const STYLE_LABELS: Record<AxesStyle, string> = { topic: "topic-labelled", framework: "framework-grounded" };

export const TOPIC_LIMITS = { min: 1, max: 200 } as const;

/** One position on an axis: who the member is (shared by both styles) and the framework the grounded style reasons with. */
type Position = {
  /** Member key suffix (the key is `${axis prefix}-${id}`, the same in both panels). */
  id: string;
  /** Short display label: "Economist". */
  label: string;
  /** "An economist" — the subject of both archetypes. */
  who: string;
  /** What the topic-labelled background adds (a plain fact about the position). */
  fact: string;
  /** "Keynes's account of aggregate demand" — read by the simulator's frameworks.ts. */
  framework: string;
  /** One sentence of what the framework asks of reasoning (goes to background). */
  how: string;
};

const PREFIX: Record<Axis, string> = { professional: "prof", cultural: "cult", linguistic: "ling", temporal: "time", gender: "gend" };

const POSITIONS: Record<Axis, Position[]> = {
  professional: [
    { id: "economist", label: "Economist", who: "An economist", fact: "Works as an economist.",
      framework: "Keynes's account of aggregate demand", how: "Asks what happens to spending across the whole economy, and when a counter-cyclical response is called for." },
    { id: "urban-planner", label: "Urban planner", who: "An urban planner", fact: "Works as an urban planner.",
      framework: "Ostrom's design principles for the commons", how: "Asks who uses a shared resource, who sets its rules, how use is monitored and how disputes are settled (polycentric governance)." },
    { id: "epidemiologist", label: "Epidemiologist", who: "An epidemiologist", fact: "Works as an epidemiologist.",
      framework: "Bayesian reasoning — base rates, priors and likelihoods", how: "Starts from base rates and updates on evidence in proportion to how much more likely it is under one explanation than another." },
  ],
  cultural: [
    { id: "lagos", label: "From Lagos", who: "Someone from Lagos, Nigeria", fact: "Grew up in Lagos, Nigeria.",
      framework: "Ostrom's design principles for the commons, as seen in the rotating savings groups (esusu) of Yoruba tradition",
      how: "Asks how a community can govern a shared resource itself: clear membership, rules fitted to local conditions, members' voice in changing them, graduated sanctions." },
    { id: "nagoya", label: "From Nagoya", who: "Someone from Nagoya, Japan", fact: "Grew up in Nagoya, Japan.",
      framework: "root-cause analysis — the five whys of the Toyota Production System (Taiichi Ohno)",
      how: "Asks why a problem happens, then why that happens, five times over, until it reaches a cause that can be fixed at the source." },
    { id: "stuttgart", label: "From Stuttgart", who: "Someone from Stuttgart, Germany", fact: "Grew up in Stuttgart, Germany.",
      framework: "Hegel's dialectic — thesis, antithesis and synthesis",
      how: "States the strongest case on each side, then looks for the position that keeps what is true in both." },
  ],
  linguistic: [
    { id: "german", label: "German speaker", who: "A native speaker of German", fact: "Grew up speaking German and thinks in it first.",
      framework: "Karl Popper's conjectures and refutations (falsificationism)",
      how: "Treats every claim as a conjecture and asks what observation would show it false." },
    { id: "english", label: "English speaker", who: "A native speaker of English", fact: "Grew up speaking English and thinks in it first.",
      framework: "the utilitarian tradition of Bentham and Mill — the greatest good for the greatest number",
      how: "Weighs each option by its total consequences for everyone affected, counting each person's interests equally." },
    { id: "spanish", label: "Spanish speaker", who: "A native speaker of Spanish", fact: "Grew up speaking Spanish and thinks in it first.",
      framework: "design thinking — the human-centred design of IDEO",
      how: "Starts from the people affected, prototypes several ideas quickly and learns from how they are used." },
  ],
  temporal: [
    { id: "1940s", label: "Writing in the 1940s", who: "Someone writing in 1945", fact: "Writes in 1945 and knows nothing of later events.",
      framework: "Hayek's spontaneous order (The Use of Knowledge in Society, 1945)",
      how: "Asks what knowledge is dispersed among many people, and whether prices and local choices coordinate it better than a plan could." },
    { id: "1970s", label: "Writing in the 1970s", who: "Someone writing in 1972", fact: "Writes in 1972 and knows nothing of later events.",
      framework: "Rawls's veil of ignorance (A Theory of Justice, 1971)",
      how: "Asks which arrangement one would choose without knowing one's own place in it, and favours the least advantaged (the difference principle)." },
    { id: "2010s", label: "Writing in the 2010s", who: "Someone writing in 2015", fact: "Writes in 2015 and knows nothing of later events.",
      framework: "Gary Klein's pre-mortem",
      how: "Imagines the plan has already failed and works back to the failure modes that would explain it." },
  ],
  gender: [
    { id: "woman", label: "Woman", who: "A woman", fact: "Is a woman.",
      framework: "Feynman's first-principles reasoning",
      how: "Breaks the question down to what is known for certain and rebuilds the answer from there, ignoring received wisdom." },
    { id: "man", label: "Man", who: "A man", fact: "Is a man.",
      framework: "Marshall Rosenberg's nonviolent communication",
      how: "Separates observations from evaluations and asks what each person needs and what they are requesting." },
    { id: "nonbinary", label: "Non-binary person", who: "A non-binary person", fact: "Is non-binary.",
      framework: "expected-value, cost-benefit reasoning",
      how: "Puts a probability and a size on each outcome and compares the options by what they are expected to yield." },
  ],
};

export type AxesMember = {
  axis: Axis;
  /** The member key, the same in both styles' panels ("prof-economist"). */
  key: string;
  label: string;
  /** The framework the grounded version reasons with (for the report). */
  framework: string;
  specs: Record<AxesStyle, PersonaSpec>;
};

export type AxesDraft = { topic: string; members: AxesMember[] };

/** Trimmed, one line, no control characters; RangeError when empty or over 200 characters after that. */
export function sanitizeTopic(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const topic = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  if (topic.length < TOPIC_LIMITS.min) throw new RangeError("Give a topic");
  if (topic.length > TOPIC_LIMITS.max) throw new RangeError(`The topic is at most ${TOPIC_LIMITS.max} characters`);
  return topic;
}

/** The topic as a name prefix: at most 60 characters, cut at a word where possible. */
export function topicPrefix(topic: string): string {
  if (topic.length <= 60) return topic;
  const cut = topic.slice(0, 59);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function spec(topic: string, axis: Axis, p: Position, style: AxesStyle): PersonaSpec {
  const lowerWho = p.who[0].toLowerCase() + p.who.slice(1);
  const archetype = style === "topic" ? `${p.who} who cares about ${topic}` : `${p.who} who reasons about ${topic} with ${p.framework}`;
  const background = style === "topic"
    ? `${p.fact} Cares about ${topic}.`
    : `${p.fact} Reasons about ${topic} with ${p.framework}. ${p.how}`;
  return {
    ...emptySpec(`${topicPrefix(topic)} · ${p.label} (${STYLE_LABELS[style]})`),
    archetype,
    background,
    notes: `Drafted by the axes experiment (issue 13 §6) for the topic “${topic}”: the ${AXIS_LABELS[axis].toLowerCase()} axis, ${lowerWho}, ${STYLE_LABELS[style]}.`
      + (style === "framework" ? ` Framework: ${p.framework}.` : ""),
  };
}

/** Every member along the five axes, each in both styles. Throws RangeError for an empty or over-long topic. */
export function draftAxesMembers(rawTopic: string): AxesDraft {
  const topic = sanitizeTopic(rawTopic);
  const members = AXES.flatMap((axis) => POSITIONS[axis].map((p): AxesMember => ({
    axis, key: `${PREFIX[axis]}-${p.id}`, label: p.label, framework: p.framework,
    specs: { topic: spec(topic, axis, p, "topic"), framework: spec(topic, axis, p, "framework") },
  })));
  return { topic, members };
}
