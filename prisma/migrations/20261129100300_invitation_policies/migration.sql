-- An addressee sees and answers invitations only once their email is verified: the invitation
-- policies now hold the same condition as tenant_read and membership_insert, through one function
-- for "the scope user's verified email" (NULL for no user or an unverified one).
CREATE FUNCTION app_user_verified_email() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(u.email) FROM users u WHERE u.id = (SELECT app_user_id()) AND u.email_verified_at IS NOT NULL
$$;

ALTER POLICY invitation_read ON invitations
  USING (tenant_id = (SELECT app_tenant_id()) OR lower(email) = (SELECT app_user_verified_email()));
ALTER POLICY invitation_update ON invitations
  USING (tenant_id = (SELECT app_tenant_id()) OR lower(email) = (SELECT app_user_verified_email()));

ALTER POLICY tenant_read ON tenants USING (
  id = (SELECT app_tenant_id())
  OR id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = (SELECT app_user_id()))
  OR id IN (SELECT i.tenant_id FROM invitations i WHERE i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL
              AND lower(i.email) = (SELECT app_user_verified_email())));

ALTER POLICY membership_insert ON memberships WITH CHECK (
  tenant_id = (SELECT app_tenant_id())
  OR (user_id = (SELECT app_user_id()) AND EXISTS (
    SELECT 1 FROM invitations i
    WHERE i.tenant_id = memberships.tenant_id AND i.role = memberships.role
      AND i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      AND lower(i.email) = (SELECT app_user_verified_email()))));
