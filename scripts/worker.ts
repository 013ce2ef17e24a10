// npm run worker — a standalone probe worker (run with PROBE_WORKER=off on the web server
// to keep all probe work here). Several can run at once; each run is leased to one.
// SIGTERM / SIGINT: stop claiming, abort the calls in flight, release this worker's
// leases so another worker resumes its runs at once, exit 0. A second signal exits now.
import { startWorker, stopWorker } from "@/lib/jobs/runner";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
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
