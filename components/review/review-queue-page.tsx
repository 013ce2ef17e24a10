"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { Markdown } from "@/components/review/markdown";
import { MentionCard, OlderMentions } from "@/components/review/queue-mentions";
import { useReviewQueue } from "@/lib/query/review-hooks";
import type { PanelReviewRequest, ReviewRequest } from "@/lib/schemas/review";

// What awaits me (review requests, open threads that mention me) and what I
// asked others for, with their answers.

const STATUS_TONE = { open: "sky", approved: "green", changes_requested: "amber", withdrawn: "slate" } as const;

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">{title} <Badge tone={count ? "brand" : "slate"}>{count}</Badge></h2>
      {count === 0 ? <p className="rounded-lg border border-dashed border-slate-200 px-4 py-5 text-sm text-slate-500">{empty}</p> : <div className="space-y-2">{children}</div>}
    </section>
  );
}

/** A request in the queue, of a persona version (to its version page) or of a panel version (issue 13 §1: to the panel's review section). */
function RequestRow({ ws, r, mine }: { ws: string; r: ReviewRequest | PanelReviewRequest; mine: boolean }) {
  const panel = "panelId" in r;
  return (
    <Card className="px-4 py-3">
      <Link href={panel ? `/w/${ws}/panels/${r.panelId}#review` : `/w/${ws}/personas/${r.personaId}/versions/${r.version}`}
        className="group flex flex-wrap items-center gap-x-3 gap-y-1" data-testid={panel ? "queue-panel-request" : "queue-request"}>
        <span className="font-medium text-slate-900 group-hover:text-brand-700">{panel ? r.panelName : r.personaName}</span>
        {panel ? <Badge tone="slate">panel</Badge> : null}
        <Badge tone="brand">v{r.version}</Badge>
        <Badge tone={STATUS_TONE[r.status]}>{r.status.replace("_", " ")}</Badge>
        <span className="text-xs text-slate-500">
          {mine ? <>asked {r.reviewer.name}</> : <>from {r.requestedBy.name}</>} · <TimeAgo iso={r.createdAt} />
          {r.decidedAt ? <> · decided <TimeAgo iso={r.decidedAt} /></> : null}
        </span>
      </Link>
      {/* The request's note is Markdown written by a member: rendered safely, outside the link. */}
      {r.message ? <Markdown source={r.message} className="mt-1.5 text-slate-700" /> : null}
    </Card>
  );
}

export function ReviewQueuePage({ workspaceId }: { workspaceId: string }) {
  const queue = useReviewQueue(workspaceId);
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-8 sm:py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Reviews</h1>
      <p className="mt-1 text-sm text-slate-600">Versions waiting for your decision, threads that mention you, and the reviews you asked for.</p>
      {queue.isPending ? <div className="mt-6 h-64 animate-pulse rounded-xl bg-slate-100" /> : null}
      {queue.isError ? <p className="mt-6 text-sm text-rose-700">Could not load the queue: {queue.error.message}</p> : null}
      {queue.data ? (
        <div className="mt-6 space-y-8">
          <Section title="Awaiting your review" count={queue.data.awaitingMe.length + queue.data.panelAwaitingMe.length} empty="Nothing waits for your review.">
            {queue.data.awaitingMe.map((r) => <RequestRow key={r.id} ws={workspaceId} r={r} mine={false} />)}
            {queue.data.panelAwaitingMe.map((r) => <RequestRow key={r.id} ws={workspaceId} r={r} mine={false} />)}
          </Section>
          <Section title="Mentions" count={queue.data.mentionsTotal} empty="No open thread mentions you.">
            {queue.data.mentions.map((m) => <MentionCard key={m.threadId} ws={workspaceId} m={m} />)}
            <OlderMentions ws={workspaceId} cursor={queue.data.mentionsNextCursor} listed={queue.data.mentions} total={queue.data.mentionsTotal} />
          </Section>
          <Section title="You asked for" count={queue.data.requestedByMe.length + queue.data.panelRequestedByMe.length} empty="You have no open review requests.">
            {queue.data.requestedByMe.map((r) => <RequestRow key={r.id} ws={workspaceId} r={r} mine />)}
            {queue.data.panelRequestedByMe.map((r) => <RequestRow key={r.id} ws={workspaceId} r={r} mine />)}
          </Section>
        </div>
      ) : null}
    </div>
  );
}
