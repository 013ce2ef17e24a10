// Per-workspace fairness (issue 15): when a worker has fewer free run slots
// than runs wait, the next run comes from the workspace with the fewest active
// runs, oldest first within a workspace — round robin between workspaces, so a
// small run of one workspace never waits behind another workspace's backlog.
// Pure: the queues feed it what they read.

export type Candidate = { id: string; workspaceId: string; createdAt: Date };

/** The candidates in the order to start them, given the runs each workspace has active now. */
export function fairOrder<T extends Candidate>(candidates: readonly T[], active: ReadonlyMap<string, number>): T[] {
  const counts = new Map(active);
  const byWorkspace = new Map<string, T[]>();
  for (const c of [...candidates].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))) {
    byWorkspace.set(c.workspaceId, [...(byWorkspace.get(c.workspaceId) ?? []), c]);
  }
  const order: T[] = [];
  while (byWorkspace.size > 0) {
    // Fewest active first; a tie goes to the workspace whose oldest waiting run is oldest.
    let best: string | null = null;
    for (const [ws, list] of byWorkspace) {
      if (best === null) { best = ws; continue; }
      const d = (counts.get(ws) ?? 0) - (counts.get(best) ?? 0);
      if (d < 0 || (d === 0 && list[0].createdAt < byWorkspace.get(best)![0].createdAt)) best = ws;
    }
    const list = byWorkspace.get(best!)!;
    order.push(list.shift()!);
    counts.set(best!, (counts.get(best!) ?? 0) + 1);
    if (list.length === 0) byWorkspace.delete(best!);
  }
  return order;
}

/**
 * pg-boss serves jobs by priority (higher first), then age: a run's priority is minus the
 * number of its workspace's runs running, or queued before it, so the k-th waiting run of
 * every workspace goes before any workspace's (k+1)-th — the same round robin, fixed when
 * the run is enqueued.
 */
export function fairPriorities(runs: readonly Candidate[], outstanding: readonly (Candidate & { status: string })[]): Map<string, number> {
  const priorities = new Map<string, number>();
  for (const run of runs) {
    const older = (o: Candidate) => o.createdAt < run.createdAt || (o.createdAt.getTime() === run.createdAt.getTime() && o.id < run.id);
    const ahead = outstanding.filter((o) => o.workspaceId === run.workspaceId && o.id !== run.id && (o.status === "running" || older(o))).length;
    priorities.set(run.id, ahead === 0 ? 0 : -ahead);
  }
  return priorities;
}
