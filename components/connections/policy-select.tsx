"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ErrorText } from "@/components/ui/card";
import type { SchemaPolicy } from "@/lib/aam/schemas";
import { updateSchemaPolicyAction } from "@/app/(app)/connections/actions";
import { POLICIES, POLICY_LABELS } from "./policy-options";
import { callAction } from "@/app/(app)/call-action";

/** The connection's schema-change policy, saved as soon as it is changed; a refused change reverts. */
export function PolicySelect({ id, policy, canWrite }: { id: string; policy: SchemaPolicy; canWrite: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(policy);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function onChange(next: SchemaPolicy) {
    const previous = value;
    setValue(next);
    setSaving(true);
    setError(undefined);
    const result = await callAction(() => updateSchemaPolicyAction({ id, schemaPolicy: next }));
    setSaving(false);
    if (result.ok) router.refresh();
    else {
      setValue(previous);
      setError(result.error);
    }
  }

  if (!canWrite) return <span>{POLICY_LABELS[policy]}</span>;
  return (
    <div className="space-y-2">
      <select
        aria-label="Schema-change policy"
        value={value}
        disabled={saving}
        onChange={(e) => onChange(e.target.value as SchemaPolicy)}
        className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      >
        {POLICIES.map((p) => <option key={p} value={p}>{POLICY_LABELS[p]}</option>)}
      </select>
      {saving && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">Saving…</span>}
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
