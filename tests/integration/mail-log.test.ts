import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "@/lib/log/logger.mjs";
import { sendMail } from "@/lib/mail/mailer";
import { startSmtpSink } from "@/tests/factories/smtp-sink";

// Mail is a courtesy (issue 16 §7): a refused mail fails nothing and its log line names
// the kind of mail and the reason — never the address, though SMTP servers quote it.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: "Recipient address rejected: no such mailbox" });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("a refused mail", () => {
  it("resolves false, and its log line keeps the server's reason without the recipient's address", async () => {
    process.env.SMTP_URL = sink.url;
    const lines: string[] = [];
    const restore = logger.redirect({ format: "json", level: "info", write: (line: string) => lines.push(line) });
    try {
      expect(await sendMail({ to: "ann.private@example.test", subject: "Invitation", text: "Join us", kind: "invitation" })).toBe(false);
    } finally {
      restore();
    }
    const line = lines.map((l) => JSON.parse(l) as { mail?: string; reason?: string }).find((l) => l.mail === "invitation");
    expect(line?.reason).toMatch(/Recipient address rejected/);
    expect(line?.reason).toContain("[address]");
    expect(lines.join("\n")).not.toContain("ann.private");
  });
});
