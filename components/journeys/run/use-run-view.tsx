"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import type { TPanelTab } from "../side-panel";
import { LivePanel } from "./live-panel";
import { NodeBadge } from "./node-badge";
import { TestPanel } from "./test-panel";

/**
 * The Test and Live tabs of the editor and what they draw on the canvas: live counts on each
 * node (test counts while test mode is on and nothing is live), and the selected run's path.
 */
export function useRunView(j: { id: string; graph: TJourneyGraph; testMode: boolean; liveVersionId: string | null }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [run, setRun] = useState<{ id: string | null; path: string[] }>({ id: null, path: [] });
  const [nodeId, setNodeId] = useState<string | null>(null);
  const hasLive = Boolean(j.liveVersionId);
  const test = !hasLive;
  const stats = useQuery({ ...trpc.journeys.stats.queryOptions({ workspaceId: ws.id, journeyId: j.id, test }), refetchInterval: 3000, enabled: hasLive || j.testMode });
  const testStats = useQuery({ ...trpc.journeys.stats.queryOptions({ workspaceId: ws.id, journeyId: j.id, test: true }), refetchInterval: 2000, enabled: hasLive && j.testMode });
  const selectRun = (id: string | null, path: string[]) => setRun({ id, path });

  const nodeBadges = useMemo(() => {
    const source = j.testMode && testStats.data ? testStats.data : stats.data;
    if (!source) return undefined;
    const out: Record<string, ReactNode> = {};
    for (const n of j.graph.nodes) out[n.id] = <NodeBadge stats={source.nodes[n.id]} test={source === testStats.data || test} />;
    return out;
  }, [j.graph.nodes, j.testMode, stats.data, testStats.data, test]);

  const tabs: TPanelTab[] = [
    { id: "test", label: "Test", count: undefined, content: <TestPanel journeyId={j.id} graph={j.graph} testMode={j.testMode} selectedRun={run.id} onSelectRun={selectRun} /> },
  ];
  if (hasLive) tabs.push({ id: "live", label: "Live", count: stats.data?.totals.active, tone: "gray", content: <LivePanel journeyId={j.id} graph={j.graph} stats={stats.data} test={false} nodeId={nodeId} onSelectNode={setNodeId} selectedRun={run.id} onSelectRun={selectRun} /> });
  return { tabs, nodeBadges: hasLive || j.testMode ? nodeBadges : undefined, highlightPath: run.path, onSelectNode: setNodeId };
}
