import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { previewTemplate } from "@/server/templates/preview-template";
import { STARTER_CONTENT } from "@/server/templates/starter-content";
import { createTeam } from "@/test/fixtures";
import { brandKit, updateBrandKit } from "./brand-kit";
import { createSavedBlock, deleteSavedBlock, listSavedBlocks } from "./saved-blocks";
import { withBrand } from "./with-brand";

const fieldOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { field?: string; code?: string }) => ({ field: error.field, code: error.code }));
const footer = [{ type: "paragraph", content: [{ type: "text", text: "Parcours Shop, 1 Main St" }] }];

describe("brand kit", () => {
  it("starts on defaults, saves checked fields, and themes previews and sends from then on", async () => {
    const { workspace } = await createTeam(`Brand ${crypto.randomUUID().slice(0, 4)}`);
    expect((await brandKit(workspace.id)).version).toBe("default");
    expect(await withBrand({ workspaceId: workspace.id, kind: "email", content: STARTER_CONTENT.email, cacheKey: "t:1" })).toMatchObject({ cacheKey: "t:1" });
    expect(await fieldOf(updateBrandKit(workspace.id, { primaryColor: "pink" }, cliActor))).toEqual({ field: "brand.primaryColor", code: "BAD_REQUEST" });
    expect(await fieldOf(updateBrandKit(workspace.id, { logoUrl: "http://insecure.example/logo.png" }, cliActor))).toMatchObject({ field: "brand.logoUrl" });

    const saved = await updateBrandKit(workspace.id, { logoUrl: "https://cdn.example/logo.png", primaryColor: "#ff00aa" }, cliActor);
    expect(saved.brand).toMatchObject({ primaryColor: "#ff00aa", textColor: "#18181b" });
    const branded = await withBrand({ workspaceId: workspace.id, kind: "email", content: STARTER_CONTENT.email, cacheKey: "t:1" });
    expect(branded.cacheKey).toBe(`t:1~brand:${saved.version}`);
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { firstName: "Ada" } }).returning({ id: profiles.id });
    const preview = await previewTemplate(workspace.id, { kind: "email", content: STARTER_CONTENT.email, profileId: p!.id });
    expect(String(preview.html)).toContain('src="https://cdn.example/logo.png"');
    expect(String(preview.html)).toMatch(/<a [^>]*background-color:#ff00aa/);
    expect(String(preview.html)).toMatch(/Hello Ada/);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "brand.update")));
    expect(audits).toHaveLength(1);
  });
});

describe("saved blocks", () => {
  it("saves blocks that render, one name per workspace, lists headers before footers, deletes in the workspace only", async () => {
    const a = (await createTeam(`Blocks A ${crypto.randomUUID().slice(0, 4)}`)).workspace.id;
    const b = (await createTeam(`Blocks B ${crypto.randomUUID().slice(0, 4)}`)).workspace.id;
    const saved = await createSavedBlock(a, { name: "Footer", role: "footer", content: footer }, cliActor);
    await createSavedBlock(a, { name: "Logo header", role: "header", content: [{ type: "horizontalRule" }] }, cliActor);
    expect(await fieldOf(createSavedBlock(a, { name: "footer", content: footer }, cliActor))).toEqual({ field: "name", code: "CONFLICT" });
    expect(await fieldOf(createSavedBlock(a, { name: "Broken", content: [{ type: "nope" }] }, cliActor))).toEqual({ field: "content", code: "BAD_REQUEST" });
    expect((await listSavedBlocks(a)).map((r) => r.name)).toEqual(["Logo header", "Footer"]);
    expect(await listSavedBlocks(b)).toEqual([]);
    expect(await fieldOf(deleteSavedBlock(b, saved.id, cliActor))).toMatchObject({ code: "NOT_FOUND" });
    await deleteSavedBlock(a, saved.id, cliActor);
    expect((await listSavedBlocks(a)).map((r) => r.name)).toEqual(["Logo header"]);
  });
});
