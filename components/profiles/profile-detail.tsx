"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Download, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MessagesLog } from "@/components/messages/messages-log";
import { MarkTestButton } from "./mark-test-button";
import { ProfileAudiences } from "./profile-audiences";
import { ProfileJourneys } from "./profile-journeys";
import { ProfileSubscriptions } from "./profile-subscriptions";
import { Badge, Button, Card, CardHeader, Dialog, PageHeader, Spinner, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime, formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { profileLabel } from "./profile-label";
import { ProfileTimeline } from "./profile-timeline";

const NAMESPACE_LABELS: Record<string, string> = { external_id: "User id", email: "Email", phone: "Phone", anonymous_id: "Anonymous id" };

export function ProfileDetail({ profileId }: { profileId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const profile = useQuery(trpc.profiles.get.queryOptions({ workspaceId: ws.id, profileId }));
  const remove = useMutation(
    trpc.profiles.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Profile and all its data deleted");
        await queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() });
        router.push(`/${ws.slug}/profiles`);
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const download = async () => {
    const doc = await queryClient.fetchQuery(trpc.profiles.export.queryOptions({ workspaceId: ws.id, profileId }));
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `profile-${profileId}.json` });
    a.click();
    URL.revokeObjectURL(url);
  };
  if (profile.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!profile.data) return <p role="alert" className="text-sm text-red-600">{messageOf(profile.error) || "Profile not found"}</p>;
  const p = profile.data;
  const label = profileLabel(p.attributes, p.identities);
  return (
    <div className="space-y-6">
      <Link href={`/${ws.slug}/profiles`} className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900"><ArrowLeft className="size-4" /> All profiles</Link>
      <PageHeader
        title={<span className="flex items-center gap-3">{label.title}{p.isTest && <Badge tone="amber">test</Badge>}</span>}
        description={`${label.subtitle ? `${label.subtitle} · ` : ""}first seen ${formatDateTime(p.createdAt)}${p.lastSeenAt ? ` · last seen ${formatRelative(p.lastSeenAt)}` : ""}${p.timezone ? ` · ${p.timezone}` : ""}`}
        actions={
          <div className="flex gap-2">
            <MarkTestButton profileId={p.id} isTest={p.isTest} />
            <Button variant="secondary" onClick={() => void download()}><Download className="size-4" /> Export JSON</Button>
            {ws.can("profiles.delete") && <Button variant="danger" onClick={() => setConfirming(true)}><Trash2 className="size-4" /> Delete</Button>}
          </div>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_1.4fr]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Attributes" description={`${Object.keys(p.attributes).length} attributes`} />
            <Table wrapperClassName="rounded-none border-x-0 border-b-0">
              <THead><TR><TH>Key</TH><TH>Value</TH></TR></THead>
              <TBody>
                {Object.entries(p.attributes).map(([k, v]) => (
                  <TR key={k}><TD className="font-mono text-xs text-zinc-600">{k}</TD><TD className="break-all">{typeof v === "object" ? JSON.stringify(v) : String(v)}</TD></TR>
                ))}
              </TBody>
            </Table>
          </Card>
          <Card>
            <CardHeader title="Identities" />
            <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
              {p.identities.map((i) => (
                <li key={`${i.namespace}:${i.value}`} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                  <span className="text-zinc-500">{NAMESPACE_LABELS[i.namespace] ?? i.namespace}</span>
                  <span className="truncate font-mono text-xs">{i.value}</span>
                </li>
              ))}
            </ul>
          </Card>
          <ProfileAudiences profileId={p.id} />
          <ProfileSubscriptions profileId={p.id} />
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Activity" description="Events received for this profile, newest first." />
            <ProfileTimeline workspaceId={ws.id} profileId={profileId} />
          </Card>
          <ProfileJourneys profileId={profileId} />
        </div>
      </div>
      {/* Full width: the log's status, source and time columns do not fit beside the attributes. */}
      <section aria-label="Messages" className="mt-6 space-y-2">
        <h2 className="text-base font-semibold text-zinc-900">Messages</h2>
        <MessagesLog profileId={profileId} compact />
      </section>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Delete this profile?"
        description="Its attributes, identities and every event are erased. This cannot be undone."
        footer={<><Button variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button><Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ workspaceId: ws.id, profileId })}>Delete profile</Button></>}
      />
    </div>
  );
}
