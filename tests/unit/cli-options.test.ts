import { describe, expect, it } from "vitest";
import { followRun, usageError, wholeNumber } from "@/bin/cli/options.mjs";

const EXIT = { usage: 2, api: 3 }; // bin/cli/client.mjs

// What the CLI's commands share (bin/cli/options.mjs): whole-number options,
// usage errors, and following a run that is cancelled on timeout. The client
// here stands in for the studio's HTTP API (end to end: tests/integration/cli*.test.ts).

type Run = { id: string; status: string };

function studio(states: string[]) {
  const calls: string[] = [];
  let i = 0;
  const client = {
    async get(path: string) {
      calls.push(`GET ${path}`);
      return { id: "r1", status: states[Math.min(i++, states.length - 1)] } satisfies Run;
    },
    async post(path: string) {
      calls.push(`POST ${path}`);
      return {};
    },
  };
  return { client, calls };
}

const sink = () => ({ text: "", write(t: string) { this.text += t; } });

describe("wholeNumber and usageError", () => {
  const usage = usageError("panel");

  it("takes whole numbers at or above the minimum", () => {
    expect(wholeNumber("items", "6", 6, usage)).toBe(6);
    expect(wholeNumber("answers-per-pair", "0", 0, usage)).toBe(0);
  });

  it("refuses anything else with the command's usage error (exit 2) naming the option", () => {
    for (const bad of ["5", "-1", "1.5", "6e1", " 7", "", "99999999999999999999"]) {
      let thrown: unknown;
      try {
        wholeNumber("items", bad, 6, usage);
      } catch (e) {
        thrown = e;
      }
      expect((thrown as { exitCode?: number }).exitCode, bad).toBe(EXIT.usage);
      expect((thrown as Error).message).toBe(`--items must be a whole number of at least 6, not "${bad}"\nRun "persona-studio panel --help" for the options.`);
    }
  });
});

describe("followRun", () => {
  it("polls until the run ends and shows every state", async () => {
    const { client, calls } = studio(["running", "running", "completed"]);
    const seen: string[] = [];
    const run = await followRun({ client, run: { id: "r1", status: "queued" }, runPath: "/runs/r1", timeoutMs: 60_000, err: sink(), pollMs: 0, onUpdate: (r) => seen.push(r.status) });
    expect(run.status).toBe("completed");
    expect(seen).toEqual(["running", "running", "completed"]);
    expect(calls).not.toContain("POST /runs/r1/cancel");
  });

  it("with refresh, fetches once before deciding the run is over", async () => {
    const { client, calls } = studio(["completed"]);
    const run = await followRun({ client, run: { id: "r1", status: "queued" }, runPath: "/runs/r1", timeoutMs: 60_000, err: sink(), refresh: true, pollMs: 0 });
    expect(run.status).toBe("completed");
    expect(calls).toEqual(["GET /runs/r1"]);
  });

  it("cancels the run and fails with exit 3 once the timeout has passed", async () => {
    const { client, calls } = studio(["running"]);
    const failure = followRun({ client, run: { id: "r1", status: "running" }, runPath: "/runs/r1", timeoutMs: -1, err: sink(), noun: "panel run", pollMs: 0 });
    await expect(failure).rejects.toMatchObject({ exitCode: EXIT.api, message: expect.stringContaining("panel run r1 was cancelled") });
    expect(calls).toEqual(["POST /runs/r1/cancel"]);
  });

  it("leaves no signal handlers behind", async () => {
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    const { client } = studio(["completed"]);
    await followRun({ client, run: { id: "r1", status: "queued" }, runPath: "/runs/r1", timeoutMs: 60_000, err: sink(), pollMs: 0 });
    await followRun({ client, run: { id: "r1", status: "running" }, runPath: "/runs/r1", timeoutMs: -1, err: sink(), pollMs: 0 }).catch(() => undefined);
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before);
  });
});
