import { describe, expect, it } from "vitest";
import { fairOrder, fairPriorities, type Candidate } from "@/lib/jobs/queue/fair-order";

// The per-workspace fairness rule of the scheduler (lib/jobs/queue/fair-order.ts):
// the next run comes from the workspace with the fewest active runs, oldest
// first within a workspace; pg-boss gets the same order as priorities.

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const run = (id: string, workspaceId: string, s: number): Candidate => ({ id, workspaceId, createdAt: at(s) });

describe("fairOrder", () => {
  it("alternates between workspaces instead of serving one workspace's backlog first", () => {
    const waiting = [run("a1", "A", 1), run("a2", "A", 2), run("a3", "A", 3), run("b1", "B", 4), run("c1", "C", 5), run("b2", "B", 6)];
    expect(fairOrder(waiting, new Map()).map((r) => r.id)).toEqual(["a1", "b1", "c1", "a2", "b2", "a3"]);
  });

  it("starts with the workspace that has the fewest runs active now", () => {
    const waiting = [run("a2", "A", 1), run("b1", "B", 2)];
    expect(fairOrder(waiting, new Map([["A", 1]])).map((r) => r.id)).toEqual(["b1", "a2"]);
    expect(fairOrder(waiting, new Map([["A", 1], ["B", 3]])).map((r) => r.id)).toEqual(["a2", "b1"]);
  });
});

describe("fairPriorities", () => {
  it("gives a workspace's k-th waiting run priority -k, counting its running runs", () => {
    const a1 = { ...run("a1", "A", 1), status: "running" };
    const a2 = { ...run("a2", "A", 2), status: "queued" };
    const a3 = { ...run("a3", "A", 3), status: "queued" };
    const b1 = { ...run("b1", "B", 4), status: "queued" };
    const p = fairPriorities([a2, a3, b1], [a1, a2, a3, b1]);
    expect(Object.fromEntries(p)).toEqual({ a2: -1, a3: -2, b1: 0 });
    // pg-boss serves the highest priority first: B's run before A's waiting ones.
    expect([a2, a3, b1].sort((x, y) => p.get(y.id)! - p.get(x.id)!)[0].id).toBe("b1");
  });
});
