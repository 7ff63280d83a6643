using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.SqlServer
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
                type: "nvarchar(254)",
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
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }
    }
}
