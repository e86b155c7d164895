import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/schema-diff";

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree: the migrations build exactly the schema (run `npm run db:migration <name>` if not)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });
});
