import { createInterface } from "node:readline/promises";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, getDbHandle, migrateDb } from "@/db/client";
import { members, workspaces } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { ZPassword } from "@/server/auth/passwords";
import { createAdmin } from "@/server/setup/create-admin";
import { seedDemo } from "@/server/setup/seed-demo";
import { CliError, print } from "./output";

type TArgs = Record<string, string | boolean | undefined>;

function required(args: TArgs, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || !value.trim()) throw new CliError(`--${name} is required`, 2);
  return value.trim();
}

export async function migrate(json: boolean) {
  const handle = await getDbHandle();
  await migrateDb(handle); // also when PARCOURS_MIGRATE_ON_START=0 (a no-op when opening applied them)
  print(json, { ok: true, driver: handle.driver }, () => `Database migrated (${handle.driver}).`);
}

export async function seedDemoCommand(json: boolean) {
  const { created, signIn } = await seedDemo();
  print(json, { created, signIn }, () =>
    created && signIn ? `Demo workspace created.\n  Email    ${signIn.email}\n  Password ${signIn.password}` : "The database already has users; nothing seeded.",
  );
}

export async function createAdminCommand(args: TArgs, json: boolean) {
  const email = z.email("--email must be an email address").parse(required(args, "email"));
  const workspace = required(args, "workspace");
  let password = typeof args.password === "string" ? args.password : undefined;
  if (args.prompt) password = await promptPassword();
  if (password) ZPassword.parse(password);
  const result = await createAdmin({ email, workspace, password, name: typeof args.name === "string" ? args.name : undefined });
  print(json, result, () =>
    [
      `Admin ${result.user.email} of workspace "${result.workspace.name}" (/${result.workspace.slug}).`,
      result.password ? `  Password ${result.password}${password ? " (as given)" : " (generated: store it now)"}` : "  Existing account: password unchanged.",
    ].join("\n"),
  );
}

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError("--prompt needs a terminal; pass --password or let one be generated", 2);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (at least 8 characters): ");
  rl.close();
  return answer;
}

export async function createKeyCommand(args: TArgs, json: boolean) {
  const slug = required(args, "workspace");
  const kind = z.enum(["write", "secret"], { message: "--kind must be write or secret" }).parse(required(args, "kind"));
  const name = required(args, "name");
  const db = await getDb();
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  if (!workspace) throw new CliError(`No workspace with slug "${slug}" (see list-workspaces)`, 3);
  const key = await createApiKey(workspace.id, { name, kind }, cliActor);
  print(json, { id: key.id, name: key.name, kind: key.kind, prefix: key.prefix, key: key.key, workspace: slug }, () => `${key.key}\n(${kind} key "${name}" for /${slug}; shown once)`);
}

export async function listWorkspacesCommand(json: boolean) {
  const db = await getDb();
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, members: sql<number>`count(${members.id})::int` })
    .from(workspaces)
    .leftJoin(members, eq(members.workspaceId, workspaces.id))
    .groupBy(workspaces.id)
    .orderBy(workspaces.slug);
  print(json, rows, () => (rows.length ? rows.map((w) => `${w.slug.padEnd(24)} ${w.name.padEnd(28)} ${w.members} member(s)`).join("\n") : "No workspaces yet."));
}
