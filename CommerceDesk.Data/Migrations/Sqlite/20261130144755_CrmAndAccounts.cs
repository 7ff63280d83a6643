using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrmAndAccounts : Migration
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

            migrationBuilder.AddColumn<bool>(
                name: "AccountChosenByHand",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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
                name: "IX_Opportunities_CloseDate",
                table: "Opportunities",
                column: "CloseDate");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Stage",
                table: "Opportunities",
                columns: new[] { "Stage", "CloseDate" });

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
                name: "CrmSettingChanges");

            migrationBuilder.DropTable(
                name: "CrmSettings");

            migrationBuilder.DropTable(
                name: "CrmSyncQueue");

            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropTable(
                name: "OpportunityStageDefinitions");

            migrationBuilder.DropTable(
                name: "SalesValueDeductions");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_CloseDate",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Stage",
                table: "Opportunities");

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
                name: "AccountChosenByHand",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CrmSyncAttempts",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "CrmSyncLastAttemptAt",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "CrmSyncNextAttemptAt",
                table: "Carts");

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
