using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AccountChosenByHand",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CustomerCount",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerCustomerId",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccountRelationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountRelationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccountSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportingCurrency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccountSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeRates",
                columns: table => new
                {
                    Currency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRates", x => x.Currency);
                });

            migrationBuilder.CreateTable(
                name: "SalesValueDeductions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesValueDeductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesValueDeductions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_CustomerCount",
                table: "Accounts",
                column: "CustomerCount");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_LifetimeSalesValue",
                table: "Accounts",
                column: "LifetimeSalesValue");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_OwnerCustomer",
                table: "Accounts",
                column: "OwnerCustomerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccountSettingsChanges_ChangedAt",
                table: "AccountSettingsChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SalesValueDeductions_Order",
                table: "SalesValueDeductions",
                columns: new[] { "OrderId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Accounts_Customers_OwnerCustomerId",
                table: "Accounts",
                column: "OwnerCustomerId",
                principalTable: "Customers",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Accounts_Customers_OwnerCustomerId",
                table: "Accounts");

            migrationBuilder.DropTable(
                name: "AccountRelationRuns");

            migrationBuilder.DropTable(
                name: "AccountSettings");

            migrationBuilder.DropTable(
                name: "AccountSettingsChanges");

            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropTable(
                name: "SalesValueDeductions");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_CustomerCount",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_LifetimeSalesValue",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_OwnerCustomer",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "AccountChosenByHand",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CustomerCount",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "OwnerCustomerId",
                table: "Accounts");
        }
    }
}
