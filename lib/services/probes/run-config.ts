/** Settings frozen into a probe run (ProbeRun.config). */
export type RunConfig = {
  temperature: number;
  seed: number;
  targetHalfWidth: number;
  budgetPerTrait: number;
  concurrency: number;
};
