"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/client";

type Member = { userId: string; email: string; name: string; role: string; joinedAt: string };
type Invitation = { id: string; email: string; role: string; expiresAt: string };
const ROLES: readonly string[] = ["owner", "admin", "member", "viewer"];

export function TeamManager(props: { members: Member[]; invitations: Invitation[]; currentUserId: string; canManage: boolean; isOwner: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [inviteUrl, setInviteUrl] = useState<string>();
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
      const result = await apiFetch<{ invitation?: { acceptUrl: string } }>("/api/v1/tenant/members", {
        body: { email: form.get("email"), role: form.get("role") },
      });
      setInviteUrl(result.invitation?.acceptUrl);
      formEl.reset();
    });
  }

  return (
    <div className="space-y-6">
      <ErrorText>{error}</ErrorText>
      <Card title="Members">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr><th className="py-2">Name</th><th>Email</th><th>Role</th><th /></tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.userId} className="border-t border-slate-100">
                <td className="py-2">{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {props.canManage && m.userId !== props.currentUserId ? (
                    <select
                      aria-label={`Role of ${m.email}`}
                      defaultValue={m.role}
                      className="rounded border border-slate-300 px-2 py-1"
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
        <Card title="Add a member">
          <form onSubmit={onAdd} className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1"><Field label="Email" id="email" type="email" required /></div>
            <label className="text-sm font-medium text-slate-700">
              Role
              <select name="role" defaultValue="member" className="mt-1 block rounded-md border border-slate-300 px-3 py-2">
                {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            </label>
            <Button type="submit">Add</Button>
          </form>
          <p className="mt-2 text-xs text-slate-500">A registered user is added at once; anyone else gets an invitation link, valid for 7 days.</p>
          {inviteUrl && (
            <p className="mt-3 rounded-md bg-brand-50 p-3 text-sm">
              Share this invitation link (it is shown only once): <code className="break-all">{inviteUrl}</code>
            </p>
          )}
          {props.invitations.length > 0 && (
            <ul className="mt-4 text-sm text-slate-600">
              {props.invitations.map((i) => (
                <li key={i.id}>Pending: {i.email} as {i.role}, expires {new Date(i.expiresAt).toLocaleDateString()}</li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
