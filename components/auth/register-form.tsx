"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Card, ErrorText } from "@/components/ui/card";
import { apiFetch } from "@/lib/http/client";

export function RegisterForm({ inviteToken }: { inviteToken?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    try {
      await apiFetch("/api/v1/auth/register", {
        body: { name: form.get("name"), email, password, ...(inviteToken ? { inviteToken } : { tenantName: form.get("tenantName") }) },
      });
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) throw new Error("Account created, but signing in failed. Try signing in.");
      router.replace("/control-center");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  return (
    <Card>
      <h1 className="mb-4 text-lg font-semibold">{inviteToken ? "Accept your invitation" : "Create your workspace"}</h1>
      <form onSubmit={onSubmit} className="space-y-4">
        <Field label="Your name" id="name" autoComplete="name" required maxLength={120} />
        <Field label="Work email" id="email" type="email" autoComplete="email" required />
        <Field label="Password" id="password" type="password" autoComplete="new-password" required minLength={8} />
        {!inviteToken && <Field label="Company / workspace name" id="tenantName" required maxLength={120} />}
        <ErrorText>{error}</ErrorText>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Creating…" : "Create account"}
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account? <Link href="/login" className="font-medium text-brand-600 hover:underline">Sign in</Link>
      </p>
    </Card>
  );
}
