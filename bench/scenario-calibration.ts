// bench/scenario-calibration — how far to trust "Landing in the persona's domain"
// (lib/probing/scenario-landing.ts; docs/methods.md): seeded worlds of the
// simulator in ADVERSARIAL mode (the calibration harness's defaults), each a
// probe of the harness's coherent persona (warm 80 + empathetic 80 + patient 80)
// driven through the product's pipeline (bench/calibration/pipeline.ts runProbe)
// plus its scenarios asked as the worker asks them, with a known "domain gap"
// between the persona's true level on its scenarios and on library items
// (bench/calibration/scenarios.ts states the world and the estimand). Prints, per
// scenario count and gap, for the targeted traits: coverage of the scenario
// landing's and shift's 95% intervals for the fixed-set truth, and how often
// "general vs in your scenarios" says "clearly different" (false when the gap is
// 0, power otherwise), each with its Monte Carlo standard error (worlds are the units).
//
// Usage: npm run bench:scenarios [-- --worlds 40 --seed 1 --quick]
//   --worlds N   worlds (default 40, --quick 6)
//   --seed S     base seed (world seeds S·100003 + i, as bench:calibration); default 1
//   --counts 5,10   scenario counts (default 5,10)
//   --gaps 0,-10,-15  domain gaps in judged points, scenarios − general (default 0,-10,-15)
//   --quick      fewer worlds and a smaller ground truth

import { performance } from "node:perf_hooks";
import { DEFAULT_FLOOR } from "../lib/probing/stats/floor";
import { CLEAR_GAP } from "../lib/probing/scenario-landing";
import { flag, intArg, listArg } from "./args";
import { pooledCoverage, prepareScenarios, runScenarioWorld, summarizeScenarios } from "./calibration/scenarios";

const QUICK = flag("quick");
const WORLDS = intArg("worlds", QUICK ? 6 : 40);
const SEED = intArg("seed", 1);
const COUNTS = listArg("counts", [5, 10]);
const GAPS = listArg("gaps", [0, -10, -15]);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (f: { value: number; se: number }) => `${pct(f.value)} ± ${pct(f.se)}`.padEnd(16);

function main() {
  const t0 = performance.now();
  const prep = prepareScenarios({ worlds: WORLDS, seed: SEED, counts: COUNTS, gaps: GAPS, truthSamples: QUICK ? 12 : 24, truthItems: QUICK ? 150 : 400 });
  const tPrep = performance.now() - t0;
  const records = Array.from({ length: WORLDS }, (_, w) => runScenarioWorld(prep, w)).flat();
  const rows = summarizeScenarios(prep, records);
  const wall = (performance.now() - t0) / 1000;

  const s = prep.options.settings;
  console.log(`scenario calibration  ${WORLDS} worlds (seed ${SEED}${QUICK ? ", quick" : ""}), in-process simulator in adversarial mode, 1 process`);
  console.log(`  command    npm run bench:scenarios -- ${process.argv.slice(2).join(" ") || `--worlds ${WORLDS} --seed ${SEED}`}`);
  console.log(`  world      the calibration defaults; persona warm 80 + empathetic 80 + patient 80, watched ${prep.watched.length}; `
    + `settings: the API defaults (temperature ${s.temperature}, ±${s.targetHalfWidth}, budget ${s.budgetPerTrait}/trait)`);
  console.log(`  scenarios  ${Math.max(...COUNTS)} per world (the ${COUNTS.join(" and ")}-scenario sets are its first ones), asked once per arm as the worker does; every third after an earlier exchange`);
  for (const d of prep.domains) {
    if (d.gap === 0) continue;
    console.log(`  gap ${String(d.gap).padStart(4)}   latent shift ${prep.keys.map((k) => `${k} ${d.shift[k].toFixed(1)}`).join(", ")} → population gap ${prep.keys.map((k) => d.realized[k].toFixed(1)).join(", ")} judged points`);
  }
  console.log(`  truth      fixed-set: mean over the row's scenarios of ${prep.options.truthSamples} seeds each (whole answers, memoryless judge); general: ${prep.options.truthItems} fresh items × 2`);
  console.log(`  rule       "clearly different": Welch 95% interval excludes 0 and |difference| ≥ ${CLEAR_GAP}; variance floor judge sd ${DEFAULT_FLOOR.judgeSd.toFixed(2)}, between-item sd ${DEFAULT_FLOOR.betweenItemSd}`);
  console.log("");
  console.log("  gap  scen.  landing coverage  shift coverage    \"clearly different\"   median ±   true gap (fixed set − general)");
  for (const r of rows) {
    const what = r.gap === 0 ? "false" : "power";
    console.log(`  ${String(r.gap).padStart(3)}  ${String(r.count).padStart(4)}   ${cell(r.coverage)}  ${cell(r.shiftCoverage)}  ${what} ${cell(r.clear)}  ${r.medianHalfWidth.toFixed(1).padStart(6)}   ${r.meanTrueGap.toFixed(1)} (sd ${r.sdTrueGap.toFixed(1)})`);
  }
  if (GAPS.length > 1) console.log(`  pooled over the gaps, landing coverage: ${COUNTS.map((c) => `${c} scenarios ${cell(pooledCoverage(records, c)).trim()}`).join(", ")}`);
  console.log(`\n  targets: coverage ≥ 93%, false "clearly different" ≤ 5%; n = ${rows[0]?.coverage.n ?? 0} trait rows per cell (${prep.keys.length} targeted traits × ${WORLDS} worlds), se over worlds`);
  const cpu = process.cpuUsage();
  console.log(`  ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (domain calibration and general truth ${(tPrep / 1000).toFixed(1)} s wall)`);
}

main();
