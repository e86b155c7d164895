-- An addressee could still rewrite an invitation that was already closed or revoked, and, closing
-- it in the same statement, move it to another tenant or change its role: the answer policy checked
-- only the email and that the invitation ended closed (tests/integration/row-level-security.test.ts).

-- Only a pending invitation can be answered, and an answer only closes it.
DROP POLICY invitation_answer ON invitations;
CREATE POLICY invitation_answer ON invitations FOR UPDATE
  USING (lower(email) = (SELECT app_user_verified_email()) AND accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL)
  WITH CHECK (lower(email) = (SELECT app_user_verified_email()) AND (accepted_at IS NOT NULL OR declined_at IS NOT NULL) AND revoked_at IS NULL);

-- A policy sees only the new row, so what may not change is kept by a trigger: an invitation never
-- moves to another tenant, and its role and address change only in its own tenant's scope.
CREATE FUNCTION invitation_keep_identity() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
    RAISE EXCEPTION 'permission denied: an invitation cannot move to another tenant' USING ERRCODE = '42501';
  END IF;
  IF (NEW.role::text, lower(NEW.email)) IS DISTINCT FROM (OLD.role::text, lower(OLD.email)) AND OLD.tenant_id IS DISTINCT FROM public.app_tenant_id() THEN
    RAISE EXCEPTION 'permission denied: only the inviting tenant changes an invitation''s role or address' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER invitation_keep_identity BEFORE UPDATE ON invitations FOR EACH ROW EXECUTE FUNCTION invitation_keep_identity();
