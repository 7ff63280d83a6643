using CommerceDesk.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Grid sorts by amount.
            migrationBuilder.Sql("CREATE INDEX IX_Orders_Subtotal ON Orders (Subtotal)");
            migrationBuilder.Sql("CREATE INDEX IX_Carts_Subtotal ON Carts (Subtotal)");
            foreach (var index in FullTextIndexes.OfFullTextSearchMigration)
                foreach (var sql in FullTextIndexes.CreateSql(index))
                    migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in FullTextIndexes.OfFullTextSearchMigration)
                foreach (var sql in FullTextIndexes.DropSql(index))
                    migrationBuilder.Sql(sql);
            migrationBuilder.Sql("DROP INDEX IX_Carts_Subtotal");
            migrationBuilder.Sql("DROP INDEX IX_Orders_Subtotal");
        }
    }
}
