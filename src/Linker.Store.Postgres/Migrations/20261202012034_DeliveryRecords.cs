using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OkrLinker.Store.Postgres.Migrations
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
                    Week = table.Column<string>(type: "text", nullable: false),
                    Entry = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Node = table.Column<string>(type: "text", nullable: true)
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
