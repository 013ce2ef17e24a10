// POST /api/me/notifications/read – mark my notices read
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { markNotificationsRead } from "@/lib/services/inbox/inbox";

export const POST = handle(ops.readNotifications, ({ ctx, body }) => markNotificationsRead(ctx, body));

export * from "@/lib/http/method-not-allowed";
