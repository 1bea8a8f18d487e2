import { describe, expect, it } from "vitest";
import { FAKE_API_KEY, newWebhookSecret, resendWebhook } from "@/plugins/email-resend/testing/fake-resend";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { createTeam } from "@/test/fixtures";
import { handleProviderWebhook } from "./provider-webhooks";

describe("provider webhooks with what PostgreSQL cannot store", () => {
  it("a signed webhook whose message id holds a NUL or an unpaired surrogate is a 400, not a 500", async () => {
    const { workspace } = await createTeam("Webhook input");
    const webhookSecret = newWebhookSecret();
    const config = await createConfiguration(workspace.id, { pluginId: "email-resend", name: "Resend", kind: "email", settings: { apiKey: FAKE_API_KEY, fromAddress: "hello@acme.test", webhookSecret } }, cliActor);
    for (const id of ["re_\u0000", "re_\ud800"]) {
      const res = await handleProviderWebhook(config.id, resendWebhook(webhookSecret, { type: "email.delivered", data: { email_id: id } }));
      expect(res.status, JSON.stringify(id)).toBe(400);
    }
    expect((await handleProviderWebhook(config.id, resendWebhook(webhookSecret, { type: "email.delivered", data: { email_id: "re_unknown" } }))).status).toBe(200);
  });
});
