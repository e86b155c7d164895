"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api, unwrap } from "@/lib/api/client";

/**
 * Tells an unverified user what they cannot do yet and sends a new link on request. The link goes
 * to their mailbox (or, with no mail transport, to the server log for the operator), never here.
 */
export function VerifyEmailNotice() {
  const [state, setState] = useState<{ sent?: boolean; error?: string; pending?: boolean }>({});

  async function resend() {
    setState({ pending: true });
    try {
      await unwrap(api.POST("/api/v1/me/email/send-verification"));
      setState({ sent: true });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }

  return (
    <div
      role="status"
      className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-300"
    >
      <p>
        Your email address is not confirmed yet, so invitations to other workspaces stay hidden. Open the link we sent to it while signed in
        here.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={resend} disabled={state.pending || state.sent} className="shrink-0 whitespace-nowrap">
          Send a new link
        </Button>
        {state.sent && <span>Sent. Check your inbox (without a mail server, ask your operator: the link is in the server log).</span>}
        {state.error && <span className="text-red-700 dark:text-red-300">{state.error}</span>}
      </div>
    </div>
  );
}
