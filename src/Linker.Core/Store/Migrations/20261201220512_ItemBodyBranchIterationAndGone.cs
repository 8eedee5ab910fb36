using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Core.Store.Migrations
{
    /// <inheritdoc />
    public partial class ItemBodyBranchIterationAndGone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Branch",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GoneAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Iteration",
                table: "work_items",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Body",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Branch",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "GoneAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Iteration",
                table: "work_items");
        }
    }
}
