"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, Card, CardHeader } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

/** The saved audiences and lists this profile belongs to now. */
export function ProfileAudiences({ profileId }: { profileId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const audiences = useQuery(trpc.audiences.ofProfile.queryOptions({ workspaceId: ws.id, profileId }));
  return (
    <Card>
      <CardHeader title="Audiences" description="Saved audiences and lists this profile is in now." />
      {audiences.data?.length ? (
        <ul className="flex flex-wrap gap-2 px-5 py-4" data-testid="profile-audiences">
          {audiences.data.map((a) => (
            <li key={a.id}>
              <Link href={`/${ws.slug}/audiences/${a.id}`}>
                <Badge tone={a.kind === "list" ? "blue" : "brand"}>{a.name}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-zinc-500">{audiences.isLoading ? "Checking…" : "In no saved audience."}</p>
      )}
    </Card>
  );
}
