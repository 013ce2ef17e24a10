import type { z } from "zod";
import type { Role } from "@/lib/schemas/workspace";

// An operation is one HTTP route described once: the handler validates with
// these schemas, /api/openapi.json publishes them, and the integration tests
// sweep every operation with malformed input.

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  id: string;
  method: Method;
  /** OpenAPI-style template: /api/workspaces/{workspaceId}/personas */
  path: string;
  summary: string;
  tag: string;
  /** "user": any signed-in account; "workspace": a member with at least `role`; "public": no login (share links). */
  auth: "user" | "workspace" | "public";
  role?: Role;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  /** Costly route (calls a model): metered per member and per API token (lib/http/rate-limit.ts). */
  cost?: CostBucket;
  /** A creating POST: an `Idempotency-Key` header replays the first answer (lib/http/idempotency.ts). */
  idempotent?: boolean;
  /** Body cap: "import" allows files (IMPORT_BODY_LIMIT_BYTES); default BODY_LIMIT_BYTES. */
  bodyLimit?: "default" | "import";
  /** Polled by machines (health checks): successful requests log at debug, not info. */
  quietLog?: boolean;
};

/** Buckets of the costly-route limits; each has its own configurable rate. */
export type CostBucket = "preview" | "probe" | "suggest" | "draft" | "samples";

export function defineOperation<const O extends Operation>(op: O): O {
  return op;
}
