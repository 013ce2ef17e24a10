"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { AnchorChip } from "@/components/review/comment-thread";
import { useOlderMentions } from "@/lib/query/review-hooks";
import type { MentionItem } from "@/lib/schemas/review";

// The review queue's open threads that mention you: the queue carries the newest
// page and how many there are in all (the heading's and the nav's count); the
// older ones come a page at a time with "Show older mentions", so on a busy
// workspace nothing drops off the end unseen.

/** One thread that mentions you, linked to where it is (a panel's threads open the panel). */
export function MentionCard({ ws, m }: { ws: string; m: MentionItem }) {
  return (
    <Card className="px-4 py-3">
      <Link
        href={m.panel ? `/w/${ws}/panels/${m.panel.id}#panel-sessions` : `/w/${ws}/personas/${m.personaId}${m.anchor.version ? `/versions/${m.anchor.version}` : ""}`}
        className="group block space-y-1" data-testid="queue-mention"
      >
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900 group-hover:text-brand-700">{m.panel ? `${m.panel.name} · ${m.personaName}'s answer` : m.personaName}</span>
          <AnchorChip anchor={m.anchor} />
          <span className="text-xs text-slate-500">{m.author.name} · <TimeAgo iso={m.createdAt} /></span>
        </div>
        <p className="line-clamp-2 text-sm text-slate-600">{m.excerpt}</p>
      </Link>
    </Card>
  );
}

/** "Show older mentions (N more)": the pages after the queue's first, from its cursor. */
export function OlderMentions({ ws, cursor, listed, total }: { ws: string; cursor: string | null; listed: MentionItem[]; total: number }) {
  const [asked, setAsked] = useState(false);
  const older = useOlderMentions(ws, cursor, asked);
  if (!cursor) return null;
  // A thread mentioned again since the queue loaded moves up into its first page: shown once.
  const seen = new Set(listed.map((m) => m.threadId));
  const shown = (older.data ?? []).filter((m) => !seen.has(m.threadId) && seen.add(m.threadId));
  const left = Math.max(0, total - listed.length - shown.length);
  const more = !asked || older.hasNextPage;
  return (
    <>
      {shown.map((m) => <MentionCard key={m.threadId} ws={ws} m={m} />)}
      {older.isError ? <p className="text-sm text-rose-700" role="alert">Could not load older mentions: {older.error.message}</p> : null}
      {more && left > 0 ? (
        <div className="flex items-center justify-center gap-3 text-xs text-slate-500">
          <span>Showing the {(listed.length + shown.length).toLocaleString("en-US")} newest of {total.toLocaleString("en-US")}</span>
          <Button size="sm" onClick={() => (asked ? void older.fetchNextPage() : setAsked(true))} disabled={older.isFetching}>
            {older.isFetching ? "Loading…" : `Show older mentions (${left.toLocaleString("en-US")} more)`}
          </Button>
        </div>
      ) : null}
    </>
  );
}
