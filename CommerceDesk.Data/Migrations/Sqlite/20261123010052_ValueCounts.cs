using Microsoft.EntityFrameworkCore.Migrations;
using Counts = CommerceDesk.Data.Search.ValueCounts;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValueCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Counters per status and workflow step, kept by triggers and back-filled from the rows already there.
            foreach (var sql in Counts.CreateSql())
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Counts.DropSql())
                migrationBuilder.Sql(sql);
        }
    }
}
