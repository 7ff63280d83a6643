using CommerceDesk.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Owner",
                table: "Opportunities",
                columns: new[] { "OwnerName", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Status_LifetimeSalesValue",
                table: "Accounts",
                columns: new[] { "IsActive", "LifetimeSalesValue" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Status_Name",
                table: "Accounts",
                columns: new[] { "IsActive", "Name" });
            // Accounts and opportunities are searched by the words of their names from FTS5 indexes, like the other grids.
            foreach (var sql in FullTextIndexes.OfNameSearchMigration.SelectMany(FullTextIndexes.CreateSql))
                migrationBuilder.Sql(sql);
            // The opportunities grid sorts by amount; the amount is a column of the Money complex property, which the model cannot index.
            migrationBuilder.Sql("CREATE INDEX \"IX_Opportunities_Amount\" ON \"Opportunities\" (\"Amount\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in FullTextIndexes.OfNameSearchMigration.SelectMany(FullTextIndexes.DropSql))
                migrationBuilder.Sql(sql);
            migrationBuilder.Sql("DROP INDEX \"IX_Opportunities_Amount\"");
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Owner",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Status_LifetimeSalesValue",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Status_Name",
                table: "Accounts");
        }
    }
}
