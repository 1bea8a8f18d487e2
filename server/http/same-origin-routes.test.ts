import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as uploadCsv } from "@/app/api/csv-imports/route";
import { POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/db/client";
import { csvImports, workspaces } from "@/db/schema";
import { createTeam, type TTestUser } from "@/test/fixtures";

// The session cookie is taken as valid: what is under test is who sent the request.
let signedIn: TTestUser | null = null;
vi.mock("@/server/auth/config", () => ({ currentUser: async () => signedIn }));

const APP = "http://127.0.0.1:3100";
const browserHeaders = (origin: string) => ({
  host: "127.0.0.1:3100",
  origin,
  "sec-fetch-site": origin === APP ? "same-origin" : "same-site",
});

describe("cookie-authenticated routes refuse other origins", () => {
  let team: Awaited<ReturnType<typeof createTeam>>;
  beforeEach(async () => {
    team = await createTeam("Origin checks");
    signedIn = team.users.admin;
  });

  it("POST /api/csv-imports: a text/plain upload from another port is refused and stores nothing", async () => {
    const send = (origin: string) =>
      uploadCsv(
        new Request(`${APP}/api/csv-imports?workspaceId=${team.workspace.id}&fileName=x.csv`, {
          method: "POST",
          headers: { ...browserHeaders(origin), "content-type": "text/plain" },
          body: "email\nmallory@example.com\n",
        }),
      );
    const forged = await send("http://127.0.0.1:3451");
    expect(forged.status).toBe(403);
    const db = await getDb();
    expect(await db.select().from(csvImports).where(eq(csvImports.workspaceId, team.workspace.id))).toHaveLength(0);
    expect((await send(APP)).status).toBe(201);
  });

  it("tRPC mutations from another origin are refused before they run", async () => {
    const create = (origin: string, name: string) =>
      trpcPost(
        new Request(`${APP}/api/trpc/workspaces.create`, {
          method: "POST",
          headers: { ...browserHeaders(origin), "content-type": "application/json" },
          body: JSON.stringify({ json: { name } }),
        }),
      );
    expect((await create("https://evil.example", "Forged")).status).toBe(403);
    const db = await getDb();
    expect(await db.select().from(workspaces).where(eq(workspaces.name, "Forged"))).toHaveLength(0);
    expect((await create(APP, "Mine")).status).toBe(200);
    expect(await db.select().from(workspaces).where(eq(workspaces.name, "Mine"))).toHaveLength(1);
  });
});
