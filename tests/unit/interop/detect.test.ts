import { describe, expect, it } from "vitest";
import { detectFormat, exportStudioJson, importFile } from "@/lib/interop";
import { expectInteropError, fixtureBytes, fixtureText, richSpec } from "@/tests/unit/interop/helpers";

const studioFile = JSON.stringify(exportStudioJson({ name: "Zoë", spec: richSpec(), exportedAt: "2025-03-01T00:00:00Z" }));
const bytes = (text: string) => new TextEncoder().encode(text);

describe("detectFormat", () => {
  it("recognises each format by content", () => {
    expect(detectFormat("zoe.png", fixtureBytes("card-v2.png"))).toBe("png-card");
    expect(detectFormat("avatar", fixtureBytes("card-v3.png"))).toBe("png-card");
    expect(detectFormat("card-v2.json", fixtureBytes("card-v2.json"))).toBe("card-json");
    expect(detectFormat("card-v1.json", fixtureText("card-v1.json"))).toBe("card-json");
    expect(detectFormat("card-v9.json", fixtureText("card-v9.json"))).toBe("card-json");
    expect(detectFormat("zoe.persona.json", bytes(`\uFEFF${studioFile}`))).toBe("studio-json");
    expect(detectFormat("prompt.txt", fixtureBytes("plain-prompt.txt"))).toBe("plain-prompt");
    expect(detectFormat("notes.md", "{ this is prose in braces }")).toBe("plain-prompt");
  });

  it("explains files it cannot import", () => {
    expectInteropError(() => detectFormat("archive.zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe])), "file");
    expectInteropError(() => detectFormat("photo.png", bytes("definitely not an image")), "png.signature");
    expectInteropError(() => detectFormat("broken.json", fixtureText("truncated-card.json")), "json");
    expectInteropError(() => detectFormat("list.json", "[1, 2, 3]"), "json");
  });
});

describe("importFile", () => {
  it("runs the importer for the detected format", () => {
    expect(importFile("zoe.png", fixtureBytes("card-v2.png"))).toMatchObject({ format: "png-card", chunk: "chara", spec: { name: "Zoë" } });
    expect(importFile("mira.json", fixtureBytes("card-v3.json"))).toMatchObject({ format: "card-json", version: "v3" });
    expect(importFile("zoe.json", studioFile)).toMatchObject({ format: "studio-json", spec: richSpec(), versions: [] });
    expect(importFile("tutor.txt", fixtureText("plain-prompt.txt"), { name: "Tutor" })).toMatchObject({ format: "plain-prompt", spec: { name: "Tutor" } });
  });

  it("passes on the importer's named errors", () => {
    expectInteropError(() => importFile("v9.json", fixtureText("card-v9.json")), "spec");
    expectInteropError(() => importFile("name.json", fixtureBytes("card-name-number.json")), "data.name");
    expectInteropError(() => importFile("cut.png", fixtureBytes("truncated.png")), "png.chunk");
    expectInteropError(() => importFile("empty.txt", ""), "prompt");
  });
});
