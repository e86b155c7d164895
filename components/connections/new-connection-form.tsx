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
import { callAction } from "@/app/(app)/call-action";

/** Creates a connection and opens it. `types` are `[type, label]` pairs from the connector registry. */
export function NewConnectionForm({ types }: { types: [ConnectionType, string][] }) {
  const router = useRouter();
  const [type, setType] = useState<ConnectionType>(types[0]?.[0] ?? "file");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await callAction(() => createConnectionAction({
      name: String(form.get("name") ?? ""),
      type,
      schemaPolicy: form.get("schemaPolicy") as SchemaPolicy,
      config: readConfigFields(type, form),
    }));
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
        <SelectField label="Source type" id="type" options={types} value={type} onChange={(e) => setType(e.target.value as ConnectionType)} />
        <ConfigFields key={type} type={type} />
        <SelectField label="Schema changes" id="schemaPolicy" options={POLICIES.map((p) => [p, POLICY_LABELS[p]] as const)} defaultValue={DEFAULT_POLICY} />
        <ErrorText>{error}</ErrorText>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create connection"}</Button>
      </form>
    </Card>
  );
}
