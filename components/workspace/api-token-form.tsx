"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { useCreateApiToken } from "@/lib/query/api-token-hooks";
import { API_TOKEN_ROLES, type ApiTokenRole, type CreatedApiToken } from "@/lib/schemas/api-token";
import { ROLE_HELP } from "@/lib/schemas/workspace";

// A new API token: what it is for, what it may do, how long it lives. Errors
// the API ties to a field show under that field.

const EXPIRY = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "", label: "Never" },
];

const FIELDS = ["name", "role", "expiresInDays"] as const;
type FieldName = (typeof FIELDS)[number];

export function ApiTokenForm({
  workspaceId, onCreated, onCancel,
}: { workspaceId: string; onCreated: (created: CreatedApiToken) => void; onCancel: () => void }) {
  const id = useId();
  const create = useCreateApiToken(workspaceId);
  const [name, setName] = useState("");
  const [role, setRole] = useState<ApiTokenRole>("editor");
  const [expiry, setExpiry] = useState("90");

  const error = create.error;
  const field = error instanceof ApiError && FIELDS.includes(error.field as FieldName) ? (error.field as FieldName) : null;
  const errorOn = (n: FieldName) => (field === n ? error?.message ?? null : null);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name: name.trim(), role, expiresInDays: expiry ? Number(expiry) : null }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New API token" data-testid="api-token-form">
      <Field label="Name" htmlFor={`${id}-name`} error={errorOn("name")} hint="Where it is used, e.g. “GitHub Actions — persona checks”.">
        <Input id={`${id}-name`} value={name} maxLength={80} required autoFocus placeholder="GitHub Actions" onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Role" htmlFor={`${id}-role`} error={errorOn("role")}
          hint={`${ROLE_HELP[role]}. Never more than your own role.${role === "editor" ? " Needed to start probes." : ""}`}>
          <Select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ApiTokenRole)}>
            {API_TOKEN_ROLES.map((r) => <option key={r} value={r}>{r[0].toUpperCase() + r.slice(1)}</option>)}
          </Select>
        </Field>
        <Field label="Expires" htmlFor={`${id}-expiry`} error={errorOn("expiresInDays")}>
          <Select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </Field>
      </div>
      {error && !field ? <p role="alert" className="text-sm text-rose-600">{error.message}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
