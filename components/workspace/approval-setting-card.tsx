"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, CardBody, CardHeader, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { useWorkspace } from "./workspace-context";

/** The workspace's approval switch: on, a campaign goes live only after an approver's OK. */
export function ApprovalSettingCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.campaigns.approval.queryOptions({ workspaceId: ws.id }));
  const save = useMutation(
    trpc.campaigns.setApproval.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.approvalRequired ? "Approval is now required" : "Approval is now off");
        void queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const on = setting.data?.approvalRequired ?? true;
  const editable = ws.can("settings.approval");
  return (
    <Card className="mt-6">
      <CardHeader title="Approval" description="Who may send: with approval on, a manager submits a campaign, an approver (never the submitter) approves it, and only then can it be activated." />
      <CardBody>
        <label className="flex items-center gap-3 text-sm text-zinc-800">
          <input type="checkbox" className="size-4" checked={on} disabled={!editable || setting.isLoading || save.isPending} onChange={(e) => save.mutate({ workspaceId: ws.id, required: e.target.checked })} />
          Campaigns need an approver&apos;s approval before they go live
        </label>
        {!editable && <p className="mt-2 text-xs text-zinc-500">Only admins can change this.</p>}
      </CardBody>
    </Card>
  );
}
