"use client";
import { useState } from "react";
import { CopyButton } from "@/components/share/copy-button";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { FormError, fieldError } from "@/components/workspace/form-errors";
import { RoleBadge } from "@/components/workspace/role-badge";
import { ApiError } from "@/lib/query/api";
import { useInvitationMutations, useInvitations } from "@/lib/query/invitation-hooks";
import type { InviteResult } from "@/lib/schemas/invitation";
import { ROLES, type Role } from "@/lib/schemas/workspace";

// Owners invite by email; the person joins only when they accept. The answer
// is the same for every address, so the form never tells who has an account.

export function InviteMemberForm({ workspaceId }: { workspaceId: string }) {
  const toast = useToast();
  const { invite, revoke } = useInvitationMutations(workspaceId);
  const pending = useInvitations(workspaceId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [sent, setSent] = useState<InviteResult | null>(null);
  const clearError = () => { if (invite.error) invite.reset(); };

  return (
    <Section title="Invite people" description="They get an invitation by mail (when the studio can send mail) and in their inbox when they sign in with that address. Nobody joins until they accept.">
      <form
        noValidate
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate({ email: email.trim(), role }, {
            onSuccess: (result) => { setSent(result); toast(result.message); setEmail(""); },
          });
        }}
      >
        <div className="flex flex-wrap items-start gap-3">
          <Field label="Email" htmlFor="invite-email" error={fieldError(invite.error, "email")} className="min-w-0 flex-1 basis-56">
            <Input
              id="invite-email" type="email" autoComplete="off" placeholder="name@company.com" value={email}
              aria-invalid={fieldError(invite.error, "email") ? true : undefined}
              onChange={(e) => { setEmail(e.target.value); clearError(); setSent(null); }}
            />
          </Field>
          <Field label="Role" htmlFor="invite-role" error={fieldError(invite.error, "role")} className="w-36">
            <Select id="invite-role" value={role} onChange={(e) => { setRole(e.target.value as Role); clearError(); }}>
              {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
            </Select>
          </Field>
          {/* Spacer matches the label height so the button lines up with the controls. */}
          <div className="space-y-1.5">
            <span aria-hidden className="block text-sm leading-5">&nbsp;</span>
            <Button type="submit" variant="primary" disabled={!email.trim() || invite.isPending}>
              {invite.isPending ? "Sending…" : "Send invitation"}
            </Button>
          </div>
        </div>
        <FormError error={invite.error} fields={["email", "role"]} />
        {sent ? (
          <div role="status" className="flex flex-wrap items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200" data-testid="invite-sent">
            <span className="min-w-0 flex-1 break-words">{sent.message}. You can also pass on the link yourself; it works for the invited address only.</span>
            <CopyButton text={sent.link} label="Copy invite link" />
          </div>
        ) : null}
      </form>

      <div className="mt-5">
        <h3 className="text-sm font-semibold text-slate-900">Pending invitations</h3>
        {pending.isPending ? (
          <div className="mt-2 h-9 animate-pulse rounded-md bg-slate-100" aria-busy="true" role="status" aria-label="Loading invitations" />
        ) : pending.isError ? (
          <p className="mt-2 text-sm text-rose-700" role="alert">Could not load invitations: {pending.error.message}</p>
        ) : pending.data.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No invitation is waiting for an answer.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Pending invitations">
            {pending.data.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="pending-invitation">
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900" title={i.email}>{i.email}</span>
                <RoleBadge role={i.role} />
                <span className="text-xs text-slate-600">by {i.invitedBy} · <TimeAgo iso={i.createdAt} /></span>
                <Button
                  size="sm" variant="secondary" aria-label={`Withdraw the invitation to ${i.email}`}
                  disabled={revoke.isPending && revoke.variables === i.id}
                  onClick={() => revoke.mutate(i.id, {
                    onSuccess: () => toast(`Invitation to ${i.email} withdrawn`),
                    onError: (e) => toast(e instanceof ApiError ? e.message : "Something went wrong; please try again", "error"),
                  })}
                >
                  Withdraw
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
