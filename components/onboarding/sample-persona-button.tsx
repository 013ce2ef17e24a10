"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useIdempotentPost } from "@/lib/query/idempotent-post";

/**
 * The first-run path (issue 16 §10): a sample persona, versioned, with its probe run
 * queued on the simulator; the designer lands on the run's report as it fills in.
 */
export function SamplePersonaButton({ workspaceId }: { workspaceId: string }) {
  const post = useIdempotentPost();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setBusy(true);
    setError(null);
    try {
      const made = await post<{ personaId: string; runId: string }>(`/api/workspaces/${workspaceId}/sample-persona`, undefined);
      router.push(`/w/${workspaceId}/personas/${made.personaId}/probes/${made.runId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The sample could not be created");
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex flex-col items-center gap-1">
      <Button onClick={() => void start()} disabled={busy}>{busy ? "Creating the sample…" : "Explore a sample persona"}</Button>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
    </span>
  );
}
