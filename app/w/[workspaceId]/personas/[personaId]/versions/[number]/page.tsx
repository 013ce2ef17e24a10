import { notFound } from "next/navigation";
import { VersionView } from "@/components/versions/version-view";

export const metadata = { title: "Version" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string; number: string }> }) {
  const { workspaceId, personaId, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) notFound();
  return <VersionView workspaceId={workspaceId} personaId={personaId} number={n} />;
}
