import { Suspense } from "react";
import { VersionsPage } from "@/components/versions/versions-page";

export const metadata = { title: "Versions" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string }> }) {
  const { workspaceId, personaId } = await params;
  return (
    <Suspense>
      <VersionsPage workspaceId={workspaceId} personaId={personaId} />
    </Suspense>
  );
}
