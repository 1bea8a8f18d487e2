"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Badge, Button, Card, PageHeader, Spinner, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { ZRuleGroup } from "@/server/audiences/rules";
import { AddMembersForm } from "./add-members-form";
import { AudienceBuilder } from "./audience-builder";
import { AudienceMembers } from "./audience-members";

/** One audience: a rules audience opens in the builder; a list shows its members and how to add some. */
export function AudienceDetail({ audienceId }: { audienceId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const audience = useQuery(trpc.audiences.get.queryOptions({ workspaceId: ws.id, audienceId }));
  const remove = useMutation(
    trpc.audiences.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Audience deleted");
        void queryClient.invalidateQueries({ queryKey: trpc.audiences.pathKey() });
        router.push(`/${ws.slug}/audiences`);
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (audience.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!audience.data) return <p role="alert" className="text-sm text-red-700">{messageOf(audience.error) || "Audience not found"}</p>;
  const a = audience.data;
  const isList = a.kind === "list";
  const canManage = ws.can("audiences.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={a.name}
        description={a.description ?? (isList ? "A static list." : "Defined by rules; always current.")}
        actions={canManage && (
          <Button variant="ghost" onClick={() => confirm(`Delete “${a.name}”?${isList ? " Its members stay in Parcours." : ""}`) && remove.mutate({ workspaceId: ws.id, audienceId })}>
            <Trash2 className="size-4" /> Delete
          </Button>
        )}
      >
        <div className="flex items-center gap-2 pt-1 text-sm text-zinc-500">
          {isList ? <Badge tone="blue">Static list</Badge> : <Badge tone="brand">Rules</Badge>}
          <span data-testid="audience-size"><strong className="tabular-nums text-zinc-900">{(a.lastCount ?? 0).toLocaleString("en-US")}</strong> {a.lastCount === 1 ? "member" : "members"}</span>
          <span>· updated {formatRelative(a.updatedAt)}</span>
        </div>
      </PageHeader>
      {isList ? (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
          <AudienceMembers audienceId={audienceId} kind="list" />
          {canManage && <Card><AddMembersForm audienceId={audienceId} /></Card>}
        </div>
      ) : (
        <>
          <AudienceBuilder audience={{ id: a.id, name: a.name, description: a.description, rules: ZRuleGroup.parse(a.rules) }} />
          <AudienceMembers audienceId={audienceId} kind="rules" />
        </>
      )}
    </div>
  );
}
