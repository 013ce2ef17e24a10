"use client";
import { useMutation } from "@tanstack/react-query";
import { api, paths } from "@/lib/query/api";
import type { DraftScenariosResponse } from "@/lib/schemas/scenario";

// Scenarios are edited through the draft's autosave; only drafting with the model needs its own call.

export const useDraftScenarios = (ws: string, personaId: string) =>
  useMutation({
    mutationFn: (body: { count?: number; providerId?: string; model?: string }) =>
      api<DraftScenariosResponse>("POST", `${paths.persona(ws, personaId)}/scenarios/draft`, body),
  });
