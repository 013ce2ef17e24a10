// POST /api/workspaces/[workspaceId]/panels/[panelId]/spread-seats – propose the single-model and routed seat plans (saves nothing)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { spreadSeats } from "@/lib/services/panels/spread-seats";

export const POST = handle(ops.spreadSeats, ({ ctx, params, body }) => spreadSeats(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
