import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { AcknowledgementsList } from "@/components/probes/acknowledgements-list";
import { FlagAckScopeProvider, type FlagAckScope } from "@/components/probes/flag-ack-scope";
import {
  ackDirection, describeAcknowledgement, directionSentence, flagTraitName, openCountLine, prefillReason, reasonProblem,
  reviewFlagsLine, splitFlags, type AckableFlag,
} from "@/components/probes/flag-acknowledgement";
import { FlagsPanel } from "@/components/probes/flags-panel";
import { DecisionDialog } from "@/components/review/review-dialogs";
import { ReviewPanel } from "@/components/review/review-panel";
import { computeFlags, type FlagTrait } from "@/lib/probing/flags";
import { tQuantile, twoSidedP } from "@/lib/probing/methods";
import type { Summary } from "@/lib/probing/stats";
import { ackKeys, refreshAfterAck } from "@/lib/query/acknowledgement-hooks";
import { probeKeys } from "@/lib/query/probe-hooks";
import { reviewKeys } from "@/lib/query/review-hooks";
import { ACK_REASON_MAX } from "@/lib/schemas/acknowledgement";
import type { ReportFlag } from "@/lib/schemas/probe";
import type { VersionReview } from "@/lib/schemas/review";

// "Expected for this persona" (issue 12 §7) in the UI: which way a leak is
// acknowledged, open vs acknowledged flags, the counts, the approval line, and
// the flags panel in the studio (who, when, Undo) and on a share page (reason only).

const S = (mean: number, hw: number): Summary => ({ n: 40, mean, lo: mean - hw, hi: mean + hw, halfWidth: hw });
function row(key: string, mean: number, target?: number): FlagTrait {
  const difference = mean - 50, shiftHw = 4, se = shiftHw / tQuantile(0.975, 39);
  return {
    key, ...(target === undefined ? {} : { target }), landing: S(mean, 3), baseline: S(50, 3),
    shift: { difference, lo: difference - shiftHw, hi: difference + shiftHw, halfWidth: shiftHw, excludesZero: Math.abs(difference) > shiftHw, nLanding: 40, nBaseline: 40, nItems: 40, pValue: twoSidedP(difference, se, 39), se, df: 39 },
  };
}

// The support agent of issue 12: empathetic lands, firm misses (a tension with empathetic), warm/patient/diplomatic
// rise with empathetic (came with the character type), contrarian rises on its own, formal falls.
const flags = computeFlags({
  traits: [row("empathetic", 84, 85), row("firm", 53, 80), row("warm", 80), row("patient", 80), row("diplomatic", 74), row("contrarian", 76), row("formal", 22)],
  correlations: { keys: [], r: [], n: [] },
}) as unknown as ReportFlag[];
const byId = (id: string) => flags.find((f) => f.id === id)!;
const ack = (reason: string, id = "a1") => ({ id, reason, by: "Dana Designer", at: "2026-12-01T21:00:00.000Z" });
const SUPPORT = "expected for a support agent";
/** The report as served once warm, patient and diplomatic are acknowledged on the persona. */
const served: AckableFlag[] = flags.map((f) => (["leakage:warm", "leakage:patient", "leakage:diplomatic"].includes(f.id) ? { ...f, acknowledged: ack(SUPPORT, `a-${f.id}`) } : f));

describe("acknowledging a flag: the words", () => {
  it("acknowledges a leak in the way it moved, every other kind either way", () => {
    expect(ackDirection(byId("leakage:warm"))).toBe("up");
    expect(ackDirection(byId("leakage:formal"))).toBe("down");
    expect(ackDirection(byId("tension:empathetic+firm"))).toBe("");
    expect(ackDirection({ kind: "leakage", evidence: {} })).toBe("");
    expect(ackDirection({ kind: "leakage", evidence: { value: { estimate: 0, lo: -1, hi: 1, level: 0.95 } } })).toBe("");
  });

  it("says which way the form acknowledges, by the trait's name", () => {
    expect(flagTraitName(byId("leakage:warm"))).toBe("Warm");
    expect(flagTraitName(byId("leakage:contrarian"))).toBe("Contrarian");
    expect(directionSentence(byId("leakage:warm"))).toBe("Warm moving up is expected");
    expect(directionSentence(byId("leakage:formal"))).toBe("Formal moving down is expected");
    expect(directionSentence(byId("tension:empathetic+firm"))).toBeNull();
  });

  it("prefills a short reason for a leak that came with the character type, nothing for the rest", () => {
    expect(prefillReason({ ...byId("leakage:warm"), title: "Warm came with the character type: rose with Empathetic" })).toBe("Comes with the character type: rose with Empathetic");
    expect(prefillReason(byId("leakage:contrarian"))).toBe("");
    expect(prefillReason({ expected: { with: [], reason: "x".repeat(900) }, title: `T: ${"y".repeat(900)}` })).toHaveLength(ACK_REASON_MAX);
  });

  it("shortens long reasons in the approval line at a word", () => {
    const long = "The trait library expects Warm to travel with Empathetic, which you targeted up to 80 (“Both turn toward the person”).";
    const line = reviewFlagsLine([{ kind: "leakage", title: "Warm came with the character type: rose with Empathetic", severity: "warn", acknowledged: { reason: long } }]);
    expect(line).toBe("Open flags: none · Acknowledged: 1 (Warm — The trait library expects Warm to travel with Empathetic, which you targeted up…)");
  });

  it("requires a reason of at most 500 characters", () => {
    expect(reasonProblem("  ")).toMatch(/Say why/);
    expect(reasonProblem("x".repeat(ACK_REASON_MAX))).toBeNull();
    expect(reasonProblem("x".repeat(ACK_REASON_MAX + 1))).toMatch(/At most 500/);
  });

  it("words a persona's acknowledgement by its flag id and direction", () => {
    const names = (k: string) => ({ warm: "Warm", firm: "Firm / boundary-setting", empathetic: "Empathetic" })[k] ?? k;
    expect(describeAcknowledgement({ flagId: "leakage:warm", direction: "up" }, names)).toBe("Warm moving up (leakage)");
    expect(describeAcknowledgement({ flagId: "leakage:well_read", direction: "" })).toBe("Well read moving either way (leakage)");
    expect(describeAcknowledgement({ flagId: "miss:firm", direction: "" }, names)).toBe("Firm / boundary-setting misses its target");
    expect(describeAcknowledgement({ flagId: "tension:empathetic+firm", direction: "" }, names)).toBe("Empathetic and Firm / boundary-setting pull against each other");
  });
});

describe("open vs acknowledged", () => {
  it("splits the served flags and counts the open ones only", () => {
    const { open, acknowledged } = splitFlags(served);
    expect(acknowledged.map((f) => f.id)).toEqual(["leakage:warm", "leakage:patient", "leakage:diplomatic"]);
    expect(open.map((f) => f.id)).toEqual(["tension:empathetic+firm", "leakage:contrarian", "leakage:formal"]);
    // Leaks that came with the character type are listed but not open (the verdict line and the gate skip them).
    expect(openCountLine(flags)).toBe("3 open flags: 1 tension, 2 leakage · 3 came with the character type");
    expect(openCountLine(served)).toBe("3 open flags: 1 tension, 2 leakage · 3 acknowledged");
    expect(openCountLine(served.filter((f) => f.kind === "leakage" && f.expected))).toBe("No open flags · 3 acknowledged");
    expect(openCountLine(served.map((f) => ({ ...f, acknowledged: ack("fine") })))).toBe("No open flags · 6 acknowledged");
  });

  it("sums the latest report up for the approval dialog, acknowledged flags grouped by reason", () => {
    const line = reviewFlagsLine([
      { kind: "miss", title: "Firm misses its target", severity: "alert", traits: ["firm"] },
      ...served.filter((f) => f.acknowledged),
    ]);
    expect(line).toBe("Open flags: 1 alert (Firm misses its target) · Acknowledged: 3 (Warm, Patient, Diplomatic — expected for a support agent)");
    // The review state's short flags (no traits) and two reasons.
    expect(reviewFlagsLine([
      { kind: "leakage", title: "Contrarian rose without being asked for", severity: "warn" },
      { kind: "leakage", title: "Warm came with the character type: rose with Empathetic", severity: "warn", acknowledged: { reason: "support agent" } },
      { kind: "miss", title: "Firm misses its target", severity: "warn", acknowledged: { reason: "firmness comes later" } },
    ])).toBe("Open flags: 1 warning (Contrarian) · Acknowledged: 2 (Warm — support agent; Firm misses its target — firmness comes later)");
    expect(reviewFlagsLine([])).toBe("Open flags: none");
    // Before anything is acknowledged: leaks that came with the character type are named apart, not as open.
    expect(reviewFlagsLine(flags)).toBe("Open flags: 3 alerts (Empathetic wins over Firm / boundary-setting, Contrarian, Formal) · Came with the character type: 3 (Warm, Patient, Diplomatic)");
    expect(reviewFlagsLine([{ kind: "leakage", title: "Warm came with the character type: rose with Empathetic", severity: "warn", expected: true }]))
      .toBe("Open flags: none · Came with the character type: 1 (Warm)");
  });
});

describe("the flags panel", () => {
  const render = (scope: FlagAckScope | null, list: AckableFlag[] = served) => {
    const panel = createElement(FlagsPanel, { flags: list, final: true, tolerance: 10, shiftOf: () => "", onShowAnswers: () => {}, onPlotPair: () => {} });
    const scoped: ReactNode = scope ? createElement(FlagAckScopeProvider, { value: scope }, panel) : panel;
    return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, scoped));
  };
  const studio = (canEdit: boolean): FlagAckScope => ({ audience: "studio", workspaceId: "w1", personaId: "p1", canEdit });

  it("counts open flags only and lists the acknowledged ones in their own group with reason, who and when (studio)", () => {
    const html = render(studio(true));
    expect(html).toContain("<b class=\"text-slate-900\">3 open flags</b>: 1 tension, 2 leakage · 3 acknowledged.");
    expect(html).toContain("Acknowledged (3)");
    const group = html.slice(html.indexOf("data-testid=\"flags-acknowledged\""));
    expect(group).toContain("Warm came with the character type");
    expect(group).toContain(`Expected for this persona:</span> ${SUPPORT}`);
    expect(group).toContain("by Dana Designer");
    expect(group).toContain(">Undo</button>");
    // The leak groups hold the open leaks only: the "came with the character type" group is gone.
    expect(html).not.toContain("data-testid=\"leaks-came\"");
    expect(html).toContain("data-testid=\"leaks-moved\"");
    // Every open flag offers "Expected for this persona" to an editor; acknowledged ones do not.
    expect(html.split(">Expected for this persona</button>").length - 1).toBe(3);
  });

  it("offers no actions to a viewer", () => {
    const html = render(studio(false));
    expect(html).not.toContain(">Expected for this persona</button>");
    expect(html).not.toContain(">Undo</button>");
    expect(html).toContain("by Dana Designer");
  });

  it("on a share page shows the reason, never who acknowledged it, and no actions", () => {
    for (const html of [render({ audience: "public" }), render(null)]) {
      expect(html).toContain(`Expected for this persona:</span> ${SUPPORT}`);
      expect(html).not.toContain("Dana Designer");
      expect(html).not.toContain(">Undo</button>");
      expect(html).not.toContain(">Expected for this persona</button>");
    }
  });

  it("says there are no open flags when every flag is acknowledged", () => {
    const html = render(studio(true), served.filter((f) => f.acknowledged));
    expect(html).toContain("No open flags:</b> 3 acknowledged as expected for this persona.");
    expect(html).toContain("Acknowledged (3)");
    expect(html).not.toContain("flag-counts");
  });
});

describe("the review box and the approval gate", () => {
  const review = {
    version: 3, latestVersion: 3, status: "in_review", approvedVersion: null, policy: "warn",
    // As the review state serves them: the short form, `expected` as a boolean, `acknowledged` with the reason.
    report: {
      runId: "r1", model: "persona-sim-1", simulated: true, finishedAt: null,
      flags: served.map(({ id, kind, title, severity, expected, acknowledged }) => ({ id, kind, title, severity, ...(expected ? { expected: true } : {}), ...(acknowledged ? { acknowledged } : {}) })),
    },
    warnings: [], blockers: [], requests: [], decisions: [],
  } as unknown as VersionReview;

  it("lists acknowledged flags apart, with their reasons, never as open", () => {
    const client = new QueryClient();
    client.setQueryData(reviewKeys.versionReview("w1", "p1", 3), review);
    const html = renderToStaticMarkup(createElement(QueryClientProvider, { client },
      createElement(ReviewPanel, { workspaceId: "w1", personaId: "p1", version: 3, role: "reviewer", archived: false })));
    const open = html.slice(html.indexOf("aria-label=\"Open flags\""), html.indexOf("data-testid=\"review-acknowledged\""));
    expect(open).toContain("Contrarian rose without being asked for");
    expect(open).not.toContain("Warm came with");
    const acked = html.slice(html.indexOf("data-testid=\"review-acknowledged\""));
    expect(acked).toContain("Acknowledged as expected for this persona (3)");
    expect(acked).toContain(`Warm came with the character type: rose with Empathetic</span> <span class="text-slate-500">— ${SUPPORT}`);
    expect(html).not.toContain("data-testid=\"review-came\"");
  });

  it("names leaks that came with the character type apart from the open flags", () => {
    const client = new QueryClient();
    const state = { ...review, report: { ...review.report!, flags: flags.map(({ id, kind, title, severity, expected }) => ({ id, kind, title, severity, ...(expected ? { expected: true } : {}) })) } };
    client.setQueryData(reviewKeys.versionReview("w1", "p1", 3), state);
    const html = renderToStaticMarkup(createElement(QueryClientProvider, { client },
      createElement(ReviewPanel, { workspaceId: "w1", personaId: "p1", version: 3, role: "reviewer", archived: false })));
    expect(html).toContain("Came with the character type (3):</span> Warm, Patient, Diplomatic");
    expect(html).not.toContain("review-acknowledged");
    expect(html.slice(html.indexOf("aria-label=\"Open flags\""))).not.toMatch(/<span class="pt-0.5">Warm came/);
  });

  it("sums the flags up in the approve dialog", () => {
    const html = renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() },
      createElement(DecisionDialog, { decision: "approve", onClose: () => {}, workspaceId: "w1", personaId: "p1", review, flags: served })));
    expect(html).toContain(`Open flags: 3 alerts (Empathetic wins over Firm / boundary-setting, Contrarian, Formal)`);
    expect(html).toContain(`Acknowledged: 3 (Warm, Patient, Diplomatic — ${SUPPORT})`);
  });
});

describe("after acknowledging or undoing", () => {
  it("refetches the persona's list, every run report and the run history, and the review state — not the answers", () => {
    const qc = new QueryClient();
    const seeded = {
      acks: ackKeys.list("w1", "p1"), report: probeKeys.run("w1", "r1"), reportByMethod: probeKeys.run("w1", "r1", "2026-11"),
      runs: probeKeys.runs("w1", "p1"), review: reviewKeys.versionReview("w1", "p1", 3),
      answers: probeKeys.answers("w1", "r1", { ids: ["a1"] }), otherWorkspace: probeKeys.run("w2", "r9"),
    };
    for (const key of Object.values(seeded)) qc.setQueryData(key, {});
    refreshAfterAck(qc, "w1", "p1");
    const stale = Object.fromEntries(Object.entries(seeded).map(([name, key]) => [name, qc.getQueryState(key)!.isInvalidated]));
    expect(stale).toEqual({ acks: true, report: true, reportByMethod: true, runs: true, review: true, answers: false, otherWorkspace: false });
  });
});

describe("the persona's acknowledged list", () => {
  it("words each acknowledgement with its reason, who and when; editors can remove", () => {
    const qc = new QueryClient();
    qc.setQueryData(ackKeys.list("w1", "p1"), [{ id: "a1", flagId: "leakage:warm", direction: "up", reason: SUPPORT, by: "Dana Designer", at: "2026-12-01T21:00:00.000Z" }]);
    qc.setQueryData(["traits"], { version: "1", traits: [{ key: "warm", name: "Warm" }], relations: [] });
    const html = (canEdit: boolean) => renderToStaticMarkup(createElement(QueryClientProvider, { client: qc },
      createElement(AcknowledgementsList, { workspaceId: "w1", personaId: "p1", canEdit })));
    expect(html(true)).toContain("Acknowledged for this persona (1)");
    expect(html(true)).toContain("Warm moving up (leakage)");
    expect(html(true)).toContain(SUPPORT);
    expect(html(true)).toContain("by Dana Designer");
    expect(html(true)).toContain(">Remove</button>");
    expect(html(false)).not.toContain(">Remove</button>");
    qc.setQueryData(ackKeys.list("w1", "p1"), []);
    expect(html(true)).toBe("");
  });
});
