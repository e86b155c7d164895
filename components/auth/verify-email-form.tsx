"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";

type State = { kind: "idle" | "pending" | "done" } | { kind: "signed-out" } | { kind: "error"; message: string };

/** Confirms the signed-in account's email with the token from its link. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const here = `/verify?token=${encodeURIComponent(token)}`;

  async function confirm() {
    setState({ kind: "pending" });
    const res = await fetch("/api/v1/me/email/verify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
      credentials: "same-origin",
    }).catch(() => null);
    if (res?.ok) return setState({ kind: "done" });
    if (res?.status === 401) return setState({ kind: "signed-out" });
    const data = await res?.json().catch(() => null);
    setState({ kind: "error", message: data?.error?.message ?? "The server could not be reached; try again" });
  }

  return (
    <Card>
      <h1 className="mb-4 text-lg font-semibold">Confirm your email</h1>
      {state.kind === "done" ? (
        <p className="text-sm">
          Your email is confirmed. <Link href="/invitations" className="font-medium text-brand-600 hover:underline">See your invitations</Link>
        </p>
      ) : state.kind === "signed-out" ? (
        <p className="text-sm">
          Sign in to the account this link was sent for, then open the link again.{" "}
          <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="font-medium text-brand-600 hover:underline">Sign in</Link>
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">Confirm that this email address belongs to the account you are signed in to.</p>
          {state.kind === "error" && <ErrorText>{state.message}</ErrorText>}
          <Button onClick={confirm} disabled={!token || state.kind === "pending"} className="w-full">
            {state.kind === "pending" ? "Confirming…" : "Confirm my email"}
          </Button>
        </div>
      )}
    </Card>
  );
}
