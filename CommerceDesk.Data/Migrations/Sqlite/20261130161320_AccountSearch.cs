using CommerceDesk.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The accounts grid's name search from an FTS5 index, like the other grids'.
            foreach (var sql in FullTextIndexes.CreateSql(FullTextIndexes.Accounts))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in FullTextIndexes.DropSql(FullTextIndexes.Accounts))
                migrationBuilder.Sql(sql);
        }
    }
}
