import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { PressureConversation } from "@/lib/schemas/pressure";
import { latestCompletedRunRow } from "@/lib/services/probes/latest-report";
import { conversationOfRun } from "@/lib/services/probes/pressure-conversation";
import { activeLink } from "@/lib/services/sharing/open-share";

// A pressure conversation of the shared report's run (the run sharedAnswers
// reads), for a share link: no session, the token is the credential. A link
// whose run has no such conversation is the same 404 as a bad token.

export async function sharedConversation(token: string, index: number): Promise<PressureConversation> {
  const { persona, version } = await activeLink(token);
  const run = await latestCompletedRunRow(persona.id, version.number);
  if (!run) throw notFound("Pressure conversation");
  return conversationOfRun(run, index);
}
