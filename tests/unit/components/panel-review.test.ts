import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApprovalGate, PanelDecisionDialog } from "@/components/panels/panel-review-dialogs";
import type { PanelVersionReview } from "@/lib/schemas/panel-review";

// The approve dialog of a panel version lists the open panel flags of its
// latest final panel probe in plain words, and under the block policy says
// approval is refused (and offers no enabled Approve button).

const COSTUME = "Ada and Bo land the same on every trait (within ±5): a costume change.";
const state = (over: Partial<PanelVersionReview> = {}): PanelVersionReview => ({
  version: 2, latestVersion: 2, status: "in_review", policy: "warn",
  report: { runId: "r1", finishedAt: "2026-12-01T00:00:00Z", pinned: true, openFlags: 1, flags: [{ kind: "costume", arm: "active", members: ["ada", "bo"], message: COSTUME }] },
  warnings: [`v2's latest final panel probe has 1 open flag: ${COSTUME}`], blockers: [], requests: [], decisions: [], ...over,
});
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/&#x27;/g, "'");

function dialog(s: PanelVersionReview) {
  const client = new QueryClient();
  client.setQueryData(["review", "ws", "panel", "p1", "reviews", 2], s);
  const wrap = (node: ReactNode) => createElement(QueryClientProvider, { client }, node);
  return text(renderToStaticMarkup(wrap(createElement(PanelDecisionDialog, { decision: "approve", version: 2, onClose: () => {}, workspaceId: "ws", panelId: "p1" }))));
}

describe("panel approve dialog", () => {
  it("lists the probe's open flags in words and lets a warn-policy reviewer approve anyway", () => {
    const html = dialog(state());
    expect(html).toContain("Latest final panel probe of v2: <strong>1 open flag</strong>");
    expect(html).toContain(`<li>${COSTUME}</li>`);
    expect(html).toContain("Worth a second look before approving");
    expect(html).toMatch(/<button(?![^>]*disabled="")[^>]*>Approve anyway<\/button>/);
  });

  it("under the block policy says approval is refused and disables Approve", () => {
    const html = dialog(state({ policy: "block", warnings: [], blockers: [`v2's latest final panel probe has 1 open flag: ${COSTUME}`] }));
    expect(html).toContain("only approves panel versions with a clean final panel probe");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Approve<\/button>/);
  });

  it("says so when no final probe exists, and when the probe was not pinned to the version", () => {
    expect(text(renderToStaticMarkup(createElement(ApprovalGate, { state: state({ report: null, warnings: [] }) })))).toContain("No final panel probe of this version yet");
    const unpinned = text(renderToStaticMarkup(createElement(ApprovalGate, { state: state({ report: { ...state().report!, pinned: false, openFlags: 0, flags: [] }, warnings: [] }) })));
    expect(unpinned).toContain("none was pinned to this version");
    expect(unpinned).toContain("no open flags");
  });
});
