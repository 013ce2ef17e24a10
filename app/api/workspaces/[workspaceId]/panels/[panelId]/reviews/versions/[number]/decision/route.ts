// POST /api/workspaces/[workspaceId]/panels/[panelId]/reviews/versions/[number]/decision – approve or request changes
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { decidePanelVersion } from "@/lib/services/panels/panel-review";

export const POST = handle(ops.decidePanelVersion, ({ ctx, params, body }) => decidePanelVersion(ctx, params.panelId, params.number, body));

export * from "@/lib/http/method-not-allowed";
