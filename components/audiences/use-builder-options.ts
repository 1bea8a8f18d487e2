"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import type { TBuilderOptions } from "./rule-group-editor";
import { valueTypeOf } from "./rule-draft";

/** What the rule builder offers: attribute keys with their types, event names, other audiences. */
export function useBuilderOptions(excludeAudienceId?: string): TBuilderOptions {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const keys = useQuery(trpc.profiles.attributeKeys.queryOptions({ workspaceId: ws.id }));
  const names = useQuery(trpc.audiences.eventNames.queryOptions({ workspaceId: ws.id }));
  const audiences = useQuery(trpc.audiences.list.queryOptions({ workspaceId: ws.id }));
  return useMemo(() => {
    const typesByKey = new Map<string, string[]>();
    for (const { key, type } of keys.data ?? []) typesByKey.set(key, [...(typesByKey.get(key) ?? []), type]);
    return {
      keys: [...typesByKey].map(([key, types]) => ({ key, type: valueTypeOf(types) })),
      eventNames: (names.data ?? []).map((n) => n.name),
      audiences: (audiences.data ?? []).filter((a) => a.id !== excludeAudienceId),
    };
  }, [keys.data, names.data, audiences.data, excludeAudienceId]);
}
