import type { openPostgres } from "@/db/client";

type THandle = Awaited<ReturnType<typeof openPostgres>>;
const CHUNK = 500;

/**
 * The ceiling PostgreSQL sets for a campaign on this machine: messages/s of only the writes
 * a sent message needs (claimed as `sending` before the send, so a crash never sends twice;
 * then its result and its `sent` and `delivered` events), as the sender's statements write
 * them (claim-message.ts, record-results.ts), with JSON built once and nothing rendered or
 * delivered. Two connections, as the campaign sends over the same 2 cores.
 */
export async function rawMessageWrites(handle: THandle, workspaceId: string, configurationId: string, messages: number) {
  const sql = (handle.db as unknown as { $client: import("postgres").Sql }).$client;
  const profileIds = (await sql`select id from profiles where workspace_id = ${workspaceId} limit ${messages}`).map((r) => r.id as string);
  const runId = `raw-${Date.now().toString(36)}`;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < profileIds.length) {
        const chunk = profileIds.slice(next, next + CHUNK);
        next += CHUNK;
        const claims = JSON.stringify(chunk.map((p) => ({ k: `campaign:${runId}:send:${p}`, p, s: "send" })));
        const claimed = await sql.unsafe(
          `insert into messages (workspace_id, idempotency_key, profile_id, configuration_id, plugin_id, kind, source_type, source_id, step_id, is_test, status, updated_at)
           select $1::uuid, x.k, x.p, $2::uuid, 'dev-inbox', 'email', 'campaign', $3, x.s, false, 'sending', now()
           from jsonb_to_recordset($4::jsonb) as x(k text, p uuid, s text)
           on conflict (workspace_id, idempotency_key) do nothing returning id`,
          [workspaceId, configurationId, runId, claims],
        );
        const ids = claimed.map((r) => r.id as string);
        const results = JSON.stringify(ids.map((id, i) => ({ id, status: "delivered", recipient: `p${i}@example.com`, content: { subject: `P${i}, your order is on its way` }, content_key: "bench:raw", content_scope: { context: {}, profile: { firstName: `P${i}`, signupDate: "2024-05-01" } }, provider_message_id: `dev-inbox:${id}` })));
        const events = JSON.stringify(ids.flatMap((id) => [{ message_id: id, workspace_id: workspaceId, type: "sent", data: { providerMessageId: `dev-inbox:${id}` } }, { message_id: id, workspace_id: workspaceId, type: "delivered", data: {} }]));
        await sql.unsafe(
          `with x as (select * from jsonb_to_recordset($1::jsonb) as x(id uuid, status text, recipient text, content jsonb, content_key text, content_scope jsonb, provider_message_id text)),
           updated as (update messages m set status = x.status, recipient = x.recipient, content = x.content, content_key = x.content_key, content_scope = x.content_scope,
               provider_message_id = x.provider_message_id, sent_at = now(), updated_at = now()
             from x where m.id = any(array(select id from x)) and m.id = x.id returning m.id),
           history as (insert into message_events (message_id, workspace_id, type, data)
             select x.message_id, x.workspace_id, x.type, x.data from jsonb_to_recordset($2::jsonb) as x(message_id uuid, workspace_id uuid, type text, data jsonb) returning 1)
           select (select count(*) from updated) as updated, (select count(*) from history) as events`,
          [results, events],
        );
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { messages: profileIds.length, seconds: +seconds.toFixed(1), messagesPerSecond: Math.round(profileIds.length / seconds) };
}
