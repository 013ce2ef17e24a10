import { expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { compilePersona } from "@/lib/persona/compile";
import { api, expectOk } from "@/tests/factories/api";
import { signUp } from "@/tests/factories/auth";
import { snapshotDb } from "@/tests/factories/db";
import { buildSpec } from "@/tests/factories/personas";

it("POST /api/compile returns the compiled prompt for a spec and stores nothing", async () => {
  const user = await signUp();
  const before = await snapshotDb();
  const spec = buildSpec({ traitTargets: { empathetic: 90 }, notes: "private designer note" });
  const result = expectOk(ops.compile, await api(user.cookie).post("/api/compile", { spec }));
  expect(result).toEqual(compilePersona(spec));
  expect(result.prompt).toContain("name the person's feelings");
  expect(result.prompt).not.toContain("private designer note");
  expect(await snapshotDb()).toEqual(before);
});
