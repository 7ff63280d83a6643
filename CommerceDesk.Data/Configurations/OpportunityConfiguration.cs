using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.Currency);
        builder.Property(o => o.Name).HasMaxLength(Opportunity.NameMaxLength);
        builder.Property(o => o.Stage).HasMaxLength(OpportunityStages.MaxLength);
        builder.Property(o => o.ContactRole).HasMaxLength(100);
        builder.Property(o => o.OwnerUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(o => o.OwnerName).HasMaxLength(Actor.NameMaxLength);
        builder.Property(o => o.ExternalCrmId).HasMaxLength(CrmSyncState.ExternalIdMaxLength);
        builder.Property(o => o.ExternalContactRoleId).HasMaxLength(CrmSyncState.ExternalIdMaxLength);
        builder.Ignore(o => o.CrmKey);
        builder.MapMoney(o => o.Amount, "Amount");
        builder.Property(o => o.Version).IsConcurrencyToken();

        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Cart>().WithMany().HasForeignKey(o => o.SourceCartId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Order>().WithMany().HasForeignKey(o => o.SourceOrderId).OnDelete(DeleteBehavior.NoAction);
        // No record ever gets two opportunities.
        builder.HasIndex(o => o.SourceCartId).IsUnique().HasDatabaseName("IX_Opportunities_SourceCart");
        builder.HasIndex(o => o.SourceOrderId).IsUnique().HasDatabaseName("IX_Opportunities_SourceOrder");
        builder.HasIndex(o => new { o.CustomerId, o.CloseDate }).HasDatabaseName("IX_Opportunities_Customer");
        builder.HasIndex(o => new { o.AccountId, o.CloseDate }).HasDatabaseName("IX_Opportunities_Account");
        // Opportunities grid: stage filter and close-month filter/sort.
        builder.HasIndex(o => new { o.Stage, o.CloseDate }).HasDatabaseName("IX_Opportunities_Stage");
        builder.HasIndex(o => o.CloseDate).HasDatabaseName("IX_Opportunities_CloseDate");
        builder.HasIndex(o => new { o.OwnerName, o.CloseDate }).HasDatabaseName("IX_Opportunities_Owner");

        builder.OwnsMany(o => o.StageHistory, h =>
        {
            h.ToTable("OpportunityStageChanges");
            h.WithOwner().HasForeignKey("OpportunityId");
            h.HasKey(x => x.Id);
            h.Property(x => x.FromStage).HasMaxLength(OpportunityStages.MaxLength);
            h.Property(x => x.ToStage).HasMaxLength(OpportunityStages.MaxLength);
            h.Property(x => x.ChangedBy).HasMaxLength(Actor.NameMaxLength);
        });
        builder.Navigation(o => o.StageHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
