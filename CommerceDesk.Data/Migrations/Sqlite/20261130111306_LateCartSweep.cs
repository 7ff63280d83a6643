using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LateCartSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "AbandonmentSweptThrough",
                table: "Channels");

            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonmentCheckedAt",
                table: "Carts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts",
                columns: new[] { "Status", "ChannelId", "AbandonmentCheckedAt", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "AbandonmentCheckedAt",
                table: "Carts");

            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonmentSweptThrough",
                table: "Channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts",
                columns: new[] { "Status", "ChannelId", "LastActivityAt" });
        }
    }
}
