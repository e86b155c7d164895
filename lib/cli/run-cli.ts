import { closeDb, getDb, getDbState, setProcessKind } from "@/lib/db";
import { systemDb } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed";
import { DomainError, ValidationError } from "@/lib/errors";
import { ensureDemoSources } from "@/lib/aam/demo-sources";
import { agentCommand, formatAgentReport } from "@/lib/cli/agent";
import { ingest, listAllConnections } from "@/lib/cli/ingest";
import { formatLoadReport, load } from "@/lib/cli/load";
import { mapSchema } from "@/lib/cli/map";
import { readStdin, redactCommand } from "@/lib/cli/redact";
import { repairSchema } from "@/lib/cli/repair";
import { rotateEncryptionKey } from "@/lib/cli/rotate-key";

type Command = { summary: string; run: (args: string[]) => Promise<void> };

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: "Apply pending database migrations (also done automatically at startup)",
    run: async () => {
      const state = await getDbState();
      console.log(`database is up to date (${state.mode})`);
    },
  },
  seed: {
    summary: "Create the demo tenant and user if missing",
    run: async () => {
      const db = systemDb(await getDb(), "operator CLI");
      const { created } = await seedDemo(db);
      console.log(created ? "demo tenant created" : "demo tenant already present");
      const sources = await ensureDemoSources(db);
      console.log(
        sources.created ? "demo sources connected; the first sync runs when the app server starts" : "demo sources already connected",
      );
    },
  },
  connections: {
    summary: "List every connection (id, tenant, type, status)",
    run: async () => {
      for (const c of await listAllConnections(systemDb(await getDb(), "operator CLI")))
        console.log([c.id, c.tenant.slug, c.type, c.status, c.name].join("\t"));
    },
  },
  ingest: {
    summary: "Sync one connection now, in this process: ingest --connection <id>",
    run: async (args) => {
      const summary = await ingest(systemDb(await getDb(), "operator CLI"), args);
      console.log(JSON.stringify(summary, null, 2));
    },
  },
  "rotate-key": {
    summary: "Re-encrypt every stored secret with the current AOS_ENCRYPTION_KEY (old keys in AOS_ENCRYPTION_KEYS_OLD)",
    run: async () => {
      const report = await rotateEncryptionKey(systemDb(await getDb(), "operator CLI"));
      console.log(JSON.stringify(report, null, 2));
      const failed = report.connections.failed.length + report.slackWebhooks.failed.length;
      if (failed > 0)
        throw new ValidationError(
          `${failed} secret(s) could not be decrypted with the configured keys (ids above): add the key that sealed them to AOS_ENCRYPTION_KEYS_OLD and run again`,
        );
    },
  },
  load: {
    summary: "Load a CSV / JSON Lines file or folder end to end (sync, map, views): load <path> [--tenant <slug>] [--json]",
    run: async (args) => {
      const report = await load(systemDb(await getDb(), "operator CLI"), args);
      console.log(args.includes("--json") ? JSON.stringify(report) : formatLoadReport(report));
    },
  },
  map: {
    summary: "Propose ontology mappings for a table: map <schema.json> [--ontology <ontology.json>]",
    run: async (args) => {
      console.log(JSON.stringify(await mapSchema(args), null, 2));
    },
  },
  agent: {
    summary:
      "Run an agent now against a tenant's current views: agent run <finops|revops|slug> [--tenant <slug>] [--as-of YYYY-MM-DD] [--json]",
    run: async (args) => {
      const report = await agentCommand(systemDb(await getDb(), "operator CLI"), args);
      console.log(args.includes("--json") ? JSON.stringify(report) : formatAgentReport(report));
    },
  },
  repair: {
    summary: "Propose repairs for a table whose schema changed: repair <drift.json>",
    run: async (args) => {
      console.log(JSON.stringify(await repairSchema(args), null, 2));
    },
  },
  redact: {
    summary: 'Redact PII in the text on standard input, print {"text", "spans"}; no database: redact [--names "Ada Lovelace,Grace Hopper"]',
    run: async (args) => {
      console.log(redactCommand(await readStdin(), args));
    },
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `usage: npm run aos -- <command>\n\ncommands:\n${lines.join("\n")}`;
}

/** Runs one command; returns the process exit code. Errors print a message, not a stack. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name && name !== "help" ? `unknown command: ${name}\n\n${usage()}` : usage());
    return name && name !== "help" ? 2 : 0;
  }
  setProcessKind("cli");
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof DomainError || error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDb();
  }
}
