"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Button, Card, CardBody, CardHeader, Field, Input, Select, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { useWorkspace } from "./workspace-context";

type TChannel = "email" | "sms" | "push";

/** The workspace's subscription topics (docs/messaging.md, "Consent"): admins create, rename, set the default, archive. */
export function SubscriptionTopicsCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [channel, setChannel] = useState<TChannel>("email");
  const [defaultStatus, setDefault] = useState<"opt_in" | "opt_out">("opt_out");
  const [doubleOptIn, setDoubleOptIn] = useState(false);
  const topics = useQuery(trpc.consents.topics.queryOptions({ workspaceId: ws.id, archived: true }));
  const done = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.consents.pathKey() });
  };
  const create = useMutation(trpc.consents.createTopic.mutationOptions({ onSuccess: (t) => (setName(""), done(`"${t.name}" created`)), onError: (e) => toast.error(messageOf(e)) }));
  const update = useMutation(trpc.consents.updateTopic.mutationOptions({ onSuccess: (t) => done(`"${t.name}" saved`), onError: (e) => toast.error(messageOf(e)) }));
  const editable = ws.can("topics.manage");
  const rename = (id: string, current: string) => {
    const next = window.prompt("New name", current)?.trim();
    if (next && next !== current) update.mutate({ workspaceId: ws.id, topicId: id, topic: { name: next } });
  };
  return (
    <Card className="mt-6" data-testid="subscription-topics">
      <CardHeader
        title="Subscription topics"
        description="What recipients can subscribe to on each channel. Opt-in topics reach only profiles with a recorded opt-in (use it for SMS marketing); opt-out topics reach everyone who has not left them. Campaigns and journey messages choose one."
      />
      <CardBody className="space-y-4">
        <ul className="divide-y divide-zinc-100">
          {(topics.data ?? []).map((t) => (
            <li key={t.id} data-testid="subscription-topic" className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className={t.archivedAt ? "text-zinc-400 line-through" : "font-medium text-zinc-900"}>{t.name}</span>
              <Badge tone="blue">{t.channel}</Badge>
              <Badge tone={t.defaultStatus === "opt_in" ? "amber" : "gray"}>{t.defaultStatus === "opt_in" ? "opt-in" : "opt-out"}</Badge>
              {t.doubleOptIn && <Badge tone="brand">double opt-in</Badge>}
              {editable && (
                <span className="ml-auto flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => rename(t.id, t.name)}>Rename</Button>
                  {!t.archivedAt && (
                    <Button variant="ghost" size="sm" onClick={() => update.mutate({ workspaceId: ws.id, topicId: t.id, topic: { defaultStatus: t.defaultStatus === "opt_in" ? "opt_out" : "opt_in", doubleOptIn: false } })}>
                      Make {t.defaultStatus === "opt_in" ? "opt-out" : "opt-in"}
                    </Button>
                  )}
                  <Button variant="ghost" size="sm" onClick={() => update.mutate({ workspaceId: ws.id, topicId: t.id, topic: { archived: !t.archivedAt } })}>{t.archivedAt ? "Restore" : "Archive"}</Button>
                </span>
              )}
            </li>
          ))}
          {!topics.isLoading && !topics.data?.length && <li className="py-2 text-sm text-zinc-500">No topic yet: marketing follows each channel&apos;s general consent.</li>}
        </ul>
        {editable ? (
          <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => (e.preventDefault(), create.mutate({ workspaceId: ws.id, topic: { name, channel, defaultStatus, doubleOptIn } }))}>
            <Field label="Topic" htmlFor="topic-name">
              <Input id="topic-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Newsletter" />
            </Field>
            <Field label="Channel" htmlFor="topic-channel">
              <Select id="topic-channel" value={channel} onChange={(e) => (setChannel(e.target.value as TChannel), setDefault(e.target.value === "sms" ? "opt_in" : "opt_out"))}>
                <option value="email">email</option>
                <option value="sms">sms</option>
                <option value="push">push</option>
              </Select>
            </Field>
            <Field label="Default" htmlFor="topic-default">
              <Select id="topic-default" value={defaultStatus} onChange={(e) => setDefault(e.target.value as "opt_in" | "opt_out")}>
                <option value="opt_out">opt-out (everyone until they leave)</option>
                <option value="opt_in">opt-in (only who subscribed)</option>
              </Select>
            </Field>
            {channel === "email" && defaultStatus === "opt_in" && (
              <label className="flex items-center gap-2 pb-2 text-sm text-zinc-700">
                <input type="checkbox" className="size-4" checked={doubleOptIn} onChange={(e) => setDoubleOptIn(e.target.checked)} /> Double opt-in
              </label>
            )}
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Add topic</Button>
          </form>
        ) : (
          <p className="text-xs text-zinc-500">Only admins can change topics.</p>
        )}
      </CardBody>
    </Card>
  );
}
