-- Three holes in the second wall, closed (tests/integration/row-level-security.test.ts).

-- 1. invitation_update had no WITH CHECK, so its USING applied to the new row too: an addressee
--    could move an invitation to another tenant and raise its role, then join that tenant through it.
--    A tenant updates only its own invitations and keeps them there; an addressee may only close one.
DROP POLICY invitation_update ON invitations;
CREATE POLICY invitation_update ON invitations FOR UPDATE
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY invitation_answer ON invitations FOR UPDATE
  USING (lower(email) = (SELECT app_user_verified_email()))
  WITH CHECK (lower(email) = (SELECT app_user_verified_email()) AND (accepted_at IS NOT NULL OR declined_at IS NOT NULL));

-- 2. The function resolved `users` through the caller's search_path, so a temporary table named
--    users could answer it with someone else's verified email.
CREATE OR REPLACE FUNCTION app_user_verified_email() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT lower(u.email) FROM public.users u WHERE u.id = (SELECT public.app_user_id()) AND u.email_verified_at IS NOT NULL
$$;

-- 3. users had no row-level security and aos_app could update any row (a password hash, a
--    verification date). Sign-in still looks accounts up by email before any scope exists, so rows
--    stay readable; a user is created and changed only in their own scope, and the app role may
--    change nothing but the verification date.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_read ON users FOR SELECT USING (true);
CREATE POLICY user_insert ON users FOR INSERT WITH CHECK (id = (SELECT app_user_id()));
CREATE POLICY user_update ON users FOR UPDATE USING (id = (SELECT app_user_id())) WITH CHECK (id = (SELECT app_user_id()));
REVOKE UPDATE, DELETE ON users FROM aos_app;
GRANT UPDATE (email_verified_at) ON users TO aos_app;
