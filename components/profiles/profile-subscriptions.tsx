"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Card, CardHeader, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";

const SOURCE_LABELS: Record<string, string> = { api: "API", import: "import", preference_page: "preference page", provider_stop: "STOP reply", admin: "admin", unsubscribe_link: "unsubscribe link", double_opt_in: "double opt-in" };
const tone = (status: string) => (status === "subscribed" ? "green" : status === "pending" ? "amber" : "gray");

/** The profile's marketing consent per channel and per topic, where each came from; admins and managers change it (source "admin"). */
export function ProfileSubscriptions({ profileId }: { profileId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const subs = useQuery(trpc.consents.profile.queryOptions({ workspaceId: ws.id, profileId }));
  const change = useMutation(
    trpc.consents.updateProfile.mutationOptions({
      onSuccess: () => {
        toast.success("Subscription saved");
        void queryClient.invalidateQueries({ queryKey: trpc.consents.profile.pathKey() });
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const editable = ws.can("consents.manage");
  const rows = [
    ...(subs.data?.channels ?? []).map((c) => ({ key: c.channel, label: `All ${c.channel} marketing`, topicId: null as string | null, ...c })),
    ...(subs.data?.topics ?? []).map((t) => ({ key: t.id, label: t.name, topicId: t.id as string | null, ...t })),
  ];
  const toggle = (r: (typeof rows)[number]) => {
    const status = r.status === "subscribed" ? "unsubscribed" : "subscribed";
    change.mutate({ workspaceId: ws.id, profileId, changes: r.topicId ? { topics: [{ id: r.topicId, status }] } : { channels: { [r.channel]: status } } });
  };
  return (
    <Card>
      <CardHeader title="Subscriptions" description="Marketing consent per channel and topic. Transactional messages do not depend on it." />
      <ul className="divide-y divide-zinc-100" data-testid="profile-subscriptions">
        {rows.map((r) => (
          <li key={r.key} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="truncate text-zinc-800">{r.label} <span className="text-xs text-zinc-400">{r.channel}</span></p>
              <p className="text-xs text-zinc-500">{r.recorded ? `${SOURCE_LABELS[r.source ?? ""] ?? r.source ?? "recorded"}, ${formatDateTime(r.updatedAt!)}` : "default"}</p>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <Badge tone={tone(r.status)}>{r.status}</Badge>
              {editable && (
                <button type="button" className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50" disabled={change.isPending} onClick={() => toggle(r)} aria-label={`${r.status === "subscribed" ? "Unsubscribe from" : "Subscribe to"} ${r.label}`}>
                  {r.status === "subscribed" ? "Unsubscribe" : "Subscribe"}
                </button>
              )}
            </div>
          </li>
        ))}
        {!rows.length && <li className="px-5 py-4 text-sm text-zinc-500">{subs.isLoading ? "Loading…" : "No consent recorded."}</li>}
      </ul>
      {(subs.data?.history.length ?? 0) > 0 && (
        <details className="border-t border-zinc-100 px-5 py-3 text-xs text-zinc-600" data-testid="consent-history">
          <summary className="cursor-pointer font-medium text-zinc-700">History</summary>
          <ul className="mt-2 space-y-1">
            {subs.data!.history.map((h, i) => (
              <li key={i}>{formatDateTime(h.at)}: {h.topic ?? `all ${h.channel} marketing`} {h.status} ({SOURCE_LABELS[h.source] ?? h.source})</li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
