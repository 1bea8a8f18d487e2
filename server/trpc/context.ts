export interface TContext {
  user: { id: string; email: string; name: string | null } | null;
}

/** The request context: who is calling. Built from the Auth.js session in the route handler. */
export async function createContext(): Promise<TContext> {
  const { currentUser } = await import("@/server/auth/config");
  return { user: await currentUser() };
}
