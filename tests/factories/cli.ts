import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { claimableRuns, claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";

// The CLI end to end (tests/integration/cli*.test.ts): a worker loop in the test
// process that runs queued work with the simulator while the CLI polls, and the
// CLI itself (bin/persona-studio.mjs) as a child process, exactly as CI runs it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(root, "bin/persona-studio.mjs");

/** Runs `tick` every 100 ms, never two at once; the returned stop waits for the tick in flight. */
export function startTestWorker(tick: () => Promise<void>): () => Promise<void> {
  let busy: Promise<void> | null = null;
  const timer = setInterval(() => {
    busy ??= tick().finally(() => { busy = null; });
  }, 100);
  return async () => {
    clearInterval(timer);
    await busy;
  };
}

/** Claims and processes queued probe runs every 100 ms, with the simulator as every model (free prices). */
export function startSimulatorProbeWorker(workerId: string): () => Promise<void> {
  const provider = new SimulatorProvider();
  const deps: WorkerDeps = {
    workerId, sleep: async () => {}, rng: mulberry32(1),
    resolve: async (_ws, _id, model) => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator", prices: { inputPerM: 0, outputPerM: 0 } }),
  };
  return startTestWorker(async () => {
    for (const id of await claimableRuns()) if (await claimRun(id, deps.workerId)) await processRun(id, deps);
  });
}

export type CliResult = { code: number | null; stdout: string; stderr: string };
export type CliTarget = { url: string; workspaceId: string; token: string };

/**
 * `cli(args, env?)` runs the CLI asynchronously (the server in this process must keep serving
 * meanwhile) against `target()`, read at each call because beforeAll sets it up. `env` adds to
 * or overrides the PERSONA_STUDIO_* variables; a variable set to undefined is removed.
 */
export function cliRunner(target: () => CliTarget): (args: string[], env?: Record<string, string | undefined>) => Promise<CliResult> {
  return (args, env = {}) => {
    const { url, workspaceId, token } = target();
    const base = { ...process.env, PERSONA_STUDIO_URL: url, PERSONA_STUDIO_WORKSPACE: workspaceId, PERSONA_STUDIO_TOKEN: token };
    const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: merged });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d));
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  };
}
