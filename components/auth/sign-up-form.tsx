"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signUpAction, type TAuthFormState } from "@/app/(auth)/actions";
import { Button, Field, FormAlert, Input } from "@/components/ui";

export function SignUpForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [state, action, pending] = useActionState<TAuthFormState, FormData>(signUpAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert>{state.error}</FormAlert>
      <Field label="Your name" htmlFor="name" error={errors.name}>
        <Input id="name" name="name" autoComplete="name" defaultValue={state.values?.name} invalid={Boolean(errors.name)} />
      </Field>
      <Field label="Work email" htmlFor="email" error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email ?? defaultEmail} invalid={Boolean(errors.email)} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password} hint="At least 8 characters">
        <Input id="password" name="password" type="password" autoComplete="new-password" invalid={Boolean(errors.password)} />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        Create account
      </Button>
      <p className="text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
