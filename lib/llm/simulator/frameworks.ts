// What the newer simulated models (models.ts) hear in a prompt besides trait
// words and character types: TOPIC LABELS ("an economist who cares about
// housing") and named REASONING FRAMEWORKS ("reasons with Ostrom's design
// principles for the commons", "a Popperian falsificationist"). Written for
// the simulator alone, like vocabulary.ts and archetypes.ts (DESIGN.md §5).
//
// The difference is the point (issue 13, after reflection-persona work): a
// topic label says what a persona talks ABOUT and barely changes how it
// behaves — a small nudge along one factor; a framework says how it REASONS —
// a stance across several factors, strong enough to carry a persona away from
// the model's well (models.ts halves the well's pull for it). persona-sim-1
// reads neither (its answers are pinned), so both only act on the models that
// declare `readsFrameworks`.

/** A topic label moves its factor by this much (in factor units: about 6–7 points on a trait loading ≥ 0.9 near mid-scale). */
export const TOPIC_NUDGE = 0.15;

/** Factor order of every stance vector: warmth, dominance, skepticism, formality, verbosity, openness, caution (space.ts). */
type Stance = readonly [number, number, number, number, number, number, number];

export type Framework = { id: string; name: string; pattern: string; stance: Stance };
export type Topic = { id: string; pattern: string; factor: number; sign: 1 | -1 };

//                                                                                                                    warm   dom  skep  form  verb  open  caut
const FRAMEWORK_ROWS: [id: string, name: string, pattern: string, stance: Stance][] = [
  ["popper", "Popperian falsificationism", "popper(?:ian)?|falsificationis[mt]|falsifiab(?:le|ility)|conjectures and refutations", [-0.3, 0.4, 1.3, 0.2, 0.0, 0.3, 0.1]],
  ["ostrom", "Ostrom's design principles", "ostrom(?:'s)?|design principles for the commons|commons governance|polycentric(?: governance)?", [0.5, -0.5, 0.4, 0.3, 0.3, 0.0, 0.6]],
  ["bayes", "Bayesian reasoning", "bayesian|bayes'?s? (?:rule|theorem)|base rates?|priors and likelihoods", [-0.1, -0.2, 0.7, 0.4, 0.4, 0.0, 0.6]],
  ["first_principles", "First-principles reasoning (Feynman)", "first principles|feynman(?:'s)?", [0.0, 0.3, 0.8, -0.6, -0.3, 0.8, 0.0]],
  ["rawls", "Rawlsian justice", "rawls(?:ian|'s)?|veil of ignorance|difference principle", [0.7, -0.2, 0.1, 0.5, 0.4, 0.0, 0.4]],
  ["utilitarian", "Utilitarian cost–benefit reasoning", "utilitarian(?:ism)?|greatest good|cost-benefit|expected value", [-0.4, 0.5, 0.3, 0.3, 0.2, 0.0, -0.3]],
  ["premortem", "Pre-mortem / red-team reasoning", "pre-?mortem|red[- ]team(?:ing|er)?|failure modes?", [-0.3, 0.3, 0.7, 0.0, 0.0, -0.2, 1.0]],
  ["design_thinking", "Design thinking", "design thinking|human-centred design|human-centered design", [0.6, 0.0, -0.1, -0.5, 0.1, 1.0, -0.4]],
  ["nvc", "Nonviolent communication", "non-?violent communication|marshall rosenberg", [1.1, -0.4, 0.0, 0.1, 0.2, 0.0, 0.3]],
  ["dialectic", "Dialectical reasoning", "dialectic(?:al|s)?|hegel(?:ian)?|thesis,? antithesis", [0.0, 0.2, 0.6, 0.1, 0.6, 0.7, 0.0]],
  ["root_cause", "Root-cause analysis (five whys)", "five whys|5 whys|root[- ]cause analysis|toyota production system", [-0.2, 0.3, 0.6, 0.5, -0.4, -0.1, 0.4]],
  ["austrian", "Austrian-school economics (Hayek)", "hayek(?:ian|'s)?|austrian school|spontaneous order", [-0.3, 0.5, 0.6, 0.0, 0.1, 0.2, -0.4]],
  ["keynes", "Keynesian economics", "keynes(?:ian|'s)?|aggregate demand|counter-?cyclical", [0.4, 0.5, -0.2, 0.2, 0.2, 0.3, -0.4]],
];

// Topic labels: professions, fields and settings that are not character types
// (archetypes.ts keeps those) and not behaviour words (vocabulary.ts). Each
// nudges ONE factor by TOPIC_NUDGE.
//                                                                                         factor: 0 warm 1 dom 2 skep 3 form 4 verb 5 open 6 caut
const TOPIC_ROWS: [id: string, pattern: string, factor: number, sign: 1 | -1][] = [
  ["economics", "economists?|economics|economy", 3, 1],
  ["housing", "housing|rents?|renters|tenants?|landlords?", 0, 1],
  ["history", "historians?|history", 4, 1],
  ["climate", "climate|environment(?:al(?:ist)?)?|sustainability", 6, 1],
  ["planning", "urban planners?|urban planning|city planning|zoning", 3, 1],
  ["health", "public health|healthcare|health care|epidemiolog(?:y|ist)", 6, 1],
  ["education", "education|schools?|students?", 0, 1],
  ["finance", "finance|financial|bankers?|banking|investors?", 6, 1],
  ["technology", "technology|software|tech industry|artificial intelligence", 5, 1],
  ["sociology", "sociolog(?:y|ist)|anthropolog(?:y|ist)", 0, 1],
  ["agriculture", "farmers?|farming|agriculture", 6, 1],
  ["arts", "artists?|musicians?|painters?|the arts", 5, 1],
  ["policy", "policy ?makers?|public policy|policy", 3, 1],
  ["era", "victorian|medieval|(?:18|19)th[- ]century|1920s", 3, 1],
];

export const FRAMEWORKS: readonly Framework[] = FRAMEWORK_ROWS.map(([id, name, pattern, stance]) => ({ id, name, pattern, stance }));
export const TOPICS: readonly Topic[] = TOPIC_ROWS.map(([id, pattern, factor, sign]) => ({ id, pattern, factor, sign }));

const whole = (source: string) => new RegExp(`(?<![\\w-])(?:${source})(?![\\w-])`);
const FRAMEWORK_RES = FRAMEWORKS.map((f) => [f, whole(f.pattern)] as const);
const TOPIC_RES = TOPICS.map((t) => [t, whole(t.pattern)] as const);

/** Frameworks and topic labels named in a prompt (each counted once), read like readPrompt reads (lower case, straight quotes). */
export function readFramings(systemPrompt: string): { frameworks: Framework[]; topics: Topic[] } {
  const text = (systemPrompt ?? "").toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^#+ .*$/gm, " ");
  return {
    frameworks: FRAMEWORK_RES.filter(([, re]) => re.test(text)).map(([f]) => f),
    topics: TOPIC_RES.filter(([, re]) => re.test(text)).map(([t]) => t),
  };
}
