"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { ApiError } from "@/lib/query/api";
import { useInvitationByToken, useRespondByToken } from "@/lib/query/invitation-hooks";
import { ROLE_HELP } from "@/lib/schemas/workspace";

// The signed-in side of /invite/{token}: what the invitation is, and the
// answer — only for the account whose email it was sent to.

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : "Something went wrong; please try again");

const CLOSED = {
  accepted: "This invitation was accepted.",
  declined: "This invitation was declined.",
  revoked: "This invitation was withdrawn by the workspace's owners.",
  expired: "This invitation has expired. Ask an owner of the workspace to invite you again.",
} as const;

export function InviteResponse({ token, signedInAs }: { token: string; signedInAs: string }) {
  const router = useRouter();
  const invitation = useInvitationByToken(token);
  const { accept, decline } = useRespondByToken(token);

  if (invitation.isPending) return <div className="h-40 animate-pulse rounded-lg bg-slate-100" aria-busy="true" role="status" aria-label="Loading the invitation" />;
  if (invitation.isError) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold tracking-tight">Invitation not found</h1>
        <p className="text-sm text-slate-600">This link does not match an invitation. Check that you copied all of it, or ask for a new one.</p>
        <Link href="/" className="text-sm font-medium text-brand-700 hover:underline">Go to your workspaces</Link>
      </div>
    );
  }
  const i = invitation.data;
  const busy = accept.isPending || decline.isPending;
  return (
    <div className="space-y-4" data-testid="invite-card">
      <h1 className="text-xl font-semibold tracking-tight">Join {i.workspaceName}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-slate-600">Invited by</dt><dd className="font-medium text-slate-900">{i.invitedBy}</dd>
        <dt className="text-slate-600">Role</dt><dd><Badge tone="brand">{i.role}</Badge> <span className="text-slate-600">{ROLE_HELP[i.role]}</span></dd>
        <dt className="text-slate-600">Sent to</dt><dd className="break-all text-slate-900">{i.email}</dd>
      </dl>
      {i.state !== "pending" ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200" role="status">
          {CLOSED[i.state]} {i.state === "accepted" && i.forYou ? <Link href={`/w/${i.workspaceId}`} className="font-medium text-brand-700 hover:underline">Open the workspace</Link> : null}
        </p>
      ) : !i.forYou ? (
        <div className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" role="alert">
          <p>This invitation was sent to <span className="font-medium">{i.email}</span>, but you are signed in as <span className="font-medium">{signedInAs}</span>. Only the invited address can accept it.</p>
          <Button size="sm" variant="secondary" onClick={async () => { await authClient.signOut(); window.location.assign(`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`); }}>
            Sign in with another account
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" disabled={busy} onClick={() => accept.mutate(undefined, { onSuccess: (r) => router.push(`/w/${r.workspaceId}`) })}>
            {accept.isPending ? "Joining…" : `Accept and join`}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => decline.mutate()}>Decline</Button>
        </div>
      )}
      {accept.error || decline.error ? <p className="text-sm text-rose-700" role="alert">{messageOf(accept.error ?? decline.error)}</p> : null}
    </div>
  );
}
