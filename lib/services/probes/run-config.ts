import type { FrozenScenario } from "@/lib/probing/scenario-landing";
import type { FrozenPressure, FrozenSelfReport } from "@/lib/schemas/pressure";

/** Settings frozen into a probe run (ProbeRun.config). */
export type RunConfig = {
  temperature: number;
  seed: number;
  targetHalfWidth: number;
  budgetPerTrait: number;
  concurrency: number;
  /**
   * The persona's scenarios frozen at creation (issue 12 §2): each asked once in
   * the persona and baseline arms. Absent on runs from before (read as []).
   */
  scenarios?: FrozenScenario[];
  /** Pressure conversations (issue 14 §1), a fixed plan beside the adaptive one; absent: none. */
  pressure?: FrozenPressure;
  /** Self-rating questions per watched trait (issue 14 §3); absent: not asked. */
  selfReport?: FrozenSelfReport;
  /** The framed trait when the run has the requested-wording arm (issue 14 §4). */
  framing?: { trait: string; target: number; nature: string; requested: string };
};

/** The run's frozen scenarios; [] for runs created before scenarios were frozen. */
export const frozenScenarios = (config: RunConfig): FrozenScenario[] => (Array.isArray(config.scenarios) ? config.scenarios : []);
