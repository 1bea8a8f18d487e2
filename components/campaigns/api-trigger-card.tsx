"use client";
import { Check, Copy } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, CardHeader } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

/** The exact call that sends this API-triggered campaign, with the context fields its content uses. */
export function ApiTriggerCard({ campaignId, contextFields, apiMode }: { campaignId: string; contextFields: string[]; apiMode: string | null }) {
  const ws = useWorkspace();
  const [origin, setOrigin] = useState("http://localhost:3000");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const body = { recipient: { email: "ada@example.com", attributes: { firstName: "Ada" } }, context: Object.fromEntries(contextFields.map((f) => [f, "…"])) };
  const curl = [
    `curl -X POST ${origin}/api/v1/campaigns/${campaignId}/trigger \\`,
    `  -H "Authorization: Bearer $PARCOURS_SECRET_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Idempotency-Key: $(uuidgen)" \\`,
    `  -d '${JSON.stringify(body)}'`,
  ].join("\n");
  const copy = async () => {
    await navigator.clipboard?.writeText(curl);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Card className="mb-5">
      <CardHeader
        title="Trigger it from your server"
        description={<>A {apiMode ?? "transactional"} campaign: one message per call, to the recipient you name (created if unknown). Use a secret key from <Link className="text-brand-700 hover:underline" href={`/${ws.slug}/settings/api-keys`}>Settings → API keys</Link>.</>}
        actions={<Button size="sm" variant="secondary" onClick={() => void copy()}>{copied ? <Check className="size-4" /> : <Copy className="size-4" />} Copy</Button>}
      />
      <CardBody className="space-y-3">
        <pre className="overflow-x-auto rounded-lg bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100" data-testid="trigger-curl">{curl}</pre>
        <p className="text-sm text-zinc-600">
          {contextFields.length ? <>The content uses <strong>{contextFields.map((f) => `context.${f}`).join(", ")}</strong>: each call must send {contextFields.length === 1 ? "it" : "them"} (400 otherwise).</> : "The content uses no context field."}{" "}
          Answers <code>202 {"{ messageId, status }"}</code>; follow it with <code>GET /api/v1/messages/{"{messageId}"}</code>. See the <Link className="text-brand-700 hover:underline" href="/api-reference">API reference</Link>.
        </p>
      </CardBody>
    </Card>
  );
}
