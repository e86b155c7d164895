-- Row-level security: the second wall behind the tenant filter every query already carries.
-- The app runs tenant work as the role aos_app (no BYPASSRLS, owns nothing), setting
-- app.tenant_id, app.user_id and their signature per transaction (lib/db/rls-adapter.ts). Migrations, the startup
-- seed, the job engine's claim and operator CLI commands run as the owner (lib/db/scope.ts).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aos_app') THEN
    CREATE ROLE aos_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by a migration of another database on the same server
END
$$;

-- The migrating (owning) role switches to aos_app per transaction, so it must be a member.
GRANT aos_app TO CURRENT_USER;

-- The scope is signed: app.scope_sig = sha256(key:tenant:user) with a key only the owner can read,
-- so SQL running as aos_app cannot move itself into another tenant by setting app.tenant_id.
-- Policies call these functions as `(SELECT app_tenant_id())`: evaluated once per statement.
CREATE SCHEMA aos_private;
CREATE TABLE aos_private.scope_key (key text NOT NULL);
INSERT INTO aos_private.scope_key SELECT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

CREATE FUNCTION app_scope_valid() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT coalesce(current_setting('app.scope_sig', true), '') = encode(sha256(convert_to(
    (SELECT key FROM aos_private.scope_key LIMIT 1) || ':' || coalesce(current_setting('app.tenant_id', true), '')
      || ':' || coalesce(current_setting('app.user_id', true), ''), 'UTF8')), 'hex')
$$;
CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT CASE WHEN public.app_scope_valid() THEN nullif(current_setting('app.tenant_id', true), '')::uuid END
$$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT CASE WHEN public.app_scope_valid() THEN nullif(current_setting('app.user_id', true), '')::uuid END
$$;

GRANT USAGE ON SCHEMA public TO aos_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO aos_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aos_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO aos_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO aos_app;
REVOKE ALL ON "_prisma_migrations" FROM aos_app;

-- Tenant-owned data: visible and writable only inside its tenant.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'tasks', 'task_attempts', 'task_steps', 'connections', 'connection_streams', 'schema_fingerprints',
    'drift_events', 'canonical_events', 'quarantined_records', 'mapping_registry', 'dcl_settings', 'llm_calls'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()))', t);
  END LOOP;
END
$$;

-- Identity rows: a tenant sees its own; a signed-in user also sees their own memberships, the
-- tenants they belong to or are invited to, and the invitations addressed to their email. Writes
-- stay in the tenant, except that an invitee joins through their invitation.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON tenants FOR SELECT USING (
  id = (SELECT app_tenant_id())
  OR id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = (SELECT app_user_id()))
  OR id IN (SELECT i.tenant_id FROM invitations i WHERE i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL
              AND lower(i.email) = (SELECT lower(u.email) FROM users u WHERE u.id = (SELECT app_user_id()) AND u.email_verified_at IS NOT NULL)));
CREATE POLICY tenant_insert ON tenants FOR INSERT WITH CHECK (id = (SELECT app_tenant_id()));
CREATE POLICY tenant_update ON tenants FOR UPDATE USING (id = (SELECT app_tenant_id())) WITH CHECK (id = (SELECT app_tenant_id()));
CREATE POLICY tenant_delete ON tenants FOR DELETE USING (id = (SELECT app_tenant_id()));

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON memberships FOR SELECT USING (tenant_id = (SELECT app_tenant_id()) OR user_id = (SELECT app_user_id()));
-- A user joins another tenant only through a pending invitation addressed to their verified email, with its role.
CREATE POLICY membership_insert ON memberships FOR INSERT WITH CHECK (
  tenant_id = (SELECT app_tenant_id())
  OR (user_id = (SELECT app_user_id()) AND EXISTS (
    SELECT 1 FROM invitations i
    WHERE i.tenant_id = memberships.tenant_id AND i.role = memberships.role
      AND i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      AND lower(i.email) = (SELECT lower(u.email) FROM users u WHERE u.id = (SELECT app_user_id()) AND u.email_verified_at IS NOT NULL))));
CREATE POLICY membership_update ON memberships FOR UPDATE USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY membership_delete ON memberships FOR DELETE USING (tenant_id = (SELECT app_tenant_id()));

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY invitation_read ON invitations FOR SELECT
  USING (tenant_id = (SELECT app_tenant_id()) OR lower(email) = (SELECT lower(u.email) FROM users u WHERE u.id = (SELECT app_user_id())));
CREATE POLICY invitation_insert ON invitations FOR INSERT WITH CHECK (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY invitation_update ON invitations FOR UPDATE
  USING (tenant_id = (SELECT app_tenant_id()) OR lower(email) = (SELECT lower(u.email) FROM users u WHERE u.id = (SELECT app_user_id())));
CREATE POLICY invitation_delete ON invitations FOR DELETE USING (tenant_id = (SELECT app_tenant_id()));

-- A user's own verification links.
ALTER TABLE email_verifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_links ON email_verifications USING (user_id = (SELECT app_user_id())) WITH CHECK (user_id = (SELECT app_user_id()));
