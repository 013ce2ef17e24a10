"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { CreatedLink } from "@/components/share/created-link";
import { ShareLinkItems, ShareLinkRow } from "@/components/share/share-link-list";
import { useCreatePanelShare, usePanelShares, useRevokePanelShare } from "@/lib/query/panel-session-hooks";
import type { CreatedPanelShare, PanelShareLink } from "@/lib/schemas/panel-session";
import type { CreatedShare } from "@/lib/schemas/share";

// Read-only links to a panel (issue 13 §1): its members, declared opposites and
// latest final report — with comments, also the latest recorded preview and its
// threads. Same options as a persona's link; editors make and revoke them.

const EXPIRY = [
  { value: "", label: "Never" }, { value: "1", label: "In 1 day" }, { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" }, { value: "90", label: "In 90 days" },
];

export function PanelShareDialog({ open, onClose, workspaceId, panelId, canEdit }: { open: boolean; onClose: () => void; workspaceId: string; panelId: string; canEdit: boolean }) {
  return (
    <Dialog open={open} onClose={onClose} title="Share the panel" description="A read-only page anyone with the link can open, without signing in." footer={<Button onClick={onClose}>Done</Button>}>
      <ShareBody workspaceId={workspaceId} panelId={panelId} canEdit={canEdit} />
    </Dialog>
  );
}

function ShareBody({ workspaceId, panelId, canEdit }: { workspaceId: string; panelId: string; canEdit: boolean }) {
  const [created, setCreated] = useState<CreatedPanelShare | null>(null);
  return (
    <div className="space-y-6">
      {canEdit ? (
        created ? <CreatedLink created={created as unknown as CreatedShare} onAnother={() => setCreated(null)} /> : <ShareForm workspaceId={workspaceId} panelId={panelId} onCreated={setCreated} />
      ) : (
        <p className="text-sm text-slate-500">Editors and owners make share links; you can see the existing ones.</p>
      )}
      <LinkList workspaceId={workspaceId} panelId={panelId} canEdit={canEdit} />
    </div>
  );
}

function ShareForm({ workspaceId, panelId, onCreated }: { workspaceId: string; panelId: string; onCreated: (c: CreatedPanelShare) => void }) {
  const id = useId();
  const create = useCreatePanelShare(workspaceId, panelId);
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState("");
  const [includeComments, setIncludeComments] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ label: label.trim(), expiresInDays: expiry ? Number(expiry) : null, includeComments }, { onSuccess: onCreated });
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New panel share link" data-testid="panel-share-form">
      <Field label="Label" htmlFor={`${id}-label`} hint="Who or what the link is for, e.g. “Support leads”.">
        <Input id={`${id}-label`} value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field label="Expires" htmlFor={`${id}-expiry`}>
        <Select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={includeComments} onChange={(e) => setIncludeComments(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
        Include the latest recorded preview and its comments
      </label>
      {create.error ? <p role="alert" className="text-sm text-rose-700">{create.error.message}</p> : null}
      <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create link"}</Button>
    </form>
  );
}

function LinkList({ workspaceId, panelId, canEdit }: { workspaceId: string; panelId: string; canEdit: boolean }) {
  const links = usePanelShares(workspaceId, panelId);
  return <ShareLinkItems links={links}>{(l) => <LinkRow key={l.id} link={l} workspaceId={workspaceId} panelId={panelId} canEdit={canEdit} />}</ShareLinkItems>;
}

function LinkRow({ link, workspaceId, panelId, canEdit }: { link: PanelShareLink; workspaceId: string; panelId: string; canEdit: boolean }) {
  const revoke = useRevokePanelShare(workspaceId, panelId);
  return <ShareLinkRow link={link} canEdit={canEdit} revoke={revoke} testId="panel-share-link" />;
}
