/**
 * Development tooling (not loaded by the app): compares prisma/schema.prisma with what the
 * migrations build. It applies every migration with the app's own runner to a fresh in-memory
 * PGlite (pgvector loaded), then asks Prisma's WebAssembly schema engine for the SQL that would
 * take that database to the schema. Empty means schema and migrations agree. This needs no
 * native schema-engine binary, so it works where the Prisma CLI cannot download one.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";

export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * Indexes the schema language cannot declare, created by hand in a migration: pgvector's HNSW
 * (Prisma knows no `hnsw` index type). The schema engine would drop them; the diff leaves them be.
 */
export const HAND_WRITTEN_INDEXES = ["kb_chunks_embedding_idx"];

let loaded: Promise<typeof engineModule> | undefined;

/** The package's entry imports the .wasm as an ES module, which Node 20 cannot; instantiate it by hand. */
function loadEngine(): Promise<typeof engineModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": engineModule as never });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    engineModule.__wbg_set_wasm(exports as never);
    exports.__wbindgen_start();
    return engineModule;
  })();
  return loaded;
}

/** SQL that takes a database built by the migrations to the schema; "" when they agree. */
export async function diffMigrationsToSchema(options: { schemaPath?: string; migrationsDir?: string } = {}): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const schema = await readFile(schemaPath, "utf8");
  const db = await PGlite.create({ dataDir: "memory://", extensions: { vector } });
  try {
    await migrate(pgliteRunner(db), { allowDestructive: true, migrations: await readMigrations(options.migrationsDir) });
    const { SchemaEngine } = await loadEngine();
    const adapter = new PrismaPGlite(db);
    const engine = await SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory({
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        connect: () => adapter.connect(),
        connectToShadowDb: async () => new PrismaPGlite(await PGlite.create({ dataDir: "memory://", extensions: { vector } })).connect(),
      } as never),
    );
    try {
      const files = [{ path: schemaPath, content: schema }];
      const result = (await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      } as never)) as { exitCode: number; stdout: string };
      return result.exitCode === 0 ? "" : withoutHandWrittenIndexDrops(result.stdout).trim();
    } finally {
      engine.free();
    }
  } finally {
    await db.close();
  }
}

function withoutHandWrittenIndexDrops(sql: string): string {
  return HAND_WRITTEN_INDEXES.reduce(
    (rest, name) => rest.replace(new RegExp(`-- DropIndex\\s*DROP INDEX (?:"public"\\.)?"${name}";\\s*`, "g"), ""),
    sql,
  );
}
