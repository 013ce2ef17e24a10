"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useWorkspaceMutations } from "@/lib/query/hooks";
import { can, type Workspace } from "@/lib/schemas/workspace";
import { FormError, fieldError } from "@/components/workspace/form-errors";
import { AuthorsApproveSetting } from "@/components/workspace/authors-approve-setting";

export function WorkspaceSection({ workspace }: { workspace: Workspace }) {
  const owner = can.manageWorkspace(workspace.role);
  return (
    <Section
      title="Workspace"
      description={owner ? "Owners can rename the workspace and decide what approving a version requires." : "Only owners can change these settings."}
    >
      {owner ? (
        // Keyed by the saved name so the input resets once the rename lands.
        <RenameForm key={workspace.name} workspace={workspace} />
      ) : (
        <div>
          <p className="text-sm font-medium text-slate-800">Name</p>
          <p className="mt-1 text-sm text-slate-900" data-testid="workspace-name">{workspace.name}</p>
        </div>
      )}
      <ApprovalPolicy workspace={workspace} owner={owner} />
      <AuthorsApproveSetting workspace={workspace} owner={owner} />
      {workspace.personal ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600 ring-1 ring-inset ring-slate-200">
          This is your personal workspace: it was created for you at sign-up, and Persona Studio opens it by default.
        </p>
      ) : null}
    </Section>
  );
}

function ApprovalPolicy({ workspace, owner }: { workspace: Workspace; owner: boolean }) {
  const toast = useToast();
  const { setApprovalPolicy } = useWorkspaceMutations();
  return (
    <Field
      label="Approving a version"
      htmlFor="approval-policy"
      hint="A clean probe report = the version's newest completed probe run, with no open flags."
      error={fieldError(setApprovalPolicy.error, "approvalPolicy")}
    >
      <Select
        id="approval-policy"
        className="max-w-lg"
        value={workspace.approvalPolicy}
        disabled={!owner || setApprovalPolicy.isPending}
        onChange={(e) => setApprovalPolicy.mutate(
          { id: workspace.id, approvalPolicy: e.target.value as "warn" | "block" },
          { onSuccess: (ws) => toast(ws.approvalPolicy === "block" ? "Approval now needs a clean probe report" : "Approval without a clean probe report now warns") },
        )}
      >
        <option value="warn">Warn when there is no clean probe report (default)</option>
        <option value="block">Require a clean probe report</option>
      </Select>
    </Field>
  );
}

function RenameForm({ workspace }: { workspace: Workspace }) {
  const toast = useToast();
  const { rename } = useWorkspaceMutations();
  const [name, setName] = useState(workspace.name);
  const trimmed = name.trim();
  const unchanged = trimmed === workspace.name;

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (unchanged || !trimmed) return;
        rename.mutate(
          { id: workspace.id, name: trimmed },
          { onSuccess: (ws) => toast(`Workspace renamed to ${ws.name}`) },
        );
      }}
    >
      <Field label="Workspace name" htmlFor="workspace-rename" error={fieldError(rename.error, "name")}>
        <div className="flex max-w-lg gap-2">
          <Input
            id="workspace-rename"
            value={name}
            maxLength={80}
            onChange={(e) => {
              setName(e.target.value);
              if (rename.error) rename.reset();
            }}
          />
          <Button type="submit" variant="primary" disabled={unchanged || !trimmed || rename.isPending} className="shrink-0">
            {rename.isPending ? "Saving…" : "Rename"}
          </Button>
        </div>
      </Field>
      <FormError error={rename.error} fields={["name"]} />
    </form>
  );
}
