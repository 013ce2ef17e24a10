export { coherenceCheck, readTraitWords, HIGH, LOW, type AskedTrait, type CoherenceResult, type CoherenceWarning } from "@/lib/probing/coherence/coherence-check";
