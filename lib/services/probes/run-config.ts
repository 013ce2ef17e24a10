import type { FrozenScenario } from "@/lib/probing/scenario-landing";

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
};

/** The run's frozen scenarios; [] for runs created before scenarios were frozen. */
export const frozenScenarios = (config: RunConfig): FrozenScenario[] => (Array.isArray(config.scenarios) ? config.scenarios : []);
