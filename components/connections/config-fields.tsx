"use client";

import { useState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { MUTED } from "@/components/ui/tone";
import type { ConnectionType } from "@/lib/aam/schemas";
import { configLabel, DELIMITER_LABELS, ENCODING_LABELS, FILE_SOURCE_LABELS } from "./config-labels";

const DELIMITERS = Object.entries(DELIMITER_LABELS);
const ENCODINGS = Object.entries(ENCODING_LABELS);
const FILE_SOURCES = Object.entries(FILE_SOURCE_LABELS);

/** Input names are `config-<key>`, `<key>` being the key in the type's config schema (lib/aam/connectors). */
const id = (key: string) => `config-${key}`;

/**
 * Editing an existing connection: its config as the API shows it (secrets removed or masked) and
 * which secrets are set. Secrets are never filled in; left blank, they keep their stored value.
 */
export type CurrentConfig = { config: Record<string, unknown>; secretsSet: string[] };

type Props = { type: ConnectionType; current?: CurrentConfig };

/** The fields of one source type's config, blank for a new connection or filled from `current`. Remount it (key it by type) when the type changes. */
export function ConfigFields({ type, current }: Props) {
  const value = (key: string, fallback = "") => {
    const v = current?.config[key];
    return Array.isArray(v) ? v.join(", ") : typeof v === "string" ? v : fallback;
  };
  const label = (key: string, suffix = "") => `${configLabel(type, key)}${suffix}`;
  /** A secret: required for a new connection; when editing, blank keeps the stored one. */
  const secret = (key: string) => {
    const isSet = current?.secretsSet.includes(key) ?? false;
    return {
      type: "password",
      autoComplete: "new-password",
      required: !isSet,
      placeholder: isSet ? "Saved; leave blank to keep it" : undefined,
    } as const;
  };
  switch (type) {
    case "file":
      return <FileFields current={current} />;
    case "postgres":
      return (
        <>
          <Field
            label={label("url")}
            id={id("url")}
            {...secret("url")}
            placeholder={current?.secretsSet.includes("url") ? "Saved; leave blank to keep it" : "postgresql://user:password@host:5432/db"}
          />
          <Field label={label("schema")} id={id("schema")} defaultValue={value("schema", "public")} required />
          <Field
            label={label("tables", " (optional, comma-separated; all tables when empty)")}
            id={id("tables")}
            defaultValue={value("tables")}
            placeholder="accounts, invoices"
          />
        </>
      );
    case "salesforce":
      return (
        <>
          <Field
            label={label("loginUrl")}
            id={id("loginUrl")}
            type="url"
            defaultValue={value("loginUrl", "https://login.salesforce.com")}
            required
          />
          <Field label={label("clientId")} id={id("clientId")} defaultValue={value("clientId")} required />
          <Field label={label("clientSecret")} id={id("clientSecret")} {...secret("clientSecret")} />
          <Field label={label("refreshToken")} id={id("refreshToken")} {...secret("refreshToken")} />
          <Field label={label("apiVersion")} id={id("apiVersion")} defaultValue={value("apiVersion", "62.0")} required />
          <Field
            label={label("objects", " (comma-separated)")}
            id={id("objects")}
            defaultValue={value("objects", "Account, Contact, Opportunity")}
            required
          />
        </>
      );
    case "mongodb":
      return (
        <>
          <Field
            label={label("url")}
            id={id("url")}
            {...secret("url")}
            placeholder={current?.secretsSet.includes("url") ? "Saved; leave blank to keep it" : "mongodb+srv://user:password@cluster/"}
          />
          <Field label={label("database")} id={id("database")} defaultValue={value("database")} required />
          <Field
            label={label("collections", " (optional, comma-separated; all when empty)")}
            id={id("collections")}
            defaultValue={value("collections")}
          />
        </>
      );
  }
}

/** Where the files come from is chosen once: an upload connection's files would not follow it to a folder. */
function FileFields({ current }: { current?: CurrentConfig }) {
  const initial = current?.config.source === "directory" ? "directory" : "upload";
  const [source, setSource] = useState<string>(initial);
  const text = (key: string, fallback: string) => (typeof current?.config[key] === "string" ? (current.config[key] as string) : fallback);
  return (
    <>
      {current ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {configLabel("file", "source")}: {FILE_SOURCE_LABELS[initial]}
        </p>
      ) : (
        <SelectField
          label={configLabel("file", "source")}
          id={id("source")}
          options={FILE_SOURCES}
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      )}
      {source === "directory" && (
        <Field
          label={configLabel("file", "directory")}
          id={id("directory")}
          defaultValue={text("directory", "")}
          placeholder="/data/exports"
          required
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={configLabel("file", "delimiter")}
          id={id("delimiter")}
          options={DELIMITERS}
          defaultValue={text("delimiter", "auto")}
        />
        <SelectField
          label={configLabel("file", "encoding")}
          id={id("encoding")}
          options={ENCODINGS}
          defaultValue={text("encoding", "auto")}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <input
          type="checkbox"
          name={id("header")}
          defaultChecked={current?.config.header !== false}
          className="rounded border-slate-300 dark:border-slate-600"
        />
        The first row holds the column names
      </label>
      {source === "directory" && !current && (
        <p className={`text-xs ${MUTED}`}>The folder must be one the server allows file connections to read.</p>
      )}
    </>
  );
}

/**
 * Reads the config object of `type` from the submitted form. Creating, blank optional fields are
 * left out (their defaults apply). Editing, blank secrets are left out (the stored ones are kept)
 * and a blank list is sent empty (all tables or collections again).
 */
export function readConfigFields(type: ConnectionType, form: FormData, { editing = false } = {}): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(id(key));
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const list = (key: string) => {
    const items =
      text(key)
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    return items.length || editing ? items : undefined;
  };
  const config = ((): Record<string, unknown> => {
    switch (type) {
      case "file": {
        const source = text("source");
        // The delimiter is read untrimmed: a tab is blank to trim().
        return {
          source,
          directory: form.has(id("directory")) ? text("directory") : undefined,
          delimiter: form.get(id("delimiter")) ?? undefined,
          encoding: text("encoding"),
          header: form.has(id("header")),
        };
      }
      case "postgres":
        return { url: text("url"), schema: text("schema"), tables: list("tables") };
      case "salesforce":
        return {
          loginUrl: text("loginUrl"),
          clientId: text("clientId"),
          clientSecret: text("clientSecret"),
          refreshToken: text("refreshToken"),
          apiVersion: text("apiVersion"),
          objects: list("objects"),
        };
      case "mongodb":
        return { url: text("url"), database: text("database"), collections: list("collections") };
    }
  })();
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
}
