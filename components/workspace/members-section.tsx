"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/query/api";
import { useMe, useMemberMutations, useMembers } from "@/lib/query/hooks";
import { can, ROLES, type Member, type Role, type Workspace } from "@/lib/schemas/workspace";
import { RemoveMemberDialog } from "@/components/workspace/remove-member-dialog";
import { RoleBadge } from "@/components/workspace/role-badge";

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : "Something went wrong; please try again");

export function MembersSection({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const toast = useToast();
  const meId = useMe().data?.user.id;
  const members = useMembers(workspace.id);
  const { update, remove } = useMemberMutations(workspace.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const owner = can.manageMembers(workspace.role);
  const count = members.data?.length;

  const changeRole = (m: Member, role: Role) =>
    update.mutate(
      { id: m.id, role },
      {
        onSuccess: (updated) => toast(`${updated.name} is now ${updated.role}`),
        onError: (e) => toast(messageOf(e), "error"),
      },
    );

  // The server refuses when the caller is the last owner (409); its message says what to do.
  const leave = (m: Member) =>
    remove.mutate(m.id, {
      onSuccess: () => {
        toast(`You left ${workspace.name}`);
        router.replace("/");
      },
      onError: (e) => toast(messageOf(e), "error"),
    });

  return (
    <Section
      title="Members"
      description={
        owner ? "Change roles or remove people. Changes apply immediately." : "People who can open this workspace. Only owners can change roles."
      }
      actions={count !== undefined ? <span className="text-xs text-slate-500">{count} {count === 1 ? "member" : "members"}</span> : null}
    >
      {members.isPending ? (
        <div className="space-y-2" aria-busy="true" role="status" aria-label="Loading members">
          {[0, 1, 2].map((i) => <div key={i} className="h-9 animate-pulse rounded-md bg-slate-100" />)}
        </div>
      ) : members.isError ? (
        <p className="text-sm text-rose-600" role="alert">Could not load members: {messageOf(members.error)}</p>
      ) : (
        <div className="relative -mx-5 -my-4 overflow-x-auto rounded-b-xl" tabIndex={0} role="region" aria-label="Members table">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-100 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Email</th>
                <th scope="col" className="px-3 py-2 font-medium">Role</th>
                <th scope="col" className="px-3 py-2 font-medium">Added</th>
                <th scope="col" className="px-5 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.data.map((m) => {
                const self = m.userId === meId;
                const busy = (update.isPending && update.variables?.id === m.id) || (remove.isPending && remove.variables === m.id);
                return (
                  <tr key={m.id} className={self ? "bg-slate-50/60" : undefined} data-testid="member-row">
                    <td className="px-5 py-2.5 font-medium text-slate-900">
                      {m.name}
                      {self ? <span className="ml-1.5 font-normal text-slate-500">(you)</span> : null}
                    </td>
                    <td className="max-w-56 truncate px-3 py-2.5 text-slate-600" title={m.email}>{m.email}</td>
                    <td className="px-3 py-2.5">
                      {owner ? (
                        <div className="w-32">
                          <Select
                            aria-label={`Role of ${m.name}`}
                            value={m.role}
                            disabled={busy}
                            onChange={(e) => changeRole(m, e.target.value as Role)}
                          >
                            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                          </Select>
                        </div>
                      ) : (
                        <RoleBadge role={m.role} />
                      )}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2.5 text-slate-500"><TimeAgo iso={m.createdAt} /></td>
                    <td className="px-5 py-2.5 text-right">
                      {self ? (
                        <Button size="sm" variant="ghost" disabled={busy} onClick={() => leave(m)}>
                          Leave workspace
                        </Button>
                      ) : owner ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-label={`Remove ${m.name}`}
                          disabled={busy}
                          onClick={() => setRemoving(m)}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <RemoveMemberDialog
        member={removing}
        workspaceName={workspace.name}
        pending={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={(m) =>
          remove.mutate(m.id, {
            onSuccess: () => {
              setRemoving(null);
              toast(`Removed ${m.name}`);
            },
            onError: (e) => toast(messageOf(e), "error"),
          })
        }
      />
    </Section>
  );
}
