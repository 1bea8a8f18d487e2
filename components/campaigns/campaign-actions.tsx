"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Pause, Pencil, Play, Rocket, Send, Square, X } from "lucide-react";
import { useState } from "react";
import { Button, ButtonLink, Dialog, Field, Textarea } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

type TCampaign = { id: string; status: string; approvalRequired: boolean; submittedByYou: boolean };

/** The buttons a role may use on a campaign in its current status; the server checks again. */
export function CampaignActions({ campaign }: { campaign: TCampaign }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [review, setReview] = useState<"approve" | "reject" | null>(null);
  const [comment, setComment] = useState("");
  const refresh = (message: string) => {
    queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
    toast.success(message);
    setReview(null);
    setComment("");
  };
  const onError = (e: unknown) => toast.error(messageOf(e));
  const ids = { workspaceId: ws.id, campaignId: campaign.id };
  const submit = useMutation(trpc.campaigns.submit.mutationOptions({ onError, onSuccess: () => refresh("Submitted for review") }));
  const approve = useMutation(trpc.campaigns.approve.mutationOptions({ onError, onSuccess: () => refresh("Campaign approved") }));
  const reject = useMutation(trpc.campaigns.reject.mutationOptions({ onError, onSuccess: () => refresh("Campaign rejected") }));
  const activate = useMutation(trpc.campaigns.activate.mutationOptions({ onError, onSuccess: () => refresh("Campaign activated") }));
  const pause = useMutation(trpc.campaigns.pause.mutationOptions({ onError, onSuccess: () => refresh("Campaign paused") }));
  const resume = useMutation(trpc.campaigns.resume.mutationOptions({ onError, onSuccess: () => refresh("Campaign resumed") }));
  const stop = useMutation(trpc.campaigns.stop.mutationOptions({ onError, onSuccess: () => refresh("Campaign stopped") }));
  const s = campaign.status;
  const manage = ws.can("campaigns.manage");
  const ownSubmission = campaign.submittedByYou;
  const canActivate = manage && (campaign.approvalRequired ? s === "approved" : ["draft", "rejected", "approved"].includes(s));
  return (
    <>
      {manage && ["draft", "rejected", "in_review", "approved"].includes(s) ? <ButtonLink variant="secondary" href={`/${ws.slug}/campaigns/${campaign.id}/edit`}><Pencil className="size-4" /> Edit</ButtonLink> : null}
      {manage && campaign.approvalRequired && (s === "draft" || s === "rejected") ? <Button onClick={() => submit.mutate(ids)} disabled={submit.isPending}><Send className="size-4" /> Submit for review</Button> : null}
      {ws.can("campaigns.approve") && s === "in_review" && !ownSubmission ? (
        <>
          <Button variant="secondary" onClick={() => setReview("reject")}><X className="size-4" /> Reject</Button>
          <Button onClick={() => setReview("approve")}><Check className="size-4" /> Approve</Button>
        </>
      ) : null}
      {canActivate ? <Button onClick={() => activate.mutate(ids)} disabled={activate.isPending}><Rocket className="size-4" /> Activate</Button> : null}
      {manage && s === "active" ? <Button variant="secondary" onClick={() => pause.mutate(ids)} disabled={pause.isPending}><Pause className="size-4" /> Pause</Button> : null}
      {manage && s === "paused" ? <Button onClick={() => resume.mutate(ids)} disabled={resume.isPending}><Play className="size-4" /> Resume</Button> : null}
      {manage && (s === "active" || s === "paused") ? <Button variant="danger" onClick={() => confirm("Stop this campaign for good? Nothing more will be sent.") && stop.mutate(ids)}><Square className="size-4" /> Stop</Button> : null}
      <Dialog
        open={review !== null}
        onClose={() => setReview(null)}
        title={review === "approve" ? "Approve this campaign" : "Reject this campaign"}
        description={review === "approve" ? "Once approved, a manager can activate it." : "Say what to change; the campaign goes back to its author."}
        footer={
          <>
            <Button variant="ghost" onClick={() => setReview(null)}>Cancel</Button>
            {review === "approve" ? (
              <Button onClick={() => approve.mutate({ ...ids, comment })} disabled={approve.isPending}>Approve</Button>
            ) : (
              <Button variant="danger" onClick={() => reject.mutate({ ...ids, comment })} disabled={reject.isPending || !comment.trim()}>Reject</Button>
            )}
          </>
        }
      >
        <Field label={review === "approve" ? "Comment (optional)" : "Comment"} htmlFor="review-comment">
          <Textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
      </Dialog>
    </>
  );
}
