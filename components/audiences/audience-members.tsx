"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button, Card, CardHeader, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { labelOf } from "@/components/profiles/profile-label";

/** Members of an audience or list, paged; a list's members can be removed one by one. */
export function AudienceMembers({ audienceId, kind, actions }: { audienceId: string; kind: string; actions?: React.ReactNode }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const members = useInfiniteQuery(trpc.audiences.members.infiniteQueryOptions({ workspaceId: ws.id, audienceId }, { getNextPageParam: (p) => p.nextCursor ?? undefined }));
  const remove = useMutation(
    trpc.audiences.removeMembers.mutationOptions({
      onSuccess: () => (toast.success("Removed from the list"), queryClient.invalidateQueries({ queryKey: trpc.audiences.pathKey() })),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const rows = members.data?.pages.flatMap((p) => p.members) ?? [];
  const isList = kind === "list";
  return (
    <Card>
      <CardHeader title="Members" description={isList ? "The profiles on this list, most recently added first." : "Profiles matching the rules now, most recently updated first."} actions={actions} />
      {rows.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-zinc-500">{members.isLoading ? "Loading…" : isList ? "Nobody on this list yet." : "No profile matches these rules yet."}</p>
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Profile</TH>
              <TH>Email</TH>
              <TH>{isList ? "Added" : "Updated"}</TH>
              {isList && ws.can("audiences.manage") && <TH className="w-0" />}
            </TR>
          </THead>
          <TBody>
            {rows.map((m) => (
              <TR key={m.id} data-testid="member-row">
                <TD><Link href={`/${ws.slug}/profiles/${m.id}`} className="font-medium text-zinc-900 hover:text-brand-700">{labelOf(m).title}</Link></TD>
                <TD className="text-zinc-600">{m.email ?? "—"}</TD>
                <TD className="text-zinc-500">{formatRelative(m.at)}</TD>
                {isList && ws.can("audiences.manage") && (
                  <TD><Button size="sm" variant="ghost" onClick={() => remove.mutate({ workspaceId: ws.id, audienceId, profiles: [m.id] })}>Remove</Button></TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {members.hasNextPage && (
        <div className="border-t border-zinc-100 p-3 text-center"><Button variant="secondary" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>Load more</Button></div>
      )}
    </Card>
  );
}
