import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "@/lib/llm/redact";

// The redactor decides what counts as an echo of a key. Servers echo keys
// whole, in part, masked, wrapped, quoted, upper-cased: every form a person
// could use to recover (part of) the key must go; ordinary words must stay.

const KEY = "sk-proj-Q7vLm2Xw9RtB4nZk8HcJ5pYd";
const ENV_KEY = "sk-env-0a1b2c3d4e5f6a7b8c9d0e1f";

const leaks = (out: string, key = KEY) => {
  // No run of 6 characters of the key survives, in any case.
  const lower = out.toLowerCase();
  for (let i = 0; i + 6 <= key.length; i++) {
    if (lower.includes(key.slice(i, i + 6).toLowerCase())) return key.slice(i, i + 6);
  }
  return null;
};

describe("redactSecrets: the whole key", () => {
  it.each([
    ["plain", `Incorrect API key provided: ${KEY}`],
    ["quoted", `Incorrect API key provided: "${KEY}".`],
    ["single-quoted", `key '${KEY}' is invalid`],
    ["in backticks", `key \`${KEY}\` is invalid`],
    ["as a bearer token", `Authorization: Bearer ${KEY} rejected`],
    ["at the very start", `${KEY} is not valid`],
    ["glued to other text", `provided:${KEY},try again`],
    ["twice", `${KEY} / ${KEY}`],
    ["upper-cased", `INCORRECT API KEY PROVIDED: ${KEY.toUpperCase()}`],
    ["lower-cased", `incorrect api key provided: ${KEY.toLowerCase()}`],
    ["inside JSON", JSON.stringify({ error: { message: "bad key", key: KEY } })],
    ["in a URL", `https://example.com/v1/models?api_key=${KEY}&x=1`],
  ])("%s", (_name, text) => {
    const out = redactSecrets(text, [KEY]);
    expect(leaks(out)).toBeNull();
    expect(out).toContain(REDACTED);
  });

  it("keeps the words around it", () => {
    expect(redactSecrets(`Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com.`, [KEY]))
      .toBe(`Incorrect API key provided: ${REDACTED}. You can find your API key at https://platform.openai.com.`);
  });

  it("a key split by whitespace or wrapped over lines", () => {
    for (const text of [
      `key: ${KEY.slice(0, 12)} ${KEY.slice(12)}`,
      `key: ${KEY.slice(0, 10)}\n${KEY.slice(10, 20)}\n${KEY.slice(20)}`,
      `key: ${[...KEY].join(" ")}`,
      `key: ${KEY.slice(0, 16)}\u200b${KEY.slice(16)}`,
    ]) {
      const out = redactSecrets(text, [KEY]);
      expect(leaks(out.replace(/\s/g, "")), text).toBeNull();
      expect(out.startsWith("key: ")).toBe(true);
    }
  });

  it("a key given with surrounding whitespace or quotes (as typed into a form) is still found", () => {
    for (const typed of [`  ${KEY}  `, `"${KEY}"`, `'${KEY}'`, `${KEY}\n`]) {
      expect(leaks(redactSecrets(`rejected ${KEY}`, [typed]))).toBeNull();
    }
  });
});

describe("redactSecrets: partial echoes", () => {
  it.each([
    ["a 6-character prefix", `key starting ${KEY.slice(0, 6)} rejected`],
    ["an 8-character prefix", `key starting ${KEY.slice(0, 8)}… rejected`],
    ["a 6-character suffix", `key ending in ${KEY.slice(-6)}`],
    ["an 8-character suffix", `key ending in ...${KEY.slice(-8)}`],
    ["a middle run", `fragment ${KEY.slice(10, 18)} seen`],
    ["the key with a typo at the end", `got ${KEY.slice(0, -1)}X`],
    ["the key with a character dropped in the middle", `got ${KEY.slice(0, 14)}${KEY.slice(15)}`],
  ])("%s", (_name, text) => {
    const out = redactSecrets(text, [KEY]);
    expect(leaks(out)).toBeNull();
    expect(out).toContain(REDACTED);
  });

  it.each([
    ["sk-abc…xyz", `${KEY.slice(0, 6)}…${KEY.slice(-3)}`],
    ["three dots", `${KEY.slice(0, 6)}...${KEY.slice(-3)}`],
    ["asterisks (OpenAI style)", `${KEY.slice(0, 8)}${"*".repeat(20)}${KEY.slice(-4)}`],
    ["bullets", `${KEY.slice(0, 3)}•••••••${KEY.slice(-4)}`],
    ["our own mask (sk-…last4)", `${KEY.slice(0, 3)}…${KEY.slice(-4)}`],
    ["x-ed out", `${KEY.slice(0, 4)}xxxxxxxxxxxx${KEY.slice(-3)}`],
  ])("a mask: %s", (_name, mask) => {
    const out = redactSecrets(`Incorrect API key provided: ${mask}. Check it.`, [KEY]);
    expect(out).toBe(`Incorrect API key provided: ${REDACTED}. Check it.`);
  });

  it("a mask of another key (nothing in common) is left alone", () => {
    expect(redactSecrets("key abc…xyz rejected", [KEY])).toBe("key abc…xyz rejected");
  });
});

describe("redactSecrets: which keys", () => {
  it("every key given (the provider's, the environment's, a typed one)", () => {
    const typed = "sk-typed-9f8e7d6c5b4a39281706";
    const out = redactSecrets(`a=${KEY} b=${ENV_KEY} c=${typed}`, [KEY, ENV_KEY, typed]);
    expect(out).toBe(`a=${REDACTED} b=${REDACTED} c=${REDACTED}`);
  });

  it("keys nobody named but that look like keys (sk-…, Bearer …)", () => {
    expect(redactSecrets("other key sk-live-aaaaaaaaaaaaaaaaaaaaaaaa here", [])).toBe(`other key ${REDACTED} here`);
    expect(redactSecrets("sent Bearer abcdefgh12345678 upstream", [])).toBe(`sent ${REDACTED} upstream`);
  });

  it("a key of a local server with ordinary characters", () => {
    const local = "ollama-local-secret";
    expect(redactSecrets(`Unauthorized: token ollama-local-secret is wrong`, [local])).toBe(`Unauthorized: token ${REDACTED} is wrong`);
  });

  it("a very short key is hidden only as a whole word", () => {
    expect(redactSecrets("key abc rejected; abcdef is fine", ["abc"])).toBe(`key ${REDACTED} rejected; abcdef is fine`);
  });

  it("a key full of regex metacharacters", () => {
    const odd = "a+b*c?d(e)f[g]h{i}j|k^l$m.n";
    expect(leaks(redactSecrets(`bad key ${odd}!`, [odd]), odd)).toBeNull();
  });

  it("null, undefined and empty keys are ignored", () => {
    expect(redactSecrets("The endpoint failed (500): Boom", [null, undefined, "", "   "])).toBe("The endpoint failed (500): Boom");
  });
});

describe("redactSecrets: what stays", () => {
  it("ordinary provider messages are untouched", () => {
    for (const text of [
      "The endpoint rejected the API key (401): Incorrect API key provided.",
      "The model `gpt-4o-mini` does not exist or you do not have access to it.",
      "Rate limited by the endpoint (429): Rate limit reached for requests",
      "Cannot reach the model endpoint (ECONNREFUSED)",
    ]) {
      expect(redactSecrets(text, [KEY, ENV_KEY])).toBe(text);
    }
  });

  it("is idempotent", () => {
    const once = redactSecrets(`key ${KEY} and ${KEY.slice(0, 3)}…${KEY.slice(-4)}, Bearer ${ENV_KEY}`, [KEY, ENV_KEY]);
    expect(redactSecrets(once, [KEY, ENV_KEY])).toBe(once);
  });

  it("a long text with many near-misses finishes and hides every echo", () => {
    const noise = Array.from({ length: 200 }, (_, i) => `${KEY.slice(0, 5)}${i}`).join(" ");
    const out = redactSecrets(`${noise} ${KEY}`, [KEY]);
    expect(leaks(out)).toBeNull();
  });
});
