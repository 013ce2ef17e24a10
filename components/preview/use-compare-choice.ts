"use client";
import { useEffect, useRef, useState } from "react";
import type { ModelChoice } from "@/components/preview/model-picker";
import {
  initialModels, initialVersion, readRememberedModels, rememberedModelsKey, writeRememberedModels,
  type CompareMode, type RememberedCompare,
} from "@/components/preview/remembered-models";
import type { ProviderList } from "@/lib/schemas/provider";
import type { VersionSummary } from "@/lib/schemas/persona-api";

/**
 * What is being compared — mode, pinned version, model A and B — remembered per persona in
 * this browser. The editor's preview panel and the full compare page both use it, so either
 * one opens where the other was left.
 */
export function useCompareChoice(workspaceId: string, personaId: string, providers: ProviderList | undefined, versions: VersionSummary[] | undefined) {
  const key = rememberedModelsKey(workspaceId, personaId);
  // Read once: later writes must not erase a remembered version that has not loaded yet.
  const remembered = useRef<Partial<RememberedCompare> | null>(null);
  const [mode, setMode] = useState<CompareMode | null>(null);
  const [a, setA] = useState<ModelChoice | null>(null);
  const [b, setB] = useState<ModelChoice | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);

  useEffect(() => {
    remembered.current = readRememberedModels(key);
    setMode(remembered.current.mode ?? "draft");
  }, [key]);
  useEffect(() => {
    if (!providers || !remembered.current || (a && b)) return;
    const start = initialModels(providers, remembered.current);
    if (!a) setA(start.a);
    if (!b) setB(start.b);
  }, [providers, a, b, mode]);
  useEffect(() => {
    if (pinned !== null || !versions || !remembered.current) return;
    setPinned(initialVersion(versions, remembered.current.version));
  }, [versions, pinned, mode]);
  useEffect(() => {
    if (!a || !mode) return;
    const version = pinned ?? remembered.current?.version;
    writeRememberedModels(key, { a, b, mode, ...(version ? { version } : {}) });
  }, [key, a, b, mode, pinned]);

  return { mode, setMode, a, setA, b, setB, pinned, setPinned };
}
