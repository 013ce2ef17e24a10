import { PersonaList } from "@/components/personas/persona-list";

export const metadata = { title: "Personas" };

export default async function PersonasPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <PersonaList workspaceId={workspaceId} />;
}
