import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OlderMentions } from "@/components/review/queue-mentions";
import { reviewKeys } from "@/lib/query/review-hooks";
import type { MentionItem } from "@/lib/schemas/review";

// The review queue's mentions past its first page: how many are left, "Show
// older mentions", and the older pages once loaded — a thread that moved up into
// the first page since is shown once; a panel's thread links to the panel.

const item = (threadId: string, over: Partial<MentionItem> = {}): MentionItem => ({
  threadId, commentId: threadId, personaId: "p1", personaName: "Nurse Ada", panel: null,
  anchor: { kind: "version", key: "", label: "v2", version: 2 }, excerpt: `about ${threadId}`,
  author: { id: "u2", name: "Rita" }, createdAt: "2026-12-01T00:00:00.000Z", ...over,
});
const text = (html: string) => html.replace(/<!-- -->/g, "");

function render(props: { cursor: string | null; listed: MentionItem[]; total: number }, older?: MentionItem[]) {
  const client = new QueryClient();
  if (older && props.cursor) client.setQueryData(reviewKeys.olderMentions("ws", props.cursor), { pages: [{ items: older, nextCursor: null }], pageParams: [props.cursor] });
  return text(renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(OlderMentions, { ws: "ws", ...props }))));
}

describe("older mentions in the review queue", () => {
  it("says nothing when the queue holds every mentioned thread", () => {
    expect(render({ cursor: null, listed: [item("t1")], total: 1 })).toBe("");
  });

  it("says how many are not shown and offers the next page", () => {
    const html = render({ cursor: "c1", listed: [item("t1"), item("t2")], total: 5 });
    expect(html).toContain("Showing the 2 newest of 5");
    expect(html).toMatch(/<button[^>]*>Show older mentions \(3 more\)<\/button>/);
    expect(html).not.toContain('data-testid="queue-mention"');
  });

  it("shows the older pages once loaded, each thread once, and no button when none is left", () => {
    const panel = item("t5", { panel: { id: "k1", name: "Board" }, personaName: "Bo" });
    const html = render({ cursor: "c1", listed: [item("t1"), item("t2")], total: 5 }, [item("t2"), item("t3"), item("t4"), panel]);
    expect(html.match(/data-testid="queue-mention"/g)).toHaveLength(3);
    expect(html).not.toContain("about t2");
    expect(html).toContain('href="/w/ws/personas/p1/versions/2"');
    expect(html).toContain('href="/w/ws/panels/k1#panel-sessions"');
    expect(html).toContain("Board · Bo's answer".replace("'", "&#x27;"));
    expect(html).not.toContain("Show older mentions");
  });
});
