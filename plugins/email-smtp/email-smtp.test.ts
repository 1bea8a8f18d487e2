import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowPrivateHost, runPluginContract } from "../sdk/testing";
import emailSmtp from "./index";
import { classifySmtpError, idempotencyKeyOf, messageIdFor } from "./smtp-protocol";
import { startFakeSmtpServer, type TFakeSmtpServer } from "./testing/fake-smtp-server";

const credentials = { username: "parcours", password: "s3cret" };
const base = { host: "127.0.0.1", secure: false, fromName: "Acme", fromAddress: "hello@acme.test", ...credentials };
const message = {
  subject: "Your order has shipped",
  html: "<p>Hello <b>Ada</b></p>",
  text: "Hello Ada",
  headers: { "List-Unsubscribe": "<https://parcours.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
};
const recipient = { profileId: "p_1", email: "ada@example.com" };

runPluginContract({
  plugin: emailSmtp,
  folder: import.meta.dirname,
  fake: () => startFakeSmtpServer(credentials),
  settings: {
    valid: (fake) => ({ ...base, port: fake.port }),
    invalid: [
      { settings: { ...base, host: "" }, path: "host" },
      { settings: { ...base, port: 70000 }, path: "port" },
      { settings: { ...base, fromAddress: "not an address" }, path: "fromAddress" },
      { settings: { ...base, password: undefined }, path: "password" },
    ],
    secrets: ["password"],
    unreachable: (port) => ({ ...base, port }),
  },
  sample: { message, recipient },
  idempotency: "forwarded",
  failures: { retryable: [421, 451, 452], permanent: [550, 553] },
});

describe("email-smtp against a local SMTP server", () => {
  let fake: TFakeSmtpServer;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeSmtpServer(credentials))));
  afterAll(() => fake.close());
  const context = { idempotencyKey: "step-7:p_1", signal: new AbortController().signal };

  it("sends subject, both bodies, sender, reply-to and pass-through headers", async () => {
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, port: fake.port, replyTo: "support@acme.test" }));
    const result = await sender.send(message, recipient, context);
    const sent = fake.sends.at(-1)!;
    expect(fake.logins.at(-1)).toEqual(credentials);
    expect(sent.envelope).toEqual({ from: "hello@acme.test", to: ["ada@example.com"] });
    expect(sent.mail.subject).toBe("Your order has shipped");
    expect(sent.mail.html).toBe("<p>Hello <b>Ada</b></p>");
    expect(sent.mail.text?.trim()).toBe("Hello Ada");
    expect(sent.mail.from?.value).toEqual([{ name: "Acme", address: "hello@acme.test" }]);
    expect(sent.mail.replyTo?.value[0]?.address).toBe("support@acme.test");
    const lines = sent.mail.headerLines.map((h) => h.line);
    expect(lines).toContain("List-Unsubscribe: <https://parcours.test/u/abc>");
    expect(lines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(sent.mail.messageId).toBe("<step-7=3Ap_1@acme.test>");
    expect(sent.idempotencyKey).toBe("step-7:p_1");
    expect(result).toEqual({ status: "sent", providerMessageId: "<step-7=3Ap_1@acme.test>" });
  });

  it("lets the message override the configured sender", async () => {
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, port: fake.port }));
    await sender.send({ ...message, from: "Ops <ops@acme.test>" }, recipient, context);
    expect(fake.sends.at(-1)!.mail.from?.value).toEqual([{ name: "Ops", address: "ops@acme.test" }]);
  });

  it("refuses a profile without an email, permanently, before connecting", async () => {
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, port: fake.port }));
    await expect(sender.send(message, { profileId: "p_2" }, context)).rejects.toMatchObject({ retryable: false, code: "no_address" });
  });

  it("treats a refused login as permanent", async () => {
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, port: fake.port, password: "wrong" }));
    await expect(sender.send(message, recipient, context)).rejects.toMatchObject({ retryable: false, code: "smtp_535" });
  });
});

describe("SMTP error classification and Message-ID", () => {
  it("reads reply codes first, then the failing stage", () => {
    expect(classifySmtpError({ responseCode: 451, code: "EENVELOPE" }).retryable).toBe(true);
    expect(classifySmtpError({ responseCode: 550, code: "EENVELOPE" }).retryable).toBe(false);
    expect(classifySmtpError({ code: "EENVELOPE", message: "No recipients defined" }).retryable).toBe(false);
    expect(classifySmtpError({ code: "ECONNECTION", message: "connect ECONNREFUSED" }).retryable).toBe(true);
  });

  it("writes any key into a valid Message-ID, reversibly", () => {
    for (const key of ["step-7:p_1", "a b<c>@d.e", "é=%"]) {
      const id = messageIdFor(key, "x@acme.test");
      expect(id).toMatch(/^<[A-Za-z0-9_+=-]+@acme\.test>$/);
      expect(idempotencyKeyOf(id)).toBe(key);
    }
    expect(messageIdFor("k".repeat(300), "x@acme.test")).toMatch(/^<[0-9a-f]{64}@acme\.test>$/);
  });
});
