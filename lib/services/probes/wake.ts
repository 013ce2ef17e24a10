import "server-only";

export { wakeWorker } from "@/lib/jobs/runner";
