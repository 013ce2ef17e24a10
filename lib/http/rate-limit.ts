import "server-only";
import type { Operation } from "@/lib/http/operation";
import type { UserContext } from "@/lib/http/session";

// Costly routes (a model call each) are metered per member and per API token.
// (Issue 10, item 7 — filled in by the rate-limit work.)

/** Consumes one unit of the operation's bucket; headers to add to the answer, or throws AppError("rate_limited"). */
export async function meterCost(_op: Operation, _caller: UserContext & { workspaceId?: string }): Promise<Record<string, string>> {
  return {};
}
