"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { MUTED } from "@/components/ui/tone";
import { DEFAULT_TTL_DAYS, expiryAfterDays, MAX_NAME_LENGTH, TTL_CHOICES_DAYS } from "@/lib/auth/api-keys/limits";
import type { Scope } from "@/lib/auth/roles";
import { SCOPE_WORDS } from "@/lib/auth/scope-words";
import { api, unwrap } from "@/lib/api/client";
import { NewApiKeyNotice } from "./new-api-key-notice";

export type ScopeGroup = { title: string; scopes: Scope[] };

const EXPIRY_OPTIONS = TTL_CHOICES_DAYS.map((days) => [String(days), days === 365 ? "1 year" : `${days} days`] as const);

/**
 * Name, scopes (those the creator's role holds, grouped) and expiry; then the new key, once. Opens
 * with a button unless `startOpen` (no key yet), so the list stays in sight.
 */
export function CreateApiKeyForm({ groups, startOpen }: { groups: ScopeGroup[]; startOpen: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(startOpen);
  const [scopes, setScopes] = useState<ReadonlySet<Scope>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<{ name: string; key: string }>();

  function toggle(list: readonly Scope[], on: boolean) {
    const next = new Set(scopes);
    for (const scope of list) {
      if (on) next.add(scope);
      else next.delete(scope);
    }
    setScopes(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = expiryAfterDays(Number(data.get("expiry"))).toISOString();
      const name = String(data.get("name") ?? "");
      const { key } = await unwrap(api.POST("/api/v1/tenant/api-keys", { body: { name, scopes: [...scopes], expiresAt } }));
      setCreated({ name: name.trim(), key });
      setScopes(new Set());
      form.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    const done = () => {
      setCreated(undefined);
      setOpen(false);
    };
    return <NewApiKeyNotice name={created.name} apiKey={created.key} onDone={done} />;
  }
  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => setOpen(true)}>New key</Button>
        <span className={`text-sm ${MUTED}`}>Name it, choose what it may do and when it expires.</span>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Create an API key">
      <ErrorText>{error}</ErrorText>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <Field label="Name" id="name" required maxLength={MAX_NAME_LENGTH} placeholder="e.g. Nightly warehouse export" autoComplete="off" />
        <SelectField label="Expires after" id="expiry" options={EXPIRY_OPTIONS} defaultValue={String(DEFAULT_TTL_DAYS)} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Scopes: what the key may do</legend>
        {groups.map((group) => (
          <div key={group.title}>
            <div className="mb-1 flex items-center gap-3">
              <h3 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>{group.title}</h3>
              <GroupToggle group={group} chosen={scopes} onToggle={toggle} />
            </div>
            <ul className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
              {group.scopes.map((scope) => (
                <li key={scope}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="scopes"
                      value={scope}
                      checked={scopes.has(scope)}
                      onChange={(e) => toggle([scope], e.target.checked)}
                      className="mt-0.5 size-4 shrink-0 accent-brand-600"
                    />
                    <span className="min-w-0">
                      <span className="font-medium">{SCOPE_WORDS[scope].label}</span>
                      <span className={`block text-xs ${MUTED}`}>{SCOPE_WORDS[scope].description}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy || scopes.size === 0}>
          {busy ? "Creating…" : "Create key"}
        </Button>
        {!startOpen && (
          <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            Cancel
          </Button>
        )}
        {scopes.size === 0 && <span className={`text-sm ${MUTED}`}>Choose at least one scope.</span>}
      </div>
    </form>
  );
}

/** "Select all" of a group, or "Clear" once all of it is chosen. */
function GroupToggle({
  group,
  chosen,
  onToggle,
}: {
  group: ScopeGroup;
  chosen: ReadonlySet<Scope>;
  onToggle: (list: readonly Scope[], on: boolean) => void;
}) {
  const all = group.scopes.every((s) => chosen.has(s));
  return (
    <button
      type="button"
      onClick={() => onToggle(group.scopes, !all)}
      aria-label={`${all ? "Clear" : "Select all"}: ${group.title}`}
      className="text-xs font-medium text-brand-700 hover:underline dark:text-blue-300"
    >
      {all ? "Clear" : "Select all"}
    </button>
  );
}
