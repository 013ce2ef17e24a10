import { describe, expect, it } from "vitest";
import { checkAuthFields, describeAuthError } from "@/components/auth/auth-messages";

// The sign-up and sign-in forms speak in sentences on the field at fault; no "[body.email]".

describe("checkAuthFields (before submitting)", () => {
  it("names every empty field on sign-up", () => {
    expect(checkAuthFields("sign-up", { name: " ", email: "", password: "" })).toEqual({
      name: "Enter your name.", email: "Enter your email address.", password: "Enter your password.",
    });
  });

  it("catches a malformed email and a short password on sign-up", () => {
    expect(checkAuthFields("sign-up", { name: "Ada", email: "ada@", password: "short" })).toEqual({
      email: "Enter a valid email address, like you@company.com.", password: "Password must be at least 8 characters.",
    });
  });

  it("does not judge the length of a password on sign-in", () => {
    expect(checkAuthFields("sign-in", { email: "ada@example.com", password: "short" })).toEqual({});
  });
});

describe("describeAuthError (the server's answer)", () => {
  it("turns better-call's bracketed validation message into field messages", () => {
    const said = describeAuthError({
      status: 400, code: "VALIDATION_ERROR",
      message: "[body.email] Invalid email address; [body.password] Too small: expected string to have >=1 characters",
    }, "sign-up");
    expect(said).toEqual({ message: null, fields: { email: "Enter a valid email address, like you@company.com.", password: "Password must be at least 8 characters." } });
  });

  it.each([
    [{ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }, "sign-in", { message: "Wrong email or password.", fields: {} }],
    [{ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", message: "User already exists. Use another email." }, "sign-up",
      { message: null, fields: { email: "An account with this email already exists. Sign in instead, or use another email." } }],
    [{ status: 400, code: "PASSWORD_TOO_SHORT", message: "Password too short" }, "sign-up", { message: null, fields: { password: "Password must be at least 8 characters." } }],
    [{ status: 429, message: "" }, "sign-in", { message: "Too many attempts. Wait a moment and try again.", fields: {} }],
    [{ status: 500 }, "sign-up", { message: "Could not create the account. Try again in a moment.", fields: {} }],
  ] as const)("maps %j", (error, mode, expected) => {
    expect(describeAuthError(error, mode)).toEqual(expected);
  });

  it("keeps our own auth route's sentences, on the field they name", () => {
    const error = { status: 422, code: "validation", message: "This password is too easy to guess. Add words.", error: { field: "password" } };
    expect(describeAuthError(error, "sign-up")).toEqual({ message: null, fields: { password: "This password is too easy to guess. Add words." } });
    expect(describeAuthError({ status: 429, code: "rate_limited", message: "Too many failed sign-ins for this account. Try again in 30 seconds." }, "sign-in"))
      .toEqual({ message: "Too many failed sign-ins for this account. Try again in 30 seconds.", fields: {} });
  });

  it("never passes a bracketed path through", () => {
    const said = describeAuthError({ status: 400, code: "SOMETHING", message: "[body.name] Too small" }, "sign-up");
    expect(said.message).toBe("Check the fields and try again.");
  });
});
