import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { WebhookVerificationError } from "../errors";
import { allowPrivateHost } from "./allow-private-host";
import type { TContractOptions, TContractState } from "./contract-options";
import { closedPort, type TProviderFake } from "./fake-server";

type TOptions = TContractOptions<z.ZodObject, unknown, TProviderFake | undefined>;
type TState = TContractState<z.ZodObject, unknown, TProviderFake | undefined>;

/** The kit's own forgeries of a genuine webhook: its signature headers dropped, its body altered. */
async function forgeriesOf(genuine: Request): Promise<[string, Request][]> {
  const body = await genuine.text();
  const init = { method: genuine.method, headers: genuine.headers };
  const altered = body.replace(/"[^"]*"/, '"forged"');
  return [
    ["unsigned", new Request(genuine.url, { method: genuine.method, headers: { "content-type": "application/json" }, body })],
    ...(altered !== body ? [["body altered", new Request(genuine.url, { ...init, body: altered })] as [string, Request]] : []),
    ["body padded", new Request(genuine.url, { ...init, body: `${body} ` })],
  ];
}

export function describeWebhook(options: TOptions, state: TState) {
  const webhook = options.webhook;
  describe("parseWebhook", () => {
    it("has webhook samples exactly when the sender parses webhooks", () => {
      expect(Boolean(webhook), "give `webhook` samples exactly when the sender has parseWebhook").toBe(typeof state.sender.parseWebhook === "function");
    });
    if (!webhook) return;

    it("reads a correctly signed webhook into typed events", async () => {
      const events = await state.sender.parseWebhook!(await webhook.signed(state.settings));
      expect(events.map((e) => e.type)).toEqual(webhook.events);
      for (const event of events) {
        expect(event.providerMessageId).toMatch(/\S/);
        if (event.at !== undefined) expect(event.at).toBeInstanceOf(Date);
      }
    });

    it("refuses unsigned, altered and forged webhooks with WebhookVerificationError", async () => {
      const forged = [...(await forgeriesOf(await webhook.signed(state.settings))), ...((await webhook.forged?.(state.settings)) ?? []).map((r, i) => [`forged #${i}`, r] as [string, Request])];
      for (const [name, request] of forged) {
        await expect(state.sender.parseWebhook!(request), name).rejects.toBeInstanceOf(WebhookVerificationError);
      }
    });
  });
}

export function describeTestConnection(options: TOptions, state: TState) {
  const unreachable = options.settings.unreachable;
  describe("testConnection", () => {
    it("has `settings.unreachable` exactly when the sender tests connections", () => {
      expect(Boolean(unreachable), "give `settings.unreachable` exactly when the sender has testConnection").toBe(typeof state.sender.testConnection === "function");
    });
    if (!unreachable) return;

    it("reports ok against the provider fake", async () => {
      expect(await state.sender.testConnection!()).toMatchObject({ ok: true });
    });

    it("reports not ok, with a message, when the provider is unreachable", async () => {
      const port = await closedPort();
      // Allowed, so that this tests an unreachable provider, not the address guard.
      allowPrivateHost(`http://127.0.0.1:${port}`);
      const sender = options.plugin.create(options.plugin.settings.parse(unreachable(port)));
      const result = await sender.testConnection!();
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/\S/);
    });
  });
}
