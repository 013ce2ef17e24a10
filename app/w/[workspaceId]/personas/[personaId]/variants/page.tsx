import { VariantsPage } from "@/components/variants/variants-page";

export const metadata = { title: "Variants" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string }> }) {
  const { workspaceId, personaId } = await params;
  return <VariantsPage workspaceId={workspaceId} personaId={personaId} />;
}
