"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Input, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { useDebounced } from "@/lib/use-debounced";

export type TPickedProfile = { id: string; label: string } | null;

type TRow = { id: string; attributes: Record<string, unknown>; identities: { namespace: string; value: string }[] };

export function profileLabel(p: TRow): string {
  const a = p.attributes;
  const name = [a.firstName, a.lastName].filter((v) => typeof v === "string" && v).join(" ");
  const email = (typeof a.email === "string" && a.email) || p.identities.find((i) => i.namespace === "email")?.value;
  return [name, email].filter(Boolean).join(" · ") || p.identities[0]?.value || p.id.slice(0, 8);
}

/** "Preview as": search profiles by any identity or attribute and pick one; starts on the most recent. */
export function ProfilePicker({ value, onChange }: { value: TPickedProfile | undefined; onChange: (p: TPickedProfile) => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const id = useId();
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim(), 250);
  const list = useQuery(trpc.profiles.list.queryOptions({ workspaceId: ws.id, search: term || undefined, limit: 8 }));
  const rows = (list.data?.profiles ?? []) as TRow[];
  // Nothing chosen yet in this workspace: the most recent profile, or sample data if there is none.
  useEffect(() => {
    if (value !== undefined || !list.isSuccess || term) return;
    onChange(rows[0] ? { id: rows[0].id, label: profileLabel(rows[0]) } : null);
  }, [rows, value, onChange, list.isSuccess, term]);
  const options = value && !rows.some((r) => r.id === value.id) ? [{ id: value.id, label: value.label }, ...rows.map((r) => ({ id: r.id, label: profileLabel(r) }))] : rows.map((r) => ({ id: r.id, label: profileLabel(r) }));
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">Preview as</label>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Input type="search" placeholder="Search profiles…" aria-label="Search profiles" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Select
          id={id}
          value={value?.id ?? ""}
          onChange={(e) => {
            const option = options.find((o) => o.id === e.target.value);
            onChange(option ? { id: option.id, label: option.label } : null);
          }}
        >
          <option value="">Sample data (no profile)</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </Select>
      </div>
    </div>
  );
}
