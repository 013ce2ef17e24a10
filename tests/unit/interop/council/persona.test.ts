import { describe, expect, it } from "vitest";
import { memberSlug, memberToSpec, parseMemberFile, specToMember, writeMemberFile } from "@/lib/interop/council";
import { compilePersona } from "@/lib/persona/compile";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { councilText, member } from "./fixtures";

describe("council member ⇄ persona spec", () => {
  it("a member becomes a persona whose compiled prompt is the file's body", () => {
    const m = member("council-aurelius.md");
    const { spec, warnings } = memberToSpec(m);
    expect(warnings).toEqual([]);
    expect(personaSpecSchema.safeParse(spec).success).toBe(true);
    expect(spec.name).toBe("Marcus Aurelius");
    expect(spec.archetype).toBe("Duty and inner governance — Controls only what is in its power");
    expect(spec.background).toBe(m.frontMatter.description);
    expect(spec.promptOverride).toBe(m.body);
    expect(compilePersona(spec)).toEqual({ prompt: m.body.trim(), source: "override" });
    expect(spec.notes).toBe(
      'Council member council-aurelius (key "aurelius") from council-aurelius.md.\nPolarity pairs: sun-tzu\nTriads: ethics, risk\nProfiles: classic, execution-lean',
    );
    expect(spec.traitTargets).toEqual({});
  });

  it("an unedited persona exports the same file, byte for byte", () => {
    for (const name of ["council-socrates.md", "council-aurelius.md"]) {
      const m = member(name);
      expect(writeMemberFile(specToMember(memberToSpec(m).spec, m))).toBe(councilText(name));
    }
  });

  it("edits reach the file; everything else stays", () => {
    const m = member("council-socrates.md");
    const { spec } = memberToSpec(m);
    const edited = specToMember({ ...spec, name: "Sokrates", archetype: "Elenchus — refutes by question", promptOverride: "You are Sokrates.\n" }, m);
    const again = parseMemberFile(writeMemberFile(edited), "council-socrates.md");
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const fm = again.member.frontMatter;
    expect(fm.name).toBe("council-socrates");
    expect(fm.council).toMatchObject({ figure: "Sokrates", domain: "Elenchus", polarity: "refutes by question", polarity_pairs: ["feynman"], mcp_affinity: ["anthropic"] });
    expect(fm.model).toBe("opus");
    expect(again.member.body).toBe("You are Sokrates.\n");
  });

  it("a studio persona without a base becomes a new member file named council-<slug>", () => {
    const spec = { ...memberToSpec(member("council-sun-tzu.md")).spec, promptOverride: null, name: "Élinor Ostrom", archetype: "Commons governance" };
    const m = specToMember(spec);
    expect(m.frontMatter.name).toBe("council-elinor-ostrom");
    expect(m.frontMatter.council).toEqual({ figure: "Élinor Ostrom", domain: "Commons governance", polarity: "" });
    expect(m.body).toBe(`${compilePersona(spec).prompt}\n`);
    const back = parseMemberFile(writeMemberFile(m));
    expect(back.ok && memberToSpec(back.member).spec.name).toBe("Élinor Ostrom");
    expect(memberSlug("  ")).toBe("member");
    expect(memberSlug("Sun Tzu")).toBe("sun-tzu");
  });
});
