import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A local SMTP server that keeps what it receives, for tests of the studio's
// mail (issue 16 §7). Plain SMTP on 127.0.0.1, no TLS, no auth: a sink.

export type Received = { from: string; to: string[]; raw: string };

/** `refuse`: every recipient is refused with this reply (the server quotes the address, as real ones do). */
export async function startSmtpSink({ refuse }: { refuse?: string } = {}) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse ? Object.assign(new Error(`<${address.address}>: ${refuse}`), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves with the first mail to `to` whose decoded text matches `pattern` (now or when it arrives). */
    async mailTo(to: string, pattern: RegExp = /./): Promise<Received> {
      for (;;) {
        const found = received.find((m) => m.to.includes(to) && pattern.test(mailText(m.raw)));
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a received mail with quoted-printable soft line breaks and escapes undone. */
export function mailText(raw: string): string {
  const soft = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? /^[0-9A-F]{2}$/.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) { bytes.push(parseInt(hex[0], 16)); i += 2; } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
