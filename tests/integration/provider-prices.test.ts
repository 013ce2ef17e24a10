import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { PROVIDER_PRESETS } from "@/lib/llm/presets";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Prices on providers (issue 12 §5): US$ per million input and output tokens,
// both or neither, entered at creation, edited or cleared later; the simulator
// costs nothing. A bad value is a 422 naming its field.

let owner: Member;
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
const providers = () => `${wsPath(owner.workspaceId)}/providers`;
const base = { name: "Priced", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m-1" };

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  owner = await signUpWithWorkspace({ name: "Pia Price" });
});

afterAll(() => {
  if (saved.key !== undefined) process.env.OPENAI_API_KEY = saved.key;
  if (saved.url !== undefined) process.env.OPENAI_BASE_URL = saved.url;
});

describe("provider prices", () => {
  it("are stored at creation, listed, edited and cleared; the simulator is free", async () => {
    const created = expectOk(ops.createProvider, await owner.api.post(providers(), { ...base, inputPricePerM: 0.15, outputPricePerM: 0.6 }));
    expect(created).toMatchObject({ inputPricePerM: 0.15, outputPricePerM: 0.6 });
    expect(await db.modelProvider.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ inputPricePerM: 0.15, outputPricePerM: 0.6 });

    const list = expectOk(ops.listProviders, await owner.api.get(providers()));
    expect(list.providers.find((p) => p.id === created.id)).toMatchObject({ inputPricePerM: 0.15, outputPricePerM: 0.6 });
    expect(list.providers.find((p) => p.id === "simulator")).toMatchObject({ inputPricePerM: 0, outputPricePerM: 0 });

    // Absent keeps; a new value replaces; null on both clears (unknown).
    const renamed = expectOk(ops.updateProvider, await owner.api.patch(`${providers()}/${created.id}`, { name: "Renamed" }));
    expect(renamed).toMatchObject({ inputPricePerM: 0.15, outputPricePerM: 0.6 });
    const repriced = expectOk(ops.updateProvider, await owner.api.patch(`${providers()}/${created.id}`, { outputPricePerM: 1.2 }));
    expect(repriced).toMatchObject({ inputPricePerM: 0.15, outputPricePerM: 1.2 });
    const cleared = expectOk(ops.updateProvider, await owner.api.patch(`${providers()}/${created.id}`, { inputPricePerM: null, outputPricePerM: null }));
    expect(cleared).toMatchObject({ inputPricePerM: null, outputPricePerM: null });

    const unpriced = expectOk(ops.createProvider, await owner.api.post(providers(), { ...base, name: "No prices" }));
    expect(unpriced).toMatchObject({ inputPricePerM: null, outputPricePerM: null });
  });

  it.each([
    ["a negative price", { inputPricePerM: -1, outputPricePerM: 1 }, "inputPricePerM"],
    ["a price as text", { inputPricePerM: 1, outputPricePerM: "cheap" }, "outputPricePerM"],
    ["a price per token mistaken for per million", { inputPricePerM: 1, outputPricePerM: 50_000 }, "outputPricePerM"],
    ["an input price without an output price", { inputPricePerM: 1 }, "outputPricePerM"],
    ["an output price without an input price", { outputPricePerM: 1 }, "inputPricePerM"],
  ])("create with %s → 422 naming the field", async (_label, prices, field) => {
    expectError(await owner.api.post(providers(), { ...base, ...prices }), 422, field);
  });

  it("update that would leave one price only → 422 naming the missing one; nothing is changed", async () => {
    const p = expectOk(ops.createProvider, await owner.api.post(providers(), { ...base, inputPricePerM: 2, outputPricePerM: 8 }));
    expectError(await owner.api.patch(`${providers()}/${p.id}`, { inputPricePerM: null }), 422, "inputPricePerM");
    expectError(await owner.api.patch(`${providers()}/${p.id}`, { outputPricePerM: -3 }), 422, "outputPricePerM");
    expect(await db.modelProvider.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ inputPricePerM: 2, outputPricePerM: 8 });
  });

  it("presets carry prices for their example model where known, and accept them as they are", async () => {
    const openai = PROVIDER_PRESETS.find((p) => p.id === "openai")!;
    expect(openai.prices).toEqual({ inputPricePerM: 0.15, outputPricePerM: 0.6 });
    expect(PROVIDER_PRESETS.find((p) => p.id === "ollama")!.prices).toEqual({ inputPricePerM: 0, outputPricePerM: 0 });
    expect(PROVIDER_PRESETS.find((p) => p.id === "custom")!.prices).toBeUndefined();
    for (const preset of PROVIDER_PRESETS.filter((p) => p.prices)) {
      expectOk(ops.createProvider, await owner.api.post(providers(), { ...base, name: preset.name, preset: preset.id, ...preset.prices }));
    }
  });
});
