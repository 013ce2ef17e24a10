import { describe, expect, it } from "vitest";
import { findMentions, mentionHandle, mentionQuery } from "@/lib/review/mentions";

const ada = { userId: "u-ada", name: "Ada Lovelace", email: "Ada.Lovelace+work@ex.com" };
const bob = { userId: "u-bob", name: "Bob", email: "bob@ex.com" };
const grace = { userId: "u-grace", name: "Grace Hopper", email: "grace@navy.example" };
const members = [ada, bob, grace];

const mentioned = (body: string) => findMentions(body, members);

describe("mentionHandle", () => {
  it("is the lower-cased local part without its +tag or odd characters", () => {
    expect(mentionHandle("Ada.Lovelace+x@ex.com")).toBe("ada.lovelace");
    expect(mentionHandle("o'Brien_J-2@ex.com")).toBe("obrien_j-2");
    expect(mentionHandle("José@ex.com")).toBe("jose");
  });
});

describe("findMentions", () => {
  it("finds @handles case-insensitively, in order of first mention, once each", () => {
    expect(mentioned("@grace can you look? cc @Ada.Lovelace and @BOB, then @grace again")).toEqual(["u-grace", "u-ada", "u-bob"]);
  });

  it("finds a mention at the very end and after opening punctuation", () => {
    expect(mentioned("asking @bob")).toEqual(["u-bob"]);
    expect(mentioned("(@bob) [@grace] **@ada.lovelace**")).toEqual(["u-bob", "u-grace", "u-ada"]);
  });

  it("leaves trailing punctuation out of the handle", () => {
    for (const end of [".", ",", "!", "?", ":", ")", "..."]) expect(mentioned(`thanks @ada.lovelace${end}`)).toEqual(["u-ada"]);
  });

  it("ignores email addresses, words and URLs that contain an @", () => {
    expect(mentioned("mail bob@ex.com or ada.lovelace@ex.com")).toEqual([]);
    expect(mentioned("x@bob and https://social.example/@grace")).toEqual([]);
  });

  it("does not match a known handle as the prefix of a longer one", () => {
    expect(mentioned("@bobby @bob-smith @bob2 @bob@elsewhere.org")).toEqual([]);
  });

  it("ignores mentions inside inline code and fenced code blocks", () => {
    expect(mentioned("run `notify @bob` first")).toEqual([]);
    expect(mentioned("``a ` @bob``")).toEqual([]);
    expect(mentioned("```\n@bob\n```\n~~~ts\n@grace\n~~~\nafter @ada.lovelace")).toEqual(["u-ada"]);
    expect(mentioned("````\n```\n@bob\n````")).toEqual([]);
    // A lone backtick is just a backtick.
    expect(mentioned("it's ` not code @bob")).toEqual(["u-bob"]);
  });

  it("mentions everyone who shares a handle", () => {
    const twin = { userId: "u-bob2", name: "Bob Two", email: "Bob@other.example" };
    expect(findMentions("@bob", [bob, twin])).toEqual(["u-bob", "u-bob2"]);
  });
});

describe("mentionQuery", () => {
  it("returns the partial handle being typed after an @", () => {
    expect(mentionQuery("@")).toBe("");
    expect(mentionQuery("hi @")).toBe("");
    expect(mentionQuery("hi @Ad")).toBe("Ad");
    expect(mentionQuery("line one\n@ada.lo")).toBe("ada.lo");
    expect(mentionQuery("(@gr")).toBe("gr");
  });

  it("returns null outside a mention", () => {
    expect(mentionQuery("")).toBeNull();
    expect(mentionQuery("hello")).toBeNull();
    expect(mentionQuery("hi @ada ")).toBeNull();
    expect(mentionQuery("mail ada@ex")).toBeNull();
  });
});
