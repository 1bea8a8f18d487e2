import { createPrivateKey, sign } from "node:crypto";
import { z } from "zod";
import { ChannelError, providerFetch } from "../sdk";

// A Google service account signs its own RS256 JWT and trades it at token_uri for an
// OAuth access token (RFC 7523), valid an hour: no google-auth-library needed.

export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

const ZServiceAccount = z.object({
  project_id: z.string().min(1, "The key file has no project_id"),
  client_email: z.email("The key file has no client_email"),
  private_key: z.string().refine(isPrivateKey, "The key file's private_key is not a PEM private key"),
  token_uri: z.url("The key file's token_uri is not a URL").default("https://oauth2.googleapis.com/token"),
});
export type TServiceAccount = z.infer<typeof ZServiceAccount>;

function isPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

/** The account in a pasted JSON key file, or what is wrong with it. */
export function readServiceAccount(json: string): TServiceAccount | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "Paste the whole JSON key file (Firebase console → Project settings → Service accounts → Generate new private key)";
  }
  const parsed = ZServiceAccount.safeParse(value);
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? "The key file is not a service account key");
}

export function signedAssertion(account: TServiceAccount, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iss: account.client_email, scope: FCM_SCOPE, aud: account.token_uri, iat, exp: iat + 3600 })}`;
  return `${unsigned}.${sign("sha256", Buffer.from(unsigned), account.private_key).toString("base64url")}`;
}

// Renewed a minute before it expires, so a token never runs out mid-request.
const MARGIN_MS = 60_000;

/** One cached access token per configuration; concurrent sends share one exchange. */
export function accessTokens(account: TServiceAccount) {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const exchange = async () => {
    const body = new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: signedAssertion(account) }).toString();
    // Its own signal: a send cancelled meanwhile must not fail the others sharing this exchange.
    const response = await providerFetch(account.token_uri, { headers: { "content-type": "application/x-www-form-urlencoded" }, body, signal: new AbortController().signal }, "Google OAuth");
    const { access_token, expires_in } = JSON.parse(response.text) as { access_token?: string; expires_in?: number };
    if (!access_token) throw new ChannelError("Google OAuth answered no access token", true, "no_token");
    cached = { token: access_token, expiresAt: Date.now() + (expires_in ?? 3600) * 1000 };
    return access_token;
  };
  return {
    get(): Promise<string> {
      if (cached && cached.expiresAt - MARGIN_MS > Date.now()) return Promise.resolve(cached.token);
      pending ??= exchange().finally(() => (pending = undefined));
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
