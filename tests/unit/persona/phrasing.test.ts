import { describe, expect, it } from "vitest";
import { asComplement, indefiniteArticle, inSentence, withArticle } from "@/lib/persona/phrasing";
import { CHARACTER_TYPES } from "@/lib/traits/character-types";

describe("phrasing a character type", () => {
  it("keeps acronyms when a type name goes into running text", () => {
    expect(inSentence("ER triage nurse")).toBe("ER triage nurse");
    expect(inSentence("Investigative journalist")).toBe("investigative journalist");
    expect(inSentence("Stand-up comedian")).toBe("stand-up comedian");
  });

  it("chooses a or an by sound", () => {
    expect(withArticle("Investigative journalist")).toBe("an investigative journalist");
    expect(withArticle("ER triage nurse")).toBe("an ER triage nurse");
    expect(withArticle("Paramedic")).toBe("a paramedic");
    expect(withArticle("Air traffic controller")).toBe("an air traffic controller");
    expect(indefiniteArticle("university tutor")).toBe("a");
    expect(indefiniteArticle("hour-long host")).toBe("an");
    expect(indefiniteArticle("UX researcher")).toBe("a");
    expect(indefiniteArticle("MRI technician")).toBe("an");
    expect(indefiniteArticle("one-person band")).toBe("a");
  });

  it("never writes \"a\" before a vowel or lower-cases an acronym for any type the studio suggests", () => {
    for (const t of CHARACTER_TYPES) {
      const phrase = withArticle(t.name);
      expect(phrase, t.name).not.toMatch(/^a [aeiou]/i);
      expect(phrase, t.name).not.toMatch(/\ber\b/);
    }
  });

  it("makes an archetype the complement of \"You are …\"", () => {
    expect(asComplement("a veteran ER triage nurse")).toBe("a veteran ER triage nurse");
    expect(asComplement("An old lighthouse keeper")).toBe("an old lighthouse keeper");
    expect(asComplement("investigative journalist")).toBe("an investigative journalist");
    expect(asComplement("ER nurse on nights")).toBe("an ER nurse on nights");
    expect(asComplement("A&E nurse")).toBe("an A&E nurse");
    expect(asComplement("Captain Ahab")).toBe("Captain Ahab");
    expect(asComplement("someone who has run a bike shop for thirty years")).toBe("someone who has run a bike shop for thirty years");
    expect(asComplement("")).toBe("");
  });
});
