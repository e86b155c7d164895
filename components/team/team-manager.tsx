"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/client";

type Member = { userId: string; email: string; name: string; role: string; joinedAt: string };
type Invitation = { id: string; email: string; role: string; expiresAt: string };
type Invited = { email: string; acceptUrl: string };
const ROLES: readonly string[] = ["owner", "admin", "member", "viewer"];

export function TeamManager(props: {
  members: Member[];
  invitations: Invitation[];
  currentUserId: string;
  canManage: boolean;
  isOwner: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [invited, setInvited] = useState<Invited>();
  const [copied, setCopied] = useState(false);
  const grantable = props.isOwner ? ROLES : ROLES.filter((r) => r === "member" || r === "viewer");

  async function run(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const formEl = event.currentTarget;
    await run(async () => {
      const { invitation } = await apiFetch<{ invitation: Invited }>("/api/v1/tenant/members", {
        body: { email: form.get("email"), role: form.get("role") },
      });
      setInvited(invitation);
      setCopied(false);
      formEl.reset();
    });
  }

  /** The page where an invitee accepts; it holds no secret, so it may be shared anywhere. */
  async function copyLink() {
    const url = new URL("/invitations", window.location.origin).toString();
    await navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false));
  }

  return (
    <div className="space-y-6">
      <ErrorText>{error}</ErrorText>
      <Card title="Members">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr><th className="py-2">Name</th><th>Email</th><th>Role</th><th className="relative"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.userId} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-2">{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {props.canManage && m.userId !== props.currentUserId ? (
                    <select
                      aria-label={`Role of ${m.email}`}
                      defaultValue={m.role}
                      className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
                      onChange={(e) => run(() => apiFetch(`/api/v1/tenant/members/${m.userId}`, { method: "PATCH", body: { role: e.target.value } }))}
                    >
                      {ROLES.map((r) => <option key={r} value={r} disabled={!grantable.includes(r)}>{r}</option>)}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td className="text-right">
                  {props.canManage && m.userId !== props.currentUserId && (
                    <Button variant="danger" onClick={() => run(() => apiFetch(`/api/v1/tenant/members/${m.userId}`, { method: "DELETE" }))}>
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {props.canManage && (
        <Card title="Invite a member">
          <form onSubmit={onAdd} className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1"><Field label="Email" id="email" type="email" required /></div>
            <label className="text-sm font-medium text-slate-700 dark:text-slate-300">
              Role
              <select name="role" defaultValue="member" className="mt-1 block rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
                {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            </label>
            <Button type="submit">Invite</Button>
          </form>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Everyone is invited, valid for 7 days: they join when they accept it, signed in with that address after
            confirming it. Inviting an address again renews its invitation.
          </p>
          {invited && (
            <p role="status" className="mt-3 rounded-md bg-brand-50 p-3 text-sm [overflow-wrap:anywhere] dark:bg-blue-950">
              Invitation sent to {invited.email}. They accept it at <code className="break-all">{invited.acceptUrl}</code>
            </p>
          )}
          {props.invitations.length > 0 && (
            <div className="mt-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">Pending invitations</h3>
                <Button variant="secondary" onClick={copyLink}>{copied ? "Copied" : "Copy invitations link"}</Button>
              </div>
              <ul className="mt-2 divide-y divide-slate-100 text-sm text-slate-600 dark:divide-slate-800 dark:text-slate-300">
                {props.invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="pending-invitation">
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      {i.email} as {i.role},{" "}
                      {new Date(i.expiresAt).getTime() < Date.now() ? "expired (invite again to renew)" : `expires ${new Date(i.expiresAt).toLocaleDateString()}`}
                    </span>
                    {grantable.includes(i.role) && (
                      <Button variant="danger" className="shrink-0" onClick={() => run(() => apiFetch(`/api/v1/tenant/invitations/${i.id}`, { method: "DELETE" }))}>
                        Revoke
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
