import { cn } from "@/components/ui/cn";

/** A round initial standing in for a person or the persona. */
export function Avatar({ name, className }: { name: string; className?: string }) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return (
    <span aria-hidden className={cn("inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 ring-1 ring-brand-200", className)}>
      {initial}
    </span>
  );
}
