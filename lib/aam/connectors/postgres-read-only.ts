import type pg from "pg";
import { ConnectorRefusedError } from "./types";

const SHOWN_GRANTS = 5;

/**
 * Safe mode's guard on a new PostgreSQL session: the session becomes read-only, then the role is
 * refused when it is a superuser or may write to a table or view of `schema` (INSERT or UPDATE on
 * the table or any column, DELETE, TRUNCATE; granted directly, through a role it inherits, or by
 * owning the table). Throws ConnectorRefusedError naming the reason.
 * Behind a transaction-mode pooler the session setting may not follow every query to its server
 * connection; the role check does not depend on it.
 */
export async function enforceReadOnly(client: pg.Client, schema: string): Promise<void> {
  await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
  const { rows } = await client.query<{ role: string; superuser: boolean; writes: string[] }>(
    `SELECT current_user AS role,
            coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) AS superuser,
            ARRAY(SELECT format('%s on %I.%I', p.privilege, n.nspname, c.relname)
                    FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                   CROSS JOIN (VALUES ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p(privilege)
                   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'f')
                     AND CASE WHEN p.privilege IN ('INSERT', 'UPDATE') THEN has_any_column_privilege(c.oid, p.privilege)
                              ELSE has_table_privilege(c.oid, p.privilege) END
                   ORDER BY c.relname, p.privilege
                   LIMIT ${SHOWN_GRANTS + 1}) AS writes`,
    [schema],
  );
  const { role, superuser, writes } = rows[0]!;
  const fix = `connect as a role with only SELECT on schema ${schema}`;
  if (superuser)
    throw new ConnectorRefusedError(
      `Safe mode refuses the PostgreSQL role ${role}: it is a superuser and could write to the source; ${fix}.`,
    );
  if (writes.length > 0) {
    const shown = writes.slice(0, SHOWN_GRANTS).join(", ") + (writes.length > SHOWN_GRANTS ? ", …" : "");
    throw new ConnectorRefusedError(`Safe mode refuses the PostgreSQL role ${role}: it can write to the source (${shown}); ${fix}.`);
  }
}
