import { afterEach, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { createAdminCommand, createKeyCommand, listWorkspacesCommand } from "./commands";

function captureJson() {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  return () => JSON.parse(String(log.mock.calls.at(-1)?.[0]));
}

afterEach(() => vi.restoreAllMocks());

describe("admin CLI", () => {
  it("creates the first admin with a usable generated password, then a working key", async () => {
    const last = captureJson();
    await createAdminCommand({ email: "Ops@Example.com", workspace: "Acme Prod" }, true);
    const admin = last();
    expect(admin).toMatchObject({ user: { email: "ops@example.com" }, workspace: { slug: "acme-prod" } });
    expect(await verifyCredentials("ops@example.com", admin.password)).toMatchObject({ ok: true });

    await createKeyCommand({ workspace: "acme-prod", kind: "secret", name: "Billing" }, true);
    const key = last();
    expect((await authenticateApiKey(key.key, ["secret"])).workspace.slug).toBe("acme-prod");

    await listWorkspacesCommand(true);
    expect(last()).toEqual([expect.objectContaining({ slug: "acme-prod", members: 1 })]);
  });

  it("gives exit code 2 for bad usage and 3 for an unknown workspace", async () => {
    await expect(createKeyCommand({ workspace: "acme", kind: "write" }, true)).rejects.toMatchObject({ exitCode: 2, message: "--name is required" });
    await expect(createKeyCommand({ workspace: "nope", kind: "write", name: "x" }, true)).rejects.toMatchObject({ exitCode: 3 });
    await expect(createAdminCommand({ email: "x@example.com", workspace: "W", password: "short" }, true)).rejects.toThrow(/at least 8/);
  });
});
