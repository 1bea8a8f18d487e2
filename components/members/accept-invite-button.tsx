"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";

export function AcceptInviteButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.members.acceptInvite.mutationOptions({ onSuccess: (ws) => router.push(`/${ws.slug}`) }));
  return (
    <div className="space-y-3">
      {accept.error && <p role="alert" className="text-sm text-red-600">{accept.error.message}</p>}
      <Button className="w-full" loading={accept.isPending} onClick={() => accept.mutate({ token })}>Accept invite</Button>
    </div>
  );
}
