"use client";
import { useMutation } from "@tanstack/react-query";
import { Badge, Button, Card, CardHeader, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { ROLE_LABELS, type TRole } from "@/server/auth/permissions";

interface TInvite {
  id: string;
  email: string;
  role: TRole;
  expiresAt: Date;
}

export function PendingInvites({ invites, canManage, onChanged }: { invites: TInvite[]; canManage: boolean; onChanged: () => void }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const revoke = useMutation(
    trpc.members.revokeInvite.mutationOptions({
      onSuccess: () => (toast.success("Invite withdrawn"), onChanged()),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (invites.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Pending invites" description="Invites expire after 7 days." />
      <Table wrapperClassName="rounded-none border-x-0 border-b-0">
        <THead>
          <TR><TH>Email</TH><TH>Role</TH><TH>Expires</TH>{canManage && <TH className="text-right">Actions</TH>}</TR>
        </THead>
        <TBody>
          {invites.map((i) => (
            <TR key={i.id}>
              <TD>{i.email}</TD>
              <TD><Badge>{ROLE_LABELS[i.role].label}</Badge></TD>
              <TD className="text-zinc-600">{new Date(i.expiresAt).toLocaleDateString()}</TD>
              {canManage && (
                <TD className="text-right">
                  <Button variant="ghost" size="sm" onClick={() => revoke.mutate({ workspaceId: workspace.id, inviteId: i.id })}>Withdraw</Button>
                </TD>
              )}
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
