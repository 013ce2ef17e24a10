"use client";
import { RequestedWordingButton } from "@/components/probes/requested-wording-button";
import { useWorkspace } from "@/lib/query/hooks";
import { can } from "@/lib/schemas/workspace";

// The framing section's one-click variant, for members who may edit the
// persona (a share page and read-only members never see it).
export function FramingAction({ workspaceId, personaId, trait, name }: { workspaceId: string; personaId: string; trait: string; name: string }) {
  const viewer = useWorkspace(workspaceId);
  if (!viewer || !can.editPersona(viewer.role)) return null;
  return <RequestedWordingButton workspaceId={workspaceId} personaId={personaId} trait={trait} choices={[{ key: trait, name }]} />;
}
