using CommerceDesk.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Grid sorts by amount, and the tsvector columns with their GIN indexes behind the grids' text search.
            migrationBuilder.Sql("CREATE INDEX \"IX_Orders_Subtotal\" ON \"Orders\" (\"Subtotal\")");
            migrationBuilder.Sql("CREATE INDEX \"IX_Carts_Subtotal\" ON \"Carts\" (\"Subtotal\")");
            foreach (var sql in PostgresFullText.CreateSql(FullTextIndexes.OfFullTextSearchMigration))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresFullText.DropSql(FullTextIndexes.OfFullTextSearchMigration, withFunction: true))
                migrationBuilder.Sql(sql);
            migrationBuilder.Sql("DROP INDEX \"IX_Carts_Subtotal\"");
            migrationBuilder.Sql("DROP INDEX \"IX_Orders_Subtotal\"");
        }
    }
}
