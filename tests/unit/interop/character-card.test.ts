import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CARD_OWNED_FIELDS, exportCharacterCard, importCharacterCard } from "@/lib/interop";
import { compilePersona } from "@/lib/persona/compile";
import { expectInteropError, fixtureJson, fixtureText, richSpec } from "@/tests/unit/interop/helpers";

// Shapes from the public specs (malfoyslastname/character-card-spec-v2, kwaroran/character-card-spec-v3).
const v2DataShape = z.object({
  name: z.string(), description: z.string(), personality: z.string(), scenario: z.string(), first_mes: z.string(),
  mes_example: z.string(), creator_notes: z.string(), system_prompt: z.string(), post_history_instructions: z.string(),
  alternate_greetings: z.array(z.string()), tags: z.array(z.string()), creator: z.string(), character_version: z.string(),
  extensions: z.record(z.string(), z.unknown()),
});
const v2Shape = z.object({ spec: z.literal("chara_card_v2"), spec_version: z.literal("2.0"), data: v2DataShape });
const v3Shape = z.object({
  spec: z.literal("chara_card_v3"), spec_version: z.literal("3.0"),
  data: v2DataShape.extend({ group_only_greetings: z.array(z.string()) }),
});

type Card = { data: Record<string, unknown> & { extensions: Record<string, unknown> } } & Record<string, unknown>;
const asCard = (value: unknown) => value as Card;
const withoutStudio = (card: Card): Record<string, unknown> => {
  const { persona_studio: _studio, ...extensions } = card.data.extensions;
  const { system_prompt: _prompt, extensions: _ext, ...rest } = card.data;
  return { ...rest, extensions };
};

describe("Character Card import (hand-made fixtures)", () => {
  it("maps a V2 card onto the spec, filling {{char}}/{{user}} where the text reaches the prompt", () => {
    const { spec, version, warnings, restoredFromStudio } = importCharacterCard(fixtureText("card-v2.json"));
    expect(version).toBe("v2");
    expect(restoredFromStudio).toBe(false);
    expect(warnings).toEqual([]);
    expect(spec.name).toBe("Zoë");
    // The card's name is the character's own: it is what the compiled prompt calls her.
    expect(spec.characterName).toBe("Zoë");
    expect(spec.archetype).toBe("warm, wry and unhurried; listens more than she talks 🌙");
    expect(spec.background).toMatch(/^Zoë hosts a night-shift radio show in 東京/);
    expect(spec.background).toContain("\n\nThe user is a caller who can't sleep.");
    expect(spec.background).toMatch(/\n\nScenario: It is 3 a\.m\. and the user has just got through to the studio line\.$/);
    expect(spec.examples).toEqual([
      { user: "I can't sleep again.", assistant: "Then stay with me for a song or two. What's on your mind?" },
      { user: "Do you ever get lonely doing this?", assistant: "Lonely? With half of 東京 awake and listening?\nSometimes, yes. That's why I like the calls, the user." },
    ]);
    // Notes are never part of the prompt, so the card's system prompt is kept there verbatim.
    expect(spec.notes).toContain("Best with a slow, cosy tone.");
    expect(spec.notes).toContain("Write {{char}}'s next reply in a fictional chat with {{user}}.");
    expect(spec.notes.split("\n").at(-1)).toBe("Tags: radio, slice of life, 東京");
    expect(spec.promptOverride).toBeNull();
  });

  it("infers nothing the card does not say: no values, boundaries, voice or trait targets", () => {
    const { spec } = importCharacterCard(fixtureJson("card-v2.json"));
    expect(spec.values).toEqual([]);
    expect(spec.boundaries).toEqual([]);
    expect(spec.traitTargets).toEqual({});
    expect(spec.voice).toEqual({ register: "neutral", tone: "", length: "moderate" });
  });

  it("returns the whole original card as `unmapped`, a copy the caller can keep", () => {
    const card = fixtureJson("card-v2.json");
    const { unmapped } = importCharacterCard(card);
    expect(unmapped).toEqual(card);
    expect(unmapped).not.toBe(card);
  });

  it("maps a V3 card: nickname for {{char}}, a long personality split between archetype and background", () => {
    const { spec, version, warnings } = importCharacterCard(fixtureText("card-v3.json"));
    const personality = (fixtureJson("card-v3.json").data as { personality: string }).personality;
    expect(version).toBe("v3");
    expect(spec.name).toBe("Captain Mirela Ionescu");
    expect(spec.archetype.length).toBeLessThanOrEqual(600);
    expect(spec.archetype).toMatch(/^Blunt and practical.*pretends she does not\.$/);
    expect(spec.background).toMatch(/^Mira commands the salvage tug Patience/);
    const rest = spec.background.split("Personality (continued): ")[1];
    expect(`${spec.archetype} ${rest}`).toBe(personality.replace("{{user}}", "the user"));
    expect(warnings).toEqual([expect.objectContaining({ field: "data.personality" })]);
    expect(spec.examples[0]).toEqual({ user: "Captain, the reactor's running hot.", assistant: "Then we run it hot. Cut the cabin heat and tell Oskar to stop complaining." });
    expect(spec.notes).toContain("Tags: sci-fi, captain, found family");
  });

  it("reads a flat V1 card with <BOT>/<USER> placeholders", () => {
    const { spec, version } = importCharacterCard(fixtureText("card-v1.json"));
    expect(version).toBe("v1");
    expect(spec.name).toBe("Old Bartholomew");
    expect(spec.archetype).toBe("gruff, superstitious, secretly kind");
    expect(spec.background).toContain("until the user rows up to the jetty");
    expect(spec.background).toContain("Scenario: A storm is coming in and the user needs shelter.");
    expect(spec.examples).toEqual([{ user: "Can I wait out the storm here?", assistant: "Aye. Wipe your boots. And don't touch the lamp." }]);
  });
});

describe("Character Card export merged into the imported card", () => {
  it("V2: an unedited round trip changes only system_prompt and the studio extension, keeping every other field", () => {
    const original = fixtureJson("card-v2.json") as Card;
    const { spec, unmapped } = importCharacterCard(original);
    const out = asCard(exportCharacterCard(spec, { version: "v2", base: unmapped }));
    expect(v2Shape.safeParse(out).success).toBe(true);
    expect(withoutStudio(out)).toEqual(withoutStudio(original));
    expect(out.data.description).toBe(original.data.description); // placeholders and all, not the filled-in text
    expect(out.data.extensions.unknown_tool).toEqual({ version: 3, settings: { voice: "alto", speed: 0.9 }, flags: [true, null, "x"] });
    expect(out.data.character_book).toEqual(original.data.character_book);
    expect(out.data.system_prompt).toBe(compilePersona(spec).prompt);
    expect(out.data.extensions.persona_studio).toMatchObject({ formatVersion: 1, spec, traitTargets: {}, values: [] });
  });

  it("V3: keeps assets, group-only greetings, sources, dates and unknown top-level keys; stamps modification_date", () => {
    const original = fixtureJson("card-v3.json") as Card;
    const { spec, unmapped } = importCharacterCard(original);
    const now = new Date("2025-06-01T00:00:00Z");
    const out = asCard(exportCharacterCard(spec, { version: "v3", base: unmapped, now }));
    expect(v3Shape.safeParse(out).success).toBe(true);
    expect(out.x_exporter).toEqual(original.x_exporter);
    const { modification_date: modified, ...rest } = withoutStudio(out);
    const { modification_date: _was, ...originalRest } = withoutStudio(original);
    expect(rest).toEqual(originalRest);
    expect(modified).toBe(now.getTime() / 1000);
    expect(out.data.creation_date).toBe(1714000000);
  });

  it("writes edited parts of the spec and leaves the untouched card fields verbatim", () => {
    const original = fixtureJson("card-v2.json") as Card;
    const { spec, unmapped } = importCharacterCard(original);
    const edited = {
      ...spec,
      archetype: "a late-night radio host",
      background: spec.background.replace("She moved from Lyon", "She moved from Marseille"),
      notes: spec.notes.replace("Tags: radio, slice of life, 東京", "Tags: radio, 東京, cosy"),
    };
    const out = asCard(exportCharacterCard(edited, { version: "v2", base: unmapped }));
    expect(out.data.personality).toBe("a late-night radio host");
    expect(out.data.description).toContain("She moved from Marseille");
    expect(out.data.description).not.toContain("Scenario:");
    expect(out.data.scenario).toBe(original.data.scenario); // unchanged part: original text with {{user}}
    expect(out.data.mes_example).toBe(original.data.mes_example);
    expect(out.data.creator_notes).toBe(original.data.creator_notes);
    expect(out.data.tags).toEqual(["radio", "東京", "cosy"]);
  });

  it("turns a V1 card into V2 data, keeping its top-level extras and refreshing the V1 copies", () => {
    const original = fixtureJson("card-v1.json");
    const { spec, unmapped } = importCharacterCard(original);
    const out = asCard(exportCharacterCard({ ...spec, archetype: "a gruff lighthouse keeper" }, { version: "v2", base: unmapped }));
    expect(v2Shape.safeParse(out).success).toBe(true);
    expect(out).toMatchObject({ avatar: "none", chat: original.chat, create_date: original.create_date, talkativeness: "0.4" });
    expect(out.personality).toBe("a gruff lighthouse keeper");
    expect(out.data.personality).toBe("a gruff lighthouse keeper");
    expect(out.data.first_mes).toBe(original.first_mes);
    expect(out.data.mes_example).toBe(original.mes_example);
  });

  it("writes the character's own name as the card's name, and the label only when there is none", () => {
    const named = richSpec({ name: "Radio host — night shift, calm", characterName: "Zoë" });
    expect(asCard(exportCharacterCard(named, { version: "v2" })).data.name).toBe("Zoë");
    expect(asCard(exportCharacterCard(richSpec(), { version: "v2" })).data.name).toBe("Zoë Nakamura");
    // Round trip: the card's name comes back as the character name.
    expect(importCharacterCard(exportCharacterCard({ ...named, characterName: undefined }, { version: "v3" })).spec.name).toBe("Radio host — night shift, calm");
    const plain = exportCharacterCard(named, { version: "v2" }) as { data: { extensions: Record<string, unknown> } };
    delete plain.data.extensions.persona_studio;
    const back = importCharacterCard(plain).spec;
    expect(back.characterName).toBe("Zoë");
    expect(compilePersona(back).prompt.split("\n")[0]).toBe("You are Zoë: a night-shift radio host in 東京 who listens more than she talks.");
  });

  it("does not change the base object it is given", () => {
    const base = fixtureJson("card-v2.json");
    const copy = structuredClone(base);
    exportCharacterCard(richSpec(), { version: "v3", base });
    expect(base).toEqual(copy);
  });

  it("without a base, writes a complete card in the public V2/V3 shape", () => {
    const spec = richSpec();
    const v2 = asCard(exportCharacterCard(spec, { version: "v2" }));
    const v3 = asCard(exportCharacterCard(spec, { version: "v3", now: new Date("2025-06-01T00:00:00Z") }));
    expect(v2Shape.safeParse(v2).success).toBe(true);
    expect(v3Shape.safeParse(v3).success).toBe(true);
    expect(v2.data).toMatchObject({ name: spec.name, personality: spec.archetype, description: spec.background, creator_notes: spec.notes });
    expect(v2.data.mes_example).toBe(
      "<START>\n{{user}}: I can't sleep again.\n{{char}}: Then stay with me for a song or two. What's on your mind?\n" +
        "<START>\n{{user}}: Do you ever get lonely?\n{{char}}: Lonely? With half of 東京 awake and listening?\nSometimes, yes.",
    );
    expect(v3.data).toMatchObject({ creation_date: 1748736000, modification_date: 1748736000, group_only_greetings: [] });
    expect(Object.keys(v2.data).sort()).toEqual(expect.arrayContaining([...CARD_OWNED_FIELDS]));
  });
});

describe("studio → card → studio", () => {
  for (const version of ["v2", "v3"] as const) {
    it(`restores the exact spec from a ${version.toUpperCase()} card's persona_studio extension`, () => {
      const spec = richSpec({ notes: "Notes with a trailing line\n\nTags: not, really, tags" });
      const text = JSON.stringify(exportCharacterCard(spec, { version }));
      const back = importCharacterCard(text);
      expect(back.spec).toEqual(spec);
      expect(back.restoredFromStudio).toBe(true);
      expect(back.warnings).toEqual([]);
    });
  }

  it("restores an override persona too", () => {
    const spec = richSpec({ promptOverride: "You are {{char}}. Speak softly." });
    expect(importCharacterCard(exportCharacterCard(spec, { version: "v2" })).spec).toEqual(spec);
  });

  it("warns, naming the field, when the card was edited in another tool after the export", () => {
    const card = asCard(exportCharacterCard(richSpec(), { version: "v2" }));
    card.data.description = "Rewritten in another editor.";
    const back = importCharacterCard(card);
    expect(back.spec).toEqual(richSpec());
    expect(back.warnings).toEqual([expect.objectContaining({ field: "data.description" })]);
  });
});

describe("Character Card errors name the field", () => {
  it("rejects an unknown spec string", () => {
    const error = expectInteropError(() => importCharacterCard(fixtureText("card-v9.json")), "spec");
    expect(error.message).toContain('"chara_card_v9"');
  });

  it("rejects a name that is not text", () => {
    const error = expectInteropError(() => importCharacterCard(fixtureText("card-name-number.json")), "data.name");
    expect(error.message).toMatch(/must be text, not a number/);
  });

  it("rejects text that is not JSON", () => {
    expectInteropError(() => importCharacterCard(fixtureText("truncated-card.json")), "json");
  });

  it("names missing and mistyped fields", () => {
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v2", spec_version: "2.0" }), "data");
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v3", data: { description: "no name" } }), "data.name");
    expectInteropError(() => importCharacterCard({ description: "a V1 card without a name" }), "name");
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v2", data: { name: "A", tags: "a, b" } }), "data.tags");
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v2", data: { name: "A", description: ["x"] } }), "data.description");
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v2", data: { name: "A", extensions: [] } }), "data.extensions");
    expectInteropError(() => importCharacterCard({ spec: "chara_card_v2", data: { name: "x".repeat(121) } }), "data.name");
    expectInteropError(() => importCharacterCard({ spec: 2, data: { name: "A" } }), "spec");
    expectInteropError(() => importCharacterCard("null"), "card");
  });

  it("names a damaged studio extension instead of silently mapping the card", () => {
    const card = asCard(exportCharacterCard(richSpec(), { version: "v2" }));
    (card.data.extensions.persona_studio as { spec: Record<string, unknown> }).spec.name = 7;
    expectInteropError(() => importCharacterCard(card), "data.extensions.persona_studio.spec.name");
  });

  it("names a bad base or spec on export", () => {
    expectInteropError(() => exportCharacterCard(richSpec(), { version: "v2", base: { spec: "chara_card_v2", data: { name: 1 } } }), "base.data.name");
    expectInteropError(() => exportCharacterCard({ ...richSpec(), traitTargets: { Bad: 10 } }, { version: "v2" }), "spec.traitTargets.Bad");
    expectInteropError(() => exportCharacterCard(richSpec(), { version: "v4" as "v2" }), "version");
  });

  it("keeps what it could not map as warnings rather than failing", () => {
    const long = { spec: "chara_card_v2", data: { name: "Long", description: "Word ".repeat(1200), mes_example: "<START>\n{{char}}: Hello.\n{{user}}: Hi?" } };
    const { spec, warnings } = importCharacterCard(long);
    expect(spec.background.length).toBeLessThanOrEqual(4000);
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(["data.description", "data.mes_example"]));
  });
});

describe("personality → archetype split", () => {
  it("keeps whole sentences up to 600 characters and loses no text", () => {
    const sentence = "She keeps a ledger of every favour owed to her and reads it aloud when she is angry. ";
    for (const personality of [sentence.repeat(12), `...${sentence.repeat(12)}`, "word ".repeat(200), "x".repeat(900)]) {
      const { spec } = importCharacterCard({ spec: "chara_card_v2", data: { name: "Mira", personality } });
      expect(spec.archetype.length).toBeLessThanOrEqual(600);
      const rest = spec.background.replace(/^Personality \(continued\): /, "");
      expect(`${spec.archetype} ${rest}`.replace(/\s+/g, "")).toBe(personality.replace(/\s+/g, ""));
    }
  });
});
