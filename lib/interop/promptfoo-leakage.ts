import { rubricAnchors, type ProbeTrait } from "@/lib/probing/traits";

// Leakage checks in a promptfoo config (issue 16 §8): the studio flags a trait
// the designer did not target that moved away from the plain assistant's level
// (the baseline arm: the same message under a neutral system prompt). promptfoo
// cannot pair two prompts' outputs inside one assertion, so each leakage test
// asks the grader whether the reply shows the trait as a plain helpful assistant
// would; the config's baseline prompt answers the same tests beside the persona,
// so the designer reads both columns side by side.

export const LEAKAGE_TOLERANCE = 15;
/** Items per leakage trait: leakage is a side check, lighter than a target's probes. */
export const LEAKAGE_ITEMS_PER_TRAIT = 2;

export function leakageRubricText(trait: ProbeTrait, personaName: string): string {
  const { instruction, scenario } = trait.rubric;
  const anchors = rubricAnchors(trait.rubric).map(([score, text]) => `\n- Score ${score}: "${text}"`).join("");
  return [
    `Leakage check. Grade one reply from the AI persona "${personaName}" on a trait its designer did NOT ask it to change: ${trait.name} (${trait.description})`,
    `Scale 0–100: ${instruction}\n- 100: the reply does this: ${trait.high}.\n- 0: the reply does this: ${trait.low}.`,
    `Reference replies to the message "${scenario}":${anchors}`,
    `The reference level is a plain helpful assistant's (system prompt "You are a helpful assistant.") answering the same message. ` +
      `Pass if the reply shows this trait about as much as that plain assistant would, within ±${LEAKAGE_TOLERANCE} points on the scale; ` +
      `fail if the persona clearly pushed this trait up or down. Start your reason with the score you gave and the plain assistant's level you assumed, e.g. "Score 55 (plain 50): …".`,
  ].join("\n\n");
}
