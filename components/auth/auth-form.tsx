"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { checkAuthFields, describeAuthError, PASSWORD_MIN, type AuthErrorLike, type FieldErrors } from "@/components/auth/auth-messages";

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const signUp = mode === "sign-up";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    const checked = checkAuthFields(mode, { name, email, password });
    setFieldErrors(checked);
    if (Object.keys(checked).length) {
      focusFirst(formEl, checked);
      return;
    }
    setBusy(true);
    const result = signUp
      ? await authClient.signUp.email({ name, email, password })
      : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      const said = describeAuthError(result.error as AuthErrorLike, mode);
      setError(said.message);
      setFieldErrors(said.fields);
      focusFirst(formEl, said.fields);
      return;
    }
    // A full navigation: the server picks the workspace with the fresh session cookie.
    window.location.assign(nextPath());
  }

  return (
    <div className="w-full max-w-sm">
      <div className="mb-8 flex items-center gap-2.5 lg:hidden">
        <img src="/icon.svg" alt="" className="h-8 w-8" />
        <span className="text-lg font-semibold">Persona Studio</span>
      </div>
      <h2 className="text-2xl font-semibold tracking-tight">{signUp ? "Create your account" : "Welcome back"}</h2>
      <p className="mt-1.5 text-sm text-slate-500">
        {signUp ? "You get a personal workspace right away." : "Sign in to your workspaces."}
      </p>
      <form onSubmit={onSubmit} className="mt-8 space-y-4" noValidate>
        {signUp ? (
          <Field label="Name" htmlFor="name" error={fieldErrors.name}>
            <Input id="name" name="name" autoComplete="name" required maxLength={100} placeholder="Ada Lovelace" />
          </Field>
        ) : null}
        <Field label="Email" htmlFor="email" error={fieldErrors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required maxLength={254} placeholder="you@company.com" />
        </Field>
        <Field label="Password" htmlFor="password" error={fieldErrors.password}
          hint={signUp ? `At least ${PASSWORD_MIN} characters. Common or easily guessed passwords are refused; a few unrelated words work well.` : undefined}>
          <Input id="password" name="password" type="password" autoComplete={signUp ? "new-password" : "current-password"} required minLength={signUp ? PASSWORD_MIN : undefined} />
        </Field>
        {error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">{error}</p> : null}
        <Button type="submit" variant="primary" className="w-full" disabled={busy}>
          {busy ? "Please wait…" : signUp ? "Create account" : "Sign in"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-500">
        {signUp ? "Already have an account? " : "New to Persona Studio? "}
        <Link href={signUp ? "/sign-in" : "/sign-up"} className="font-medium text-brand-600 hover:text-brand-700">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </div>
  );
}

/** Puts the cursor in the first field that has something to fix. */
function focusFirst(form: HTMLFormElement, errors: FieldErrors): void {
  const first = (["name", "email", "password"] as const).find((f) => errors[f]);
  if (first) form.querySelector<HTMLInputElement>(`#${first}`)?.focus();
}

/** Where to go after signing in: ?next= when it is a path on this site (an invitation link), else home. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get("next") ?? "";
  return /^\/(?!\/)[^\\]*$/.test(next) ? next : "/";
}
