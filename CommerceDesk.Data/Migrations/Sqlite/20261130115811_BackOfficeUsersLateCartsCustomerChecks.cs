using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOfficeUsersLateCartsCustomerChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowItems_Step",
                table: "WorkflowItems");

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

            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserAuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts",
                columns: new[] { "Status", "ChannelId", "AbandonmentCheckedAt", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserAuditEntries_At",
                table: "UserAuditEntries",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserAuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "AbandonmentCheckedAt",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonmentSweptThrough",
                table: "Channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowItems_Step",
                table: "WorkflowItems",
                columns: new[] { "WorkflowName", "CurrentStep" });

            migrationBuilder.CreateIndex(
                name: "IX_Carts_OpenByLastActivity",
                table: "Carts",
                columns: new[] { "Status", "ChannelId", "LastActivityAt" });
        }
    }
}
