import { parseWith, type InteropWarning } from "@/lib/interop/errors";
import { MEMBER_NAME_PREFIX, memberKey, type CouncilMember } from "@/lib/interop/council/member";
import { compilePersona } from "@/lib/persona/compile";
import { memberFrontMatterSchema, type MemberFrontMatter } from "@/lib/schemas/council";
import { emptySpec, personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// Council member ⇄ PersonaSpec.
//
//   member file                    spec             import                         export
//   council.figure                 name             trimmed                        figure (name stays the file's)
//   council.domain + polarity      archetype        "domain — polarity"            split back at " — "
//   description                    background       as is                          description
//   body                           promptOverride   the body as is                 the body (byte for byte while the
//                                                                                  override still says the same)
//   name, pairs, triads, profiles  notes            a summary, for people          — (kept in the member file)
//   everything else                —                kept in the CouncilMember      written back from it
//
// The body becomes promptOverride, so the persona's compiled prompt is the body
// (compilePersona trims it): the studio measures exactly what the council sends.
// Values, voice, boundaries and trait targets stay empty: a member file says
// nothing about the targets the studio measures against.

const ARCHETYPE_JOIN = " — ";
const MAX_ARCHETYPE = personaSpecSchema.shape.archetype.maxLength ?? 600;

export type MemberSpec = { spec: PersonaSpec; warnings: InteropWarning[] };

export function memberToSpec(member: CouncilMember): MemberSpec {
  const fm = parseWith(memberFrontMatterSchema, member.frontMatter, "");
  const warnings: InteropWarning[] = [];
  const c = fm.council;
  let archetype = [c.domain.trim(), c.polarity.trim()].filter(Boolean).join(ARCHETYPE_JOIN);
  if (archetype.length > MAX_ARCHETYPE) {
    warnings.push({ field: "council.polarity", message: `Domain and polarity together are longer than ${MAX_ARCHETYPE} characters; the archetype keeps the first ${MAX_ARCHETYPE}` });
    archetype = archetype.slice(0, MAX_ARCHETYPE);
  }
  const list = (label: string, items: readonly string[] | undefined) => (items?.length ? [`${label}: ${items.join(", ")}`] : []);
  const notes = [
    `Council member ${fm.name} (key "${memberKey(fm.name)}")${member.fileName ? ` from ${member.fileName}` : ""}.`,
    ...list("Polarity pairs", c.polarity_pairs),
    ...list("Triads", c.triads),
    ...list("Profiles", c.profiles),
  ].join("\n");
  const spec = parseWith(
    personaSpecSchema,
    { ...emptySpec(c.figure.trim()), archetype, background: fm.description ?? "", notes, promptOverride: member.body },
    "spec",
  );
  return { spec, warnings };
}

/** "Lao Tzu" → "lao-tzu"; what a new member file's name is built from. */
export function memberSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return slug || "member";
}

function splitArchetype(archetype: string): { domain: string; polarity: string } {
  const at = archetype.indexOf(ARCHETYPE_JOIN);
  if (at < 0) return { domain: archetype.trim(), polarity: "" };
  return { domain: archetype.slice(0, at).trim(), polarity: archetype.slice(at + ARCHETYPE_JOIN.length).trim() };
}

/**
 * A spec as a council member. With `base` (the member it was imported from),
 * every field of the file is kept and only what the spec changed is written:
 * an unedited persona gives back the same file. Without a base, the name is
 * "council-<slug of the persona's name>".
 */
export function specToMember(specInput: PersonaSpec, base?: CouncilMember | null): CouncilMember {
  const spec = parseWith(personaSpecSchema, specInput, "spec");
  const override = spec.promptOverride?.trim() ? spec.promptOverride : null;
  const freshBody = override ?? `${compilePersona(spec).prompt}\n`;
  const { domain, polarity } = splitArchetype(spec.archetype);

  if (!base) {
    const frontMatter: MemberFrontMatter = {
      name: `${MEMBER_NAME_PREFIX}${memberSlug(spec.name)}`,
      description: spec.background,
      council: { figure: spec.name, domain, polarity },
    };
    parseWith(memberFrontMatterSchema, frontMatter, "");
    return { frontMatter, body: freshBody };
  }

  const was = memberToSpec(base).spec;
  const frontMatter = structuredClone(base.frontMatter);
  if (was.name !== spec.name) frontMatter.council.figure = spec.name;
  if (was.archetype !== spec.archetype) Object.assign(frontMatter.council, { domain, polarity });
  if (was.background !== spec.background) frontMatter.description = spec.background;
  const body = override !== null && override.trim() === base.body.trim() ? base.body : freshBody;
  parseWith(memberFrontMatterSchema, frontMatter, "");
  return { ...base, frontMatter, body };
}
