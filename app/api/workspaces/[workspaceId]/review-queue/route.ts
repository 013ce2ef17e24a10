// GET /api/workspaces/[workspaceId]/review-queue – what awaits me and what I requested
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { reviewQueue } from "@/lib/services/review/review-queue";

export const GET = handle(ops.reviewQueue, ({ ctx }) => reviewQueue(ctx));

export * from "@/lib/http/method-not-allowed";
