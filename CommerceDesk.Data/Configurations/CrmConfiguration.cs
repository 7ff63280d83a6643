using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class OpportunityStageDefinitionConfiguration : IEntityTypeConfiguration<OpportunityStageDefinition>
{
    public void Configure(EntityTypeBuilder<OpportunityStageDefinition> builder)
    {
        builder.ToTable("OpportunityStageDefinitions");
        builder.Ignore(s => s.DomainEvents);
        builder.Property(s => s.Name).HasMaxLength(OpportunityStages.MaxLength);
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(10);
        // Seeding on two nodes at once: the unique name lets only one of them add a default.
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class CrmSettingValueConfiguration : IEntityTypeConfiguration<CrmSettingValue>
{
    public void Configure(EntityTypeBuilder<CrmSettingValue> builder)
    {
        builder.ToTable("CrmSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(CrmSettings.Keys.MaxLength);
        builder.Property(s => s.Value).HasMaxLength(CrmSettingValue.ValueMaxLength);
    }
}

internal sealed class CrmSettingChangeConfiguration : IEntityTypeConfiguration<CrmSettingChange>
{
    public void Configure(EntityTypeBuilder<CrmSettingChange> builder)
    {
        builder.ToTable("CrmSettingChanges");
        builder.Ignore(c => c.DomainEvents);
        builder.Property(c => c.Key).HasMaxLength(CrmSettings.Keys.MaxLength);
        builder.Property(c => c.OldValue).HasMaxLength(CrmSettingValue.ValueMaxLength);
        builder.Property(c => c.NewValue).HasMaxLength(CrmSettingValue.ValueMaxLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(Actor.NameMaxLength);
        // The settings page lists the newest changes first.
        builder.HasIndex(c => c.ChangedAt).HasDatabaseName("IX_CrmSettingChanges_ChangedAt");
    }
}

internal sealed class CrmSyncQueueEntryConfiguration : IEntityTypeConfiguration<CrmSyncQueueEntry>
{
    public void Configure(EntityTypeBuilder<CrmSyncQueueEntry> builder)
    {
        builder.ToTable("CrmSyncQueue");
        builder.Ignore(e => e.RecordType);
        builder.HasOne(e => e.Cart).WithMany().HasForeignKey(e => e.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Order).WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        // One entry per record: a change while it waits moves the entry, never adds a second.
        builder.HasIndex(e => e.CartId).IsUnique().HasDatabaseName("IX_CrmSyncQueue_Cart");
        builder.HasIndex(e => e.OrderId).IsUnique().HasDatabaseName("IX_CrmSyncQueue_Order");
        // The sync job and the queue page: due entries, oldest first.
        builder.HasIndex(e => e.DueAt).HasDatabaseName("IX_CrmSyncQueue_Due");
    }
}
