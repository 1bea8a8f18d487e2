"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Webhook } from "lucide-react";
import { useState } from "react";
import { Button, Card, CardHeader, EmptyState, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { EndpointCard } from "./endpoint-card";
import { RateLimitCard } from "./rate-limit-card";

export function WebhooksSettings() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const endpoints = useQuery(trpc.webhooks.list.queryOptions({ workspaceId: workspace.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const addButton = <Button onClick={() => setCreating(true)}><Plus className="size-4" /> Add endpoint</Button>;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Webhooks"
          description={
            <>
              Parcours POSTs the events you choose to your endpoints, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), retrying for about 28 hours. An endpoint that fails for 5 days is disabled. To try one, add it and press “Send test event”: its answer shows in the log. See docs/api.md, “Webhooks”.
            </>
          }
          actions={endpoints.data?.length ? addButton : null}
        />
        {endpoints.isLoading ? (
          <div className="grid place-items-center p-10"><Spinner /></div>
        ) : !endpoints.data?.length ? (
          <div className="p-6">
            <EmptyState icon={<Webhook className="size-6" />} title="No endpoints yet" description="Add a URL to receive message, profile, journey and campaign events." action={addButton} />
          </div>
        ) : null}
      </Card>
      {endpoints.data?.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} />)}
      <RateLimitCard />
      <CreateEndpointDialog open={creating} onClose={() => setCreating(false)} onCreated={refresh} />
    </div>
  );
}
