import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { NEUTRAL_PROMPT } from "@/lib/probing/arms";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import { expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 16 §8: the promptfoo export runs where the studio runs — the workspace's
// default provider as an openai-compatible provider (base URL and model; the
// key only named by an env var) — with the studio's leakage checks as asserts
// and its baseline arm as a second prompt.

const SECRET = "sk-live-PROMPTFOO-NEVER-0123456789";
type Config = {
  prompts: { label: string; raw: string }[];
  providers: unknown[];
  tests: { vars: { message: string }; assert?: { type: string; value: string }[]; metadata: { kind?: string; trait?: string } }[];
};

async function download(member: Member, personaId: string, query: Record<string, string> = {}) {
  const url = new URL(`http://localhost:3000${personaPath(member.workspaceId, personaId)}/export`);
  for (const [k, v] of Object.entries({ format: "promptfoo", version: "draft", ...query })) url.searchParams.set(k, v);
  const { matchRoute } = await import("@/tests/factories/api");
  const { module, params } = matchRoute(url.pathname);
  const res = await module.GET!(new Request(url, { headers: { cookie: member.cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve(params) });
  expect(res.status).toBe(200);
  return res.text();
}

let owner: Member;
let personaId: string;
const targets = { empathetic: 90, firm: 80 };

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pia" });
  const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Team Llama", preset: "custom", baseUrl: "http://127.0.0.1:9/v1", apiKey: SECRET, defaultModel: "llama-3-8b",
  }));
  expectOk(ops.setDefaultProvider, await owner.api.send("PUT", `${wsPath(owner.workspaceId)}/providers/default`, { body: { providerId: provider.id, model: "llama-3-70b" } }));
  personaId = (await createPersona(owner, { name: "Foo", spec: buildSpec({ name: "Foo", traitTargets: targets }) })).id;
});

describe("the promptfoo export", () => {
  it("uses the workspace's default provider with its base URL and model, naming the key's env var, never the key", async () => {
    const text = await download(owner, personaId);
    const config = parseYaml(text) as Config;
    expect(config.providers).toEqual([{
      id: "openai:chat:llama-3-70b", label: "Team Llama · llama-3-70b",
      config: { apiBaseUrl: "http://127.0.0.1:9/v1", apiKeyEnvar: "TEAM_LLAMA_API_KEY" },
    }]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("PROMPTFOO-NEVER");
    expect(text).toMatch(/^# .*Set TEAM_LLAMA_API_KEY to its API key/m);
  });

  it("includes leakage checks on the watched traits the persona does not target, and the baseline as a second prompt", async () => {
    const config = parseYaml(await download(owner, personaId)) as Config;
    const expected = defaultWatchSet(Object.keys(targets)).filter((k) => !(k in targets));
    expect(expected.length).toBeGreaterThan(0);
    const leakage = config.tests.filter((t) => t.metadata.kind === "leakage");
    expect(new Set(leakage.map((t) => t.metadata.trait))).toEqual(new Set(expected));
    expect(leakage.every((t) => t.assert?.[0].type === "llm-rubric" && /did NOT ask it to change/.test(t.assert[0].value))).toBe(true);
    expect(new Set(config.tests.filter((t) => t.metadata.kind === "target").map((t) => t.metadata.trait))).toEqual(new Set(Object.keys(targets)));
    expect(config.prompts.map((p) => p.label)).toEqual(["Foo", "Baseline (plain assistant)"]);
    const baseline = JSON.parse(config.prompts[1].raw.replace("{{ message | dump }}", '"hi"'));
    expect(baseline[0]).toEqual({ role: "system", content: NEUTRAL_PROMPT });
  });

  it("a workspace on the simulator gets a runnable stand-in and is told why; a provider given in the query wins", async () => {
    const sim = await signUpWithWorkspace({ name: "Sia" });
    const id = (await createPersona(sim, { name: "Bar", spec: buildSpec({ name: "Bar", traitTargets: targets }) })).id;
    const text = await download(sim, id);
    expect((parseYaml(text) as Config).providers).toEqual(["openai:gpt-4o-mini"]);
    expect(text).toMatch(/^# The workspace answers with the simulator/m);
    expect((parseYaml(await download(owner, personaId, { provider: "anthropic:messages:claude-3-5-haiku-latest" })) as Config).providers).toEqual(["anthropic:messages:claude-3-5-haiku-latest"]);
  });
});
