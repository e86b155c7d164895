"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import type { ConnectionType } from "@/lib/aam/schemas";
import type { SchemaPolicy } from "@/lib/aam/schemas";
import { createConnectionAction } from "@/app/(app)/connections/actions";
import { ConfigFields, readConfigFields } from "./config-fields";
import { DEFAULT_POLICY, POLICIES, POLICY_LABELS } from "./policy-options";
import { DEFAULT_SAMPLE_ROW_LIMIT, MAX_SAMPLE_ROW_LIMIT, SAFE_MODE_DEFAULT_POLICY, SAFE_MODE_POLICIES } from "@/lib/aam/safe-mode";
import { callAction } from "@/app/(app)/call-action";

/** Creates a connection and opens it. `types` are `[type, label]` pairs from the connector registry. */
export function NewConnectionForm({ types }: { types: [ConnectionType, string][] }) {
  const router = useRouter();
  const [type, setType] = useState<ConnectionType>(types[0]?.[0] ?? "file");
  const [safeMode, setSafeMode] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await callAction(() =>
      createConnectionAction({
        name: String(form.get("name") ?? ""),
        type,
        schemaPolicy: form.get("schemaPolicy") as SchemaPolicy,
        config: readConfigFields(type, form),
        safeMode,
        sampleRowLimit: safeMode ? Number(form.get("sampleRowLimit")) : undefined,
      }),
    );
    if (result.ok) {
      router.push(`/connections/${result.data.id}`);
    } else {
      setError(result.error);
      setPending(false);
    }
  }

  return (
    <Card title="New connection">
      <form onSubmit={onSubmit} className="space-y-4" data-testid="new-connection-form">
        <Field label="Name" id="name" placeholder="Billing database" maxLength={120} required />
        <SelectField
          label="Source type"
          id="type"
          options={types}
          value={type}
          onChange={(e) => setType(e.target.value as ConnectionType)}
        />
        <ConfigFields key={type} type={type} />
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            name="safeMode"
            checked={safeMode}
            onChange={(e) => setSafeMode(e.target.checked)}
            className="rounded border-slate-300 dark:border-slate-600"
          />
          Safe mode: read-only samples; mappings are only proposed and nothing is applied until you promote the connection
        </label>
        {safeMode && (
          <Field
            label="Rows read per stream per sync"
            id="sampleRowLimit"
            type="number"
            min={1}
            max={MAX_SAMPLE_ROW_LIMIT}
            step={1}
            defaultValue={DEFAULT_SAMPLE_ROW_LIMIT}
            required
          />
        )}
        <SelectField
          key={safeMode ? "safe" : "normal"}
          label="Schema changes"
          id="schemaPolicy"
          options={(safeMode ? SAFE_MODE_POLICIES : POLICIES).map((p) => [p, POLICY_LABELS[p]] as const)}
          defaultValue={safeMode ? SAFE_MODE_DEFAULT_POLICY : DEFAULT_POLICY}
        />
        <ErrorText>{error}</ErrorText>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create connection"}
        </Button>
      </form>
    </Card>
  );
}
