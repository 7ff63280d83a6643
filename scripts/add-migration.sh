#!/usr/bin/env bash
# Adds a migration to every provider set (SQLite, SQL Server, PostgreSQL) so they stay in step: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project CommerceDesk.Data --context SqliteCommerceDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add "$name" --project CommerceDesk.Data --context SqlServerCommerceDbContext --output-dir Migrations/SqlServer
dotnet ef migrations add "$name" --project CommerceDesk.Data --context PostgresCommerceDbContext --output-dir Migrations/Postgres
