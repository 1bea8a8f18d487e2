import "server-only";
import NextAuth from "next-auth";
import { buildAuthConfig } from "./auth-config";

export { enabledProviders } from "./auth-config";

export const { handlers, auth, signIn, signOut } = NextAuth(buildAuthConfig);

/** The signed-in user, or null. */
export async function currentUser(): Promise<{ id: string; email: string; name: string | null } | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}
