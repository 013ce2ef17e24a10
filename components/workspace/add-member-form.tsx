"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useMemberMutations } from "@/lib/query/hooks";
import { ROLES, type Role } from "@/lib/schemas/workspace";
import { FormError, fieldError } from "@/components/workspace/form-errors";

export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const toast = useToast();
  const { add } = useMemberMutations(workspaceId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const clearError = () => { if (add.error) add.reset(); };

  return (
    <Section title="Add member" description="Add someone who already has a Persona Studio account.">
      <form
        noValidate
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { email: email.trim(), role },
            {
              onSuccess: (member) => {
                toast(`Added ${member.name} as ${member.role}`);
                setEmail("");
                setRole("editor");
              },
            },
          );
        }}
      >
        <div className="flex flex-wrap items-start gap-3">
          <Field label="Member email" htmlFor="member-email" error={fieldError(add.error, "email")} className="min-w-64 flex-1">
            <Input
              id="member-email"
              type="email"
              autoComplete="off"
              placeholder="name@company.com"
              value={email}
              aria-invalid={fieldError(add.error, "email") ? true : undefined}
              onChange={(e) => { setEmail(e.target.value); clearError(); }}
            />
          </Field>
          <Field label="Role for new member" htmlFor="member-role" error={fieldError(add.error, "role")} className="w-40">
            <Select id="member-role" value={role} onChange={(e) => { setRole(e.target.value as Role); clearError(); }}>
              {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
            </Select>
          </Field>
          {/* Spacer matches the label height so the button lines up with the controls. */}
          <div className="space-y-1.5">
            <span aria-hidden className="block text-sm leading-5">&nbsp;</span>
            <Button type="submit" variant="primary" disabled={!email.trim() || add.isPending}>
              {add.isPending ? "Adding…" : "Add member"}
            </Button>
          </div>
        </div>
        <FormError error={add.error} fields={["email", "role"]} />
      </form>
    </Section>
  );
}
