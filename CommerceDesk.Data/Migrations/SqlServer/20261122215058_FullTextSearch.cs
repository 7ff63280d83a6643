using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Grid sorts by amount. Text search stays on LIKE prefixes here: a SQL Server full-text catalog
            // needs the Full-Text Search feature installed, which a migration cannot assume.
            migrationBuilder.Sql("CREATE INDEX IX_Orders_Subtotal ON Orders (Subtotal)");
            migrationBuilder.Sql("CREATE INDEX IX_Carts_Subtotal ON Carts (Subtotal)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IX_Carts_Subtotal ON Carts");
            migrationBuilder.Sql("DROP INDEX IX_Orders_Subtotal ON Orders");
        }
    }
}
