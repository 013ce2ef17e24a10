import { Card } from "@/components/ui/card";
import { ROLE_HELP, ROLES } from "@/lib/schemas/workspace";
import { RoleBadge } from "@/components/workspace/role-badge";

export function RolesLegend() {
  return (
    <Card className="px-5 py-4">
      <h2 className="text-sm font-semibold text-slate-900">Roles</h2>
      <p className="mt-0.5 text-xs text-slate-500">Each role includes everything the roles below it may do.</p>
      <dl className="mt-3 grid gap-x-6 gap-y-2.5 sm:grid-cols-[auto_1fr]">
        {ROLES.map((role) => (
          <div key={role} className="contents">
            <dt><RoleBadge role={role} /></dt>
            <dd className="text-sm text-slate-600">{ROLE_HELP[role]}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
