import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { createUser } from "@/test/fixtures";
import { authSecret } from "./auth-secret";
import { buildAuthConfig } from "./auth-config";

const ORIGIN = "http://127.0.0.1:3000";
const SESSION_COOKIE = "authjs.session-token";

/** A browser's cookie jar against Auth.js's own endpoints (the ones NextAuth serves). */
async function browser() {
  const config = { ...(await buildAuthConfig()), basePath: "/api/auth" };
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function call(path: string, form?: Record<string, string>) {
    const init: RequestInit = form
      ? { method: "POST", body: new URLSearchParams(form), headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" } }
      : { headers: { cookie: cookieHeader() } };
    const res = await Auth(new Request(`${ORIGIN}/api/auth${path}`, init), config);
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) jar.set(name, value);
      else jar.delete(name);
    }
    return res;
  }
  const csrfToken = async () => ((await (await call("/csrf")).json()) as { csrfToken: string }).csrfToken;
  const sessionWith = async (cookie: string) => {
    const res = await Auth(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }), config);
    return (await res.json()) as { user?: { email?: string } } | null;
  };
  return { jar, call, csrfToken, sessionWith };
}

describe("sessions end at sign-out", () => {
  it("a session cookie saved before signing out no longer authenticates", async () => {
    const user = await createUser("leaver@example.com", "correct horse");
    const b = await browser();
    const signedIn = await b.call("/callback/credentials", { email: user.email, password: "correct horse", csrfToken: await b.csrfToken(), callbackUrl: "/" });
    expect(signedIn.status).toBe(302);
    const saved = b.jar.get(SESSION_COOKIE);
    expect(saved).toBeTruthy();
    expect((await b.sessionWith(saved!))?.user?.email).toBe(user.email);

    await b.call("/signout", { csrfToken: await b.csrfToken() });
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await b.sessionWith(saved!)).toBeNull();
  });

  it("signing out ends one session, not the user's others", async () => {
    const user = await createUser("two-tabs@example.com", "correct horse");
    const [laptop, phone] = [await browser(), await browser()];
    for (const b of [laptop, phone]) await b.call("/callback/credentials", { email: user.email, password: "correct horse", csrfToken: await b.csrfToken() });
    const phoneCookie = phone.jar.get(SESSION_COOKIE)!;
    await laptop.call("/signout", { csrfToken: await laptop.csrfToken() });
    expect((await phone.sessionWith(phoneCookie))?.user?.email).toBe(user.email);
  });

  it("refuses a validly signed token that carries no session record", async () => {
    const user = await createUser("forged@example.com", "correct horse");
    const token = await encode({ secret: authSecret(), salt: SESSION_COOKIE, token: { sub: user.id, email: user.email } });
    expect(await (await browser()).sessionWith(token)).toBeNull();
  });

  it("redirects after sign-in only to this origin", async () => {
    const user = await createUser("redirect@example.com", "correct horse");
    const b = await browser();
    const res = await b.call("/callback/credentials", { email: user.email, password: "correct horse", csrfToken: await b.csrfToken(), callbackUrl: "/\\127.0.0.1:3451/pwned" });
    expect(res.headers.get("location")).toBe(`${ORIGIN}/`);
  });
});
