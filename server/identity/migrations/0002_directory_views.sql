-- The identity module's published views: what other modules may join for names, organisations, roles and
-- languages. They carry no secret (no password hash, second factor or lockout state); no other module reads
-- the users or organisations tables themselves (docs/modules.md).
CREATE VIEW identity_organisations AS
  SELECT id, name, short_name, kind, country, region, created_at FROM organisations;

CREATE VIEW identity_users AS
  SELECT id, username, display_name, email, org_id, roles, system, disabled, language, profile FROM users;
