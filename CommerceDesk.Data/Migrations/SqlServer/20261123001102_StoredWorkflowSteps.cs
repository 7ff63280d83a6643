using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StoredWorkflowSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows from before every cart and order stored its workflow step: a missing step meant the start step,
            // or Converted for a purchased cart. Written out so the grids' step filter is a plain index range.
            migrationBuilder.Sql("UPDATE Carts SET WorkflowStep = CASE WHEN Status = 'Purchased' THEN 'converted' ELSE 'open' END WHERE WorkflowStep IS NULL;");
            migrationBuilder.Sql("UPDATE Orders SET WorkflowStep = 'not_contacted' WHERE WorkflowStep IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: older code reads a stored start step the same way as a missing one.
        }
    }
}
