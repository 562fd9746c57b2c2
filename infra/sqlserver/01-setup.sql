-- CartRecovery on SQL Server: the database and two logins. Run once, as a sysadmin, with sqlcmd:
--   sqlcmd -S <server> -U sa -b -i infra/sqlserver/01-setup.sql -v OwnerPassword="..." AppPassword="..."
-- (sqlcmd replaces $(OwnerPassword) and $(AppPassword), also inside the string literals below.)
--
--   cartrecovery_owner  runs `CartRecovery.Web migrate` (our DbUp scripts and Quartz's tables): DDL in this database only.
--   cartrecovery_app    what every app node connects as: read and write rows in dbo, nothing else (no DDL, no server rights).
-- Re-running the script is harmless: every object is created only when missing, and the grants are idempotent.

IF DB_ID(N'cartrecovery') IS NULL
    CREATE DATABASE cartrecovery;
GO

USE master;
GO
IF SUSER_ID(N'cartrecovery_owner') IS NULL
    CREATE LOGIN cartrecovery_owner WITH PASSWORD = N'$(OwnerPassword)', DEFAULT_DATABASE = cartrecovery, CHECK_POLICY = ON;
IF SUSER_ID(N'cartrecovery_app') IS NULL
    CREATE LOGIN cartrecovery_app WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = cartrecovery, CHECK_POLICY = ON;
GO

USE cartrecovery;
GO
IF USER_ID(N'cartrecovery_owner') IS NULL
    CREATE USER cartrecovery_owner FOR LOGIN cartrecovery_owner WITH DEFAULT_SCHEMA = dbo;
IF USER_ID(N'cartrecovery_app') IS NULL
    CREATE USER cartrecovery_app FOR LOGIN cartrecovery_app WITH DEFAULT_SCHEMA = dbo;
GO

-- Migrations create and alter tables and indexes, and read and write the DbUp journal (dbo.SchemaVersions).
ALTER ROLE db_ddladmin ADD MEMBER cartrecovery_owner;
ALTER ROLE db_datareader ADD MEMBER cartrecovery_owner;
ALTER ROLE db_datawriter ADD MEMBER cartrecovery_owner;
GO

-- The app: rows only. Granted on the schema, so tables a later migration adds are covered without a new grant.
-- Quartz's clustered store needs no more than this (its row locks are SELECT ... WITH (UPDLOCK, ROWLOCK) on QRTZ_LOCKS).
IF DATABASE_PRINCIPAL_ID(N'cartrecovery_app_role') IS NULL
    CREATE ROLE cartrecovery_app_role AUTHORIZATION dbo;
GO
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO cartrecovery_app_role;
ALTER ROLE cartrecovery_app_role ADD MEMBER cartrecovery_app;
GO
