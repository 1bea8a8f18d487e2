import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authSecret } from "./auth-secret";
import { verifyCredentials } from "./verify-credentials";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const ZCredentials = z.object({ email: z.string().min(1), password: z.string().min(1) });

/** Which sign-in methods this install offers, from its environment. */
export function enabledProviders() {
  return {
    github: Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET),
    email: Boolean(process.env.AUTH_EMAIL_SERVER && process.env.AUTH_EMAIL_FROM),
  };
}

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const enabled = enabledProviders();
  return {
    secret: authSecret(),
    trustHost: true,
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    // Credentials sign-in needs JWT sessions; OAuth and magic-link users are still stored by the adapter.
    session: { strategy: "jwt" },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifyCredentials(parsed.data.email, parsed.data.password);
          if (!result.ok) {
            if (result.reason === "rate-limited") throw new RateLimited();
            return null;
          }
          return result.user;
        },
      }),
      ...(enabled.github ? [GitHub] : []),
      // Magic links: wired when an SMTP server is configured (AUTH_EMAIL_SERVER, AUTH_EMAIL_FROM).
      ...(enabled.email ? [Nodemailer({ server: process.env.AUTH_EMAIL_SERVER, from: process.env.AUTH_EMAIL_FROM })] : []),
    ],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);

/** The signed-in user, or null. */
export async function currentUser(): Promise<{ id: string; email: string; name: string | null } | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}
