import { describe, expect, it } from "vitest";
import { findDestructiveStatements } from "@/lib/db/migrate";

describe("destructive migration detection", () => {
  it.each([
    ['DROP TABLE "users";', "drops a table"],
    ['ALTER TABLE "users" DROP COLUMN "name";', "drops a column"],
    ['TRUNCATE "tenants";', "truncates a table"],
    ['ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE SMALLINT;', "changes a column type"],
    ['ALTER TABLE "users" ALTER COLUMN "age" TYPE integer USING age::integer;', "changes a column type"],
  ])("flags %s", (sql, what) => {
    expect(findDestructiveStatements(sql).join()).toContain(what);
  });

  it("passes additive migrations, and ignores keywords in comments and strings", () => {
    const sql = `
      -- we used to DROP TABLE here
      /* TRUNCATE is mentioned in a comment */
      CREATE TABLE "a" ("id" UUID NOT NULL, "note" TEXT DEFAULT 'DROP TABLE x; it''s fine');
      ALTER TABLE "a" ADD COLUMN "b" TEXT;
      CREATE INDEX "a_b_idx" ON "a"("b");`;
    expect(findDestructiveStatements(sql)).toEqual([]);
  });
});
