import { describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { sweepWorkspace } from "@/tests/factories/sweep";
import { buildSpec, createPersona, personaPath, wsPath } from "@/tests/factories/personas";
import { buildCustomTrait } from "@/tests/factories/custom-traits";
import { opsWithBody } from "@/tests/factories/requests";
import { FIELD_LABELS } from "@/lib/persona/field-labels";

// Bad input gets a clear 4xx naming the field at fault, never a 500, never a partial write.
// The owner sends every request, so no role check can be what stops it.

const sweep = sweepWorkspace("Olive");
const { expectNothingWritten, send: sendBody } = sweep;

const spec = buildSpec();

/** How a person would recognise a field: its last key in words ("providerSpreadFirst" → "provider spread first"), or its composer label. */
function fieldWords(field: string): string[] {
  const keys = field.split(".").filter((k) => !/^\d+$/.test(k));
  const last = keys.at(-1)!;
  // Services' own messages (e.g. a panel member that is no persona here) still name the raw key.
  const words = [last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase(), last.toLowerCase()];
  const inSpec = field.startsWith("spec.") ? field.slice("spec.".length) : null;
  if (inSpec && FIELD_LABELS[inSpec]) words.push(FIELD_LABELS[inSpec].toLowerCase());
  return words;
}

/** For each operation with a body: a broken body and the field the error must name. */
const BAD_BODIES: Record<string, [label: string, body: unknown, field: string][]> = {
  compilePersona: [
    ["empty", {}, "spec"],
    ["trait target above 100", { spec: { ...spec, traitTargets: { empathetic: 101 } } }, "spec.traitTargets.empathetic"],
  ],
  createWorkspace: [["empty", {}, "name"], ["number as name", { name: 42 }, "name"]],
  updateWorkspace: [["empty", {}, "name"], ["blank name", { name: "   " }, "name"], ["an unknown approval policy", { approvalPolicy: "sometimes" }, "approvalPolicy"]],
  inviteMember: [
    ["empty", {}, "email"],
    ["not an email", { email: "olive at example", role: "viewer" }, "email"],
    ["unknown role", { email: "x@example.test", role: "admin" }, "role"],
  ],
  updateMember: [["empty", {}, "role"], ["unknown role", { role: "superuser" }, "role"]],
  readNotifications: [["ids as a string", { ids: "all" }, "ids"], ["an empty id", { ids: [""] }, "ids.0"]],
  createPersona: [
    ["empty", {}, "name"],
    ["archetype as number", { name: "Ok", archetype: 7 }, "archetype"],
    ["imported spec with a bad trait key", { name: "Ok", spec: { ...spec, traitTargets: { "Bad Key": 5 } } }, "spec.traitTargets.Bad Key"],
  ],
  updateDraft: [
    ["empty", {}, "revision"],
    ["revision as string", { revision: "1", spec }, "revision"],
    ["no spec", { revision: 1 }, "spec"],
    ["spec without a name", { revision: 1, spec: { ...spec, name: "" } }, "spec.name"],
    ["voice register unknown", { revision: 1, spec: { ...spec, voice: { ...spec.voice, register: "shouty" } } }, "spec.voice.register"],
  ],
  archivePersona: [["empty", {}, "archived"], ["archived as string", { archived: "yes" }, "archived"]],
  createVersion: [
    ["empty", {}, "message"],
    ["blank message", { message: "   ", revision: 1 }, "message"],
    ["fractional revision", { message: "x", revision: 1.5 }, "revision"],
  ],
  restoreVersion: [["empty", {}, "revision"], ["revision 0", { revision: 0 }, "revision"]],
  createProvider: [
    ["empty", {}, "name"],
    ["blank name", { name: "   ", baseUrl: "http://localhost:11434/v1", defaultModel: "m" }, "name"],
    ["base URL that is not a URL", { name: "Ok", baseUrl: "localhost:11434", defaultModel: "m" }, "baseUrl"],
  ],
  updateProvider: [["blank name", { name: "" }, "name"], ["ftp base URL", { baseUrl: "ftp://example.test" }, "baseUrl"], ["key as number", { apiKey: 5 }, "apiKey"]],
  testProvider: [["empty", {}, "baseUrl"], ["base URL that is not a URL", { baseUrl: "nope" }, "baseUrl"]],
  setDefaultProvider: [["empty", {}, "providerId"], ["blank model", { providerId: "simulator", model: "  " }, "model"]],
  streamPreview: [
    ["empty", {}, "source"],
    ["unknown source kind", { source: { kind: "url" }, message: "Hi" }, "source.kind"],
    ["blank message", { source: { kind: "spec", spec }, message: "   " }, "message"],
    ["temperature above 2", { source: { kind: "spec", spec }, message: "Hi", temperature: 3 }, "temperature"],
  ],
  estimateProbeRun: [
    ["version zero", { version: 0 }, "version"],
    ["half-width of zero", { targetHalfWidth: 0 }, "targetHalfWidth"],
    ["watch-all flag as text", { watchAllRelated: "yes" }, "watchAllRelated"],
  ],
  createProbeRun: [
    ["version zero", { version: 0 }, "version"],
    ["temperature above 2", { temperature: 5 }, "temperature"],
    ["bad trait key", { traits: ["Not A Key"] }, "traits.0"],
    ["budget below the minimum", { budgetPerTrait: 2 }, "budgetPerTrait"],
  ],
  startRangeCheck: [["no trait", {}, "trait"], ["bad trait key", { trait: "Not A Key" }, "trait"]],
  suggestArchetypes: [["empty", {}, "traitTargets"], ["no traits", { traitTargets: {} }, "traitTargets"]],
  draftCustomTrait: [
    ["empty", {}, "description"],
    ["a two-letter description", { description: "ab" }, "description"],
    ["a description over 300 characters", { description: "x".repeat(301) }, "description"],
  ],
  saveCustomTrait: [
    ["empty", {}, "key"],
    ["a key with capitals", buildCustomTrait({ key: "Calm" }), "key"],
    ["a built-in key", buildCustomTrait({ key: "empathetic" }), "key"],
    ["only 11 items", buildCustomTrait({ items: buildCustomTrait().items.slice(0, 11) }), "items"],
    ["an empty item text", buildCustomTrait({ items: buildCustomTrait().items.map((it, i) => (i === 3 ? { ...it, text: " " } : it)) }), "items.3.text"],
    ["an item over 500 characters", buildCustomTrait({ items: buildCustomTrait().items.map((it, i) => (i === 0 ? { ...it, text: "x".repeat(501) } : it)) }), "items.0.text"],
    ["an unknown topic", buildCustomTrait({ items: buildCustomTrait().items.map((it, i) => (i === 0 ? { ...it, topic: "sports" as never } : it)) }), "items.0.topic"],
    ["a missing 100 anchor", { ...buildCustomTrait(), rubric: { ...buildCustomTrait().rubric, anchors: { "0": "a", "50": "b" } } }, "rubric.anchors.100"],
    ["no name", { ...buildCustomTrait(), name: "" }, "name"],
  ],
  recordSampleAnswers: [["a numeric provider id", { providerId: 7 }, "providerId"], ["a model name over 200 characters", { model: "m".repeat(201) }, "model"]],
  createComment: [
    ["empty", {}, "body"],
    ["a blank body", { body: "   ", anchor: { kind: "persona" } }, "body"],
    ["no anchor and no parent", { body: "Hi" }, "anchor"],
    ["an unknown anchor kind", { body: "Hi", anchor: { kind: "paragraph" } }, "anchor.kind"],
    ["a field anchor without the field", { body: "Hi", anchor: { kind: "field" } }, "anchor.key"],
    ["a version anchor without the version", { body: "Hi", anchor: { kind: "version" } }, "anchor.version"],
    ["both an anchor and a parent", { body: "Hi", anchor: { kind: "persona" }, parentId: "c1" }, "parentId"],
    ["a body over 10000 characters", { body: "x".repeat(10_001), anchor: { kind: "persona" } }, "body"],
  ],
  resolveComment: [["empty", {}, "resolved"], ["a string", { resolved: "yes" }, "resolved"]],
  editComment: [["empty", {}, "body"], ["a blank body", { body: "  " }, "body"]],
  requestReview: [
    ["empty", {}, "version"],
    ["no reviewers", { version: 1, reviewerIds: [] }, "reviewerIds"],
    ["version 0", { version: 0, reviewerIds: ["u"] }, "version"],
    ["a message over 2000 characters", { version: 1, reviewerIds: ["u"], message: "x".repeat(2001) }, "message"],
  ],
  decideVersion: [
    ["empty", {}, "decision"],
    ["an unknown decision", { decision: "maybe" }, "decision"],
    ["changes requested without saying what", { decision: "request_changes", note: " " }, "note"],
  ],
  createShareLink: [
    ["version 0", { version: 0 }, "version"],
    ["an expiry of 0 days", { expiresInDays: 0 }, "expiresInDays"],
    ["an expiry over a year", { expiresInDays: 366 }, "expiresInDays"],
    ["includeComments as a string", { includeComments: "yes" }, "includeComments"],
    ["a label over 120 characters", { label: "x".repeat(121) }, "label"],
  ],
  createVariant: [
    ["empty", {}, "name"],
    ["an unknown start", { name: "A", from: "somewhere" }, "from"],
    ["a spec without a name", { name: "A", spec: { ...spec, name: "" } }, "spec.name"],
  ],
  draftScenarios: [["too many", { count: 50 }, "count"], ["model as number", { model: 5 }, "model"]],
  importScenarios: [
    ["empty", {}, "format"],
    ["an unknown format", { format: "xml", text: "message\nhi", revision: 1 }, "format"],
    ["no text", { format: "csv", text: "", revision: 1 }, "text"],
    ["an unknown mode", { format: "csv", text: "message\nhi", revision: 1, mode: "merge" }, "mode"],
  ],
  importPersona: [
    ["empty", {}, "fileName"],
    ["no content", { fileName: "a.txt", content: "" }, "content"],
    ["an unknown encoding", { fileName: "a.txt", content: "x", encoding: "hex" }, "encoding"],
    ["content that is not a card, JSON or prompt", { fileName: "card.png", content: "AAAA", encoding: "base64" }, "content"],
    ["a card with a numeric name", { fileName: "card.json", content: JSON.stringify({ spec: "chara_card_v2", spec_version: "2.0", data: { name: 7 } }) }, "content"],
  ],
  createRequestedWordingVariant: [["empty", {}, "trait"], ["a trait key with spaces", { trait: "very firm" }, "trait"]],
  updateVariant: [["empty", {}, "revision"], ["a blank name", { revision: 1, name: " " }, "name"]],
  probeVariants: [
    ["only one to compare", { variantIds: ["a"] }, "variantIds"],
    ["seven variants", { variantIds: ["a", "b", "c", "d", "e", "f", "g"] }, "variantIds"],
    ["targets from version 0", { variantIds: ["a", "b"], targetsFrom: 0 }, "targetsFrom"],
  ],
  createApiToken: [
    ["empty", {}, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["a name over 80 characters", { name: "x".repeat(81) }, "name"],
    ["the sweep.owner role", { name: "CI", role: "owner" }, "role"],
    ["an expiry of 0 days", { name: "CI", expiresInDays: 0 }, "expiresInDays"],
    ["an expiry over a year", { name: "CI", expiresInDays: 366 }, "expiresInDays"],
  ],
  moveLabel: [
    ["empty", {}, "version"],
    ["version 0", { version: 0 }, "version"],
    ["a version as text", { version: "2" }, "version"],
    ["a fractional version", { version: 1.5 }, "version"],
  ],
  acknowledgeFlag: [
    ["empty", {}, "flagId"],
    ["not a report flag id", { flagId: "drift:warm", reason: "fine" }, "flagId"],
    ["an unknown direction", { flagId: "leakage:warm", direction: "sideways", reason: "fine" }, "direction"],
    ["no reason", { flagId: "leakage:warm", reason: "   " }, "reason"],
    ["a reason over 500 characters", { flagId: "leakage:warm", reason: "x".repeat(501) }, "reason"],
  ],
  createPanel: [
    ["empty", {}, "name"],
    ["a member key with capitals", { name: "Board", spec: { members: [{ key: "Ada", personaId: "p", version: "latest" }] } }, "spec.members.0.key"],
    ["version 0", { name: "Board", spec: { members: [{ key: "ada", personaId: "p", version: 0 }] } }, "spec.members.0.version"],
    ["a pair naming a non-member", { name: "Board", spec: { members: [{ key: "ada", personaId: "p", version: "latest" }], polarityPairs: [{ a: "ada", b: "bob" }] } }, "spec.polarityPairs.0.b"],
    ["a member who is no persona of this workspace", { name: "Board", spec: { members: [{ key: "ada", personaId: "no-such-persona", version: "latest" }] } }, "spec.members.0.personaId"],
  ],
  updatePanel: [["empty", {}, "revision"], ["a blank name", { revision: 1, name: " " }, "name"]],
  createPanelVersion: [["empty", {}, "message"], ["revision 0", { message: "x", revision: 0 }, "revision"]],
  importCouncil: [
    ["empty", {}, "files"],
    ["no files", { files: [] }, "files"],
    ["a file without a name", { files: [{ fileName: "", text: "x" }] }, "files.0.fileName"],
    ["a member file without front matter", { files: [{ fileName: "council-x.md", text: "You are X." }] }, "files.0.text"],
  ],
  startAxesExperiment: [
    ["empty", {}, "topic"],
    ["a blank topic", { topic: "   " }, "topic"],
    ["a topic over 200 characters", { topic: "x".repeat(201) }, "topic"],
    ["5 items per trait", { topic: "housing", itemsPerTrait: 5 }, "itemsPerTrait"],
    ["one trait", { topic: "housing", traits: ["warm"] }, "traits"],
    ["a trait outside the library", { topic: "housing", traits: ["warm", "no_such_trait"] }, "traits.1"],
    ["a seat without a model", { topic: "housing", seat: { providerId: "simulator" } }, "seat.model"],
    ["a seat on no provider of this workspace", { topic: "housing", seat: { providerId: "no-such-provider", model: "m" } }, "seat"],
  ],
  streamPanelPreview: [
    ["empty", {}, "question"],
    ["blank question", { question: "   " }, "question"],
    ["cross-examine as text", { question: "Hi", crossExamine: "yes" }, "crossExamine"],
    ["a member key with spaces", { question: "Hi", members: ["Not A Key"] }, "members.0"],
    ["record as text", { question: "Hi", record: "yes" }, "record"],
  ],
  createPanelComment: [
    ["empty", {}, "body"],
    ["no anchor and no thread", { body: "Hi" }, "anchor"],
    ["both anchor and thread", { body: "Hi", anchor: { kind: "panel_member", key: "ada" }, parentId: "c1" }, "parentId"],
    ["a persona anchor", { body: "Hi", anchor: { kind: "persona", key: "x" } }, "anchor.kind"],
    ["an anchor without a key", { body: "Hi", anchor: { kind: "panel_answer" } }, "anchor.key"],
  ],
  resolvePanelComment: [["empty", {}, "resolved"], ["resolved as text", { resolved: "yes" }, "resolved"]],
  requestPanelReview: [
    ["empty", {}, "version"],
    ["no reviewers", { version: 1, reviewerIds: [] }, "reviewerIds"],
    ["version 0", { version: 0, reviewerIds: ["u"] }, "version"],
  ],
  decidePanelVersion: [
    ["an unknown decision", { decision: "maybe" }, "decision"],
    ["changes requested without saying what", { decision: "request_changes", note: " " }, "note"],
  ],
  createPanelShareLink: [
    ["expiry 0 days", { expiresInDays: 0 }, "expiresInDays"],
    ["a label over 120 characters", { label: "x".repeat(121) }, "label"],
    ["comments as text", { includeComments: "yes" }, "includeComments"],
  ],
  createPanelRun: [
    ["an unknown experiment", { experiment: "contest" }, "experiment"],
    ["one trait", { traits: ["warm"] }, "traits"],
    ["5 items per trait", { itemsPerTrait: 5 }, "itemsPerTrait"],
    ["version 0", { version: 0 }, "version"],
  ],
  estimatePanelRun: [["answersPerPair over 40", { answersPerPair: 41 }, "answersPerPair"], ["concurrency 0", { concurrency: 0 }, "concurrency"]],
  putAvatar: [
    ["no image", {}, "image"],
    ["an empty image", { image: "" }, "image"],
    ["the image as a number", { image: 5 }, "image"],
  ],
  spreadSeats: [
    ["a strategy that is not an object", { strategy: "spread" }, "strategy"],
    ["providerSpreadFirst as a string", { strategy: { providerSpreadFirst: "yes" } }, "strategy.providerSpreadFirst"],
  ],
};

it("has broken-body cases for every operation that takes a body", () => {
  expect(Object.keys(BAD_BODIES).sort()).toEqual(opsWithBody.map((op) => op.id).sort());
});

describe.each(opsWithBody.map((op) => [op.id, op] as const))("%s", (_id, op) => {
  it("answers 400 on field 'body' to invalid JSON", async () => {
    const error = expectError(await sendBody(op, { rawBody: '{"name": "unterminated' }), 400, "body");
    expect(error.code).toBe("bad_request");
    await expectNothingWritten();
  });

  it.each(BAD_BODIES[op.id] ?? [])("answers 422 naming the field for a body that is %s", async (_label, body, field) => {
    const error = expectError(await sendBody(op, { body }), 422, field);
    expect(error.code).toBe("validation");
    // The machine path is in `field`; the message names the field in words a person knows.
    expect(fieldWords(field).some((w) => error.message.toLowerCase().includes(w)), `${error.message} should name ${field}`).toBe(true);
    expect(error.message).not.toMatch(/Too (big|small):|Invalid input|expected \w+ to (have|be)|\[body/);
    await expectNothingWritten();
  });

  it.each([["an array", []], ["a string", "hello"], ["a number", 42], ["null", null]])(
    "answers 422 on field 'body' when the body is %s",
    async (_label, body) => {
      expectError(await sendBody(op, { body }), 422, "body");
      await expectNothingWritten();
    },
  );
});

describe("query strings", () => {
  const list = () => `${wsPath(sweep.owner.workspaceId)}/personas`;
  const diff = () => `${personaPath(sweep.owner.workspaceId, sweep.ids.personaId)}/diff`;

  it.each([
    [{ sort: "sideways" }, "sort"],
    [{ status: "deleted" }, "status"],
    [{ q: "x".repeat(201) }, "q"],
  ])("listPersonas %j → 422 on %s", async (query, field) => {
    expectError(await sweep.owner.api.get(list(), query), 422, field);
  });

  it.each([
    [{ from: "abc" }, "from"],
    [{}, "from"],
    [{ from: 0 }, "from"],
    [{ from: 1, to: "later" }, "to"],
  ])("diffVersions %j → 422 on %s", async (query, field) => {
    expectError(await sweep.owner.api.get(diff(), query), 422, field);
  });

  it("diffVersions with a version that does not exist → 404", async () => {
    expectError(await sweep.owner.api.get(diff(), { from: 99 }), 404);
  });
});

describe("path parameters that cannot name anything", () => {
  const persona = () => personaPath(sweep.owner.workspaceId, sweep.ids.personaId);

  it.each(["abc", "0", "-1", "1.5", "99"])("GET versions/%s → 404", async (number) => {
    expectError(await sweep.owner.api.get(`${persona()}/versions/${number}`), 404);
  });

  it.each(["abc", "0", "99"])("restore versions/%s → 404 and the draft is untouched", async (number) => {
    expectError(await sweep.owner.api.post(`${persona()}/versions/${number}/restore`, { revision: sweep.ids.revision }), 404);
    await expectNothingWritten();
  });

  it("an unknown or over-long persona id → 404", async () => {
    expectError(await sweep.owner.api.get(personaPath(sweep.owner.workspaceId, "no-such-persona")), 404);
    expectError(await sweep.owner.api.get(personaPath(sweep.owner.workspaceId, "x".repeat(65))), 404);
    expectError(await sweep.owner.api.patch(personaPath(sweep.owner.workspaceId, "no-such-persona"), { revision: 1, spec }), 404);
    await expectNothingWritten();
  });

  it("an unknown workspace or member id → 404", async () => {
    expectError(await sweep.owner.api.get(`${wsPath("no-such-workspace")}/personas`), 404);
    expectError(await sweep.owner.api.patch(`${wsPath(sweep.owner.workspaceId)}/members/no-such-member`, { role: "viewer" }), 404);
    expectError(await sweep.owner.api.delete(`${wsPath(sweep.owner.workspaceId)}/members/no-such-member`), 404);
    await expectNothingWritten();
  });

  it("the persona is still intact after all of the above", async () => {
    const p = expectOk(ops.getPersona, await sweep.owner.api.get(persona()));
    expect(p).toMatchObject({ revision: sweep.ids.revision, latestVersion: 1, name: "Nurse Ada" });
  });
});
