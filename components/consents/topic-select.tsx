"use client";
import { useQuery } from "@tanstack/react-query";
import { Field, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

/** A marketing message's subscription topic, among the channel's (none: the channel's general marketing consent). */
export function TopicSelect({ id, kind, value, onChange, error }: { id: string; kind: string; value: string | null | undefined; onChange: (topicId: string | null) => void; error?: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const topics = useQuery(trpc.consents.topics.queryOptions({ workspaceId: ws.id, archived: true }));
  const mine = (topics.data ?? []).filter((t) => t.channel === kind && (!t.archivedAt || t.id === value));
  return (
    <Field label="Subscription topic" htmlFor={id} error={error} hint="Who may get it: an opt-in topic reaches only profiles that subscribed to it; an opt-out topic everyone who has not left it.">
      <Select id={id} data-testid={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">None (the channel&apos;s marketing consent)</option>
        {mine.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.defaultStatus === "opt_in" ? "opt-in" : "opt-out"}){t.archivedAt ? ", archived" : ""}</option>)}
      </Select>
    </Field>
  );
}
