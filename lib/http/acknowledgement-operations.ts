import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, personaParams } from "@/lib/http/params";
import { acknowledgeFlagBody, acknowledgementSchema } from "@/lib/schemas/acknowledgement";

// "Expected for this persona" (issue 12 §7): acknowledgements are kept on the
// persona and mark the matching flag on every report of it. Reading them is for
// any member; adding or withdrawing one changes how reports read, so editors.

const P = "/api/workspaces/{workspaceId}/personas/{personaId}";

export const acknowledgementOps = {
  listAcknowledgements: defineOperation({
    id: "listAcknowledgements", method: "GET", path: `${P}/acknowledgements`, tag: "Probes",
    summary: "Flags acknowledged as expected for this persona, with their reasons",
    auth: "workspace", role: "viewer", params: personaParams, response: z.object({ acknowledgements: z.array(acknowledgementSchema) }),
  }),
  acknowledgeFlag: defineOperation({
    id: "acknowledgeFlag", method: "POST", path: `${P}/acknowledgements`, tag: "Probes",
    summary: "Acknowledge a report flag as expected for this persona, with a reason (201). The same flag and direction again replaces the reason (200). Served reports mark the flag and their verdict line no longer names it",
    auth: "workspace", role: "editor", params: personaParams, body: acknowledgeFlagBody, status: 201,
    response: z.object({ acknowledgement: acknowledgementSchema }),
  }),
  removeAcknowledgement: defineOperation({
    id: "removeAcknowledgement", method: "DELETE", path: `${P}/acknowledgements/{ackId}`, tag: "Probes",
    summary: "Withdraw an acknowledgement: the flag counts again on every report of the persona",
    auth: "workspace", role: "editor", params: personaParams.extend({ ackId: idParam }), response: z.null(),
  }),
};

/** The POST's answer: 201 for a new acknowledgement, 200 when it replaced the reason of the same flag and direction. */
export function upsertReply({ created, acknowledgement }: { created: boolean; acknowledgement: z.input<typeof acknowledgementSchema> }) {
  return created ? { acknowledgement } : Response.json({ acknowledgement }, { status: 200 });
}
