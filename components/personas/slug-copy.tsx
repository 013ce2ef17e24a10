"use client";
import { useId } from "react";
import { CopyButton } from "@/components/share/copy-button";
import { cn } from "@/components/ui/cn";

// The persona's slug, shown where people work and copyable (issue 16 §8): the
// CLI, the API and the label endpoint name a persona by it.

export function SlugCopy({ slug, className }: { slug: string; className?: string }) {
  const id = useId();
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5 text-xs text-slate-600", className)} data-testid="persona-slug">
      <span className="shrink-0">Slug</span>
      <code id={id} className="truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800" title="Used by the CLI, the API and label fetches">{slug}</code>
      <CopyButton text={slug} selectId={id} ariaLabel={`Copy slug ${slug}`} variant="ghost" className="h-7 shrink-0 px-2" />
    </span>
  );
}
