using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OkrLinker.Core.Store;

public sealed class LinkerDbContext(DbContextOptions<LinkerDbContext> options) : DbContext(options)
{
    public DbSet<SourceRow> Sources => Set<SourceRow>();

    public DbSet<ScopeRow> Scopes => Set<ScopeRow>();

    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();

    public DbSet<FieldValueRow> FieldValues => Set<FieldValueRow>();

    public DbSet<LinkRow> Links => Set<LinkRow>();

    public DbSet<MetricSampleRow> MetricSamples => Set<MetricSampleRow>();

    public DbSet<MetricBaselineRow> MetricBaselines => Set<MetricBaselineRow>();

    public DbSet<MetricPullRow> MetricPulls => Set<MetricPullRow>();

    public DbSet<WeeklySnapshotRow> WeeklySnapshots => Set<WeeklySnapshotRow>();

    public DbSet<DeliveryRecordRow> DeliveryRecords => Set<DeliveryRecordRow>();

    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();

    public DbSet<WriteRecordRow> WriteRecords => Set<WriteRecordRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SourceRow>(e =>
        {
            e.ToTable("sources");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<ScopeRow>(e =>
        {
            e.ToTable("scopes");
            e.HasKey(x => new { x.Source, x.ScopeId });
        });
        modelBuilder.Entity<WorkItemRow>(e =>
        {
            e.ToTable("work_items");
            e.HasKey(x => new { x.Source, x.ExternalId });
            e.HasIndex(x => new { x.Source, x.ScopeId });
            e.HasIndex(x => new { x.Source, x.Key });
        });
        modelBuilder.Entity<FieldValueRow>(e =>
        {
            e.ToTable("field_values");
            e.HasKey(x => new { x.Source, x.ScopeId, x.ExternalId });
        });
        modelBuilder.Entity<LinkRow>(e =>
        {
            e.ToTable("links");
            e.HasKey(x => new { x.Source, x.ExternalId, x.KrId });
            e.HasIndex(x => x.KrId);
        });
        modelBuilder.Entity<MetricSampleRow>(e =>
        {
            e.ToTable("metric_samples");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.KrId, x.At }).IsUnique();
        });
        modelBuilder.Entity<MetricBaselineRow>(e =>
        {
            e.ToTable("metric_baselines");
            e.HasKey(x => x.KrId);
        });
        modelBuilder.Entity<MetricPullRow>(e =>
        {
            e.ToTable("metric_pulls");
            e.HasKey(x => x.KrId);
        });
        modelBuilder.Entity<WeeklySnapshotRow>(e =>
        {
            e.ToTable("weekly_snapshots");
            e.HasKey(x => x.Week);
        });
        modelBuilder.Entity<DeliveryRecordRow>(e =>
        {
            e.ToTable("report_deliveries");
            e.HasKey(x => new { x.Week, x.Entry });
        });
        modelBuilder.Entity<WebhookDeliveryRow>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(x => new { x.Source, x.DeliveryId });
            e.HasIndex(x => new { x.Source, x.ReceivedAt });
        });
        modelBuilder.Entity<WriteRecordRow>(e =>
        {
            e.ToTable("write_records");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Source, x.ExternalId });
        });
        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.FriendlyName).IsUnique();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps DateTimeOffset as text, which it can neither order nor compare across
        // offsets; as UTC ticks with the offset folded in it can do both.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        // PostgreSQL's timestamptz holds an instant and Npgsql writes only UTC ones; the instant is what the store
        // compares and orders by, so every value is written as UTC (it reads back with offset zero).
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}
