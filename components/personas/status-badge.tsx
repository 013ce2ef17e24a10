import { Badge, type Tone } from "@/components/ui/badge";
import type { PersonaStatus } from "@/lib/schemas/persona";

const STATUS: Record<PersonaStatus, { label: string; tone: Tone }> = {
  draft: { label: "Draft", tone: "slate" },
  in_review: { label: "In review", tone: "sky" },
  changes_requested: { label: "Changes requested", tone: "amber" },
  approved: { label: "Approved", tone: "green" },
  archived: { label: "Archived", tone: "rose" },
};

export function StatusBadge({ status }: { status: PersonaStatus }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export const STATUS_OPTIONS = Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }));
