import { describe, expect, it } from "vitest";
import { byNewestMethod, METHOD_CHANGELOG, METHOD_VERSION, methodRank } from "@/lib/probing/methods/version";

describe("method versions", () => {
  it("computes with the newest method of the changelog", () => {
    expect(METHOD_VERSION).toBe(METHOD_CHANGELOG.at(-1)!.version);
    expect(new Set(METHOD_CHANGELOG.map((m) => m.version)).size).toBe(METHOD_CHANGELOG.length);
  });

  it("orders stored analyses newest method first, unknown versions last, then newest computation", () => {
    const old = METHOD_CHANGELOG[0].version;
    const rows = [
      { methodVersion: "from-a-rolled-back-release", computedAt: "2027-01-01T00:00:00Z" },
      { methodVersion: old, computedAt: "2026-01-01T00:00:00Z" },
      { methodVersion: METHOD_VERSION, computedAt: "2026-02-01T00:00:00Z" },
    ];
    expect([...rows].sort(byNewestMethod).map((r) => r.methodVersion)).toEqual([METHOD_VERSION, old, "from-a-rolled-back-release"]);
    expect(methodRank("from-a-rolled-back-release")).toBe(-1);
  });
});
