import "server-only";
import { createHash } from "node:crypto";
import { asNumberOrNull, readRow } from "@/lib/db/reader";
import { AppError } from "@/lib/errors/app-error";
import { OpenAiCompatibleProvider } from "@/lib/llm/openai-compatible";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import type { Provider } from "@/lib/llm/types";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { providerNetworkAccess } from "@/lib/services/providers/provider-address";
import { openStoredKey } from "@/lib/services/providers/stored-key";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Which model answers: an explicit choice, else the workspace default, else the
// OPENAI_* environment provider, else the simulator — so a fresh install works.

export const SIMULATOR_MODEL = "persona-sim-1";

export function envProviderConfig(): { baseUrl: string; apiKey: string | null; model: string } | null {
  const apiKey = process.env.OPENAI_API_KEY || null;
  const baseUrl = process.env.OPENAI_BASE_URL || (apiKey ? "https://api.openai.com/v1" : null);
  if (!baseUrl) return null;
  return { baseUrl, apiKey, model: process.env.OPENAI_MODEL || "gpt-4o-mini" };
}

/** US$ per million input (prompt) and output (completion) tokens. */
export type ProviderPrices = { inputPerM: number; outputPerM: number };

/**
 * `endpoint` identifies where calls go (for caches): a base URL, or "simulator". Never a key.
 * `prices`: null (or absent) when the provider's prices are unknown; the simulator costs nothing.
 */
export type ResolvedProvider = { provider: Provider; providerId: string; model: string; simulated: boolean; endpoint: string; prices?: ProviderPrices | null };

/** Both prices, or null: a provider with one price only cannot be costed. */
export function pricesOf(row: { inputPricePerM: number | null; outputPricePerM: number | null }): ProviderPrices | null {
  return row.inputPricePerM === null || row.outputPricePerM === null ? null : { inputPerM: row.inputPricePerM, outputPerM: row.outputPricePerM };
}

let simulator: SimulatorProvider | null = null;
/** The OPENAI_* provider's client, for as long as those variables are the same. */
let envClient: { key: string; provider: OpenAiCompatibleProvider } | null = null;

/**
 * Stored providers' clients, kept per process: the PROVIDER_NETWORK address
 * check (a DNS lookup for a host name) and a new HTTP client cost milliseconds
 * on every live preview's critical path before the upstream request can leave.
 * The key is still opened on every use (cheap: a file read, a hash, AES-GCM), so
 * a key that became unreadable is refused at once; a client is reused only for
 * the same provider, URL, name and key, and for at most CLIENT_TTL_MS, so the
 * checked addresses it is pinned to are looked up again now and then.
 */
const CLIENT_TTL_MS = 5 * 60_000;
const CLIENT_CACHE_MAX = 200;
const clients = new Map<string, { provider: OpenAiCompatibleProvider; expires: number }>();

async function clientFor(row: { id: string; name: string; baseUrl: string; apiKeyEnc: string | null }): Promise<OpenAiCompatibleProvider> {
  const apiKey = await openStoredKey(row);
  const keyHash = apiKey === null ? "" : createHash("sha256").update(apiKey).digest("base64url");
  const cacheKey = [row.id, row.baseUrl, row.name, keyHash].join("\u0000");
  const now = Date.now();
  const hit = clients.get(cacheKey);
  if (hit && hit.expires > now) return hit.provider;
  // PROVIDER_NETWORK=public: refused (422) before any call; the checked addresses are pinned for the calls.
  const network = await providerNetworkAccess(row.baseUrl, "providerId");
  const provider = new OpenAiCompatibleProvider({ baseUrl: row.baseUrl, apiKey, label: row.name, ...network });
  for (const [k, v] of clients) if (v.expires <= now || k.startsWith(`${row.id}\u0000`)) clients.delete(k);
  if (clients.size >= CLIENT_CACHE_MAX) clients.delete(clients.keys().next().value!);
  clients.set(cacheKey, { provider, expires: now + CLIENT_TTL_MS });
  return provider;
}

export async function resolveProvider(ctx: Pick<WorkspaceContext, "workspaceId">, providerId?: string, model?: string): Promise<ResolvedProvider> {
  let id = providerId;
  let chosenModel = model;
  if (!id) {
    const ws = await readRow<{ defaultProviderId: string | null; defaultModel: string | null }>(
      `SELECT "defaultProviderId", "defaultModel" FROM "Workspace" WHERE "id" = ?`, [ctx.workspaceId],
    );
    // A stored "env" default whose variables were since removed falls back like an unset one.
    const stored = ws?.defaultProviderId === ENV_PROVIDER_ID && !envProviderConfig() ? null : ws?.defaultProviderId;
    id = stored ?? (envProviderConfig() ? ENV_PROVIDER_ID : SIMULATOR_PROVIDER_ID);
    chosenModel ??= stored ? ws?.defaultModel ?? undefined : undefined;
  }
  if (id === SIMULATOR_PROVIDER_ID) {
    simulator ??= new SimulatorProvider();
    return { provider: simulator, providerId: id, model: chosenModel ?? SIMULATOR_MODEL, simulated: true, endpoint: "simulator", prices: { inputPerM: 0, outputPerM: 0 } };
  }
  if (id === ENV_PROVIDER_ID) {
    // The operator's own OPENAI_BASE_URL: exempt from PROVIDER_NETWORK.
    const cfg = envProviderConfig();
    if (!cfg) throw new AppError("not_found", "No provider is configured in the environment (OPENAI_API_KEY / OPENAI_BASE_URL)", { field: "providerId" });
    const envKey = `${cfg.baseUrl}\u0000${cfg.apiKey ?? ""}`;
    if (envClient?.key !== envKey) envClient = { key: envKey, provider: new OpenAiCompatibleProvider({ baseUrl: cfg.baseUrl, apiKey: cfg.apiKey, label: "Environment (OPENAI_*)" }) };
    return {
      provider: envClient.provider,
      providerId: id, model: chosenModel ?? cfg.model, simulated: false, endpoint: cfg.baseUrl, prices: null,
    };
  }
  // A plain read (lib/db/reader): this is on every live preview's path before its model call leaves.
  const found = await readRow<Record<string, unknown>>(
    `SELECT "id", "name", "baseUrl", "defaultModel", "apiKeyEnc", "inputPricePerM", "outputPricePerM" FROM "ModelProvider" WHERE "id" = ? AND "workspaceId" = ?`,
    [id, ctx.workspaceId],
  );
  if (!found) throw new AppError("not_found", "Provider not found", { field: "providerId" });
  const row = {
    id: found.id as string, name: found.name as string, baseUrl: found.baseUrl as string, defaultModel: found.defaultModel as string,
    apiKeyEnc: found.apiKeyEnc as string | null, inputPricePerM: asNumberOrNull(found.inputPricePerM), outputPricePerM: asNumberOrNull(found.outputPricePerM),
  };
  return {
    provider: await clientFor(row),
    providerId: row.id, model: chosenModel ?? row.defaultModel, simulated: false, endpoint: row.baseUrl, prices: pricesOf(row),
  };
}
