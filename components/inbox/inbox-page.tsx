"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { Markdown } from "@/components/review/markdown";
import { authClient } from "@/lib/auth/client";
import { ApiError } from "@/lib/query/api";
import { useInbox, useInboxMutations } from "@/lib/query/invitation-hooks";
import type { Inbox } from "@/lib/schemas/invitation";

// One inbox across every workspace (issue 16 §7): invitations to my address,
// reviews waiting for me, and notices (mentions, decisions with their reason).

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : "Something went wrong; please try again");

function Section({ title, count, empty, children, actions }: { title: string; count: number; empty: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section className="space-y-2" aria-label={title}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">{title} <Badge tone={count ? "brand" : "slate"}>{count}</Badge></h2>
        {actions}
      </div>
      {count === 0 ? <p className="rounded-lg border border-dashed border-slate-300 px-4 py-5 text-sm text-slate-600">{empty}</p> : <div className="space-y-2">{children}</div>}
    </section>
  );
}

/** Invitations can be answered here once the address is confirmed (when the studio sends mail): a new link on request. */
function ConfirmAddress({ email }: { email: string }) {
  const toast = useToast();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const send = async () => {
    setState("sending");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: window.location.pathname });
    if (error) {
      setState("idle");
      toast(error.message ?? "Could not send the link; please try again", "error");
    } else setState("sent");
  };
  return (
    <div id="confirm-address" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="note">
      <p className="min-w-0 flex-1">
        <span className="font-medium">Confirm your email address to answer invitations here.</span> We mailed a link to {email} when you signed up; the link in an invitation&apos;s own mail works too.
      </p>
      {state === "sent" ? <span className="font-medium">Sent — check your mail.</span> : (
        <Button size="sm" variant="secondary" disabled={state === "sending"} onClick={() => void send()}>Send a new link</Button>
      )}
    </div>
  );
}

function Invitations({ items, confirmed }: { items: Inbox["invitations"]; confirmed: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const { accept, decline } = useInboxMutations();
  return (
    <Section title="Invitations" count={items.length} empty="No invitation is waiting for you.">
      {!confirmed && items.length ? <ConfirmAddress email={items[0].email} /> : null}
      {items.map((i) => {
        const busy = !confirmed || (accept.isPending && accept.variables === i.id) || (decline.isPending && decline.variables === i.id);
        return (
          <Card key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3" data-testid="inbox-invitation">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{i.workspaceName}</p>
              <p className="text-sm text-slate-600">{i.invitedBy} invited you as <Badge tone="brand">{i.role}</Badge> · <TimeAgo iso={i.createdAt} /></p>
            </div>
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => decline.mutate(i.id, {
                onSuccess: () => toast(`Declined the invitation to ${i.workspaceName}`), onError: (e) => toast(messageOf(e), "error"),
              })}>Decline</Button>
              <Button size="sm" variant="primary" disabled={busy} onClick={() => accept.mutate(i.id, {
                onSuccess: (r) => { toast(`You joined ${i.workspaceName}`); router.push(`/w/${r.workspaceId}`); },
                onError: (e) => toast(messageOf(e), "error"),
              })}>Accept</Button>
            </div>
          </Card>
        );
      })}
    </Section>
  );
}

function Reviews({ items, panels }: { items: Inbox["reviewRequests"]; panels: Inbox["panelReviewRequests"] }) {
  return (
    <Section title="Waiting for your review" count={items.length + panels.length} empty="Nothing waits for your review, in any workspace.">
      {panels.map((r) => (
        <Card key={r.id} className="space-y-1.5 px-4 py-3" data-testid="inbox-review">
          <Link href={`/w/${r.workspaceId}/panels/${r.panelId}#review`} className="group flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900 group-hover:text-brand-700">{r.panelName}</span>
            <Badge tone="slate">panel</Badge>
            <Badge tone="brand">v{r.version}</Badge>
            <span className="text-xs text-slate-600">{r.workspaceName} · from {r.requestedBy.name} · <TimeAgo iso={r.createdAt} /></span>
          </Link>
          {r.message ? <Markdown source={r.message} className="text-slate-700" /> : null}
        </Card>
      ))}
      {items.map((r) => (
        <Card key={r.id} className="space-y-1.5 px-4 py-3" data-testid="inbox-review">
          <Link href={`/w/${r.workspaceId}/personas/${r.personaId}/versions/${r.version}`} className="group flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900 group-hover:text-brand-700">{r.personaName}</span>
            <Badge tone="brand">v{r.version}</Badge>
            <span className="text-xs text-slate-600">{r.workspaceName} · from {r.requestedBy.name} · <TimeAgo iso={r.createdAt} /></span>
          </Link>
          {r.message ? <Markdown source={r.message} className="text-slate-700" /> : null}
        </Card>
      ))}
    </Section>
  );
}

const KIND_LABEL = { review_requested: "review", mention: "mention", decision: "decision", invitation: "invitation" } as const;

function Notices({ items }: { items: Inbox["notifications"] }) {
  const { markRead } = useInboxMutations();
  const unread = items.filter((n) => !n.readAt);
  return (
    <Section
      title="Notices" count={unread.length} empty="No notices yet: mentions and review decisions appear here."
      actions={unread.length ? <Button size="sm" variant="ghost" disabled={markRead.isPending} onClick={() => markRead.mutate(undefined)}>Mark all read</Button> : null}
    >
      {items.map((n) => (
        <Card key={n.id} className={n.readAt ? "px-4 py-3 opacity-80" : "border-brand-200 px-4 py-3"} data-testid="inbox-notice">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {n.readAt ? null : <span className="h-2 w-2 rounded-full bg-brand-600" aria-label="Unread" role="img" />}
            <Link href={n.href} className="font-medium text-slate-900 hover:text-brand-700" onClick={() => { if (!n.readAt) markRead.mutate([n.id]); }}>{n.summary}</Link>
            <Badge tone="slate">{KIND_LABEL[n.kind]}</Badge>
            <span className="text-xs text-slate-600"><TimeAgo iso={n.createdAt} /></span>
          </div>
          {n.reason ? <Markdown source={n.reason} className="mt-1.5 border-l-2 border-slate-200 pl-3 text-slate-700" /> : null}
        </Card>
      ))}
    </Section>
  );
}

export function InboxPage() {
  const inbox = useInbox();
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-8 sm:py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
      <p className="mt-1 text-sm text-slate-600">Invitations, reviews waiting for you and notices — from every workspace you belong to.</p>
      {inbox.isPending ? <div className="mt-6 h-64 animate-pulse rounded-xl bg-slate-100" /> : null}
      {inbox.isError ? <p className="mt-6 text-sm text-rose-700" role="alert">Could not load your inbox: {messageOf(inbox.error)}</p> : null}
      {inbox.data ? (
        <div className="mt-6 space-y-8">
          <Invitations items={inbox.data.invitations} confirmed={inbox.data.addressConfirmed} />
          <Reviews items={inbox.data.reviewRequests} panels={inbox.data.panelReviewRequests} />
          <Notices items={inbox.data.notifications} />
        </div>
      ) : null}
    </div>
  );
}
