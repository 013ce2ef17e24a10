import type { Role } from "@/lib/schemas/workspace";

// The words of each mail, plain text (no tracking, nothing to render). Pure:
// the services pass the studio's public address (BETTER_AUTH_URL) and the facts.

type Message = { subject: string; text: string };

const footer = (base: string) => `\n\n—\nPersona Studio · ${base}\nYou get this mail because of your Persona Studio account or an invitation to it.`;

export function invitationMessage(base: string, m: { inviter: string; workspace: string; role: Role; token: string; days: number }): Message {
  return {
    subject: `${m.inviter} invited you to ${m.workspace} on Persona Studio`,
    text:
      `${m.inviter} invited you to join the workspace “${m.workspace}” as ${m.role}.\n\n` +
      `Accept or decline here (the link works for ${m.days} days):\n${base}/invite/${m.token}\n\n` +
      `Nothing happens until you accept. If you did not expect this, ignore this mail.` + footer(base),
  };
}

export function confirmAddressMessage(base: string, m: { url: string }): Message {
  return {
    subject: "Confirm your email address for Persona Studio",
    text:
      `Open this link to confirm that this address is yours:\n${m.url}\n\n` +
      `Invitations sent to a confirmed address can be accepted from your inbox. If you did not create a Persona Studio account, ignore this mail.` + footer(base),
  };
}

export function reviewRequestMessage(base: string, m: { requester: string; persona: string; version: number; workspace: string; message: string; href: string }): Message {
  return {
    subject: `${m.requester} asked you to review ${m.persona} v${m.version}`,
    text:
      `${m.requester} asked you to review v${m.version} of “${m.persona}” in ${m.workspace}.` +
      (m.message ? `\n\nTheir note:\n${m.message}` : "") + `\n\nOpen it: ${base}${m.href}` + footer(base),
  };
}

export function mentionMessage(base: string, m: { author: string; persona: string; excerpt: string; href: string }): Message {
  return {
    subject: `${m.author} mentioned you on ${m.persona}`,
    text: `${m.author} mentioned you in a comment on “${m.persona}”:\n\n${m.excerpt}\n\nOpen it: ${base}${m.href}` + footer(base),
  };
}

export function decisionMessage(base: string, m: { reviewer: string; persona: string; version: number; approved: boolean; note: string; href: string }): Message {
  const what = m.approved ? `approved v${m.version}` : `requested changes on v${m.version}`;
  return {
    subject: `${m.reviewer} ${what} of ${m.persona}`,
    text: `${m.reviewer} ${what} of “${m.persona}”.` + (m.note ? `\n\n${m.approved ? "Note" : "Reason"}:\n${m.note}` : "") + `\n\nOpen it: ${base}${m.href}` + footer(base),
  };
}
