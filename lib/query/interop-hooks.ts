"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { keys } from "@/lib/query/hooks";
import type { ImportPersonaBody, ImportResult } from "@/lib/schemas/interop";

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
