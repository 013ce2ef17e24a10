import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsParams, wsResource } from "@/lib/http/params";
import {
  createProviderBody, providerListSchema, providerSchema, setDefaultProviderBody, testProviderBody, testResultSchema,
  updateProviderBody,
} from "@/lib/schemas/provider";

// Model provider settings of a workspace. Anyone in the workspace may see which
// endpoints exist (keys only as masks); only owners connect, change or test them,
// because a key spends the owner's money.

const ws = wsParams;
const provider = wsResource("providerId");
const PR = "/api/workspaces/{workspaceId}/providers";

export const providerOps = {
  listProviders: defineOperation({ id: "listProviders", method: "GET", path: PR, tag: "Providers", summary: "The simulator, the environment provider (when configured) and the workspace's providers, with the default", auth: "workspace", role: "viewer", params: ws, response: providerListSchema }),
  createProvider: defineOperation({ id: "createProvider", method: "POST", path: PR, tag: "Providers", summary: "Connect an OpenAI-compatible endpoint; the key is stored encrypted", auth: "workspace", role: "owner", params: ws, body: createProviderBody, response: providerSchema, status: 201, idempotent: true }),
  updateProvider: defineOperation({ id: "updateProvider", method: "PATCH", path: `${PR}/{providerId}`, tag: "Providers", summary: "Rename, re-point or re-key a provider (apiKey absent keeps the key, null or '' removes it)", auth: "workspace", role: "owner", params: provider, body: updateProviderBody, response: providerSchema }),
  deleteProvider: defineOperation({ id: "deleteProvider", method: "DELETE", path: `${PR}/{providerId}`, tag: "Providers", summary: "Remove a provider; if it was the default, the workspace falls back to the built-in default", auth: "workspace", role: "owner", params: provider, response: z.null() }),
  testProvider: defineOperation({ id: "testProvider", method: "POST", path: `${PR}/test`, tag: "Providers", summary: "List the endpoint's models (10 s timeout); a failed connection is a 200 with ok:false and the reason", auth: "workspace", role: "owner", params: ws, body: testProviderBody, response: testResultSchema }),
  setDefaultProvider: defineOperation({ id: "setDefaultProvider", method: "PUT", path: `${PR}/default`, tag: "Providers", summary: "Choose the provider and model the workspace uses when nothing else is chosen", auth: "workspace", role: "owner", params: ws, body: setDefaultProviderBody, response: providerListSchema }),
};
