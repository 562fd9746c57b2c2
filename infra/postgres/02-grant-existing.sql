-- Grants the app role its rights on tables that already exist, e.g. after moving a database that was migrated
-- before 01-setup.sql's default privileges were in place. Idempotent; run as the owner or a superuser:
--   psql "host=<server> user=cartrecovery_owner dbname=cartrecovery" -v ON_ERROR_STOP=1 -f infra/postgres/02-grant-existing.sql

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cartrecovery_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cartrecovery_app;
