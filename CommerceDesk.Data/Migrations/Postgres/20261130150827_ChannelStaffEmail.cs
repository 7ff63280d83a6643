using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelStaffEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DefaultSalesTeam",
                table: "Channels");

            migrationBuilder.AddColumn<string>(
                name: "StaffEmail",
                table: "Channels",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StaffEmail",
                table: "Channels");

            migrationBuilder.AddColumn<string>(
                name: "DefaultSalesTeam",
                table: "Channels",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }
    }
}
