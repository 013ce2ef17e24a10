"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { importFile } from "@/lib/interop";
import { api, ApiError } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { keys } from "@/lib/query/hooks";
import type { ImportPersonaBody, ImportResult } from "@/lib/schemas/interop";
import type { PersonaDetail } from "@/lib/schemas/persona-api";

export function useImportPersona(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: ImportPersonaBody) => post<ImportResult>(`/api/workspaces/${ws}/imports`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.personas(ws) }),
  });
}

/** Reads a picked file the way the import route wants it: text for text, base64 for anything binary. */
export async function readForImport(file: File): Promise<{ fileName: string; encoding: "text" | "base64"; content: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binary = /\.png$/i.test(file.name) || bytes.slice(0, 8).some((b) => b === 0) || (bytes[0] === 0x89 && bytes[1] === 0x50);
  if (!binary) return { fileName: file.name, encoding: "text", content: new TextDecoder().decode(bytes) };
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, encoding: "base64", content: btoa(s) };
}

/** The persona id a Persona Studio export carries (studio JSON or card), read in the browser; null when none or unreadable. */
export function exportIdOf(body: { fileName: string; encoding: "text" | "base64"; content: string }): string | null {
  try {
    const content = body.encoding === "text" ? body.content : Uint8Array.from(atob(body.content), (c) => c.charCodeAt(0));
    return importFile(body.fileName, content).exportId;
  } catch {
    return null; // the import itself names what is wrong
  }
}

/** The persona of this workspace a file was exported from: null when it names none, or one elsewhere (404). */
export function useImportMatch(ws: string, exportId: string | null) {
  return useQuery({
    queryKey: ["import-match", ws, exportId],
    enabled: !!exportId,
    retry: false,
    queryFn: async () => {
      try {
        const persona = await api<PersonaDetail>("GET", `/api/workspaces/${ws}/personas/${encodeURIComponent(exportId!)}`);
        return persona.status === "archived" ? null : persona;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}
