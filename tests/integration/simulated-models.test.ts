import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { compilePersona } from "@/lib/persona/compile";
import type { PreviewEvent } from "@/lib/schemas/preview";
import { expectOk } from "@/tests/factories/api";
import { buildSpec, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 13 §8: a seat can be "simulator / persona-sim-2". The live preview
// accepts every simulated model on the built-in provider and answers with
// that model's well; an unlisted name is still refused by the provider.

let owner: Member;
beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sami" });
});

const preview = (body: unknown) => owner.api.post(`${wsPath(owner.workspaceId)}/preview`, body);
const text = (es: PreviewEvent[]) => es.map((e) => (e.type === "delta" ? e.text : "")).join("");

describe("the built-in simulator serves several simulated models", () => {
  it("previews a persona on persona-sim-2 and persona-sim-3 with each model's own answer", async () => {
    const spec = buildSpec();
    const answers: Record<string, string> = {};
    for (const model of ["persona-sim-1", "persona-sim-2", "persona-sim-3"]) {
      const es = expectOk(ops.preview, await preview({ source: { kind: "spec", spec }, message: "Help me", seed: 1, temperature: 0.7, providerId: "simulator", model })) as PreviewEvent[];
      expect(es[0]).toMatchObject({ type: "start", providerId: "simulator", simulated: true, model });
      expect(es.at(-1)).toMatchObject({ type: "done" });
      answers[model] = text(es);
      const direct = simulateChat({ model, temperature: 0.7, seed: 1, messages: [{ role: "system", content: compilePersona(spec).prompt }, { role: "user", content: "Help me" }] });
      expect(answers[model]).toBe(direct.text);
    }
    expect(new Set(Object.values(answers)).size).toBe(3);
  });

  it("still refuses a model the simulator does not list", async () => {
    const res = await preview({ source: { kind: "spec", spec: buildSpec() }, message: "Help me", seed: 1, providerId: "simulator", model: "persona-sim-9" });
    const es = res.body as PreviewEvent[];
    expect(es.at(-1)).toMatchObject({ type: "error", kind: "bad_request", message: "The model 'persona-sim-9' does not exist" });
    expect(es.some((e) => e.type === "done")).toBe(false);
  });
});
