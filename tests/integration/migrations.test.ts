import { describe, expect, it } from "vitest";
import { inspectDb } from "../support/db";
import { readMigrations } from "@/lib/db/migrate";

describe("startup migrations", () => {
  it("applied every migration and recorded it in _prisma_migrations with Prisma's checksum", async () => {
    const db = await inspectDb();
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    const files = await readMigrations();
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum })));
  });

  it("has the pgvector extension loaded", async () => {
    const db = await inspectDb();
    const [row] = await db.$queryRaw<{ d: number }[]>`SELECT ('[1,2,3]'::vector <-> '[1,2,4]'::vector)::float8 AS d`;
    expect(row.d).toBeCloseTo(1);
  });
});
