// npm run worker — a standalone probe worker (run with PROBE_WORKER=off on the web server
// to keep all probe work here). Several can run at once; each run is leased to one.
// SIGTERM / SIGINT: stop claiming and calling, let the calls in flight finish (10 s, then
// abort them; a finished call is in the cache, so the run's next worker does not pay for it
// again), release this worker's leases so another worker resumes its runs at once, exit 0.
// A second signal exits now.
import { sharedSecretsProblem } from "@/lib/config/shared-secrets.mjs";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
// Workers open provider keys sealed by the web instances: on a team deployment the secrets must come from the environment.
const secretsMissing = sharedSecretsProblem(process.env);
if (secretsMissing) {
  console.error(secretsMissing);
  process.exit(1);
}
// Imported after the check: the runner's modules read their configuration (and secrets) as they load.
void import("@/lib/jobs/runner").then(({ startWorker, stopWorker }) => {
  startWorker({ pollMs: 1000 });
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) process.exit(1);
      stopping = true;
      console.info(`[probe-worker] ${sig}: stopping…`);
      void stopWorker().finally(() => process.exit(0));
    });
  }
});
