import { TraitLibraryPage } from "@/components/probes/trait-library";

export const metadata = { title: "Trait library" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <TraitLibraryPage workspaceId={workspaceId} />;
}
