using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Core.Store.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_deliveries",
                columns: table => new
                {
                    Week = table.Column<string>(type: "TEXT", nullable: false),
                    Entry = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Node = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_deliveries", x => new { x.Week, x.Entry });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_deliveries");
        }
    }
}
