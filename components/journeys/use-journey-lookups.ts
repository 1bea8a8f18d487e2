"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import type { TNameLookups } from "./node-summary";

const CORE_KINDS = [{ id: "email", name: "Email" }, { id: "push", name: "Push" }, { id: "sms", name: "SMS" }];

/** What the editor names and offers: audiences and lists, business events, channel kinds and configurations. */
export function useJourneyLookups() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const audiences = useQuery(trpc.audiences.list.queryOptions({ workspaceId: ws.id }));
  const definitions = useQuery(trpc.events.definitions.queryOptions({ workspaceId: ws.id }));
  const providers = useQuery(trpc.channels.providers.queryOptions({ workspaceId: ws.id }));
  const configurations = useQuery(trpc.channels.list.queryOptions({ workspaceId: ws.id }));
  return useMemo(
    () => ({
      audiences: audiences.data ?? [],
      definitions: (definitions.data ?? []).map((d) => d.definition),
      kinds: providers.data?.kinds ?? CORE_KINDS,
      configurations: configurations.data ?? [],
    }),
    [audiences.data, definitions.data, providers.data, configurations.data],
  );
}

export type TJourneyLookups = ReturnType<typeof useJourneyLookups>;

/** Names for node titles and summaries. */
export function useNames(lookups: TJourneyLookups, graph: TJourneyGraph): TNameLookups {
  return useMemo(() => {
    const audiences = new Map(lookups.audiences.map((a) => [a.id, a.name]));
    const definitions = new Map(lookups.definitions.map((d) => [d.id, d.name]));
    const kinds = new Map(lookups.kinds.map((k) => [k.id, k.name]));
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    return { audience: (id) => audiences.get(id), definition: (id) => definitions.get(id), kind: (id) => kinds.get(id), node: (id) => nodes.get(id) };
  }, [lookups, graph.nodes]);
}
