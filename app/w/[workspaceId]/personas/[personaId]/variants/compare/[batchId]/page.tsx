import { VariantComparePage } from "@/components/variants/variant-compare";

export const metadata = { title: "Variant comparison" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string; batchId: string }> }) {
  const { workspaceId, personaId, batchId } = await params;
  return <VariantComparePage workspaceId={workspaceId} personaId={personaId} batchId={batchId} />;
}
