"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Button, Card, Input, Select, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";

/** Addresses that never receive a channel: unsubscribed, bounced, complained, or added by an admin. */
export function SuppressionList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [channel, setChannel] = useState("email");
  const [address, setAddress] = useState("");
  const list = useQuery(trpc.messages.suppressions.queryOptions({ workspaceId: ws.id, search: search || undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.messages.suppressions.pathKey() });
  const add = useMutation(trpc.messages.addSuppression.mutationOptions({ onSuccess: () => (toast.success("Suppressed"), setAddress(""), refresh()) }));
  const remove = useMutation(trpc.messages.removeSuppression.mutationOptions({ onSuccess: () => (toast.success("Removed from the list"), refresh()), onError: (e) => toast.error(messageOf(e)) }));
  const canManage = ws.can("suppressions.manage");
  const addError = fieldErrorsOf(add.error)["suppression.address"] ?? (add.error ? messageOf(add.error) : null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Input aria-label="Search addresses" placeholder="Search addresses…" value={search} onChange={(e) => setSearch(e.target.value)} className="w-64" />
        {canManage && (
          <div className="flex flex-wrap items-start gap-2">
            <Select aria-label="Suppressed channel" value={channel} onChange={(e) => setChannel(e.target.value)} wrapperClassName="w-28"><option value="email">email</option><option value="sms">sms</option></Select>
            <div>
              <Input aria-label="Address to suppress" placeholder={channel === "email" ? "name@example.com" : "+15551234567"} value={address} onChange={(e) => setAddress(e.target.value)} className="w-64" invalid={Boolean(addError)} />
              {addError && <p role="alert" className="mt-1 text-xs text-red-600">{addError}</p>}
            </div>
            <Button onClick={() => add.mutate({ workspaceId: ws.id, suppression: { channel, address } })} loading={add.isPending}>Suppress</Button>
          </div>
        )}
      </div>
      <Card>
        {!list.data?.length ? (
          <p className="px-5 py-8 text-center text-sm text-zinc-500">{list.isLoading ? "Loading…" : "No suppressed address."}</p>
        ) : (
          <Table>
            <THead><TR><TH>Address</TH><TH>Channel</TH><TH>Reason</TH><TH>Since</TH>{canManage && <TH className="w-0" />}</TR></THead>
            <TBody>
              {list.data.map((s) => (
                <TR key={`${s.channel}:${s.address}`} data-testid="suppression-row">
                  <TD className="font-medium text-zinc-900">{s.address}</TD>
                  <TD>{s.channel}</TD>
                  <TD><Badge tone={s.reason === "manual" ? "gray" : "amber"}>{s.reason}</Badge></TD>
                  <TD className="text-zinc-500">{formatRelative(s.createdAt)}</TD>
                  {canManage && <TD><Button size="sm" variant="ghost" onClick={() => confirm(`Allow ${s.address} to receive ${s.channel} again?`) && remove.mutate({ workspaceId: ws.id, channel: s.channel, address: s.address })}>Remove</Button></TD>}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
