import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { clientIp } from "@/server/http/client-ip";
import { authSecret } from "./auth-secret";
import { safeRedirectUrl } from "./safe-callback";
import { endSession, SESSION_MAX_AGE_S, sessionIsLive, startSession } from "./session-records";
import { verifyCredentials } from "./verify-credentials";

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const ZCredentials = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

/** Which sign-in methods this install offers, from its environment. */
export function enabledProviders() {
  return {
    github: Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET),
    email: Boolean(process.env.AUTH_EMAIL_SERVER && process.env.AUTH_EMAIL_FROM),
  };
}

/** The Auth.js configuration; server/auth/config.ts hands it to NextAuth. */
export async function buildAuthConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const enabled = enabledProviders();
  return {
    secret: authSecret(),
    trustHost: true,
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    // Credentials sign-in needs JWT sessions; each one is also a row in `sessions` (session-records.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifyCredentials(parsed.data.email, parsed.data.password, { ip: clientIp(request.headers) });
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
      // Runs at sign-in (with `user`) and on every read of the session cookie.
      async jwt({ token, user }) {
        if (user?.id) return { ...token, sid: await startSession(user.id) };
        if (typeof token.sid !== "string" || !token.sub || !(await sessionIsLive(token.sid, token.sub))) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(sid);
      },
    },
  };
}
