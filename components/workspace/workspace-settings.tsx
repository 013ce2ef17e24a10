"use client";
import { useMe, useWorkspace } from "@/lib/query/hooks";
import { can } from "@/lib/schemas/workspace";
import { ApiTokensSection } from "@/components/workspace/api-tokens-section";
import { InviteMemberForm } from "@/components/workspace/invite-member-form";
import { MembersSection } from "@/components/workspace/members-section";
import { ProvidersSection } from "@/components/workspace/providers-section";
import { ReferenceJudgeSection } from "@/components/workspace/reference-judge";
import { RolesLegend } from "@/components/workspace/roles-legend";
import { WorkspaceSection } from "@/components/workspace/workspace-section";

/** The "Members & settings" page body: workspace name, members, inviting people, model providers, API tokens, and what roles mean. */
export function WorkspaceSettings({ workspaceId }: { workspaceId: string }) {
  const me = useMe();
  const workspace = useWorkspace(workspaceId);

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-8 sm:py-8">
      <header className="mb-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Members & settings</h1>
        <p className="mt-1 text-sm text-slate-500">
          {workspace ? (
            <>Who can work in <span className="font-medium text-slate-700">{workspace.name}</span>, and what each person may do.</>
          ) : me.isError ? (
            "Could not load this workspace."
          ) : (
            "Loading workspace…"
          )}
        </p>
      </header>

      {workspace ? (
        <div className="space-y-6">
          <WorkspaceSection workspace={workspace} />
          <MembersSection workspace={workspace} />
          {can.manageMembers(workspace.role) ? <InviteMemberForm workspaceId={workspace.id} /> : null}
          <ProvidersSection workspace={workspace} />
          <ReferenceJudgeSection workspace={workspace} />
          <ApiTokensSection workspace={workspace} />
          <RolesLegend />
        </div>
      ) : me.isPending ? (
        <div className="space-y-6" aria-busy="true">
          {[0, 1].map((i) => <div key={i} className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" />)}
        </div>
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm text-slate-600">
          This workspace is not in your list any more. Choose another one from the sidebar.
        </p>
      )}
    </div>
  );
}
