import { PersonaEditorPage } from "@/components/personas/editor/persona-editor";

export const metadata = { title: "Editor" };

export default async function EditorPage({ params }: { params: Promise<{ workspaceId: string; personaId: string }> }) {
  const { workspaceId, personaId } = await params;
  return <PersonaEditorPage workspaceId={workspaceId} personaId={personaId} />;
}
