import { generateKeyPairSync, verify } from "node:crypto";
import { z } from "zod";
import { startFakeServer, type TFakeReply, type THttpFake, type TRecordedRequest } from "../../sdk/testing";

// Test support: Google's token endpoint and FCM's messages:send as far as the plugin uses
// them. The token endpoint verifies the JWT's RS256 signature with the test key's public
// key and its claims; messages:send wants an issued access token and a well-shaped body.

export const FAKE_PROJECT = "demo-project";
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

export function serviceAccountJson(fakeUrl: string, privateKey = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString()): string {
  const account = { type: "service_account", project_id: FAKE_PROJECT, private_key_id: "k1", private_key: privateKey, client_email: `parcours@${FAKE_PROJECT}.iam.gserviceaccount.com`, token_uri: `${fakeUrl}/token` };
  return JSON.stringify(account, null, 2);
}

const ZSend = z.strictObject({
  message: z.strictObject({
    token: z.string().min(1),
    notification: z.strictObject({ title: z.string().min(1), body: z.string(), image: z.url().optional() }),
    data: z.record(z.string(), z.string()).optional(),
    webpush: z.strictObject({ fcm_options: z.strictObject({ link: z.url() }) }).optional(),
  }),
});

const googleError = (code: number, status: string, message: string, errorCode?: string): TFakeReply => ({
  status: code,
  body: { error: { code, status, message, details: errorCode ? [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode }] : [] } },
});
const STATUS: Record<number, string> = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE" };

export interface TFakeFcm extends THttpFake {
  /** How many access tokens the token endpoint issued. */
  exchanges(): number;
}

export async function startFakeFcm(): Promise<TFakeFcm> {
  const issued = new Set<string>();
  let url = "";
  const tokenEndpoint = (request: TRecordedRequest): TFakeReply => {
    const form = new URLSearchParams(request.body);
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return { status: 400, body: { error: "unsupported_grant_type" } };
    const [header, claims, signature] = (form.get("assertion") ?? "").split(".");
    if (!header || !claims || !signature || !verify("sha256", Buffer.from(`${header}.${claims}`), keys.publicKey, Buffer.from(signature, "base64url"))) {
      return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT Signature." } };
    }
    const h = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string };
    const c = JSON.parse(Buffer.from(claims, "base64url").toString()) as { iss?: string; scope?: string; aud?: string; iat?: number; exp?: number };
    const now = Date.now() / 1000;
    const valid = h.alg === "RS256" && c.iss === `parcours@${FAKE_PROJECT}.iam.gserviceaccount.com` && c.scope === "https://www.googleapis.com/auth/firebase.messaging" && c.aud === `${url}/token` && (c.exp ?? 0) > now && (c.exp ?? 0) - (c.iat ?? 0) <= 3600;
    if (!valid) return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT claims." } };
    const token = `ya29.fake-${issued.size + 1}`;
    issued.add(token);
    return { body: { access_token: token, expires_in: 3599, token_type: "Bearer" } };
  };
  const sendEndpoint = (request: TRecordedRequest): TFakeReply => {
    if (!issued.has(request.headers.authorization?.replace(/^Bearer /, "") ?? "")) return googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
    const body = ZSend.safeParse(request.json());
    if (!body.success) return googleError(400, "INVALID_ARGUMENT", z.prettifyError(body.error));
    const { token } = body.data.message;
    if (token.startsWith("gone-")) return googleError(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED");
    if (token.startsWith("bad-")) return googleError(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token", "INVALID_ARGUMENT");
    return { body: { name: `projects/${FAKE_PROJECT}/messages/0:${Date.now()}` } };
  };
  const fake = await startFakeServer(
    (request) => {
      if (request.method === "POST" && request.path === "/token") return tokenEndpoint(request);
      if (request.method === "POST" && request.path === `/v1/projects/${FAKE_PROJECT}/messages:send`) return sendEndpoint(request);
      return { status: 404, body: "not found" };
    },
    {
      isSend: (r) => r.path.endsWith("/messages:send"),
      failureBody: (code) => googleError(code, STATUS[code] ?? "UNKNOWN", "Fake failure").body,
    },
  );
  url = fake.url;
  return Object.assign(fake, { exchanges: () => issued.size });
}
