// GET /api/health – instance health for load balancers (public: counts only, no secrets)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { healthResponse } from "@/lib/services/health/check-health";

export const dynamic = "force-dynamic";
export const GET = handle(ops.health, () => healthResponse());

export * from "@/lib/http/method-not-allowed";
