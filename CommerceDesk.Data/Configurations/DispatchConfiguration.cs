using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class SalesTeamConfiguration : IEntityTypeConfiguration<SalesTeam>
{
    public void Configure(EntityTypeBuilder<SalesTeam> builder)
    {
        builder.ToTable("SalesTeams");
        builder.Property(t => t.Name).HasMaxLength(SalesTeam.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique().HasDatabaseName("IX_SalesTeams_Name");
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class SalesTeamMemberConfiguration : IEntityTypeConfiguration<SalesTeamMember>
{
    public void Configure(EntityTypeBuilder<SalesTeamMember> builder)
    {
        builder.ToTable("SalesTeamMembers");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(AssigneeRules.UserIdMaxLength);
    }
}

/// <summary>What the channel settings page sets for dispatch: who new orders go to, and the status webhook.</summary>
internal sealed class ChannelDispatchConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.SalespersonId).HasMaxLength(AssigneeRules.UserIdMaxLength);
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(c => c.SalesTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.StatusWebhookUrl).HasMaxLength(Channel.WebhookUrlMaxLength);
        builder.Property(c => c.StatusWebhookSecret).HasMaxLength(Channel.WebhookSecretMaxLength);
    }
}

internal sealed class OrderAssignmentConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.AssigneeId).HasMaxLength(AssigneeRules.UserIdMaxLength);
        // Grid filter "Assignee" and "My orders", newest first like the other filters.
        builder.HasIndex(o => new { o.AssigneeId, o.PlacedAt }).HasDatabaseName("IX_Orders_Assignee");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.DedupeKey).HasMaxLength(WebhookDelivery.DedupeKeyMaxLength);
        builder.Property(d => d.OrderNumber).HasMaxLength(Order.NumberMaxLength);
        builder.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        // Only the sender holding the claim may record the outcome: its save fails once another node took over.
        builder.Property(d => d.ClaimToken).IsConcurrencyToken();
        builder.HasOne<Channel>().WithMany().HasForeignKey(d => d.ChannelId);
        builder.Ignore(d => d.DomainEvents);

        // "Queue once": a retried save cannot queue the same event again.
        builder.HasIndex(d => d.DedupeKey).IsUnique().HasDatabaseName("IX_WebhookDeliveries_DedupeKey");
        builder.HasIndex(d => d.EventId).IsUnique().HasDatabaseName("IX_WebhookDeliveries_EventId");
        // The sender: pending events that are due, and Sending ones whose lease ran out.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("IX_WebhookDeliveries_Due");
        // The deliveries page: newest first.
        builder.HasIndex(d => d.CreatedAt).HasDatabaseName("IX_WebhookDeliveries_CreatedAt");
    }
}
