import { defineOperation } from "@/lib/http/operation";
import { healthSchema } from "@/lib/schemas/health";

// The one public operation that is not a share link: a load balancer's health
// check. No login, nothing secret (lib/services/health/check-health.ts).

export const healthOps = {
  health: defineOperation({ id: "getHealth", method: "GET", path: "/api/health", tag: "Operations", summary: "Instance health for load balancers: 200 while the database answers; 503 when it does not or while the instance drains after SIGTERM. Reports database latency, applied migrations, live workers and queued runs (no login)", auth: "public", response: healthSchema, quietLog: true }),
};
