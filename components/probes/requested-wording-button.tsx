"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { useRequestedWordingVariant } from "@/lib/query/requested-wording-hooks";
import type { ReportFlag } from "@/lib/schemas/probe";

// "Try the requested-behaviour wording" (issue 14 §4) on a leakage flag: one
// click makes a variant with a targeted trait asked for by the role ("The
// company asks you to …; that is the job here, not who you are") instead of
// stated as the character's nature, which tends to drag fewer traits along.
// Then: open the variant, or probe the persona with the framing pair on that
// trait (nature and requested wording side by side, leakage of each).

/**
 * The targeted trait a leakage flag points at: the one the library says it came with (`expected.with`), else a
 * targeted trait among the flag's traits; null when the flag names none (the designer picks).
 */
export function wordingTraitFor(flag: Pick<ReportFlag, "traits" | "expected">, targeted: readonly string[]): string | null {
  return flag.expected?.with.find((k) => targeted.includes(k)) ?? flag.traits.find((k) => targeted.includes(k)) ?? null;
}

export const variantHref = (ws: string, personaId: string, variantId: string) => `/w/${ws}/personas/${personaId}/variants/${variantId}`;
export const framingProbeHref = (ws: string, personaId: string, trait: string) => `/w/${ws}/personas/${personaId}/probes?framing=${encodeURIComponent(trait)}`;

/** The API's message, in plain words: a 4xx says what is wrong; anything else is "could not". */
export function wordingError(err: unknown): string {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500) return err.message;
  return `Could not make the variant${err instanceof Error && err.message ? `: ${err.message}` : ""}. Try again in a moment.`;
}

export function RequestedWordingButton({ workspaceId, personaId, trait, choices = [] }: {
  workspaceId: string; personaId: string;
  /** The targeted trait to re-word; null = let the designer pick from `choices`. */
  trait: string | null;
  /** The persona's targeted traits (key, name), for the picker and the confirmation. */
  choices?: readonly { key: string; name: string }[];
}) {
  const make = useRequestedWordingVariant(workspaceId, personaId);
  const [picked, setPicked] = useState(trait ?? choices[0]?.key ?? "");
  const chosen = trait ?? picked;
  const nameOf = (k: string) => choices.find((c) => c.key === k)?.name ?? k;
  if (!chosen && !choices.length) return null;

  if (make.data) {
    return (
      <div role="status" className="mt-2 w-full rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="requested-wording-done">
        Made the variant <b>{make.data.name}</b>: {nameOf(chosen)} is now asked for by the role, not stated as who the character is.
        <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <Link className="font-medium text-brand-700 hover:underline" href={variantHref(workspaceId, personaId, make.data.id)}>Open the variant</Link>
          <Link className="font-medium text-brand-700 hover:underline" href={framingProbeHref(workspaceId, personaId, chosen)}>Probe it with the framing pair</Link>
        </span>
      </div>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="requested-wording">
      {trait === null && choices.length > 1 ? (
        <Select aria-label="Targeted trait to word as a role requirement" className="h-8 w-auto py-0 text-xs" value={picked}
          onChange={(e) => setPicked(e.target.value)}>
          {choices.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
        </Select>
      ) : null}
      <Button size="sm" variant="ghost" disabled={make.isPending || !chosen}
        title={`Make a variant with ${nameOf(chosen)} requested by the role instead of stated as the character's nature`}
        onClick={() => make.mutate(chosen)}>
        {make.isPending ? "Making the variant…" : `Try the requested-behaviour wording${trait === null && choices.length > 1 ? "" : ` for ${nameOf(chosen)}`}`}
      </Button>
      {make.isError ? <span role="alert" className="basis-full text-xs text-rose-600">{wordingError(make.error)}</span> : null}
    </span>
  );
}
