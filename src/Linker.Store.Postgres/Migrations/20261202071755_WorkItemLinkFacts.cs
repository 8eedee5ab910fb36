using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Store.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkItemLinkFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkFacts",
                table: "work_items",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkFacts",
                table: "work_items");
        }
    }
}
