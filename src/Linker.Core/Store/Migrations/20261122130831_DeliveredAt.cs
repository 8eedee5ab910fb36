using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Core.Store.Migrations
{
    /// <inheritdoc />
    public partial class DeliveredAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "weekly_snapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "weekly_snapshots");
        }
    }
}
