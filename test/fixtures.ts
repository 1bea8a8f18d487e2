import { TRPCError } from "@trpc/server";
import { getDb } from "@/db/client";
import { GENERAL_TOPIC, members, profileConsents, users } from "@/db/schema";
import type { TRole } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/passwords";
import { createCaller } from "@/server/trpc/root";
import { createWorkspace } from "@/server/workspaces/create-workspace";

export type TTestUser = { id: string; email: string; name: string | null };

let counter = 0;

export async function createUser(email = `user${++counter}-${crypto.randomUUID().slice(0, 6)}@example.com`, password?: string): Promise<TTestUser> {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email, name: email.split("@")[0], passwordHash: password ? await hashPassword(password) : null })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user?.email) throw new Error("no user");
  return { id: user.id, email: user.email, name: user.name };
}

export function callerFor(user: TTestUser | null) {
  return createCaller({ user });
}

/** A workspace with one member of each role. */
export async function createTeam(name: string) {
  const admin = await createUser();
  const workspace = await createWorkspace({ name }, { userId: admin.id, actor: { userId: admin.id, label: admin.email } }, { approvalRequired: true });
  const byRole: Record<TRole, TTestUser> = { admin, approver: await createUser(), manager: await createUser(), viewer: await createUser() };
  const db = await getDb();
  for (const role of ["approver", "manager", "viewer"] as const) {
    await db.insert(members).values({ workspaceId: workspace.id, userId: byRole[role].id, role });
  }
  return { workspace, users: byRole };
}

export async function addMember(workspaceId: string, role: TRole) {
  const user = await createUser();
  const db = await getDb();
  const [member] = await db.insert(members).values({ workspaceId, userId: user.id, role }).returning();
  if (!member) throw new Error("no member");
  return { user, member };
}

/** Records these profiles' opt-in to SMS marketing (it is opt-in by law: policy.ts), as an identify with `sms_opt_in: true` does. */
export async function optInToSms(workspaceId: string, profileIds: string[]) {
  const db = await getDb();
  await db.insert(profileConsents).values(profileIds.map((profileId) => ({ workspaceId, profileId, channel: "sms", topicId: GENERAL_TOPIC, status: "subscribed" as const, source: "api" as const })));
}

/** "OK", or the code of the TRPCError a call failed with (anything else is rethrown). */
export async function trpcCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
