import { describe, expect, it } from "vitest";
import { shareDescription } from "@/components/share/share-description";
import type { ShareBundle } from "@/lib/schemas/share";

// The share page's description counts open flags only, as the report's counts line does: flags acknowledged as
// expected for the persona and leaks that came with the character type are named apart, never as flags.

type Flag = NonNullable<ShareBundle["report"]>["report"]["flags"][number];
const flag = (id: string, extra: Partial<Flag> = {}): Flag => ({
  id, kind: "leakage", traits: [id.split(":")[1]], severity: "warn", title: id, explanation: "", evidence: {}, ...extra,
});
const bundle = (flags: Flag[] | null) => ({
  persona: { name: "Dana", archetype: "A refund desk agent" },
  compiledPrompt: "You are Dana.",
  version: { number: 3 },
  report: flags === null ? null : { report: { flags } },
}) as unknown as ShareBundle;

describe("share description", () => {
  it("counts open flags only and names acknowledged ones and those that came with the character type apart", () => {
    const flags = [
      flag("miss:firm", { kind: "miss", severity: "alert" }),
      flag("leakage:patient", { expected: { with: ["empathetic"], reason: "" } }),
      flag("leakage:warm", { acknowledged: { id: "a1", reason: "A support agent is warm" } }),
      flag("leakage:diplomatic", { acknowledged: { id: "a2", reason: "Diplomatic too" } }),
    ];
    expect(shareDescription(bundle(flags))).toBe("A refund desk agent · v3 · Measured: 1 open flag, 1 came with the character type, 2 acknowledged");
  });

  it("says 'no open flags' when every flag is acknowledged, and when nothing was measured, says so", () => {
    expect(shareDescription(bundle([flag("leakage:warm", { acknowledged: { id: "a1", reason: "Fine" } })]))).toBe("A refund desk agent · v3 · Measured: no open flags, 1 acknowledged");
    expect(shareDescription(bundle([]))).toBe("A refund desk agent · v3 · Measured: no open flags");
    expect(shareDescription(bundle(null))).toBe("A refund desk agent · v3 · No probe report yet");
  });
});
