"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Button, Card, CardBody, CardHeader, Field, Input, Select, useToast, type BadgeTone } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useWorkspace } from "./workspace-context";

const tones: Record<string, BadgeTone> = { ready: "green", building: "amber", failed: "red", removing: "gray" };

/**
 * Attributes with a typed column and index on profiles, so audience counts on them read the
 * index alone. Every workspace shares them: instance operators change them, members see them.
 */
export function IndexedAttributesCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [key, setKey] = useState("");
  const [type, setType] = useState<"string" | "number">("string");
  const list = useQuery({
    ...trpc.indexedAttributes.list.queryOptions({ workspaceId: ws.id }),
    refetchInterval: (q) => (q.state.data?.attributes.some((a) => a.status === "building" || a.status === "removing") ? 3000 : false),
  });
  const done = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.indexedAttributes.pathKey() });
  };
  const add = useMutation(
    trpc.indexedAttributes.index.mutationOptions({
      onSuccess: (a) => {
        setKey("");
        done(`Indexing "${a.key}"`);
      },
    }),
  );
  const remove = useMutation(trpc.indexedAttributes.unindex.mutationOptions({ onSuccess: (a) => done(`Removing the index of "${a.key}"`), onError: (e) => toast.error(messageOf(e)) }));
  const editable = list.data?.canManage ?? false;
  const errors = fieldErrorsOf(add.error);
  const attributes = list.data?.attributes ?? [];
  return (
    <Card className="mt-6" data-testid="indexed-attributes">
      <CardHeader
        title="Indexed attributes"
        description={`Audience rules on these attributes (equal, one of, greater, less, between) are counted from an index alone. Shared by every workspace of this installation; each one adds to every profile write. Building one updates every profile once (about a minute per million). Up to ${list.data?.max ?? 6}.`}
      />
      <CardBody className="space-y-4">
        {attributes.length === 0 && !list.isLoading && <p className="text-sm text-zinc-500">No attribute is indexed yet.</p>}
        <ul className="divide-y divide-zinc-100">
          {attributes.map((a) => (
            <li key={`${a.key}:${a.type}`} data-testid="indexed-attribute" className="flex items-center gap-3 py-2 text-sm">
              <span className="font-medium text-zinc-900">{a.key}</span>
              <span className="text-zinc-500">{a.type}</span>
              <Badge tone={tones[a.status]}>{a.status}</Badge>
              {a.error && <span className="truncate text-xs text-red-600" title={a.error}>{a.error}</span>}
              {editable && (a.status === "failed" || a.status === "building") && (
                <Button variant="ghost" size="sm" className="ml-auto" title="Builds again what is missing (e.g. after a restart)" onClick={() => add.mutate({ key: a.key, type: a.type })}>
                  Retry
                </Button>
              )}
              {editable && (
                <Button variant="ghost" size="sm" className={a.status === "ready" || a.status === "removing" ? "ml-auto" : ""} loading={remove.isPending && remove.variables?.key === a.key} onClick={() => remove.mutate({ key: a.key, type: a.type })}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
        {(list.data?.suggestions.length ?? 0) > 0 && (
          <p className="text-xs text-zinc-600" data-testid="index-suggestions">
            Used by this workspace&apos;s saved audiences:{" "}
            {list.data!.suggestions.map((s) =>
              editable ? (
                <button
                  key={`${s.key}:${s.type}`}
                  type="button"
                  className="mr-2 underline"
                  onClick={() => {
                    setKey(s.key);
                    setType(s.type);
                  }}
                >
                  {s.key} ({s.type}, {s.audiences})
                </button>
              ) : (
                <span key={`${s.key}:${s.type}`} className="mr-2">
                  {s.key} ({s.type}, {s.audiences})
                </span>
              ),
            )}
          </p>
        )}
        {editable ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ key, type });
            }}
          >
            <Field label="Attribute" htmlFor="ia-key" error={errors.key}>
              <Input id="ia-key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="city" invalid={Boolean(errors.key)} />
            </Field>
            <Field label="Type" htmlFor="ia-type" error={errors.type}>
              <Select id="ia-type" value={type} onChange={(e) => setType(e.target.value as "string" | "number")}>
                <option value="string">string</option>
                <option value="number">number</option>
              </Select>
            </Field>
            <Button type="submit" loading={add.isPending} disabled={!key}>
              Index
            </Button>
          </form>
        ) : (
          <p className="text-xs text-zinc-500" data-testid="indexes-operator-note">
            These indexes are on the profiles table that every workspace of this installation shares, so only an instance operator can add or
            remove them (an email listed in <code>PARCOURS_OPERATORS</code>, or <code>npm run parcours -- index-attribute</code>). Workspace
            admins cannot. To speed up counts on an attribute listed above, ask your operator.
          </p>
        )}
      </CardBody>
    </Card>
  );
}
