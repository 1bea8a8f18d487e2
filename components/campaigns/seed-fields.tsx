"use client";
import { useState } from "react";
import { Field, Textarea } from "@/components/ui";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

const split = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

/**
 * "Seed addresses": internal emails (or phone numbers for SMS) that get one copy of each send,
 * outside the report. Checked here as typed; the server checks again (400 naming seedAddresses).
 */
export function SeedFields({ kind, value, onChange, error }: { kind: string; value: string[]; onChange: (seeds: string[]) => void; error?: string }) {
  const [text, setText] = useState(value.join("\n"));
  if (kind !== "email" && kind !== "sms") return null;
  const sms = kind === "sms";
  const bad = split(text).filter((s) => !(sms ? PHONE.test(s.replace(/[().-]/g, "")) : EMAIL.test(s)));
  const shown = error ?? (bad.length ? `Not ${sms ? "a phone number in international format" : "an email address"}: ${bad.join(", ")}` : undefined);
  return (
    <Field
      label="Seed addresses (optional)"
      htmlFor="campaign-seeds"
      error={shown}
      hint={`${sms ? "Phone numbers, e.g. +33612345678" : "Email addresses"}, one per line, up to 20: each gets one copy of every send, rendered for the first recipient, marked as a test and never counted in the report.`}
    >
      <Textarea
        id="campaign-seeds"
        rows={2}
        value={text}
        invalid={Boolean(shown)}
        placeholder={sms ? "+33612345678" : "marketing-team@example.com"}
        onChange={(e) => {
          setText(e.target.value);
          onChange(split(e.target.value));
        }}
      />
    </Field>
  );
}
