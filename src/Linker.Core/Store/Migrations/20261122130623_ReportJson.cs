using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Core.Store.Migrations
{
    /// <inheritdoc />
    public partial class ReportJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReportJson",
                table: "weekly_snapshots",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportJson",
                table: "weekly_snapshots");
        }
    }
}
