"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Search, Users } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge, Button, Card, EmptyState, Input, PageHeader, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { useDebounced } from "@/lib/use-debounced";
import { AttributeFilters, type TFilter } from "./attribute-filters";
import { profileLabel } from "./profile-label";

const SHOWN_ATTRIBUTES = 3;

export function ProfilesList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<TFilter[]>([]);
  const debounced = useDebounced(search);
  const keys = useQuery(trpc.profiles.attributeKeys.queryOptions({ workspaceId: ws.id }));
  const list = useInfiniteQuery(
    trpc.profiles.list.infiniteQueryOptions({ workspaceId: ws.id, search: debounced || undefined, filters }, { getNextPageParam: (p) => p.nextCursor ?? undefined }),
  );
  const rows = list.data?.pages.flatMap((p) => p.profiles) ?? [];
  const filtering = Boolean(debounced || filters.length);
  return (
    <div className="space-y-5">
      <PageHeader title="Profiles" description="Everyone your apps have told Parcours about, with what they did." />
      <div className="space-y-3">
        <div className="relative max-w-md">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <Input aria-label="Search profiles" placeholder="Search by email, id, phone or any attribute" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
        </div>
        <AttributeFilters keys={[...new Set(keys.data?.map((k) => k.key) ?? [])]} filters={filters} onChange={setFilters} />
      </div>
      <Card>
        {list.isLoading ? (
          <div className="grid place-items-center p-10"><Spinner /></div>
        ) : rows.length === 0 ? (
          <div className="p-6">
            <EmptyState
              icon={<Users className="size-6" />}
              title={filtering ? "No profile matches" : "No profiles yet"}
              description={filtering ? "Try another search or remove a filter." : "Send an identify or track call with a write key (Settings → API keys) and profiles appear here."}
            />
          </div>
        ) : (
          <Table wrapperClassName="rounded-none border-0">
            <THead><TR><TH>Profile</TH><TH>Attributes</TH><TH>Last seen</TH><TH>Updated</TH></TR></THead>
            <TBody>
              {rows.map((p) => {
                const label = profileLabel(p.attributes, p.identities);
                const attrs = Object.entries(p.attributes).filter(([k]) => !["email", "name", "firstName", "lastName"].includes(k)).slice(0, SHOWN_ATTRIBUTES);
                return (
                  <TR key={p.id} data-testid="profile-row">
                    <TD>
                      <Link href={`/${ws.slug}/profiles/${p.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">{label.title}</Link>
                      {label.subtitle && <div className="text-xs text-zinc-500">{label.subtitle}</div>}
                      {p.isTest && <Badge tone="amber" className="mt-1">test</Badge>}
                    </TD>
                    <TD>
                      <div className="flex flex-wrap gap-1.5">
                        {attrs.map(([k, v]) => <span key={k} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700"><span className="text-zinc-500">{k}</span> {String(typeof v === "object" ? JSON.stringify(v) : v).slice(0, 30)}</span>)}
                      </div>
                    </TD>
                    <TD className="whitespace-nowrap text-zinc-600">{p.lastSeenAt ? formatRelative(p.lastSeenAt) : "—"}</TD>
                    <TD className="whitespace-nowrap text-zinc-600">{formatRelative(p.updatedAt)}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
      {list.hasNextPage && <div className="text-center"><Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button></div>}
    </div>
  );
}
