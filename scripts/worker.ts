// npm run worker — a standalone probe worker (run with PROBE_WORKER=off on the web server
// to keep all probe work here). Several can run at once; each run is leased to one.
import { startWorker, stopWorker } from "@/lib/jobs/runner";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
startWorker({ pollMs: 1000 });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => { stopWorker(); setTimeout(() => process.exit(0), 200); });
