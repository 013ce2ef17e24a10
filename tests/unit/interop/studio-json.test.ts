import { describe, expect, it } from "vitest";
import { exportStudioJson, importStudioJson } from "@/lib/interop";
import { expectInteropError, richSpec } from "@/tests/unit/interop/helpers";

const exportedAt = new Date("2025-03-01T12:00:00.000Z");

describe("Persona Studio JSON", () => {
  it("round-trips a spec and its version history losslessly through the file text", () => {
    const spec = richSpec();
    const older = richSpec({ archetype: "a radio host", traitTargets: { empathetic: 60 } });
    const file = exportStudioJson({
      name: "Zoë Nakamura",
      spec,
      exportedAt,
      versions: [{ number: 1, message: "First cut ✂️", spec: older, createdAt: new Date("2025-02-01T09:30:00Z"), authorName: "Ana Lima" }],
    });
    const back = importStudioJson(JSON.stringify(file, null, 2));
    expect(back.spec).toEqual(spec);
    expect(back.name).toBe("Zoë Nakamura");
    expect(back.versions).toEqual([
      { number: 1, message: "First cut ✂️", spec: older, createdAt: "2025-02-01T09:30:00.000Z", authorName: "Ana Lima" },
    ]);
  });

  it("writes the format header and the export time it is given (no clock inside)", () => {
    const file = exportStudioJson({ name: "Zoë", spec: richSpec(), exportedAt });
    expect(file).toMatchObject({ format: "persona-studio", formatVersion: 1, exportedAt: "2025-03-01T12:00:00.000Z", persona: { name: "Zoë" } });
    expect("versions" in file).toBe(false);
    expect(exportStudioJson({ name: "Zoë", spec: richSpec(), exportedAt })).toEqual(file);
  });

  it("imports the parsed object as well as the text, with no versions meaning an empty history", () => {
    const file = exportStudioJson({ name: "Zoë", spec: richSpec(), exportedAt: "2025-03-01T12:00:00.000Z" });
    expect(importStudioJson(file).versions).toEqual([]);
  });

  it("names what is wrong in a damaged or foreign file", () => {
    const good = exportStudioJson({ name: "Zoë", spec: richSpec(), exportedAt });
    expectInteropError(() => importStudioJson('{"format": "persona-studio",'), "json");
    expectInteropError(() => importStudioJson("[1, 2]"), "json");
    expectInteropError(() => importStudioJson({ ...good, format: "something-else" }), "format");
    const newer = expectInteropError(() => importStudioJson({ ...good, formatVersion: 2 }), "formatVersion");
    expect(newer.message).toMatch(/newer Persona Studio/);
    const { name: _drop, ...nameless } = good.persona.spec;
    expectInteropError(() => importStudioJson({ ...good, persona: { name: "Zoë", spec: nameless } }), "persona.spec.name");
    expectInteropError(
      () => importStudioJson({ ...good, persona: { name: "Zoë", spec: { ...good.persona.spec, traitTargets: { empathetic: "high" } } } }),
      "persona.spec.traitTargets.empathetic",
    );
    expectInteropError(
      () => importStudioJson({ ...good, versions: [{ number: 1, message: "m", spec: { ...good.persona.spec, archetype: "x".repeat(601) }, createdAt: "2025-01-01", authorName: "A" }] }),
      "versions.0.spec.archetype",
    );
  });

  it("refuses to export a spec it could not import again", () => {
    expectInteropError(() => exportStudioJson({ name: "Zoë", spec: { ...richSpec(), name: "" }, exportedAt }), "spec.name");
  });
});
