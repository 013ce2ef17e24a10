import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "@/lib/log/logger.mjs";

// Mail goes out only when SMTP_URL is set (smtp://user:pass@host:587, smtps://…
// for implicit TLS); without it the studio keeps every notice in-app. A mail is
// a courtesy next to the in-app notice, so sending never fails the request that
// triggered it: it runs after the response is decided, and a refused or
// unreachable server is logged (the kind of mail, never the address or a link,
// which may carry an invitation token) and forgotten.

export type Mail = { to: string; subject: string; text: string; kind: string };

let cached: { url: string; transport: Transporter } | null = null;

/** Read at call time (not at import) so a deployment's or a test's setting applies without a restart of the module graph. */
export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

function transport(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

const from = () => process.env.SMTP_FROM?.trim() || "Persona Studio <no-reply@persona-studio.local>";

/** Sends when SMTP is configured; resolves to whether the server took the mail. Never throws. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return false;
  try {
    await transport(url).sendMail({ from: from(), to: mail.to, subject: mail.subject, text: mail.text });
    logger.info({ mail: mail.kind }, "mail sent");
    return true;
  } catch (error) {
    // A server's refusal often quotes the recipient ("550 <ann@example.com>: Recipient address rejected").
    const reason = error instanceof Error ? error.message.split("\n")[0].replace(/[^\s<>"']+@[^\s<>"']+/g, "[address]") : "unknown";
    logger.warn({ mail: mail.kind, reason }, "mail not sent");
    return false;
  }
}

/** Fire and forget: for services whose caller must not wait on, or fail with, the mail server. */
export function sendMailLater(mails: Mail[]): void {
  if (!mailConfigured() || mails.length === 0) return;
  void Promise.all(mails.map(sendMail));
}
