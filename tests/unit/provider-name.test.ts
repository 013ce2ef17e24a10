import { describe, expect, it } from "vitest";
import { DELETED_PROVIDER_LABEL, providerNameOf, SIMULATOR_LABEL } from "@/lib/schemas/provider";

describe("providerNameOf", () => {
  const names = { env: "Environment (OPENAI_*)", cl9x2k: "Team Llama" };
  it("names a known provider and the simulator", () => {
    expect(providerNameOf(names, "cl9x2k")).toBe("Team Llama");
    expect(providerNameOf(names, "simulator")).toBe(SIMULATOR_LABEL);
  });
  it("reads 'deleted provider' for an id it does not know, never the id", () => {
    expect(providerNameOf(names, "cm0gone123")).toBe(DELETED_PROVIDER_LABEL);
  });
});
