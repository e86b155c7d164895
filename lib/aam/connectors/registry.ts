import "server-only";
import { z } from "zod";
import { FileConfig } from "./file/config";
import { createFileConnector } from "./file/file-source";
import { allowedDirectory, fileList } from "./file/location";
import { createMongoConnector, MongoConfig } from "./mongodb";
import { createPostgresConnector, PostgresConfig } from "./postgres";
import { createSalesforceConnector, SalesforceConfig } from "./salesforce";
import type { Connector } from "./types";
import type { ConnectionType } from "@/lib/aam/schemas";
import type { TenantScope } from "@/lib/auth/context";

/** `safeMode`: the connection is onboarding (lib/aam/safe-mode.ts says what each type guarantees then). */
type Owner = { scope: TenantScope; connectionId: string; safeMode: boolean };

/**
 * One entry per source type: its config schema, which config keys are secrets (never returned by
 * the API, kept when an update leaves them out), how to show the rest, and how to build a connector.
 */
type Spec<C> = {
  label: string;
  config: z.ZodType<C, any>;
  secrets: readonly string[];
  /** The config as the API shows it, secret keys removed; the DTO then masks URLs and secret-like values (lib/crypto/mask-secrets.ts). */
  describe(config: C): Record<string, unknown>;
  /** Checks beyond the schema that need the server (a folder's location); throws ValidationError. */
  validate?(config: C): Promise<void>;
  create(config: C, owner: Owner): Promise<Connector>;
};

const spec = <C>(s: Spec<C>) => s;

export const CONNECTORS = {
  file: spec({
    label: "Files (CSV, JSON Lines)",
    config: FileConfig,
    secrets: [],
    describe: (c) => ({ ...c }),
    validate: async (c) => {
      if (c.source === "directory") await allowedDirectory(c.directory!);
    },
    create: async (c, owner) => createFileConnector(c, await fileList(c, owner)),
  }),
  postgres: spec({
    label: "PostgreSQL / Supabase",
    config: PostgresConfig,
    secrets: ["url"],
    describe: (c) => ({ ...c }),
    create: async (c, owner) => createPostgresConnector(c, { safeMode: owner.safeMode }),
  }),
  salesforce: spec({
    label: "Salesforce",
    config: SalesforceConfig,
    secrets: ["clientSecret", "refreshToken"],
    describe: ({ clientSecret: _s, refreshToken: _r, ...rest }) => rest,
    // Read calls only, in safe mode or not: GET describe and query; the token refresh is the one POST.
    create: async (c) => createSalesforceConnector(c),
  }),
  mongodb: spec({
    label: "MongoDB",
    config: MongoConfig,
    secrets: ["url"],
    describe: (c) => ({ ...c }),
    // Read commands only, in safe mode or not: ping, listCollections, find, getMore.
    create: async (c) => createMongoConnector(c),
  }),
} satisfies Record<ConnectionType, Spec<any>>;

export function connectorSpec(type: ConnectionType): Spec<any> {
  return CONNECTORS[type];
}
