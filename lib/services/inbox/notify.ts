import "server-only";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { sendMailLater, type Mail } from "@/lib/mail/mailer";
import { logger } from "@/lib/log/logger.mjs";
import type { Notification } from "@/lib/schemas/invitation";

// One way to tell a member something happened: an in-app notice (their inbox)
// and, when SMTP is configured, a mail with the same facts. Called after the
// change it reports is committed; a failure here is logged and never undoes or
// fails that change.

export type Notice = {
  userId: string;
  workspaceId: string | null;
  kind: Notification["kind"];
  summary: string;
  href: string;
  /** A decision's note, a mention's excerpt: shown under the summary. */
  reason?: string;
  /** The mail's words (lib/mail/messages.ts), given the studio's public address. */
  mail?: (base: string) => { subject: string; text: string };
  /** false: mail only (the inbox shows the thing itself, e.g. an open review request). */
  inApp?: boolean;
};

export const studioUrl = () => env.authUrl.replace(/\/+$/, "");

export async function notify(notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  try {
    const stored = notices.filter((n) => n.inApp !== false);
    if (stored.length) {
      await db.notification.createMany({
        data: stored.map((n) => ({
          userId: n.userId, workspaceId: n.workspaceId, kind: n.kind, summary: n.summary, href: n.href,
          data: JSON.stringify(n.reason ? { reason: n.reason } : {}),
        })),
      });
    }
    const mailed = notices.filter((n) => n.mail);
    if (!mailed.length) return;
    const users = await db.user.findMany({ where: { id: { in: [...new Set(mailed.map((n) => n.userId))] } }, select: { id: true, email: true } });
    const address = new Map(users.map((u) => [u.id, u.email]));
    const mails: Mail[] = [];
    for (const n of mailed) {
      const to = address.get(n.userId);
      if (to && n.mail) mails.push({ to, kind: n.kind, ...n.mail(studioUrl()) });
    }
    sendMailLater(mails);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), kinds: notices.map((n) => n.kind) }, "notification not recorded");
  }
}
