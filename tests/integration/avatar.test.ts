import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { importPngCard, placeholderPng } from "@/lib/interop";
import { expectError, expectOk, matchRoute } from "@/tests/factories/api";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// Issue 16 §8: a persona avatar — uploaded (normalised to a 512×512 PNG) or
// generated from the initials — served to members and used as the PNG card's image.

let owner: Member;
let other: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
  other = await signUpWithWorkspace({ name: "Olek" });
});

async function get(m: Member, path: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(`http://localhost:3000${path}`);
  const { module, params } = matchRoute(url.pathname);
  return module.GET!(new Request(url, { headers: { cookie: m.cookie, origin: "http://localhost:3000", ...headers } }), { params: Promise.resolve(params) });
}

const solid = (colour: { r: number; g: number; b: number }, width = 900, height = 600, format: "png" | "jpeg" | "webp" = "jpeg") =>
  sharp({ create: { width, height, channels: 3, background: colour } }).withMetadata({ exif: { IFD0: { Copyright: "Secret place" } } })[format]().toBuffer();

async function centre(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + 5) * info.channels; // left edge, mid height: clear of the initials
  return { width: info.width, height: info.height, rgb: [data[at], data[at + 1], data[at + 2]] };
}

const avatarPath = (m: Member, id: string) => `${personaPath(m.workspaceId, id)}/avatar`;
const put = (m: Member, id: string, bytes: Buffer | Uint8Array) => m.api.send("PUT", avatarPath(m, id), { body: { image: Buffer.from(bytes).toString("base64") } });

describe("persona avatar", () => {
  it("is generated from the initials until one is uploaded; the upload is a 512×512 PNG without metadata; removing it brings the generated one back", async () => {
    const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ name: "Nurse Ada" }) });
    const generated = await get(owner, avatarPath(owner, persona.id));
    expect(generated.status).toBe(200);
    expect(generated.headers.get("content-type")).toBe("image/png");
    expect(generated.headers.get("x-avatar-source")).toBe("generated");
    const etag = generated.headers.get("etag")!;
    expect((await get(owner, avatarPath(owner, persona.id), { "if-none-match": etag })).status).toBe(304);

    const info = expectOk(ops.putAvatar, await put(owner, persona.id, await solid({ r: 10, g: 200, b: 30 })));
    expect(info.source).toBe("uploaded");
    const uploaded = await get(owner, avatarPath(owner, persona.id), { "if-none-match": etag });
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get("x-avatar-source")).toBe("uploaded");
    const bytes = new Uint8Array(await uploaded.arrayBuffer());
    const px = await centre(bytes);
    expect(px).toMatchObject({ width: 512, height: 512 });
    expect(px.rgb[1]).toBeGreaterThan(180);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();

    expect((await owner.api.send("DELETE", avatarPath(owner, persona.id))).status).toBe(204);
    expect((await get(owner, avatarPath(owner, persona.id))).headers.get("x-avatar-source")).toBe("generated");
  });

  it("lists each row's upload time, so a list page fetches only the pictures that exist, each cached for good under that stamp", async () => {
    const persona = await createPersona(owner, { name: "Listed Lu", spec: buildSpec({ name: "Listed Lu" }) });
    const row = async () => expectOk(ops.listPersonas, await owner.api.get(`/api/workspaces/${owner.workspaceId}/personas`, { q: "Listed Lu" })).personas[0];
    expect((await row()).avatarAt).toBeNull();
    expectOk(ops.putAvatar, await put(owner, persona.id, await solid({ r: 10, g: 200, b: 30 })));
    const at = (await row()).avatarAt!;
    expect(Date.parse(at)).toBeGreaterThan(0);
    const stamped = await get(owner, `${avatarPath(owner, persona.id)}?v=${Date.parse(at)}`);
    expect(stamped.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    // Any other URL (an old stamp, none) is revalidated by ETag.
    expect((await get(owner, `${avatarPath(owner, persona.id)}?v=1`)).headers.get("cache-control")).toBe("private, no-cache");
    expect((await get(owner, avatarPath(owner, persona.id))).headers.get("cache-control")).toBe("private, no-cache");
    await owner.api.delete(avatarPath(owner, persona.id));
    expect((await row()).avatarAt).toBeNull();
  });

  it("accepts PNG and WebP too", async () => {
    const persona = await createPersona(owner, { name: "Formats", spec: buildSpec({ name: "Formats" }) });
    expectOk(ops.putAvatar, await put(owner, persona.id, await solid({ r: 1, g: 2, b: 3 }, 40, 40, "png")));
    expectOk(ops.putAvatar, await put(owner, persona.id, await solid({ r: 1, g: 2, b: 3 }, 40, 40, "webp")));
  });

  it("refuses a file that is not an image, a GIF, a damaged image and one over 2 MB with a 422 naming the field, and keeps what was there", async () => {
    const persona = await createPersona(owner, { name: "Picky", spec: buildSpec({ name: "Picky" }) });
    expectError(await put(owner, persona.id, Buffer.from("not an image at all")), 422, "image");
    expectError(await put(owner, persona.id, Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")), 422, "image");
    expectError(await put(owner, persona.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)])), 422, "image");
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2 * 1024 * 1024)]);
    const error = expectError(await put(owner, persona.id, big), 422, "image");
    expect(error.message).toMatch(/2 MB/);
    expectError(await owner.api.send("PUT", avatarPath(owner, persona.id), { body: { image: "***" } }), 422, "image");
    expect((await get(owner, avatarPath(owner, persona.id))).headers.get("x-avatar-source")).toBe("generated");
  });

  it("is not found from another workspace, and a viewer cannot upload", async () => {
    const persona = await createPersona(owner, { name: "Private", spec: buildSpec({ name: "Private" }) });
    const png = await solid({ r: 200, g: 0, b: 0 }, 20, 20, "png");
    expect((await get(other, `${personaPath(other.workspaceId, persona.id)}/avatar`)).status).toBe(404);
    expect((await get(other, avatarPath(owner, persona.id))).status).toBe(404);
    expectError(await put(other, persona.id, png), 404);
    expectError(await other.api.send("PUT", `${personaPath(other.workspaceId, persona.id)}/avatar`, { body: { image: png.toString("base64") } }), 404);
    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.send("PUT", avatarPath(owner, persona.id), { body: { image: png.toString("base64") } }), 403);
  });

  it("is the image of the exported PNG card: the uploaded picture, else the generated one — never the blank placeholder", async () => {
    const persona = await createPersona(owner, { name: "Card Carrier", spec: buildSpec({ name: "Card Carrier" }) });
    const exportPng = async () => new Uint8Array(await (await get(owner, `${personaPath(owner.workspaceId, persona.id)}/export?format=card-png&version=draft`)).arrayBuffer());
    const placeholder = await centre(placeholderPng());

    const generatedCard = await exportPng();
    const generatedAvatar = new Uint8Array(await (await get(owner, avatarPath(owner, persona.id))).arrayBuffer());
    expect(await centre(generatedCard)).toEqual(await centre(generatedAvatar));
    expect((await centre(generatedCard)).width).toBe(512);
    expect((await centre(generatedCard)).rgb).not.toEqual(placeholder.rgb);

    expectOk(ops.putAvatar, await put(owner, persona.id, await solid({ r: 250, g: 160, b: 0 })));
    const card = await exportPng();
    const px = await centre(card);
    expect(px.width).toBe(512);
    expect(px.rgb[0]).toBeGreaterThan(230);
    expect(px.rgb[2]).toBeLessThan(30);
    expect(importPngCard(card).spec.name).toBe("Card Carrier");
  });
});
