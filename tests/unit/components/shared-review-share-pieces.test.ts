import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunProgressBar } from "@/components/probes/progress-panel";
import { ReviewerPicker } from "@/components/review/review-dialogs";
import { SharedTopBar } from "@/components/share/shared-chrome";
import { ShareLinkItems, ShareLinkList, ShareLinkRow } from "@/components/share/share-link-list";
import type { PanelShareLink } from "@/lib/schemas/panel-session";
import type { ShareLink } from "@/lib/schemas/share";

// The pieces persona and panel pages share (one component each serves both):
// the reviewer checklist, a share-link row, the progress bar, the share-page top bar.

const text = (html: string) => html.replace(/<!-- -->/g, "");
const withData = (data: [readonly unknown[], unknown][], node: ReactNode) => {
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  return text(renderToStaticMarkup(createElement(QueryClientProvider, { client }, node)));
};
const noRevoke = { isPending: false, mutate: () => {} };
const link = {
  id: "l1", label: "Support leads", includeComments: true, state: "active" as const, expiresAt: null, revokedAt: null, revokedBy: null,
  lastAccessedAt: null, accessCount: 2, createdBy: "Ada", createdAt: "2026-12-01T00:00:00Z",
};

describe("shared review and share pieces", () => {
  it("ReviewerPicker lists the other members who may review, not me and not viewers", () => {
    const member = (userId: string, name: string, role: string) => ({ id: `m-${userId}`, userId, name, email: `${userId}@x.test`, role, createdAt: "2026-12-01T00:00:00Z" });
    const html = withData([
      [["me"], { user: { id: "u1" }, workspaces: [] }],
      [["members", "ws"], [member("u1", "Me Myself", "owner"), member("u2", "Bo", "reviewer"), member("u3", "Cy", "viewer")]],
    ], createElement(ReviewerPicker, { workspaceId: "ws", picked: ["u2"], onChange: () => {} }));
    expect(html).toContain("Bo");
    expect(html).toContain("u2@x.test · reviewer");
    expect(html).not.toContain("Me Myself");
    expect(html).not.toContain("Cy");
    expect(html).toMatch(/checked=""/);
  });

  it("a persona's link row shows its version; a panel's the same row without one", () => {
    const persona: ShareLink = { ...link, personaId: "p1", version: 3 };
    const personaHtml = withData([[["shares", "ws", "persona", "p1"], [persona]]], createElement(ShareLinkList, { workspaceId: "ws", personaId: "p1", canEdit: true }));
    expect(personaHtml).toContain('data-testid="share-link"');
    expect(personaHtml).toContain(">v3<");
    expect(personaHtml).toContain("with comments");
    expect(personaHtml).toContain("opened 2 times");
    expect(personaHtml).toContain("Revoke");

    const panel: PanelShareLink = { ...link, panelId: "pn1" };
    function PanelLinks() {
      const links = useQuery({ queryKey: ["panel-links"], queryFn: async () => [panel] });
      return createElement(ShareLinkItems<PanelShareLink>, { links, children: (l) => createElement(ShareLinkRow, { key: l.id, link: l, canEdit: false, revoke: noRevoke, testId: "panel-share-link" }) });
    }
    const panelHtml = withData([[["panel-links"], [panel]]], createElement(PanelLinks));
    expect(panelHtml).toContain('data-testid="panel-share-link"');
    expect(panelHtml).toContain("Support leads");
    expect(panelHtml).not.toContain(">v3<");
    expect(panelHtml).not.toContain("Revoke");
    expect(withData([[["panel-links"], []]], createElement(PanelLinks))).toContain("No share links yet.");
  });

  it("the progress bar says how far, and turns rose on failure", () => {
    const html = renderToStaticMarkup(createElement(RunProgressBar, { pct: 40, status: "failed", label: "Panel probe progress" }));
    expect(html).toContain('aria-label="Panel probe progress"');
    expect(html).toContain('aria-valuenow="40"');
    expect(html).toContain("bg-rose-500");
    expect(html).toContain("width:40%");
  });

  it("the share-page top bar names who shared it and, when set, says the link expires", () => {
    const html = text(renderToStaticMarkup(createElement(SharedTopBar, { sharedBy: "Ada", sharedAt: "2026-12-01T00:00:00Z", expiresAt: "2026-12-08T00:00:00Z" })));
    expect(html).toContain("shared read-only");
    expect(html).toContain(">Ada</b>");
    expect(html).toContain("link expires");
    expect(text(renderToStaticMarkup(createElement(SharedTopBar, { sharedBy: "Ada", sharedAt: "2026-12-01T00:00:00Z", expiresAt: null })))).not.toContain("link expires");
  });
});
