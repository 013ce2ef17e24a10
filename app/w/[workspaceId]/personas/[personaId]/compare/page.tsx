import { ComparePage } from "@/components/compare/compare-page";

export const metadata = { title: "Compare" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string }> }) {
  const { workspaceId, personaId } = await params;
  return <ComparePage workspaceId={workspaceId} personaId={personaId} />;
}
