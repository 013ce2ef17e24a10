import { VariantEditorPage } from "@/components/variants/variant-editor";

export const metadata = { title: "Edit variant" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string; variantId: string }> }) {
  const { workspaceId, personaId, variantId } = await params;
  return <VariantEditorPage workspaceId={workspaceId} personaId={personaId} variantId={variantId} />;
}
