"use client";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ReviewQueue } from "@/lib/schemas/review";

// The review queue lists the newest mentioned threads one by one; the older ones
// are counted where they are (a persona, or a panel), each a link — so on a busy
// workspace nothing falls off the queue unseen, and the count in the heading and
// the nav is every open thread that mentions you.

export function MoreMentions({ ws, listed, more }: { ws: string; listed: number; more: ReviewQueue["moreMentions"] }) {
  if (!more.length) return null;
  const total = more.reduce((n, m) => n + m.threads, 0);
  return (
    <Card className="px-4 py-3" data-testid="queue-more-mentions">
      <p className="text-sm text-slate-700">
        {total} more open {total === 1 ? "thread mentions" : "threads mention"} you, older than the {listed} above — open them where they are:
      </p>
      <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {more.map((m) => (
          <li key={m.panel ? `panel:${m.panel.id}` : `persona:${m.personaId}`}>
            <Link href={m.panel ? `/w/${ws}/panels/${m.panel.id}#panel-sessions` : `/w/${ws}/personas/${m.personaId}`} className="font-medium text-brand-700 hover:underline">
              {m.panel ? m.panel.name : m.personaName}
            </Link>{" "}
            <span className="text-slate-500">· {m.threads} {m.threads === 1 ? "thread" : "threads"}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
