using CommerceDesk.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The accounts grid's name search from a tsvector column with a GIN index, like the other grids'.
            foreach (var sql in PostgresFullText.CreateSql(FullTextIndexes.Accounts))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresFullText.DropSql([FullTextIndexes.Accounts], withFunction: false))
                migrationBuilder.Sql(sql);
        }
    }
}
