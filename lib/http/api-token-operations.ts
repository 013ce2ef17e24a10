import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsParams, wsResource } from "@/lib/http/params";
import { apiTokenSchema, createApiTokenBody, createdApiTokenSchema } from "@/lib/schemas/api-token";

// API tokens for CI. Owners manage them, from a signed-in session only: the
// route files pass SESSION_ONLY to handle(), so a token can never list, mint or
// revoke tokens (403), whatever its role.

const ws = wsParams;
const token = wsResource("tokenId");
const T = "/api/workspaces/{workspaceId}/api-tokens";

/** handle() options of the token routes: a token presented here gets 403 with this reason. */
export const SESSION_ONLY = { sessionOnly: "Manage API tokens from a signed-in session" };

export const apiTokenOps = {
  listApiTokens: defineOperation({ id: "listApiTokens", method: "GET", path: T, tag: "API tokens", summary: "The workspace's API tokens with role, last use and state (signed-in owners only)", auth: "workspace", role: "owner", params: ws, response: z.array(apiTokenSchema) }),
  createApiToken: defineOperation({ id: "createApiToken", method: "POST", path: T, tag: "API tokens", summary: "Create an API token for CI; the token is returned once (signed-in owners only)", auth: "workspace", role: "owner", params: ws, body: createApiTokenBody, response: createdApiTokenSchema, status: 201 }),
  revokeApiToken: defineOperation({ id: "revokeApiToken", method: "POST", path: `${T}/{tokenId}/revoke`, tag: "API tokens", summary: "Revoke an API token; it stops working at once (signed-in owners only)", auth: "workspace", role: "owner", params: token, response: apiTokenSchema }),
};
