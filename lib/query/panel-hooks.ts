"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type {
  ExportCouncil, ImportCouncilResult, PanelConflictDetails, PanelDetail, PanelSpec, PanelSummary, PanelVersionDetail, PanelVersionSummary,
} from "@/lib/schemas/panel";
import type { CandidateSeatInfo, SpreadSeatsBody, SpreadSeatsResult } from "@/lib/schemas/panel-seats";

// Panels (issue 13 §1–2): list, detail, saves with a revision token (409 with
// the panel as it is now when stale), versions, seat spreading, council files.

export const panelKeys = {
  all: (ws: string) => ["panels", ws] as const,
  list: (ws: string) => ["panels", ws, "list"] as const,
  detail: (ws: string, id: string) => ["panels", ws, "detail", id] as const,
  versions: (ws: string, id: string) => ["panels", ws, "detail", id, "versions"] as const,
};

export const panelPaths = {
  list: (ws: string) => `/api/workspaces/${ws}/panels`,
  one: (ws: string, id: string) => `/api/workspaces/${ws}/panels/${id}`,
  versions: (ws: string, id: string) => `/api/workspaces/${ws}/panels/${id}/versions`,
  spreadSeats: (ws: string, id: string) => `/api/workspaces/${ws}/panels/${id}/spread-seats`,
  importCouncil: (ws: string) => `/api/workspaces/${ws}/panels/import-council`,
  exportCouncil: (ws: string, id: string) => `/api/workspaces/${ws}/panels/${id}/export-council`,
};

export type PanelConflict = PanelConflictDetails["current"];
export type CouncilText = { fileName: string; text: string };
export type ImportCouncilBody = { name?: string; files: CouncilText[]; seatPlan?: CouncilText };
/** One seat the workspace can offer (POST …/spread-seats `candidates`). */
export type SeatCandidate = CandidateSeatInfo;
export type { SpreadSeatsResult };
export type UpdatePanelInput = { revision: number; name?: string; description?: string; spec?: PanelSpec };

export const usePanels = (ws: string) =>
  useQuery({ queryKey: panelKeys.list(ws), queryFn: () => api<PanelSummary[]>("GET", panelPaths.list(ws)) });

export const usePanel = (ws: string, id: string) =>
  useQuery({ queryKey: panelKeys.detail(ws, id), queryFn: () => api<PanelDetail>("GET", panelPaths.one(ws, id)), refetchOnWindowFocus: false });

export const usePanelVersions = (ws: string, id: string) =>
  useQuery({ queryKey: panelKeys.versions(ws, id), queryFn: () => api<PanelVersionSummary[]>("GET", panelPaths.versions(ws, id)) });

export function useCreatePanel(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: { name: string; description?: string; spec?: PanelSpec }) => post<PanelDetail>(panelPaths.list(ws), body),
    onSuccess: (p) => {
      qc.setQueryData(panelKeys.detail(ws, p.id), p);
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
    },
  });
}

/**
 * One save. The editor's draft hook (components/panels/use-panel-draft.ts)
 * calls `savePanel` directly to serialise saves; a 409 carries the panel as it
 * is now in `details.current` (read it with `conflictOf`).
 */
export const savePanel = (ws: string, id: string, body: UpdatePanelInput) => api<PanelDetail>("PATCH", panelPaths.one(ws, id), body);

export function conflictOf(details: unknown): PanelConflict | null {
  const current = (details as Partial<PanelConflictDetails> | undefined)?.current;
  return current && typeof current.revision === "number" && current.spec ? current : null;
}

export function useUpdatePanel(ws: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePanelInput) => savePanel(ws, id, body),
    onSuccess: (p) => {
      qc.setQueryData(panelKeys.detail(ws, id), p);
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
    },
  });
}

export function useCreatePanelVersion(ws: string, id: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: { message: string; revision: number }) => post<PanelVersionDetail>(panelPaths.versions(ws, id), body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: panelKeys.detail(ws, id) });
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
    },
  });
}

export function useDeletePanel(ws: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("DELETE", panelPaths.one(ws, id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: panelKeys.detail(ws, id) });
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
    },
  });
}

/** Proposes both plans from the saved panel; nothing is stored until the editor applies one. */
export const useSpreadSeats = (ws: string, id: string) =>
  useMutation({ mutationFn: (body: SpreadSeatsBody = {}) => api<SpreadSeatsResult>("POST", panelPaths.spreadSeats(ws, id), body) });

export function useImportCouncil(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: ImportCouncilBody) => post<ImportCouncilResult>(panelPaths.importCouncil(ws), body),
    onSuccess: (r) => {
      qc.setQueryData(panelKeys.detail(ws, r.panel.id), r.panel);
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
      void qc.invalidateQueries({ queryKey: ["personas", ws] });
    },
  });
}

/** Fetched on demand (a button), not kept: the files follow the saved panel. */
export const useExportCouncil = (ws: string, id: string) =>
  useMutation({ mutationFn: () => api<ExportCouncil>("GET", panelPaths.exportCouncil(ws, id)) });

/** Read picked files as text in the browser (council files are UTF-8 text). */
export const readCouncilFiles = (files: readonly File[]): Promise<CouncilText[]> =>
  Promise.all(files.map(async (f) => ({ fileName: f.name, text: await f.text() })));
