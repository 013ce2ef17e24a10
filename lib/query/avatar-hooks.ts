"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import type { AvatarInfo } from "@/lib/schemas/avatar";

// The avatar is an <img> of GET …/avatar (uploaded, else generated). The
// browser caches it by URL, so the URL carries a stamp bumped by an upload or
// removal, and the name (the generated initials follow it).

const stampKey = (ws: string, id: string) => ["avatar-stamp", ws, id] as const;

export function useAvatarUrl(ws: string, id: string, name: string): string {
  const stamp = useQuery({ queryKey: stampKey(ws, id), queryFn: () => Date.now(), staleTime: Infinity, initialData: 0 }).data;
  return `/api/workspaces/${ws}/personas/${id}/avatar?v=${stamp}&n=${encodeURIComponent(name)}`;
}

/** A new stamp for the editor's URL, and the list again (its rows carry the upload time). */
function useBump(ws: string, id: string) {
  const qc = useQueryClient();
  return () => {
    qc.setQueryData(stampKey(ws, id), Date.now());
    void qc.invalidateQueries({ queryKey: keys.personas(ws) });
  };
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function useUploadAvatar(ws: string, id: string) {
  const bump = useBump(ws, id);
  return useMutation({
    mutationFn: async (file: File) => api<AvatarInfo>("PUT", `/api/workspaces/${ws}/personas/${id}/avatar`, { image: await fileToBase64(file) }),
    onSuccess: bump,
  });
}

export function useRemoveAvatar(ws: string, id: string) {
  const bump = useBump(ws, id);
  return useMutation({ mutationFn: () => api<null>("DELETE", `/api/workspaces/${ws}/personas/${id}/avatar`), onSuccess: bump });
}
