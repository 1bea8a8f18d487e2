import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { REFUSED_ADDRESS_MESSAGE } from "@/plugins/sdk";
import { channelConfigurations } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { resolveConfiguration, settingsOf } from "./configurations";
import { listConfigurations, MASK } from "./list-configurations";
import { createConfiguration, deleteConfiguration, updateConfiguration } from "./manage-configurations";

const hook = (over: Record<string, unknown> = {}) => ({ name: "Hook", pluginId: "webhook", settings: { url: "https://example.com/hook", secret: "0123456789abcdef", ...over } });

describe("channel configurations", () => {
  it("encrypt secrets at rest, mask them for the UI, and keep them when an update leaves them empty", async () => {
    const { workspace } = await createTeam("Channels");
    const created = await createConfiguration(workspace.id, hook(), cliActor);
    const db = await getDb();
    const [stored] = await db.select().from(channelConfigurations).where(eq(channelConfigurations.id, created.id));
    expect(String(stored!.settings.secret)).toMatch(/^enc:v1:/);
    expect(settingsOf(stored!).secret).toBe("0123456789abcdef");
    const listed = (await listConfigurations(workspace.id)).find((c) => c.id === created.id)!;
    expect(listed.settings).toEqual({ url: "https://example.com/hook", secret: MASK });
    expect(JSON.stringify(await listConfigurations(workspace.id))).not.toContain("0123456789abcdef");
    const updated = await updateConfiguration(workspace.id, created.id, hook({ secret: "", url: "https://example.com/v2" }), cliActor);
    expect(settingsOf(updated)).toMatchObject({ url: "https://example.com/v2", secret: "0123456789abcdef" });
  });

  it("refuse bad settings naming the field, and unknown providers or kinds", async () => {
    const { workspace } = await createTeam("Bad channels");
    await expect(createConfiguration(workspace.id, hook({ url: "ftp://nope" }), cliActor)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "settings.url" });
    await expect(createConfiguration(workspace.id, { name: "X", pluginId: "carrier-pigeon" }, cliActor)).rejects.toMatchObject({ field: "pluginId" });
    await expect(createConfiguration(workspace.id, { name: "X", pluginId: "dev-inbox" }, cliActor)).rejects.toMatchObject({ field: "kind" });
    await expect(createConfiguration(workspace.id, { name: "X", pluginId: "webhook", kind: "email", settings: hook().settings }, cliActor)).rejects.toMatchObject({ field: "kind" });
    await createConfiguration(workspace.id, hook(), cliActor);
    await expect(createConfiguration(workspace.id, hook(), cliActor)).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("refuse a webhook or Slack URL aimed at a metadata, loopback or private address, naming the field (SSRF)", async () => {
    const { workspace } = await createTeam("Internal channels");
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:3450/", "http://localhost:5432/", "http://[::1]/"]) {
      await expect(createConfiguration(workspace.id, hook({ url }), cliActor)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "settings.url", message: REFUSED_ADDRESS_MESSAGE });
    }
    const slack = { name: "Slack", pluginId: "slack", settings: { webhookUrl: "https://169.254.169.254/services/T/B/X" } };
    await expect(createConfiguration(workspace.id, slack, cliActor)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "settings.webhookUrl", message: REFUSED_ADDRESS_MESSAGE });
  });

  it("give every core kind a dev inbox in embedded mode, and one default per kind", async () => {
    const { workspace } = await createTeam("Defaults");
    const db = await getDb();
    expect((await resolveConfiguration(db, workspace.id, "sms")).pluginId).toBe("dev-inbox");
    expect((await listConfigurations(workspace.id)).map((c) => `${c.kind}:${c.name}:${c.isDefault}`).sort()).toEqual([
      "email:Dev inbox (email):true",
      "push:Dev inbox (push):true",
      "sms:Dev inbox (sms):true",
    ]);
    const second = await createConfiguration(workspace.id, { name: "Capture 2", pluginId: "dev-inbox", kind: "email", isDefault: true }, cliActor);
    expect((await resolveConfiguration(db, workspace.id, "email")).id).toBe(second.id);
    expect((await listConfigurations(workspace.id)).filter((c) => c.kind === "email" && c.isDefault)).toHaveLength(1);
    await deleteConfiguration(workspace.id, second.id, cliActor);
    expect((await resolveConfiguration(db, workspace.id, "email")).name).toBe("Dev inbox (email)");
  });
});
