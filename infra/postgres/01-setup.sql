-- CartRecovery on PostgreSQL (13+): two roles and the database. Run once, as a superuser, with psql:
--   psql "host=<server> user=postgres dbname=postgres" -v ON_ERROR_STOP=1 \
--        -v owner_password="..." -v app_password="..." -f infra/postgres/01-setup.sql
--
--   cartrecovery_owner  owns the database; runs `CartRecovery.Web migrate` (our DbUp scripts and Quartz's tables).
--   cartrecovery_app    what every app node connects as: read and write rows, nothing else (no DDL, no ownership).

CREATE ROLE cartrecovery_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE cartrecovery_app LOGIN PASSWORD :'app_password';
CREATE DATABASE cartrecovery OWNER cartrecovery_owner ENCODING 'UTF8' TEMPLATE template0;

\connect cartrecovery

REVOKE ALL ON DATABASE cartrecovery FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE cartrecovery TO cartrecovery_app;
-- Only the owner creates objects. (PostgreSQL 15+ already keeps CREATE on public from other roles; older ones do not.)
ALTER SCHEMA public OWNER TO cartrecovery_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cartrecovery_app;

-- Tables and identity sequences that migrations (run as the owner) create later are usable by the app: rows only.
ALTER DEFAULT PRIVILEGES FOR ROLE cartrecovery_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cartrecovery_app;
ALTER DEFAULT PRIVILEGES FOR ROLE cartrecovery_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO cartrecovery_app;
