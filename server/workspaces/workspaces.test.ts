import { describe, expect, it } from "vitest";
import { listAudit } from "@/server/audit/list-audit";
import { createUser } from "@/test/fixtures";
import { callerFor } from "@/test/fixtures";
import { slugify } from "./slug";

describe("workspaces", () => {
  it("creates, renames and lists with an audit trail", async () => {
    const user = await createUser();
    const api = callerFor(user);
    const ws = await api.workspaces.create({ name: "Acme Café" });
    expect(ws.slug).toBe("acme-cafe");
    const again = await api.workspaces.create({ name: "Acme Café" });
    expect(again.slug).toBe("acme-cafe-2");
    await api.workspaces.update({ workspaceId: ws.id, name: "Acme" });
    expect((await api.workspaces.mine()).map((w) => w.name)).toEqual(["Acme", "Acme Café"]);
    const { entries } = await listAudit(ws.id, {});
    expect(entries.map((e) => e.action)).toEqual(["workspace.update", "workspace.create"]);
    expect(entries[0]?.diff).toEqual({ name: { from: "Acme Café", to: "Acme" } });
    expect(entries[0]?.actorLabel).toBe(user.email);
  });

  it("names the field of a bad or duplicate slug", async () => {
    const api = callerFor(await createUser());
    await api.workspaces.create({ name: "One", slug: "taken" });
    await expect(api.workspaces.create({ name: "Two", slug: "taken" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already taken/) });
    await expect(api.workspaces.create({ name: "Three", slug: "Bad Slug" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.workspaces.create({ name: "Four", slug: "api" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sets the country of phone numbers written without a country code, and refuses an unknown one", async () => {
    const api = callerFor(await createUser());
    const ws = await api.workspaces.create({ name: "Paris" });
    expect((await api.workspaces.get({ workspaceId: ws.id })).defaultCountry).toBe("US");
    expect(await api.workspaces.update({ workspaceId: ws.id, defaultCountry: "fr" })).toMatchObject({ defaultCountry: "FR" });
    expect((await api.workspaces.get({ workspaceId: ws.id })).defaultCountry).toBe("FR");
    await expect(api.workspaces.update({ workspaceId: ws.id, defaultCountry: "XX" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("defaultCountry") });
    expect((await listAudit(ws.id, {})).entries[0]?.diff).toEqual({ defaultCountry: { from: "US", to: "FR" } });
  });

  it("makes readable slugs", () => {
    expect(slugify("  Hello, World! ")).toBe("hello-world");
    expect(slugify("API")).toBe("api-workspace");
    expect(slugify("é")).toBe("workspace-e");
  });
});
