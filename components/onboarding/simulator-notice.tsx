"use client";
import Link from "next/link";
import { useProviders } from "@/lib/query/provider-hooks";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";

/**
 * Says plainly, while the workspace's default model is the simulator, that answers
 * come from a labelled stand-in, not a language model, and where to connect one.
 */
export function SimulatorNotice({ workspaceId }: { workspaceId: string }) {
  const providers = useProviders(workspaceId);
  if (providers.data?.default.providerId !== SIMULATOR_PROVIDER_ID) return null;
  return (
    <p role="note" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="simulator-notice">
      <strong className="font-semibold">Answers come from the simulator</strong> — a built-in, openly labelled stand-in that follows
      simple rules, not a language model. Use it to learn the studio; measure a real model before you ship.{" "}
      <Link href={`/w/${workspaceId}/settings#providers`} className="font-medium text-amber-950 underline">Connect a model</Link>
    </p>
  );
}
