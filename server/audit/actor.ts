/** Who performed a change: a signed-in user, an API key, or the admin CLI. */
export interface TActor {
  userId: string | null;
  label: string;
}

export const cliActor: TActor = { userId: null, label: "cli" };
