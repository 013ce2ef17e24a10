"use client";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { avatarSvg } from "@/lib/persona/avatar";
import { useAvatarUrl } from "@/lib/query/avatar-hooks";

const CLASS = "h-8 w-8 shrink-0 rounded-full bg-slate-100 object-cover ring-1 ring-slate-200";

/**
 * The persona's picture (uploaded, else its generated initials). Decorative: the
 * name is always next to it. `uploadedAt` comes with list rows: null draws the
 * initials here (no request), a time fetches that upload once (the stamped URL is
 * cached for good); without it (the editor) the server says which it is.
 */
export function PersonaAvatar({ workspaceId, personaId, name, uploadedAt, className }: {
  workspaceId: string; personaId: string; name: string; uploadedAt?: string | null; className?: string;
}) {
  if (uploadedAt === null) return <GeneratedAvatar personaId={personaId} name={name} className={className} />;
  if (uploadedAt !== undefined) return <AvatarImage src={`/api/workspaces/${workspaceId}/personas/${personaId}/avatar?v=${Date.parse(uploadedAt)}`} className={className} />;
  return <FetchedAvatar workspaceId={workspaceId} personaId={personaId} name={name} className={className} />;
}

function GeneratedAvatar({ personaId, name, className }: { personaId: string; name: string; className?: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(avatarSvg(personaId, name, 64))}`, [personaId, name]);
  return <AvatarImage src={src} className={className} />;
}

function FetchedAvatar({ workspaceId, personaId, name, className }: { workspaceId: string; personaId: string; name: string; className?: string }) {
  return <AvatarImage src={useAvatarUrl(workspaceId, personaId, name)} className={className} />;
}

function AvatarImage({ src, className }: { src: string; className?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- an authenticated API image or an inline SVG, not a static asset for next/image
  return <img src={src} alt="" width={32} height={32} loading="lazy" data-testid="persona-avatar" className={cn(CLASS, className)} />;
}
