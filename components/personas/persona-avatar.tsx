"use client";
import { cn } from "@/components/ui/cn";
import { useAvatarUrl } from "@/lib/query/avatar-hooks";

/** The persona's picture (uploaded, else its generated initials). Decorative: the name is always next to it. */
export function PersonaAvatar({ workspaceId, personaId, name, className }: { workspaceId: string; personaId: string; name: string; className?: string }) {
  const src = useAvatarUrl(workspaceId, personaId, name);
  // eslint-disable-next-line @next/next/no-img-element -- an authenticated API image, not a static asset for next/image
  return <img src={src} alt="" width={32} height={32} loading="lazy" data-testid="persona-avatar" className={cn("h-8 w-8 shrink-0 rounded-full bg-slate-100 object-cover ring-1 ring-slate-200", className)} />;
}
