"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { MUTED } from "@/components/ui/tone";
import type { ConnectionDto } from "@/lib/aam/dto";
import type { SchemaPolicy } from "@/lib/aam/schemas";
import { MAX_SAMPLE_ROW_LIMIT, SAFE_MODE_POLICIES } from "@/lib/aam/safe-mode";
import { updateConnectionAction } from "@/app/(app)/connections/actions";
import { callAction } from "@/app/(app)/call-action";
import { ConfigFields, readConfigFields } from "./config-fields";
import { POLICIES, POLICY_LABELS } from "./policy-options";

/**
 * Edits a connection's name, config and schema-change policy (and, in safe mode, its sample size).
 * Secrets are never shown: left blank, the stored ones are kept, as the API keeps config keys left out.
 */
export function EditConnectionForm({ connection, onDone }: { connection: ConnectionDto; onDone: (saved: boolean) => void }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const pending = saving || refreshing;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setError(undefined);
    const name = String(form.get("edit-name") ?? "").trim();
    const result = await callAction(() =>
      updateConnectionAction({
        id: connection.id,
        changes: {
          ...(name !== connection.name ? { name } : {}),
          config: readConfigFields(connection.type, form, { editing: true }),
          schemaPolicy: form.get("edit-schemaPolicy") as SchemaPolicy,
          ...(connection.safeMode ? { sampleRowLimit: Number(form.get("edit-sampleRowLimit")) } : {}),
        },
      }),
    );
    setSaving(false);
    if (!result.ok) return setError(result.error);
    // One transition: the form gives way to the summary once the page holds the saved settings.
    startRefresh(() => {
      router.refresh();
      onDone(true);
    });
  }

  const policies = connection.safeMode ? SAFE_MODE_POLICIES : POLICIES;
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="edit-connection-form" aria-label={`Edit ${connection.name}`}>
      <Field label="Name" id="edit-name" defaultValue={connection.name} maxLength={120} required />
      <ConfigFields type={connection.type} current={{ config: connection.config, secretsSet: connection.secretsSet }} />
      {connection.safeMode && (
        <Field
          label="Rows read per stream per sync"
          id="edit-sampleRowLimit"
          type="number"
          min={1}
          max={MAX_SAMPLE_ROW_LIMIT}
          step={1}
          defaultValue={connection.sampleRowLimit ?? undefined}
          required
        />
      )}
      <SelectField
        label="Schema changes"
        id="edit-schemaPolicy"
        options={policies.map((p) => [p, POLICY_LABELS[p]] as const)}
        defaultValue={connection.schemaPolicy}
      />
      <p className={`text-xs ${MUTED}`}>The next sync reads the source with these settings.</p>
      <ErrorText>{error}</ErrorText>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
