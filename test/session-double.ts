import type { TTestUser } from "./fixtures";

/**
 * Stands in for server/auth/config in route tests (`vi.mock("@/server/auth/config", ...)`):
 * the session cookie is taken as valid and names `session.user`; what is under test is the
 * route's own access rule. Auth.js's handlers only read the body they are given.
 */
export const session: { user: TTestUser | null } = { user: null };

export const authConfigDouble = {
  currentUser: async () => session.user,
  auth: async () => (session.user ? { user: session.user } : null),
  handlers: {
    GET: async () => Response.json({}),
    POST: async (req: Request) => Response.json({ read: (await req.text()).length }),
  },
  signIn: async () => undefined,
  signOut: async () => undefined,
  enabledProviders: () => ({ github: false, email: false }),
};
