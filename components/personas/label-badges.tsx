import { Badge, type Tone } from "@/components/ui/badge";
import type { LabelRef } from "@/lib/schemas/labels";

const TONE: Record<string, Tone> = { production: "green", staging: "amber" };

/** A persona's version labels as small badges: "production v4". */
export function LabelBadges({ labels, className }: { labels: readonly LabelRef[] | undefined; className?: string }) {
  if (!labels?.length) return null;
  return (
    <span className={className ?? "flex flex-wrap items-center gap-1"} data-testid="label-badges">
      {labels.map((l) => (
        <Badge key={l.name} tone={TONE[l.name] ?? "sky"} className="font-mono">
          <span className="sr-only">label </span>{l.name} v{l.version}
        </Badge>
      ))}
    </span>
  );
}

/** Only the labels pointing at `version`, without the number (the version's own row says it). */
export function VersionLabelBadges({ labels, version }: { labels: readonly LabelRef[] | undefined; version: number }) {
  const here = labels?.filter((l) => l.version === version) ?? [];
  if (!here.length) return null;
  return (
    <>
      {here.map((l) => <Badge key={l.name} tone={TONE[l.name] ?? "sky"} className="font-mono"><span className="sr-only">label </span>{l.name}</Badge>)}
    </>
  );
}
