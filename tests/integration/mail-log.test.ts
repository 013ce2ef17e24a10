import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "@/lib/log/logger.mjs";
import { sendMail } from "@/lib/mail/mailer";

// Mail is a courtesy (issue 16 §7): a refused mail fails nothing and its log line names
// the kind of mail and the reason — never the address, though SMTP servers quote it.

let server: SMTPServer;
let url: string;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = Object.assign(new Error(`<${address.address}>: Recipient address rejected: no such mailbox`), { responseCode: 550 });
      callback(refusal);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a refused mail", () => {
  it("resolves false, and its log line keeps the server's reason without the recipient's address", async () => {
    process.env.SMTP_URL = url;
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
