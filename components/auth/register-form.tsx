"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Card, ErrorText } from "@/components/ui/card";
import { api, unwrap } from "@/lib/api/client";

/**
 * Registration answers the same whether or not the email already had an account, so the form
 * signs in with what was typed: a new account goes straight in, anything else gets the answer.
 */
export function RegisterForm() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    try {
      const answer = await unwrap(
        api.POST("/api/v1/auth/register", {
          body: { name: String(form.get("name")), email, password, tenantName: String(form.get("tenantName")) },
        }),
      );
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setNotice(answer.message);
        setPending(false);
        return;
      }
      router.replace("/control-center");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  if (notice) {
    return (
      <Card>
        <h1 className="mb-4 text-lg font-semibold">Check your email</h1>
        <p role="status" className="text-sm">
          {notice}
        </p>
        <Link href="/login" className="mt-4 block text-center text-sm font-medium text-brand-600 hover:underline dark:text-blue-300">
          Go to sign in
        </Link>
      </Card>
    );
  }

  return (
    <Card>
      <h1 className="mb-4 text-lg font-semibold">Create your workspace</h1>
      <form onSubmit={onSubmit} className="space-y-4">
        <Field label="Your name" id="name" autoComplete="name" required maxLength={120} />
        <Field label="Work email" id="email" type="email" autoComplete="email" required />
        <Field label="Password" id="password" type="password" autoComplete="new-password" required minLength={8} />
        <Field label="Company / workspace name" id="tenantName" required maxLength={120} />
        <ErrorText>{error}</ErrorText>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Creating…" : "Create account"}
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-300">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-600 hover:underline dark:text-blue-300">
          Sign in
        </Link>
      </p>
      <p className="mt-2 text-center text-xs text-slate-500 dark:text-slate-400">
        Invited to a workspace? Create your account with the invited address, confirm it, then accept the invitation.
      </p>
    </Card>
  );
}
