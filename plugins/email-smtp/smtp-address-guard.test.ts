import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { stubDns } from "../sdk/testing/internal-target";
import emailSmtp from "./index";
import { startFakeSmtpServer, type TFakeSmtpServer } from "./testing/fake-smtp-server";

// The SMTP host is an admin's input: like webhook URLs, it must not reach this machine or
// its network (an SMTP dialogue to 127.0.0.1:5432 maps ports and talks to internal services).

const credentials = { username: "parcours", password: "s3cret" };
const base = { secure: false, fromAddress: "hello@acme.test", ...credentials };
const message = { subject: "Hi", html: "<p>Hi</p>", text: "Hi", headers: {} };
const context = { idempotencyKey: "k", signal: new AbortController().signal };

let fake: TFakeSmtpServer;
beforeAll(async () => void (fake = await startFakeSmtpServer(credentials)));
afterAll(() => fake.close());
afterEach(() => vi.restoreAllMocks());

describe("SMTP host guard", () => {
  it.each(["127.0.0.1", "localhost", "::1", "169.254.169.254", "10.0.0.5"])("refuses %s when the configuration is saved", (host) => {
    const result = emailSmtp.settings.safeParse({ ...base, host, port: fake.port });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("host");
  });

  it("refuses at connect time a name that resolves to a loopback address, and the server sees nothing", async () => {
    stubDns({ "mail.example.test": [["127.0.0.1"]] });
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, host: "mail.example.test", port: fake.port }));
    await expect(sender.send(message, { profileId: "p", email: "ada@example.com" }, context)).rejects.toMatchObject({ retryable: false, code: "address_refused" });
    const test = await sender.testConnection!();
    expect(test.ok).toBe(false);
    expect(test.message).not.toContain(String(fake.port));
    expect(fake.sends).toHaveLength(0);
  });

  it("reaches an allow-listed local server", async () => {
    vi.stubEnv("PARCOURS_ALLOWED_PRIVATE_HOSTS", `127.0.0.1:${fake.port}`);
    const sender = emailSmtp.create(emailSmtp.settings.parse({ ...base, host: "127.0.0.1", port: fake.port }));
    await sender.send(message, { profileId: "p", email: "ada@example.com" }, context);
    expect(fake.sends).toHaveLength(1);
    vi.unstubAllEnvs();
  });
});
