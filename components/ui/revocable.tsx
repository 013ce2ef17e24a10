"use client";
import type { Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/time-ago";

// Pieces shared by things that are created, may expire and can be revoked for
// good (share links, API tokens): the state colours, the lifetime line, and the
// revoke button with its confirm step.

export type RevocableState = "active" | "expired" | "revoked";
export const REVOCABLE_STATE_TONE: Record<RevocableState, Tone> = { active: "green", expired: "slate", revoked: "rose" };

export function RevokeButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="sm" variant="ghost" className="ml-auto h-7 text-rose-700 hover:bg-rose-50 hover:text-rose-800" onClick={onClick}>
      Revoke
    </Button>
  );
}

/** "Created by Ada 2 days ago · expires in 5 days" (or revoked / expired / never expires). */
export function Lifetime({ item }: { item: { createdBy: string; createdAt: string; state: RevocableState; revokedAt: string | null; revokedBy?: string | null; expiresAt: string | null } }) {
  return (
    <>
      Created by {item.createdBy} <TimeAgo iso={item.createdAt} />
      {" · "}
      {item.state === "revoked" && item.revokedAt ? (
        <>revoked{item.revokedBy ? ` by ${item.revokedBy}` : ""} <TimeAgo iso={item.revokedAt} /></>
      ) : item.expiresAt ? (
        <>{item.state === "expired" ? "expired" : "expires"} <TimeAgo iso={item.expiresAt} /></>
      ) : (
        "never expires"
      )}
    </>
  );
}

export function ConfirmRevoke({
  message, confirmLabel, busy, onCancel, onConfirm,
}: { message: string; confirmLabel: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2" role="group" aria-label="Confirm revoke">
      <span className="text-xs text-rose-900">{message}</span>
      <div className="ml-auto flex gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={busy}>Cancel</Button>
        <Button size="sm" variant="danger" disabled={busy} onClick={onConfirm}>{busy ? "Revoking…" : confirmLabel}</Button>
      </div>
    </div>
  );
}
