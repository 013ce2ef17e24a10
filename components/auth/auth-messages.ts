import { z } from "zod";

// What the sign-up and sign-in forms say, in plain words: the checks made before
// submitting, and the server's answers (better-auth's codes and our own auth route's
// errors) mapped to sentences on the field they are about. No "[body.email]" ever.

export type AuthField = "name" | "email" | "password";
export type AuthMode = "sign-in" | "sign-up";
export type FieldErrors = Partial<Record<AuthField, string>>;

/** better-auth's minimum (emailAndPassword.minPasswordLength default), also the form's hint. */
export const PASSWORD_MIN = 8;

const emailSchema = z.email();

const SAY = {
  nameMissing: "Enter your name.",
  emailMissing: "Enter your email address.",
  emailInvalid: "Enter a valid email address, like you@company.com.",
  passwordMissing: "Enter your password.",
  passwordShort: `Password must be at least ${PASSWORD_MIN} characters.`,
  passwordLong: "Password is too long.",
};

/** The checks the form makes before it sends anything. */
export function checkAuthFields(mode: AuthMode, values: { name?: string; email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === "sign-up" && !values.name?.trim()) errors.name = SAY.nameMissing;
  const email = values.email.trim();
  if (!email) errors.email = SAY.emailMissing;
  else if (!emailSchema.safeParse(email).success) errors.email = SAY.emailInvalid;
  if (!values.password) errors.password = SAY.passwordMissing;
  else if (mode === "sign-up" && values.password.length < PASSWORD_MIN) errors.password = SAY.passwordShort;
  return errors;
}

export type AuthErrorLike = { code?: string; message?: string; status: number; error?: { field?: string } };

/** A server answer as a form-level message and/or messages on fields. */
export function describeAuthError(error: AuthErrorLike, mode: AuthMode): { message: string | null; fields: FieldErrors } {
  const code = error.code ?? "";
  switch (code) {
    case "INVALID_EMAIL_OR_PASSWORD":
    case "INVALID_PASSWORD":
    case "USER_NOT_FOUND":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return { message: "Wrong email or password.", fields: {} };
    case "INVALID_EMAIL":
      return { message: null, fields: { email: SAY.emailInvalid } };
    case "PASSWORD_TOO_SHORT":
      return { message: null, fields: { password: SAY.passwordShort } };
    case "PASSWORD_TOO_LONG":
      return { message: null, fields: { password: SAY.passwordLong } };
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { message: null, fields: { email: "An account with this email already exists. Sign in instead, or use another email." } };
    case "EMAIL_NOT_VERIFIED":
      return { message: "Confirm your email address first: follow the link in the email we sent.", fields: {} };
    case "VALIDATION_ERROR":
      return fromValidationMessage(error.message ?? "", mode);
  }
  if (error.status === 429) return { message: error.message && !looksRaw(error.message) ? error.message : "Too many attempts. Wait a moment and try again.", fields: {} };
  // Our own auth route (lib/auth/auth-route.ts) answers in words already, naming the field.
  const field = error.error?.field;
  if (error.message && !looksRaw(error.message)) {
    if (field === "name" || field === "email" || field === "password") return { message: null, fields: { [field]: error.message } };
    return { message: error.message, fields: {} };
  }
  if (error.status === 413) return { message: "That is more than the form can send.", fields: {} };
  if (error.status === 422 || error.status === 400) return { message: "Check the fields and try again.", fields: {} };
  return { message: mode === "sign-up" ? "Could not create the account. Try again in a moment." : "Could not sign in. Try again in a moment.", fields: {} };
}

/** A message written for machines: a "[body.email]" path, or a code-like "User already exists." */
function looksRaw(message: string): boolean {
  return /\[[a-z]+\.[\w.]+\]/i.test(message) || /^(Too (big|small)|Invalid (input|option|string))/.test(message);
}

/** better-call's "[body.email] Invalid email address; [body.password] Too small: …" → field messages. */
function fromValidationMessage(message: string, mode: AuthMode): { message: string | null; fields: FieldErrors } {
  const fields: FieldErrors = {};
  for (const [, field, text] of message.matchAll(/\[body\.(\w+)\]\s*([^;]*)/g)) {
    if (field === "email") fields.email = /required|received undefined/i.test(text) ? SAY.emailMissing : SAY.emailInvalid;
    else if (field === "password") fields.password = /too big/i.test(text) ? SAY.passwordLong : mode === "sign-up" ? SAY.passwordShort : SAY.passwordMissing;
    else if (field === "name") fields.name = SAY.nameMissing;
  }
  return Object.keys(fields).length ? { message: null, fields } : { message: "Check the fields and try again.", fields };
}
