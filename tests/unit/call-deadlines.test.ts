import { describe, expect, it } from "vitest";
import { CallDeadlines, DEADLINE_DEFAULTS } from "@/lib/jobs/call-deadlines";
import { backoffMs, MAX_RETRY_AFTER_MS } from "@/lib/jobs/model-call";

describe("the adaptive per-call deadline", () => {
  it("applies only after enough calls came back, per provider and model", () => {
    const d = new CallDeadlines({ floorMs: 1000, factor: 3, minSamples: 5, maxMs: 60_000 });
    for (let i = 0; i < 4; i++) d.observe("p\u241fm", 2000);
    expect(d.deadline("p\u241fm")).toBeNull();
    d.observe("p\u241fm", 2000);
    expect(d.deadline("p\u241fm")).toBe(6000);
    expect(d.deadline("p\u241fother")).toBeNull();
  });

  it("is factor × p95, never under the floor, never at or over the configured timeout", () => {
    const d = new CallDeadlines({ floorMs: 5000, factor: 3, minSamples: 5, maxMs: 60_000 });
    for (let i = 0; i < 19; i++) d.observe("k", 100);
    d.observe("k", 4000); // 1 of 20 is the p95's own tail: p95 = the 19th value
    expect(d.deadline("k")).toBe(5000); // 3 × 100 is under the floor
    for (let i = 0; i < 20; i++) d.observe("k", 30_000);
    expect(d.deadline("k")).toBeNull(); // 90 s would pass the timeout: the timeout applies
    expect(DEADLINE_DEFAULTS.maxMs).toBe(60_000);
  });
});

describe("Retry-After", () => {
  it("is honoured up to the cap", () => {
    expect(backoffMs(0, () => 0, 300_000)).toBe(MAX_RETRY_AFTER_MS);
    expect(backoffMs(0, () => 0, 2000)).toBe(2000);
  });
});
