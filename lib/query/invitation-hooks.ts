"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { AcceptResult, Inbox, Invitation, InvitationView, InviteResult } from "@/lib/schemas/invitation";
import type { Role } from "@/lib/schemas/workspace";

// Invitations (owners' side), the invite link (invitee's side) and the inbox.
// Accepting changes which workspaces I have (/api/me) as well as the inbox.

export const inboxKeys = {
  inbox: ["inbox"] as const,
  invitations: (ws: string) => ["invitations", ws] as const,
  invitation: (token: string) => ["invitation", token] as const,
};

export const useInvitations = (ws: string, enabled = true) =>
  useQuery({ queryKey: inboxKeys.invitations(ws), queryFn: () => api<Invitation[]>("GET", `/api/workspaces/${ws}/invitations`), enabled });

export function useInvitationMutations(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  const done = () => qc.invalidateQueries({ queryKey: inboxKeys.invitations(ws) });
  return {
    invite: useMutation({ mutationFn: (b: { email: string; role: Role }) => post<InviteResult>(`/api/workspaces/${ws}/invitations`, b), onSuccess: done }),
    revoke: useMutation({ mutationFn: (id: string) => api<void>("DELETE", `/api/workspaces/${ws}/invitations/${id}`), onSuccess: done }),
  };
}

export const useInbox = () =>
  useQuery({ queryKey: inboxKeys.inbox, queryFn: () => api<Inbox>("GET", "/api/me/inbox"), refetchInterval: 60_000 });

export function useInboxMutations() {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: inboxKeys.inbox });
    void qc.invalidateQueries({ queryKey: keys.me });
  };
  return {
    accept: useMutation({ mutationFn: (id: string) => api<AcceptResult>("POST", `/api/me/invitations/${id}/accept`), onSuccess: done }),
    decline: useMutation({ mutationFn: (id: string) => api<InvitationView>("POST", `/api/me/invitations/${id}/decline`), onSuccess: done }),
    markRead: useMutation({ mutationFn: (ids?: string[]) => api<{ marked: number }>("POST", "/api/me/notifications/read", ids ? { ids } : {}), onSuccess: done }),
  };
}

export const useInvitationByToken = (token: string) =>
  useQuery({ queryKey: inboxKeys.invitation(token), queryFn: () => api<InvitationView>("GET", `/api/invitations/${token}`), retry: false });

export function useRespondByToken(token: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: inboxKeys.invitation(token) });
    void qc.invalidateQueries({ queryKey: inboxKeys.inbox });
    void qc.invalidateQueries({ queryKey: keys.me });
  };
  return {
    accept: useMutation({ mutationFn: () => api<AcceptResult>("POST", `/api/invitations/${token}/accept`), onSuccess: done }),
    decline: useMutation({ mutationFn: () => api<InvitationView>("POST", `/api/invitations/${token}/decline`), onSuccess: done }),
  };
}
