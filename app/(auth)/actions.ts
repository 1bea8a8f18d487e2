"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/server/auth/config";
import { signUpUser, ZSignUp } from "@/server/auth/sign-up";
import { AppError } from "@/server/errors";
import { safeCallbackPath } from "@/server/auth/safe-callback";

export interface TAuthFormState {
  error?: string;
  fieldErrors?: Record<string, string | undefined>;
  values?: Record<string, string>;
}

const RATE_LIMITED = "Too many failed sign-ins for this email or from this network. Wait 15 minutes and try again.";

export async function signInAction(_prev: TAuthFormState, form: FormData): Promise<TAuthFormState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const values = { email };
  if (!email || !password) {
    return { values, fieldErrors: { email: email ? undefined : "Email is required", password: password ? undefined : "Password is required" } };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { values, error: error.code === "rate_limited" ? RATE_LIMITED : "Wrong email or password." };
    }
    if (error instanceof AuthError) return { values, error: "Sign-in failed. Try again." };
    throw error; // the redirect after a successful sign-in
  }
}

export async function signUpAction(_prev: TAuthFormState, form: FormData): Promise<TAuthFormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const values = { name: raw.name, email: raw.email };
  const parsed = ZSignUp.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string | undefined> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { values, fieldErrors };
  }
  try {
    await signUpUser(parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { values, fieldErrors: error.field ? { [error.field]: error.message } : undefined, error: error.field ? undefined : error.message };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

export async function signInWithGitHub(form: FormData) {
  await signIn("github", { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}

export async function signInWithEmailLink(form: FormData) {
  await signIn("nodemailer", { email: String(form.get("email") ?? ""), redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}
