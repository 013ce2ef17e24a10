import { describe, expect, it } from "vitest";
import { initialModels, initialVersion, parseRememberedModels, rememberedModelsKey } from "@/components/preview/remembered-models";
import type { ProviderList } from "@/lib/schemas/provider";

// The preview's model, remembered per persona: what was chosen comes back after a reload,
// unless its provider is gone, in which case the workspace default does.

const provider = (id: string, kind: string, defaultModel: string) => ({ id, kind, name: id, defaultModel }) as unknown as ProviderList["providers"][number];
const list: ProviderList = {
  providers: [provider("simulator", "simulator", "persona-sim-1"), provider("p-local", "openai_compatible", "llama3")],
  default: { providerId: "simulator", model: "persona-sim-1" },
};

describe("remembered preview models", () => {
  it("are kept per workspace and persona", () => {
    expect(rememberedModelsKey("w1", "p1")).not.toBe(rememberedModelsKey("w1", "p2"));
    expect(rememberedModelsKey("w1", "p1")).not.toBe(rememberedModelsKey("w2", "p1"));
  });

  it("come back when their provider still exists", () => {
    const remembered = parseRememberedModels(JSON.stringify({ a: { providerId: "p-local", model: "mistral" }, b: { providerId: "simulator", model: "persona-sim-1" } }));
    expect(initialModels(list, remembered)).toEqual({ a: { providerId: "p-local", model: "mistral" }, b: { providerId: "simulator", model: "persona-sim-1" } });
  });

  it("fall back to the workspace default when nothing is remembered or the provider was deleted", () => {
    const fresh = { a: { providerId: "simulator", model: "persona-sim-1" }, b: { providerId: "p-local", model: "llama3" } };
    expect(initialModels(list, {})).toEqual(fresh);
    expect(initialModels(list, parseRememberedModels(JSON.stringify({ a: { providerId: "deleted", model: "x" } })))).toEqual(fresh);
  });

  it("ignore storage that is not what this code wrote", () => {
    for (const raw of [null, "", "not json", "null", "[]", JSON.stringify({ a: { providerId: 3 } })]) {
      expect(parseRememberedModels(raw)).toEqual({});
    }
  });

  it("bring back the compare mode and pinned version, dropping values this code never writes", () => {
    const a = { providerId: "simulator", model: "persona-sim-1" };
    expect(parseRememberedModels(JSON.stringify({ a, b: null, mode: "models", version: 3 }))).toEqual({ a, mode: "models", version: 3 });
    expect(parseRememberedModels(JSON.stringify({ a, mode: "version", version: 2 }))).toEqual({ a, mode: "version", version: 2 });
    for (const bad of [{ mode: "side-by-side" }, { mode: 1 }, { version: 0 }, { version: -2 }, { version: 1.5 }, { version: "2" }]) {
      expect(parseRememberedModels(JSON.stringify({ a, ...bad }))).toEqual({ a });
    }
  });

  it("pin the remembered version while it exists, else the latest", () => {
    const versions = [{ number: 3 }, { number: 2 }, { number: 1 }];
    expect(initialVersion(versions, 2)).toBe(2);
    expect(initialVersion(versions, 9)).toBe(3);
    expect(initialVersion(versions, undefined)).toBe(3);
    expect(initialVersion([], 2)).toBeNull();
  });
});
