import { Badge, type Tone } from "@/components/ui/badge";
import type { Role } from "@/lib/schemas/workspace";

const ROLE_TONE: Record<Role, Tone> = { owner: "brand", editor: "sky", reviewer: "amber", viewer: "slate" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE_TONE[role]}>{role}</Badge>;
}
