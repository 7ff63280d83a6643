using Counts = CommerceDesk.Data.Search.ValueCounts;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ValueCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Counters per status and workflow step, kept by PL/pgSQL triggers and back-filled from the rows already there.
            foreach (var sql in Counts.CreatePostgresSql())
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Counts.DropPostgresSql())
                migrationBuilder.Sql(sql);
        }
    }
}
