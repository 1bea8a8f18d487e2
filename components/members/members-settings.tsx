"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, CardHeader, Select, Spinner, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { ROLE_LABELS, ROLES, type TRole } from "@/server/auth/permissions";
import { InviteDialog } from "./invite-dialog";
import { PendingInvites } from "./pending-invites";

export function MembersSettings() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const list = useQuery(trpc.members.list.queryOptions({ workspaceId: workspace.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const onError = (error: unknown) => toast.error(messageOf(error));
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: () => (toast.success("Role changed"), refresh()), onError }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: () => (toast.success("Member removed"), refresh()), onError }));
  const canManage = workspace.can("members.manage");

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Members"
          description="Everyone in this workspace has exactly one role."
          actions={canManage && <Button onClick={() => setInviting(true)}><UserPlus className="size-4" /> Invite</Button>}
        />
        {list.isLoading ? (
          <div className="grid place-items-center p-10"><Spinner /></div>
        ) : (
          <Table wrapperClassName="rounded-none border-x-0 border-b-0">
            <THead>
              <TR><TH>Name</TH><TH>Email</TH><TH>Role</TH>{canManage && <TH className="text-right">Actions</TH>}</TR>
            </THead>
            <TBody>
              {list.data?.members.map((m) => (
                <TR key={m.id} data-testid={`member-${m.email}`}>
                  <TD className="font-medium">{m.name ?? "—"}</TD>
                  <TD className="text-zinc-600">{m.email}</TD>
                  <TD>
                    {canManage ? (
                      <Select aria-label={`Role of ${m.email}`} value={m.role} wrapperClassName="w-36" onChange={(e) => changeRole.mutate({ workspaceId: workspace.id, memberId: m.id, role: e.target.value as TRole })}>
                        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r].label}</option>)}
                      </Select>
                    ) : (
                      <Badge tone={m.role === "admin" ? "brand" : "gray"}>{ROLE_LABELS[m.role].label}</Badge>
                    )}
                  </TD>
                  {canManage && (
                    <TD className="text-right">
                      <Button variant="ghost" size="sm" onClick={() => confirm(`Remove ${m.email} from ${workspace.name}?`) && remove.mutate({ workspaceId: workspace.id, memberId: m.id })}>
                        Remove
                      </Button>
                    </TD>
                  )}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <PendingInvites invites={list.data?.invites ?? []} canManage={canManage} onChanged={refresh} />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </div>
  );
}
