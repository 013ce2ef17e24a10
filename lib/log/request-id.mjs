// Request ids: a caller's (or the load balancer's) X-Request-Id is kept when it
// is a plain token — so one id follows a request across proxies and instances —
// and replaced by a fresh one otherwise (missing, too long, or with characters
// that could forge log lines or headers).
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:=+\/-]{7,127}$/;

/** The incoming id when well-formed, else a new UUID. */
export function requestIdFrom(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && WELL_FORMED.test(value) ? value : randomUUID();
}
