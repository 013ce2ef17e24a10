// The simulator's public surface. The HTTP server (node:http) is deliberately
// not re-exported: import it from "@/lib/llm/simulator/http-server" in server
// code and scripts only, so this barrel stays safe for pure and client code.
export { SimulatorProvider, SIMULATOR_LABEL, FAILURE_MODELS, type SimulatorProviderOptions } from "@/lib/llm/simulator/provider";
export { simulateChat, SIMULATOR_MODEL, fencedAnswer, type SimulateOptions, type SimulateResult } from "@/lib/llm/simulator/engine";
export { inferPosition, readPrompt, RIDGE_LAMBDA, type Position } from "@/lib/llm/simulator/infer";
export {
  SIMULATED_MODELS, SIMULATED_MODEL_NAMES, FRAMEWORK_RELEASE, simulatedModel, positionOn, modelBaseline, trueLevels, levelDistance, panelSpread,
  panelTruth, routingGain, type SimulatedModel, type ModelPosition, type Seat,
} from "@/lib/llm/simulator/models";
export { FRAMEWORKS, TOPICS, TOPIC_NUDGE, readFramings, type Framework, type Topic } from "@/lib/llm/simulator/frameworks";
export { composeAnswer, sampleLevels, type ComposeInput } from "@/lib/llm/simulator/compose";
export { judgeAnswer, type JudgeResult } from "@/lib/llm/simulator/judge";
export { suggestArchetypes, parseTraitRequest } from "@/lib/llm/simulator/suggest";
export { ARCHETYPES } from "@/lib/llm/simulator/archetypes";
export {
  FACTORS, TRAIT_KEYS, TRAIT_LOADINGS, NEUTRAL_Z, traitCorrelation, correlationMatrix, traitLevel, levelsAt,
  baselineLevels, expectedLanding, noiseSigma,
} from "@/lib/llm/simulator/space";
export {
  ADVERSARIAL_DEFAULTS, NO_DISTORTION, ADVERSARIAL_KNOBS, adversarialOptions, isDistorting, itemShift, answerOutcome, distortScores,
  type AdversarialOptions, type AnswerOutcome, type JudgeMemory,
} from "@/lib/llm/simulator/adversarial";
