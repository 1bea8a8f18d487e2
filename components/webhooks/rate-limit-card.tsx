"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Card, CardHeader, Field, Input, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";

/** The REST API's per-key limit of this workspace (RateLimit-* headers, 429 past it). */
export function RateLimitCard() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.webhooks.rateLimit.queryOptions({ workspaceId: workspace.id }));
  const [requests, setRequests] = useState("");
  const [seconds, setSeconds] = useState("");
  useEffect(() => {
    if (!current.data) return;
    setRequests(String(current.data.requestsPerWindow));
    setSeconds(String(current.data.windowSeconds));
  }, [current.data]);
  const save = useMutation(
    trpc.webhooks.setRateLimit.mutationOptions({ onSuccess: () => (toast.success("Rate limit saved"), queryClient.invalidateQueries({ queryKey: trpc.webhooks.rateLimit.queryKey() })) }),
  );
  const errors = fieldErrorsOf(save.error);
  const canManage = workspace.can("apiKeys.manage");
  return (
    <Card>
      <CardHeader title="API rate limit" description="Requests each API key may make per window. Answers carry RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; past the limit the API answers 429 with Retry-After." />
      <form
        className="flex flex-wrap items-end gap-4 px-6 pb-6"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ workspaceId: workspace.id, requestsPerWindow: Number(requests), windowSeconds: Number(seconds) });
        }}
      >
        <Field label="Requests per key" htmlFor="rate-requests" error={errors.requestsPerWindow}>
          <Input id="rate-requests" type="number" value={requests} onChange={(e) => setRequests(e.target.value)} disabled={!canManage} invalid={Boolean(errors.requestsPerWindow)} />
        </Field>
        <Field label="Window (seconds)" htmlFor="rate-window" error={errors.windowSeconds}>
          <Input id="rate-window" type="number" value={seconds} onChange={(e) => setSeconds(e.target.value)} disabled={!canManage} invalid={Boolean(errors.windowSeconds)} />
        </Field>
        {canManage && <Button type="submit" loading={save.isPending}>Save</Button>}
        {current.data?.isDefault && <p className="text-sm text-zinc-500">The default applies until you save.</p>}
      </form>
    </Card>
  );
}
