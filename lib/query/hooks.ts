"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, paths } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { PERSONA_PAGE_MAX, type PersonaDetail, type PersonaDiffResponse, type PersonaPage, type VersionDetail, type VersionSummary } from "@/lib/schemas/persona-api";
import type { Me, Member, Role, Workspace } from "@/lib/schemas/workspace";

export const keys = {
  me: ["me"] as const,
  personas: (ws: string) => ["personas", ws] as const,
  personaList: (ws: string, q: Record<string, string>) => ["personas", ws, "list", q] as const,
  persona: (ws: string, id: string) => ["personas", ws, "detail", id] as const,
  versions: (ws: string, id: string) => ["personas", ws, "detail", id, "versions"] as const,
  version: (ws: string, id: string, n: number) => ["personas", ws, "detail", id, "versions", n] as const,
  diff: (ws: string, id: string, from: string, to: string) => ["personas", ws, "detail", id, "diff", from, to] as const,
  members: (ws: string) => ["members", ws] as const,
};

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => api<Me>("GET", paths.me()) });

export function useWorkspace(ws: string): Workspace | undefined {
  return useMe().data?.workspaces.find((w) => w.id === ws);
}

/** The first page only, as an array (pickers); the list page pages with usePersonaPages. */
export function usePersonas(ws: string, q: { q?: string; status: string; sort: string }) {
  const params = new URLSearchParams({ status: q.status, sort: q.sort, limit: String(PERSONA_PAGE_MAX), ...(q.q ? { q: q.q } : {}) });
  return useQuery({
    queryKey: keys.personaList(ws, Object.fromEntries(params)),
    queryFn: ({ signal }) => api<PersonaPage>("GET", `${paths.personas(ws)}?${params}`, undefined, { signal }),
    select: (page) => page.personas,
    placeholderData: (prev) => prev,
  });
}

/**
 * The persona list a page at a time ("Load more"). TanStack passes an AbortSignal
 * that fires when the query loses its last observer, so a search superseded by
 * the next keystroke's is cancelled, not just ignored.
 */
export function usePersonaPages(ws: string, q: { q?: string; status: string; sort: string }) {
  const params = new URLSearchParams({ status: q.status, sort: q.sort, ...(q.q ? { q: q.q } : {}) });
  return useInfiniteQuery({
    queryKey: keys.personaList(ws, { ...Object.fromEntries(params), paged: "1" }),
    queryFn: ({ pageParam, signal }) => {
      const page = new URLSearchParams(params);
      if (pageParam) page.set("cursor", pageParam);
      return api<PersonaPage>("GET", `${paths.personas(ws)}?${page}`, undefined, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export const usePersona = (ws: string, id: string) =>
  useQuery({ queryKey: keys.persona(ws, id), queryFn: () => api<PersonaDetail>("GET", paths.persona(ws, id)), refetchOnWindowFocus: false });

export const useVersions = (ws: string, id: string) =>
  useQuery({ queryKey: keys.versions(ws, id), queryFn: () => api<VersionSummary[]>("GET", paths.versions(ws, id)) });

export const useVersion = (ws: string, id: string, n: number) =>
  useQuery({ queryKey: keys.version(ws, id, n), queryFn: () => api<VersionDetail>("GET", paths.version(ws, id, n)) });

export const useDiff = (ws: string, id: string, from: string | null, to: string | null) =>
  useQuery({
    queryKey: keys.diff(ws, id, from ?? "", to ?? ""),
    queryFn: () => api<PersonaDiffResponse>("GET", paths.diff(ws, id, from!, to!)),
    enabled: !!from && !!to && from !== to,
  });

export const useMembers = (ws: string) =>
  useQuery({ queryKey: keys.members(ws), queryFn: () => api<Member[]>("GET", paths.members(ws)) });

export function useCreatePersona(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: { name: string; archetype?: string; spec?: PersonaSpec }) => post<PersonaDetail>(paths.personas(ws), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.personas(ws) }),
  });
}

export function useCreateVersion(ws: string, id: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: { message: string; revision: number }) => post<VersionDetail>(paths.versions(ws, id), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.persona(ws, id) }),
  });
}

export function useRestoreVersion(ws: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ number, revision }: { number: number; revision: number }) =>
      api<PersonaDetail>("POST", paths.restore(ws, id, number), { revision }),
    onSuccess: (data) => {
      qc.setQueryData(keys.persona(ws, id), data);
      void qc.invalidateQueries({ queryKey: keys.personas(ws) });
    },
  });
}

export function useArchivePersona(ws: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api<PersonaDetail>("POST", paths.archive(ws, id), { archived }),
    onSuccess: (data) => {
      qc.setQueryData(keys.persona(ws, id), data);
      void qc.invalidateQueries({ queryKey: keys.personas(ws) });
    },
  });
}

export function useDeletePersona(ws: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("DELETE", paths.persona(ws, id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: keys.persona(ws, id) });
      void qc.invalidateQueries({ queryKey: keys.personas(ws) });
      void qc.invalidateQueries({ queryKey: keys.me });
    },
  });
}

export function useMemberMutations(ws: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: keys.members(ws) });
    void qc.invalidateQueries({ queryKey: keys.me });
  };
  const post = useIdempotentPost();
  return {
    update: useMutation({ mutationFn: ({ id, role }: { id: string; role: Role }) => api<Member>("PATCH", paths.member(ws, id), { role }), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api<void>("DELETE", paths.member(ws, id)), onSuccess: done }),
  };
}

export function useWorkspaceMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: keys.me });
  const post = useIdempotentPost();
  return {
    create: useMutation({ mutationFn: (name: string) => post<Workspace>(paths.workspaces(), { name }), onSuccess: done }),
    rename: useMutation({ mutationFn: ({ id, name }: { id: string; name: string }) => api<Workspace>("PATCH", paths.workspace(id), { name }), onSuccess: done }),
    setApprovalPolicy: useMutation({
      mutationFn: ({ id, approvalPolicy }: { id: string; approvalPolicy: "warn" | "block" }) => api<Workspace>("PATCH", paths.workspace(id), { approvalPolicy }),
      onSuccess: () => { void done(); void qc.invalidateQueries({ queryKey: ["review"] }); },
    }),
    setAuthorsMayApprove: useMutation({
      mutationFn: ({ id, authorsMayApprove }: { id: string; authorsMayApprove: boolean }) => api<Workspace>("PATCH", paths.workspace(id), { authorsMayApprove }),
      onSuccess: () => { void done(); void qc.invalidateQueries({ queryKey: ["review"] }); },
    }),
  };
}
