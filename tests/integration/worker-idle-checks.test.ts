import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { anyPanelWork } from "@/lib/jobs/panel-distinguish";
import { LEASE_MS } from "@/lib/jobs/probe-worker";
import { anyWaitingRun, waitingRuns } from "@/lib/jobs/queue/waiting-runs";
import { heldRuns, pruneHeartbeats, writeHeartbeat } from "@/lib/jobs/worker-heartbeat";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The probe worker's statements that run whether or not there is work: the poll's
// "is anything waiting?" checks (every 2 s) and the heartbeat's writes (every 5 s),
// in plain SQL rather than through Prisma (issue 15: the idle worker's CPU, on the
// web process's event loop under `npm start`). Each check must say yes whenever the
// Prisma reads it guards would find something, on both databases (this file runs on
// SQLite and PostgreSQL), and the heartbeat row must read back through Prisma as written.

let owner: Member;
let personaId: string;
let providerId: string;
let panelId: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Idle Ida" });
  personaId = (await createPersona(owner, { name: "Ida" })).id;
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Unused", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "persona-sim-1",
  })).id;
  panelId = (await db.panel.create({
    data: { workspaceId: owner.workspaceId, slug: "idle-council", name: "Idle council", spec: "{}", createdById: owner.id, updatedById: owner.id, updatedByName: owner.name },
  })).id;
});

const probeRun = (data: { status: string; heartbeatAt?: Date | null; leaseOwner?: string | null }) =>
  db.probeRun.create({
    data: {
      workspaceId: owner.workspaceId, personaId, personaName: "Ida", systemPrompt: "You are Ida.", targets: "{}", watched: "[]",
      targetProviderId: providerId, targetModel: "persona-sim-1", judgeProviderId: providerId, judgeModel: "persona-sim-1",
      config: "{}", traitLibraryVersion: "test", createdById: owner.id, createdByName: owner.name, ...data,
    },
  });

const panelRun = (data: { distinguishStatus: string; finishedAt?: Date | null; cancelledAt?: Date | null }) =>
  db.panelRun.create({
    data: {
      workspaceId: owner.workspaceId, panelId, panelName: "Idle council", spec: "{}", watched: "[]",
      judgeProviderId: providerId, judgeModel: "persona-sim-1", config: "{}", createdById: owner.id, createdByName: owner.name, ...data,
    },
  });

describe("anyWaitingRun", () => {
  it("says yes exactly when a run is queued or running under an expired or released lease, as waitingRuns finds", async () => {
    await db.probeRun.deleteMany({});
    const now = new Date();
    expect(await anyWaitingRun(now)).toBe(false);

    const live = await probeRun({ status: "running", heartbeatAt: new Date(now.getTime() - 1_000), leaseOwner: "w-live" });
    await probeRun({ status: "completed" });
    await probeRun({ status: "failed" });
    expect(await anyWaitingRun(now)).toBe(false);
    expect(await waitingRuns()).toEqual([]);

    // The lease runs out: a millisecond before LEASE_MS it is still held.
    await db.probeRun.update({ where: { id: live.id }, data: { heartbeatAt: new Date(now.getTime() - LEASE_MS + 1) } });
    expect(await anyWaitingRun(now)).toBe(false);
    await db.probeRun.update({ where: { id: live.id }, data: { heartbeatAt: new Date(now.getTime() - LEASE_MS - 1) } });
    expect(await anyWaitingRun(now)).toBe(true);
    expect((await waitingRuns()).map((r) => r.id)).toEqual([live.id]);

    // Released by a worker that stopped (no heartbeat).
    await db.probeRun.update({ where: { id: live.id }, data: { heartbeatAt: null, leaseOwner: null } });
    expect(await anyWaitingRun(now)).toBe(true);

    await db.probeRun.update({ where: { id: live.id }, data: { status: "cancelled" } });
    expect(await anyWaitingRun(now)).toBe(false);
    const queued = await probeRun({ status: "queued" });
    expect(await anyWaitingRun(now)).toBe(true);
    expect((await waitingRuns()).map((r) => r.id)).toEqual([queued.id]);
  });
});

describe("anyPanelWork", () => {
  it("says yes while a panel probe's pass waits or runs, or its pass is over and the probe not closed; not for closed or cancelled ones", async () => {
    await db.panelRun.deleteMany({});
    expect(await anyPanelWork()).toBe(false);

    const closed = await panelRun({ distinguishStatus: "done", finishedAt: new Date() });
    await panelRun({ distinguishStatus: "off", finishedAt: new Date() });
    await panelRun({ distinguishStatus: "waiting", cancelledAt: new Date() });
    await panelRun({ distinguishStatus: "running", cancelledAt: new Date() });
    expect(await anyPanelWork()).toBe(false);

    for (const distinguishStatus of ["waiting", "running", "done", "off", "failed"]) {
      await db.panelRun.update({ where: { id: closed.id }, data: { distinguishStatus, finishedAt: null } });
      expect(await anyPanelWork(), distinguishStatus).toBe(true);
    }
    await db.panelRun.update({ where: { id: closed.id }, data: { finishedAt: new Date() } });
    expect(await anyPanelWork()).toBe(false);
  });
});

describe("the heartbeat row", () => {
  it("is created, then refreshed keeping its start, reads back through Prisma as written, and is pruned after an hour of silence", async () => {
    await db.workerHeartbeat.deleteMany({});
    const first = new Date("2026-12-03T10:00:00.125Z");
    await writeHeartbeat({ workerId: "w-1", queue: "in-process" }, 0, first);
    expect(await db.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "w-1" } })).toMatchObject({
      queue: "in-process", pid: process.pid, startedAt: first, heartbeatAt: first, activeRuns: 0,
    });

    const later = new Date(first.getTime() + 5_000);
    await writeHeartbeat({ workerId: "w-1", queue: "pg-boss" }, 3, later);
    expect(await db.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "w-1" } })).toMatchObject({
      queue: "pg-boss", startedAt: first, heartbeatAt: later, activeRuns: 3,
    });
    expect(await db.workerHeartbeat.count()).toBe(1);

    await writeHeartbeat({ workerId: "w-2", queue: "in-process" }, 1, new Date(later.getTime() + 3_600_000 - 1));
    await pruneHeartbeats(new Date(later.getTime() + 3_600_000 + 1));
    expect((await db.workerHeartbeat.findMany()).map((r) => r.workerId)).toEqual(["w-2"]);
  });

  it("reports the runs this worker holds", async () => {
    await db.probeRun.deleteMany({});
    await probeRun({ status: "running", leaseOwner: "w-held", heartbeatAt: new Date() });
    await probeRun({ status: "running", leaseOwner: "w-held", heartbeatAt: new Date() });
    await probeRun({ status: "running", leaseOwner: "w-other", heartbeatAt: new Date() });
    await probeRun({ status: "completed", leaseOwner: "w-held" });
    expect(await heldRuns("w-held")).toBe(2);
    expect(await heldRuns("w-none")).toBe(0);
  });
});
