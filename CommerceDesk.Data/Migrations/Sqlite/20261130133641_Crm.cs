using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Crm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CrmInvoiceDate",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CrmSyncAttempts",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CrmSyncLastAttemptAt",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CrmSyncNextAttemptAt",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalContactRoleId",
                table: "Opportunities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CrmSyncAttempts",
                table: "Carts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CrmSyncLastAttemptAt",
                table: "Carts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CrmSyncNextAttemptAt",
                table: "Carts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CrmSettingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSettingChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrmSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "CrmSyncQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CartId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSyncQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmSyncQueue_Carts_CartId",
                        column: x => x.CartId,
                        principalTable: "Carts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrmSyncQueue_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStageDefinitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStageDefinitions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CloseDate",
                table: "Opportunities",
                column: "CloseDate");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Stage",
                table: "Opportunities",
                columns: new[] { "Stage", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmSettingChanges_ChangedAt",
                table: "CrmSettingChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CrmSyncQueue_Cart",
                table: "CrmSyncQueue",
                column: "CartId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmSyncQueue_Due",
                table: "CrmSyncQueue",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_CrmSyncQueue_Order",
                table: "CrmSyncQueue",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageDefinitions_Name",
                table: "OpportunityStageDefinitions",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrmSettingChanges");

            migrationBuilder.DropTable(
                name: "CrmSettings");

            migrationBuilder.DropTable(
                name: "CrmSyncQueue");

            migrationBuilder.DropTable(
                name: "OpportunityStageDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_CloseDate",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Stage",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "CrmInvoiceDate",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CrmSyncAttempts",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CrmSyncLastAttemptAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CrmSyncNextAttemptAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ExternalContactRoleId",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "CrmSyncAttempts",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "CrmSyncLastAttemptAt",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "CrmSyncNextAttemptAt",
                table: "Carts");
        }
    }
}
