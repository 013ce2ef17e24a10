import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_PREVIEW = "3/60";
});

import { AppError } from "@/lib/errors/app-error";
import { ops } from "@/lib/http/operations";
import { meterCost } from "@/lib/http/rate-limit";
import { db } from "@/tests/factories/db";

// The cost meter's write is one plain upsert (lib/http/rate-limit.ts, RateLimiterDb):
// it must keep rate-limiter-flexible's meaning — every concurrent request counted,
// an expired window restarted — on both databases.

const caller = (id: string) => ({ userId: id, userName: "Rita", email: `${id}@example.test`, workspaceId: "ws-window" });
const row = (id: string) => db.rateLimiterFlexible.findUniqueOrThrow({ where: { key: `cost:preview:member:ws-window:${id}` } });

describe("the cost meter's window", () => {
  it("counts concurrent requests, each of them, and refuses past the limit", async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => meterCost(ops.preview, caller("u-burst"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r.reason as AppError).code).toBe("rate_limited");
    expect((await row("u-burst")).points).toBe(5);
  });

  it("starts a new window once the old one has expired, and keeps an open window's expiry", async () => {
    const first = await meterCost(ops.preview, caller("u-window"));
    expect(first["X-RateLimit-Remaining"]).toBe("2");
    const opened = (await row("u-window")).expire!;
    await meterCost(ops.preview, caller("u-window"));
    expect((await row("u-window")).expire!.getTime()).toBe(opened.getTime()); // incremented, same window
    await meterCost(ops.preview, caller("u-window"));
    await expect(meterCost(ops.preview, caller("u-window"))).rejects.toMatchObject({ code: "rate_limited" });

    await db.rateLimiterFlexible.update({ where: { key: `cost:preview:member:ws-window:u-window` }, data: { expire: new Date(Date.now() - 1000) } });
    const again = await meterCost(ops.preview, caller("u-window"));
    expect(again["X-RateLimit-Remaining"]).toBe("2");
    const restarted = await row("u-window");
    expect(restarted.points).toBe(1);
    expect(restarted.expire!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });
});
