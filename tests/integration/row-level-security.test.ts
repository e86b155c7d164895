import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemDb, tenantDb, userDb } from "@/lib/db/scope";
import { createAccount, verifyEmail } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { inspectDb } from "../support/db";

/**
 * The second wall: whatever a query forgets, PostgreSQL's row-level security keeps it inside the
 * scope's tenant. Runs on PGlite and on PostgreSQL (both integration projects).
 */
/** PostgreSQL's own refusals (42501), so a schema or syntax error cannot pass for one. */
const REFUSED = /row-level security|must be owner|permission denied/;
async function twoTenants() {
  const a = await createAccount({ label: "rls-a" });
  const b = await createAccount({ label: "rls-b" });
  await createConnectionVia(a.token, { name: "a-files", type: "file", config: { source: "upload" } });
  await createConnectionVia(b.token, { name: "b-files", type: "file", config: { source: "upload" } });
  return { a, b, db: await getDb() };
}

describe("row-level security", () => {
  it("a query without a tenant filter sees and changes only its own tenant's rows", async () => {
    const { a, b, db } = await twoTenants();
    const scoped = tenantDb(db, a.tenantId);

    const tenants = new Set((await scoped.connection.findMany({ select: { tenantId: true } })).map((c) => c.tenantId));
    expect([...tenants]).toEqual([a.tenantId]);
    const raw = await scoped.$queryRaw<{ tenant_id: string }[]>`SELECT DISTINCT tenant_id::text FROM connections`;
    expect(raw.map((r) => r.tenant_id)).toEqual([a.tenantId]);
    expect(await scoped.membership.count()).toBe(1);

    const renamed = await scoped.connection.updateMany({ data: { name: "renamed-by-a" } });
    expect(renamed.count).toBe(1);
    const bNames = await tenantDb(db, b.tenantId).connection.findMany({ select: { name: true } });
    expect(bNames.map((c) => c.name)).toEqual(["b-files"]);

    expect((await scoped.connection.deleteMany({ where: { tenantId: b.tenantId } })).count).toBe(0);
    await expect(
      scoped.connection.create({ data: { tenantId: b.tenantId, name: "planted", type: "file", configCipher: "x" } }),
    ).rejects.toThrow(REFUSED);
  });

  it("outside any scope nothing tenant-owned is visible; the system scope sees every tenant", async () => {
    const { a, b, db } = await twoTenants();
    expect(await db.connection.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
    expect(await db.tenant.count({ where: { id: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
    expect(await systemDb(db, "test").connection.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(2);
  });

  it("a user scope sees the user's own memberships and tenants, and no tenant's data", async () => {
    const { a, b, db } = await twoTenants();
    const scoped = userDb(db, a.userId);
    expect((await scoped.membership.findMany()).map((m) => m.tenantId)).toEqual([a.tenantId]);
    expect((await scoped.tenant.findMany({ where: { id: { in: [a.tenantId, b.tenantId] } } })).map((t) => t.id)).toEqual([a.tenantId]);
    expect(await scoped.connection.count()).toBe(0);
    // Joining a tenant needs an invitation addressed to the user's email.
    await expect(scoped.membership.create({ data: { tenantId: b.tenantId, userId: a.userId, role: "owner" } })).rejects.toThrow(REFUSED);
  });

  it("the app role cannot turn the policies off, read the migration log or become the owner through a table", async () => {
    const { a, db } = await twoTenants();
    const scoped = tenantDb(db, a.tenantId);
    const attempts = [
      scoped.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL row_security = off");
        return tx.$queryRawUnsafe("SELECT count(*) FROM connections");
      }),
      scoped.$executeRawUnsafe("ALTER TABLE connections DISABLE ROW LEVEL SECURITY"),
      scoped.$executeRawUnsafe("DROP POLICY tenant_isolation ON connections"),
      scoped.$queryRawUnsafe('SELECT count(*) FROM "_prisma_migrations"'),
      scoped.$executeRawUnsafe("ALTER TABLE connections OWNER TO aos_app"),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(REFUSED);
    const [{ rowsecurity }] = await systemDb(db, "test").$queryRaw<{ rowsecurity: boolean }[]>`
      SELECT relrowsecurity AS rowsecurity FROM pg_class WHERE relname = 'connections'`;
    expect(rowsecurity).toBe(true);
  });

  it("every table with a tenant_id column has row-level security and a policy", async () => {
    const db = systemDb(await getDb(), "test");
    const unprotected = await db.$queryRaw<{ table_name: string }[]>`
      SELECT c.table_name FROM information_schema.columns c
      JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
        AND (NOT t.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.table_name))`;
    expect(unprotected).toEqual([]);
  });
});

describe("row-level security: invitations", () => {
  it("an addressee sees and answers an invitation only once verified, and joins only with its role before it expires", async () => {
    const owner = await createAccount({ label: "rls-inviter" });
    const invitee = await createAccount({ label: "rls-invitee" });
    const owners = await inspectDb();
    const invitation = await owners.invitation.create({
      data: {
        tenantId: owner.tenantId,
        email: invitee.email,
        role: "member",
        invitedById: owner.userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const scoped = userDb(await getDb(), invitee.userId);
    const join = (role: "member" | "admin") =>
      scoped.membership.create({ data: { tenantId: owner.tenantId, userId: invitee.userId, role } });

    expect(await scoped.invitation.count({ where: { id: invitation.id } })).toBe(0);
    expect((await scoped.invitation.updateMany({ where: { id: invitation.id }, data: { declinedAt: new Date() } })).count).toBe(0);
    await expect(join("member")).rejects.toThrow(REFUSED);

    await owners.user.update({ where: { id: invitee.userId }, data: { emailVerifiedAt: new Date() } });
    expect(await scoped.invitation.count({ where: { id: invitation.id } })).toBe(1);
    await expect(join("admin")).rejects.toThrow(REFUSED);
    await owners.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await expect(join("member")).rejects.toThrow(REFUSED);
    await owners.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    await expect(join("member")).resolves.toMatchObject({ tenantId: owner.tenantId, role: "member" });
  });
});

describe("row-level security: scopes of concurrent queries", () => {
  it("keeps each tenant's lookups by key in its own scope when they are sent in the same tick", async () => {
    const { a, b, db } = await twoTenants();
    const aConnection = await tenantDb(db, a.tenantId).connection.findFirstOrThrow({ select: { id: true } });
    // Prisma sends one tick's findUniques together; each must still run as its own tenant.
    const [own, foreign, foreignOrThrow] = await Promise.all([
      tenantDb(db, a.tenantId).connection.findUnique({ where: { id: aConnection.id }, select: { id: true } }),
      tenantDb(db, b.tenantId).connection.findUnique({ where: { id: aConnection.id }, select: { id: true } }),
      tenantDb(db, b.tenantId)
        .connection.findUniqueOrThrow({ where: { id: aConnection.id } })
        .then(
          () => "found",
          () => "not found",
        ),
    ]);
    expect([own, foreign, foreignOrThrow]).toEqual([aConnection, null, "not found"]);
    expect(() => tenantDb(db, a.tenantId).$transaction([])).toThrow(/only/);
  });

  // The embedded database has one connection, which B's transaction holds: only a server can run this.
  it.skipIf(!process.env.DATABASE_URL)("keeps them apart inside another scope's transaction too", async () => {
    const { a, b, db } = await twoTenants();
    const aConnection = await tenantDb(db, a.tenantId).connection.findFirstOrThrow({ select: { id: true } });
    // Inside B's transaction callback, A's and B's clients (not the transaction's) look the same row up in one tick.
    const [own, foreign] = await tenantDb(db, b.tenantId).$transaction(async () =>
      Promise.all([
        tenantDb(db, a.tenantId).connection.findUnique({ where: { id: aConnection.id }, select: { id: true } }),
        tenantDb(db, b.tenantId).connection.findUnique({ where: { id: aConnection.id }, select: { id: true } }),
      ]),
    );
    expect([own, foreign]).toEqual([aConnection, null]);
  });
});

describe("row-level security: the scope cannot be forged", () => {
  it("an addressee cannot move an invitation to another tenant, raise its role, and join through it", async () => {
    const victim = await createAccount({ label: "rls-move-victim" });
    const attacker = await createAccount({ label: "rls-move-attacker" });
    await verifyEmail(attacker);
    const scoped = tenantDb(await getDb(), attacker.tenantId, attacker.userId);
    const attempt = scoped.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO invitations (id, tenant_id, email, role, invited_by_id, expires_at, created_at)
        VALUES (gen_random_uuid(), ${attacker.tenantId}::uuid, ${attacker.email}, 'member', ${attacker.userId}::uuid, now() + interval '1 hour', now())`;
      await tx.$executeRaw`UPDATE invitations SET tenant_id = ${victim.tenantId}::uuid, role = 'owner' WHERE tenant_id = ${attacker.tenantId}::uuid`;
      await tx.$executeRaw`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), ${victim.tenantId}::uuid, ${attacker.userId}::uuid, 'owner')`;
    });
    await expect(attempt).rejects.toThrow(REFUSED);
    expect(await (await inspectDb()).membership.count({ where: { tenantId: victim.tenantId, userId: attacker.userId } })).toBe(0);
  });

  it("an addressee cannot reopen, move or re-role an invitation by answering it", async () => {
    const owner = await createAccount({ label: "rls-answer-owner" });
    const victim = await createAccount({ label: "rls-answer-victim" });
    const invitee = await createAccount({ label: "rls-answer-invitee" });
    await verifyEmail(invitee);
    const owners = await inspectDb();
    const invite = (data: { revokedAt?: Date; acceptedAt?: Date } = {}) =>
      owners.invitation.create({
        data: {
          tenantId: owner.tenantId,
          email: invitee.email,
          role: "viewer",
          invitedById: owner.userId,
          expiresAt: new Date(Date.now() + 3_600_000),
          ...data,
        },
      });
    const scoped = userDb(await getDb(), invitee.userId);
    const answer = (id: string, set: string) => scoped.$executeRawUnsafe(`UPDATE invitations SET ${set} WHERE id = '${id}'::uuid`);

    // A closed or revoked invitation is not the addressee's to touch: nothing changes.
    const revoked = await invite({ revokedAt: new Date() });
    const accepted = await invite({ acceptedAt: new Date() });
    expect(await answer(revoked.id, "revoked_at = NULL, accepted_at = now()")).toBe(0);
    expect(await answer(accepted.id, "accepted_at = now()")).toBe(0);
    // A pending one may be closed, but not moved or raised while being closed.
    const pending = await invite();
    await expect(answer(pending.id, `tenant_id = '${victim.tenantId}'::uuid, accepted_at = now()`)).rejects.toThrow(REFUSED);
    await expect(answer(pending.id, "role = 'owner', accepted_at = now()")).rejects.toThrow(REFUSED);
    expect(
      await owners.invitation.findUniqueOrThrow({ where: { id: pending.id }, select: { tenantId: true, role: true, acceptedAt: true } }),
    ).toEqual({ tenantId: owner.tenantId, role: "viewer", acceptedAt: null });
    expect(await answer(pending.id, "declined_at = now()")).toBe(1);
  });

  it("SQL in one tenant's scope cannot change another user's account, nor pass for another email with a table of its own", async () => {
    const owner = await createAccount({ label: "rls-users-owner" });
    const a = await createAccount({ label: "rls-users-a" });
    const b = await createAccount({ label: "rls-users-b" });
    const db = await getDb();
    const owners = await inspectDb();
    const before = await owners.user.findUniqueOrThrow({ where: { id: b.userId }, select: { passwordHash: true } });
    await expect(
      tenantDb(db, a.tenantId, a.userId).$executeRaw`UPDATE users SET password_hash = 'x' WHERE id = ${b.userId}::uuid`,
    ).rejects.toThrow(REFUSED);
    expect(await owners.user.findUniqueOrThrow({ where: { id: b.userId }, select: { passwordHash: true } })).toEqual(before);

    const victimEmail = `victim-${a.userId}@example.test`;
    const invitation = await owners.invitation.create({
      data: {
        tenantId: owner.tenantId,
        email: victimEmail,
        role: "admin",
        invitedById: owner.userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const seen = await userDb(db, a.userId).$transaction(async (tx) => {
      await tx.$executeRawUnsafe("CREATE TEMP TABLE users (id uuid, email text, email_verified_at timestamptz) ON COMMIT DROP");
      await tx.$executeRaw`INSERT INTO users VALUES (app_user_id(), ${victimEmail}, now())`;
      return tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM invitations WHERE id = ${invitation.id}::uuid`;
    });
    expect(seen).toEqual([]);
  });

  it("SQL running in tenant A's scope that sets app.tenant_id to tenant B sees nothing of B", async () => {
    const a = await createAccount({ label: "rls-forge-a" });
    const b = await createAccount({ label: "rls-forge-b" });
    await createConnectionVia(b.token, { name: "b-secret", type: "file", config: { source: "upload" } });
    const seen = await tenantDb(await getDb(), a.tenantId).$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${b.tenantId}, true), set_config('app.user_id', ${b.userId}, true)`;
      return tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM connections`;
    });
    expect(Number(seen[0].n)).toBe(0);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("row-level security with a dedicated login (AOS_APP_DATABASE_URL)", () => {
  it("a statement that resets its role is still under the policies and cannot read the key", async () => {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { withRowLevelSecurity } = await import("@/lib/db/rls-adapter");
    const ownerUrl = process.env.DATABASE_URL!;
    const owner = await inspectDb();
    await owner.$executeRawUnsafe(
      "DO $$ BEGIN CREATE ROLE aos_app_login LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE aos_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    );
    const appUrl = new URL(ownerUrl);
    appUrl.username = "aos_app_login";
    const client = new PrismaClient({
      adapter: withRowLevelSecurity(new PrismaPg({ connectionString: ownerUrl }), new PrismaPg({ connectionString: appUrl.toString() })),
    });
    try {
      const a = await createAccount({ label: "rls-login-a" });
      const b = await createAccount({ label: "rls-login-b" });
      await createConnectionVia(b.token, { name: "b-secret", type: "file", config: { source: "upload" } });
      const scoped = tenantDb(client, a.tenantId);
      const seen = await scoped.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("RESET ROLE");
        return tx.$queryRaw<{ n: bigint; who: string }[]>`SELECT count(*) AS n, current_user AS who FROM connections`;
      });
      expect(seen[0]).toMatchObject({ n: 0n, who: "aos_app_login" });
      await expect(scoped.$queryRawUnsafe("SELECT key FROM aos_private.scope_key")).rejects.toThrow(REFUSED);
      await expect(scoped.$executeRawUnsafe("SET ROLE postgres")).rejects.toThrow(REFUSED);
    } finally {
      await client.$disconnect();
    }
  });
});
