// Runs once when the studio server starts: the in-process probe worker.
// Set PROBE_WORKER=off to run workers separately (`npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.PROBE_WORKER !== "off") {
    const { startWorker } = await import("./lib/jobs/runner");
    startWorker();
  }
}
