import "server-only";
import { maskSecret, sealedKeyState } from "@/lib/crypto/secrets";
import { ENV_PROVIDER_ID, SIMULATOR_LABEL, SIMULATOR_PROVIDER_ID, type ProviderInfo } from "@/lib/schemas/provider";
import { SIMULATED_MODEL_NAMES } from "@/lib/llm/simulator/models";
import { SIMULATOR_MODEL, envProviderConfig } from "@/lib/services/providers/resolve-provider";

// The one place a provider becomes what the browser sees. The row's sealed key
// (apiKeyEnc) is only checked for whether it still opens: its mask and that
// state leave the server, never the key.

export const ENV_PROVIDER_NAME = "Environment (OPENAI_*)";

type Row = {
  id: string; name: string; preset: string; baseUrl: string; defaultModel: string; apiKeyMask: string | null; apiKeyEnc: string | null;
  inputPricePerM: number | null; outputPricePerM: number | null;
};

export function toProviderInfo(row: Row, isDefault: boolean): ProviderInfo {
  return {
    id: row.id,
    name: row.name,
    kind: "openai_compatible",
    preset: row.preset,
    baseUrl: row.baseUrl,
    defaultModel: row.defaultModel,
    hasKey: row.apiKeyEnc !== null,
    keyMask: row.apiKeyEnc !== null ? row.apiKeyMask : null,
    keyState: sealedKeyState(row.apiKeyEnc),
    builtIn: false,
    isDefault,
    inputPricePerM: row.inputPricePerM,
    outputPricePerM: row.outputPricePerM,
    label: row.name,
  };
}

export function simulatorInfo(isDefault: boolean): ProviderInfo {
  return {
    id: SIMULATOR_PROVIDER_ID, name: "Simulator", kind: "simulator", preset: "simulator", baseUrl: null,
    defaultModel: SIMULATOR_MODEL, hasKey: false, keyMask: null, keyState: "none", builtIn: true, isDefault, label: SIMULATOR_LABEL,
    inputPricePerM: 0, outputPricePerM: 0, // it costs nothing
    models: [...SIMULATED_MODEL_NAMES], // persona-sim-1 (the default), -2 and -3: each its own well
  };
}

/** The OPENAI_* provider, or null when the environment configures none. */
export function envInfo(isDefault: boolean): ProviderInfo | null {
  const cfg = envProviderConfig();
  if (!cfg) return null;
  return {
    id: ENV_PROVIDER_ID, name: ENV_PROVIDER_NAME, kind: "openai_compatible", preset: "env", baseUrl: cfg.baseUrl,
    defaultModel: cfg.model, hasKey: cfg.apiKey !== null, keyMask: cfg.apiKey ? maskSecret(cfg.apiKey) : null,
    keyState: cfg.apiKey ? "ok" : "none",
    builtIn: true, isDefault, label: ENV_PROVIDER_NAME, inputPricePerM: null, outputPricePerM: null,
  };
}

export const isBuiltInId = (id: string) => id === SIMULATOR_PROVIDER_ID || id === ENV_PROVIDER_ID;
