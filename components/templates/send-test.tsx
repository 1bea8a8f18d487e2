"use client";
import { useMutation } from "@tanstack/react-query";
import { Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, Input } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TTemplateKind } from "@/server/templates/template-kinds";

type TResult = { messageId: string; status: string; error: string | null };

/** Sends the current draft once, personalized as the previewed profile: email to me, SMS to a phone, push to the profile's devices. */
export function SendTest({ kind, content, profileId, templateId }: { kind: TTemplateKind; content: Record<string, unknown>; profileId: string | null; templateId?: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const [phone, setPhone] = useState("");
  const [result, setResult] = useState<TResult | null>(null);
  const send = useMutation(
    trpc.templates.sendTest.mutationOptions({
      onSuccess: (r) => {
        setResult(r);
        if (r.error) toast.error(`Test ${r.status}: ${r.error}`);
        else toast.success(`Test ${r.status}${kind === "email" ? " to your address" : ""}`);
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  if (!ws.can("messages.send")) return null;
  const phoneError = fieldErrorsOf(send.error).to;
  const label = kind === "email" ? "Send test to me" : kind === "sms" ? "Send test SMS" : "Send test push";
  return (
    <div className="space-y-2 border-t border-zinc-200 pt-4">
      <div className="flex flex-wrap items-center gap-2">
        {kind === "sms" ? <Input className="w-48" type="tel" placeholder="+33612345678" aria-label="Your phone number" value={phone} invalid={Boolean(phoneError)} onChange={(e) => setPhone(e.target.value)} /> : null}
        <Button
          variant="secondary"
          disabled={!profileId || send.isPending}
          onClick={() => profileId && send.mutate({ workspaceId: ws.id, kind, content, profileId, templateId: templateId ?? null, ...(kind === "sms" ? { to: phone } : {}) })}
        >
          <Send className="size-4" /> {send.isPending ? "Sending…" : label}
        </Button>
        {result ? (
          <Link href={`/${ws.slug}/messages/${result.messageId}`} className="text-sm font-medium text-brand-700 hover:underline" data-testid="test-message-link">
            View the {result.status} message
          </Link>
        ) : null}
      </div>
      {phoneError ? <p role="alert" className="text-xs text-red-600">{phoneError}</p> : null}
      <p className="text-xs text-zinc-500">
        {!profileId ? "Choose a profile under Preview as: a test is personalized with real data. " : ""}
        {kind === "email" ? "Goes to your own address through the default email channel." : kind === "push" ? "Goes to the chosen profile's devices." : "Goes to the number you enter."}
      </p>
    </div>
  );
}
