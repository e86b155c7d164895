"use client";

import { useState } from "react";
import type { z } from "zod";
import { Field, SelectField } from "@/components/ui/field";
import type { ConnectionType } from "@/lib/aam/schemas";
import type { FileDelimiter, FileEncoding } from "@/lib/aam/connectors/file/config";

type Delimiter = z.infer<typeof FileDelimiter>;
type Encoding = z.infer<typeof FileEncoding>;

const DELIMITERS = Object.entries({ auto: "Detect", ",": "Comma (,)", ";": "Semicolon (;)", "\t": "Tab", "|": "Pipe (|)" } satisfies Record<Delimiter, string>);
const ENCODINGS = Object.entries({ auto: "Detect", "utf-8": "UTF-8", "utf-16le": "UTF-16 LE", "utf-16be": "UTF-16 BE", "windows-1252": "Windows-1252", latin1: "Latin-1" } satisfies Record<Encoding, string>);
const FILE_SOURCES = [["upload", "Upload files here"], ["directory", "A directory on the server"]] as const;

/** Input names are `config-<key>`, `<key>` being the key in the type's config schema (lib/aam/connectors). */
const id = (key: string) => `config-${key}`;
const secret = { type: "password", autoComplete: "new-password" } as const;

/** The fields of one source type's config. Remount it (key it by type) when the type changes. */
export function ConfigFields({ type }: { type: ConnectionType }) {
  switch (type) {
    case "file":
      return <FileFields />;
    case "postgres":
      return (
        <>
          <Field label="Connection URL" id={id("url")} placeholder="postgresql://user:password@host:5432/db" required {...secret} />
          <Field label="Schema" id={id("schema")} defaultValue="public" required />
          <Field label="Tables (optional, comma-separated; all tables when empty)" id={id("tables")} placeholder="accounts, invoices" />
        </>
      );
    case "salesforce":
      return (
        <>
          <Field label="Login URL" id={id("loginUrl")} type="url" defaultValue="https://login.salesforce.com" required />
          <Field label="Client id" id={id("clientId")} required />
          <Field label="Client secret" id={id("clientSecret")} required {...secret} />
          <Field label="Refresh token" id={id("refreshToken")} required {...secret} />
          <Field label="API version" id={id("apiVersion")} defaultValue="62.0" required />
          <Field label="Objects (comma-separated)" id={id("objects")} defaultValue="Account, Contact, Opportunity" required />
        </>
      );
    case "mongodb":
      return (
        <>
          <Field label="Connection URL" id={id("url")} placeholder="mongodb+srv://user:password@cluster/" required {...secret} />
          <Field label="Database" id={id("database")} required />
          <Field label="Collections (optional, comma-separated; all when empty)" id={id("collections")} />
        </>
      );
  }
}

function FileFields() {
  const [source, setSource] = useState("upload");
  return (
    <>
      <SelectField label="Files come from" id={id("source")} options={FILE_SOURCES} value={source} onChange={(e) => setSource(e.target.value)} />
      {source === "directory" && <Field label="Directory path on the server" id={id("directory")} placeholder="/data/exports" required />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Delimiter" id={id("delimiter")} options={DELIMITERS} defaultValue="auto" />
        <SelectField label="Encoding" id={id("encoding")} options={ENCODINGS} defaultValue="auto" />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <input type="checkbox" name={id("header")} defaultChecked className="rounded border-slate-300 dark:border-slate-600" />
        The first row holds the column names
      </label>
    </>
  );
}

/** Reads the config object of `type` from the submitted form. Blank optional fields are left out. */
export function readConfigFields(type: ConnectionType, form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(id(key));
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const list = (key: string) => {
    const items = text(key)?.split(",").map((s) => s.trim()).filter(Boolean);
    return items?.length ? items : undefined;
  };
  switch (type) {
    case "file": {
      const source = text("source");
      return { source, directory: source === "directory" ? text("directory") : undefined, delimiter: form.get(id("delimiter")), encoding: text("encoding"), header: form.has(id("header")) };
    }
    case "postgres":
      return { url: text("url"), schema: text("schema"), tables: list("tables") };
    case "salesforce":
      return { loginUrl: text("loginUrl"), clientId: text("clientId"), clientSecret: text("clientSecret"), refreshToken: text("refreshToken"), apiVersion: text("apiVersion"), objects: list("objects") };
    case "mongodb":
      return { url: text("url"), database: text("database"), collections: list("collections") };
  }
}
