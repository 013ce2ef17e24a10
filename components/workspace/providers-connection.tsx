"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/query/api";
import { useTestProvider, type TestProviderInput } from "@/lib/query/provider-hooks";
import type { TestResult } from "@/lib/schemas/provider";

/**
 * "Test connection": asks the server to list the endpoint's models and shows
 * the outcome in place — the count, or the endpoint's exact complaint. The
 * parent keeps the result (its model list feeds the Model field's suggestions)
 * and clears it whenever the URL or key changes.
 */
export function ProviderConnectionTest({
  workspaceId, request, result, onResult,
}: {
  workspaceId: string;
  /** null while the form cannot be tested yet (no base URL). */
  request: TestProviderInput | null;
  result: TestResult | null;
  onResult: (result: TestResult | null) => void;
}) {
  const test = useTestProvider(workspaceId);
  // An answer for a URL or key that has since been edited would describe the wrong endpoint.
  const current = useRef(JSON.stringify(request));
  useEffect(() => {
    current.current = JSON.stringify(request);
  });
  const run = () => {
    if (!request) return;
    const asked = JSON.stringify(request);
    onResult(null);
    test.mutate(request, { onSuccess: (result) => { if (asked === current.current) onResult(result); } });
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={run} disabled={!request || test.isPending}>
        {test.isPending ? "Testing…" : "Test connection"}
      </Button>
      <p className="min-w-0 flex-1 text-xs" aria-live="polite" data-testid="connection-status">
        {test.isPending ? (
          <span className="text-slate-500">Asking the endpoint for its models (up to 10 s)…</span>
        ) : test.error ? (
          <span className="text-rose-600" role="alert">{test.error instanceof ApiError ? test.error.message : "Could not run the test; please try again"}</span>
        ) : result?.ok ? (
          <span className="font-medium text-emerald-700">
            Connected — {result.models.length} {result.models.length === 1 ? "model" : "models"}
          </span>
        ) : result?.error ? (
          <span className="text-rose-600" role="alert">{result.error.message}</span>
        ) : null}
      </p>
    </div>
  );
}

/** Suggestions for the Model field once a test listed the endpoint's models. */
export function ModelSuggestions({ id, result }: { id: string; result: TestResult | null }) {
  if (!result?.ok || result.models.length === 0) return null;
  return (
    <datalist id={id} data-testid="model-suggestions">
      {result.models.map((m) => <option key={m} value={m} />)}
    </datalist>
  );
}
