using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GridIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_StatusSort",
                table: "Orders",
                columns: new[] { "Status", "PlacedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Channel_CreatedAt",
                table: "Customers",
                columns: new[] { "ChannelId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Guest_CreatedAt",
                table: "Customers",
                columns: new[] { "IsGuest", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Carts_ExternalId",
                table: "Carts",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_Carts_ItemCount",
                table: "Carts",
                column: "ItemCount");

            migrationBuilder.CreateIndex(
                name: "IX_Carts_Status_LastActivityAt",
                table: "Carts",
                columns: new[] { "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Carts_StatusSort",
                table: "Carts",
                columns: new[] { "Status", "LastActivityAt", "Id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_StatusSort",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Channel_CreatedAt",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Guest_CreatedAt",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Carts_ExternalId",
                table: "Carts");

            migrationBuilder.DropIndex(
                name: "IX_Carts_ItemCount",
                table: "Carts");

            migrationBuilder.DropIndex(
                name: "IX_Carts_Status_LastActivityAt",
                table: "Carts");

            migrationBuilder.DropIndex(
                name: "IX_Carts_StatusSort",
                table: "Carts");
        }
    }
}
