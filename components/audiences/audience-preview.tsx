"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, CardHeader, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { useDebounced } from "@/lib/use-debounced";
import { labelOf } from "@/components/profiles/profile-label";
import { ZRuleGroup, type TRuleGroup } from "@/server/audiences/rules";

/**
 * The live size of the rules being edited: recounted 400 ms after the last change; a count
 * still running when the rules change again is aborted, and the previous figure stays up.
 */
export function AudiencePreview({ rules }: { rules: TRuleGroup }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const settled = useDebounced(rules, 400);
  const parsed = ZRuleGroup.safeParse(settled);
  const preview = useQuery({
    ...trpc.audiences.preview.queryOptions({ workspaceId: ws.id, rules: parsed.success ? parsed.data : settled }, { trpc: { abortOnUnmount: true } }),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const busy = preview.isFetching || settled !== rules;
  return (
    <Card className="lg:sticky lg:top-6">
      <CardHeader title="Estimated size" description="Counted live in the database while you edit." actions={busy && parsed.success ? <span data-testid="preview-busy"><Spinner /></span> : null} />
      <div className="border-t border-zinc-100 px-5 py-4">
        {!parsed.success ? (
          <p className="text-sm text-amber-700" data-testid="preview-incomplete">Complete the highlighted conditions to see the count: {parsed.error.issues[0]?.message}.</p>
        ) : preview.error ? (
          <p role="alert" className="text-sm text-red-700">{messageOf(preview.error)}</p>
        ) : (
          <div className={busy ? "opacity-60 transition-opacity" : "transition-opacity"}>
            <div className="text-4xl font-semibold tabular-nums tracking-tight text-zinc-900" data-testid="audience-count">
              {preview.data ? preview.data.count.toLocaleString("en-US") : "—"}
            </div>
            <div className="mt-1 text-sm text-zinc-500">profiles{preview.data ? ` · counted in ${preview.data.ms} ms` : ""}</div>
          </div>
        )}
      </div>
      {parsed.success && preview.data && preview.data.sample.length > 0 && (
        <div className="border-t border-zinc-100">
          <div className="px-5 pt-3 text-xs font-medium tracking-wide text-zinc-500 uppercase">Sample members</div>
          <ul className="divide-y divide-zinc-100" data-testid="audience-sample">
            {preview.data.sample.map((m) => (
              <li key={m.id} className="px-5 py-2">
                <Link href={`/${ws.slug}/profiles/${m.id}`} className="text-sm font-medium text-zinc-900 hover:text-brand-700">{labelOf(m).title}</Link>
                <div className="truncate text-xs text-zinc-500">{[m.email, summary(m.attributes)].filter(Boolean).join(" · ")}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

function summary(attributes: Record<string, unknown>): string {
  return ["city", "loyaltyTier", "birthYear"].map((k) => attributes[k]).filter((v) => v !== undefined && v !== null).join(" · ");
}
