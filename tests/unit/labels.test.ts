import { describe, expect, it } from "vitest";
import { labelSnippets, labelUrl } from "@/components/versions/label-snippets";
import { conditionalJson, ifNoneMatchHits, strongEtag } from "@/lib/http/etag";
import { labelNameSchema, moveLabelBody, sortLabels } from "@/lib/schemas/labels";

describe("label names", () => {
  it.each(["production", "staging", "staging-eu", "v2", "a", "x".repeat(32)])("accepts %s", (name) => {
    expect(labelNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(["", "Production", "prod_eu", "prod eu", "-prod", "x".repeat(33), "prod/eu", "é"])("refuses %j", (name) => {
    expect(labelNameSchema.safeParse(name).success).toBe(false);
  });
  it("says what a name may contain in plain words", () => {
    const result = labelNameSchema.safeParse("Prod_EU");
    expect(result.error?.issues[0].message).toMatch(/lowercase letters, digits and dashes/);
  });
  it("takes a positive whole version", () => {
    expect(moveLabelBody.safeParse({ version: 3 }).success).toBe(true);
    for (const version of [0, -1, 1.5, "3", null]) expect(moveLabelBody.safeParse({ version }).success).toBe(false);
  });
  it("orders production, staging, then the rest by name", () => {
    expect(sortLabels([{ name: "zeta" }, { name: "staging" }, { name: "canary" }, { name: "production" }]).map((l) => l.name))
      .toEqual(["production", "staging", "canary", "zeta"]);
  });
});

describe("ETags", () => {
  it("is a quoted hash that changes with any byte of the body", () => {
    const a = strongEtag(JSON.stringify({ version: 3, compiledPrompt: "You are Ada." }));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag(JSON.stringify({ version: 3, compiledPrompt: "You are Ada." }))).toBe(a);
    expect(strongEtag(JSON.stringify({ version: 4, compiledPrompt: "You are Ada." }))).not.toBe(a);
    expect(strongEtag(JSON.stringify({ version: 3, compiledPrompt: "You are Ada!" }))).not.toBe(a);
  });
  it("matches If-None-Match lists, weak forms and *", () => {
    const tag = strongEtag("x");
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"a", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits(`"a", "b"`, tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(1, -1), tag)).toBe(false);
    expect(ifNoneMatchHits(null, tag)).toBe(false);
  });
  it("answers 304 with the validator and no body, 200 with JSON otherwise", async () => {
    const data = { version: 2 };
    const fresh = conditionalJson(new Request("http://x/"), data, "private, max-age=60");
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual(data);
    const etag = fresh.headers.get("etag")!;
    const cached = conditionalJson(new Request("http://x/", { headers: { "if-none-match": etag } }), data, "private, max-age=60");
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    expect(cached.headers.get("etag")).toBe(etag);
    expect(cached.headers.get("cache-control")).toBe("private, max-age=60");
  });
});

describe("Use in your app snippets", () => {
  const input = { origin: "https://studio.example.com/", workspaceId: "ws1", persona: "refund-desk", label: "production" };
  it("point at the label's read endpoint", () => {
    expect(labelUrl(input)).toBe("https://studio.example.com/api/workspaces/ws1/personas/refund-desk/labels/production");
  });
  it("read the token from the environment and pass the prompt as the system message", () => {
    const [curl, fetchSnippet, openai] = labelSnippets(input);
    expect(curl.code).toContain(`-H "Authorization: Bearer $PERSONA_STUDIO_TOKEN"`);
    expect(fetchSnippet.code).toContain("process.env.PERSONA_STUDIO_TOKEN");
    expect(openai.code).toContain(`{ role: "system", content: prompt }`);
    expect(openai.code).toContain("client.chat.completions.create(");
    for (const s of [curl, fetchSnippet, openai]) {
      expect(s.code).toContain(labelUrl(input));
      expect(s.code).not.toMatch(/ps_[A-Za-z0-9_-]{10}/);
    }
  });
});
