import { ReviewQueuePage } from "@/components/review/review-queue-page";

export const metadata = { title: "Reviews" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <ReviewQueuePage workspaceId={workspaceId} />;
}
