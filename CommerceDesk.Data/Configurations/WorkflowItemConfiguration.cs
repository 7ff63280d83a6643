using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class WorkflowItemConfiguration : IEntityTypeConfiguration<WorkflowItem>
{
    public void Configure(EntityTypeBuilder<WorkflowItem> builder)
    {
        builder.Ignore(i => i.DomainEvents);
        builder.Property(i => i.WorkflowName).HasMaxLength(WorkflowItem.NameMaxLength);
        builder.Property(i => i.CurrentStep).HasMaxLength(WorkflowItem.NameMaxLength);
        builder.Property(i => i.LastTransitionBy).HasMaxLength(Actor.NameMaxLength);
        // Two managers firing transitions on the same record: the second UPDATE no longer matches.
        builder.Property(i => i.Version).IsConcurrencyToken();

        builder.HasOne<Cart>().WithMany().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        // One item per workflow and record; also the join the grids' "Workflow step" column uses.
        builder.HasIndex(i => new { i.CartId, i.WorkflowName }).IsUnique().HasDatabaseName("IX_WorkflowItems_Cart");
        builder.HasIndex(i => new { i.OrderId, i.WorkflowName }).IsUnique().HasDatabaseName("IX_WorkflowItems_Order");

        builder.OwnsMany(i => i.Transitions, t =>
        {
            t.ToTable("WorkflowTransitions");
            t.WithOwner().HasForeignKey("WorkflowItemId");
            t.HasKey(x => x.Id);
            t.Property(x => x.Transition).HasMaxLength(WorkflowItem.NameMaxLength);
            t.Property(x => x.TransitionLabel).HasMaxLength(WorkflowItem.NameMaxLength);
            t.Property(x => x.FromStep).HasMaxLength(WorkflowItem.NameMaxLength);
            t.Property(x => x.ToStep).HasMaxLength(WorkflowItem.NameMaxLength);
            t.Property(x => x.UserId).HasMaxLength(Actor.UserIdMaxLength);
            t.Property(x => x.UserName).HasMaxLength(Actor.NameMaxLength);
        });
        builder.Navigation(i => i.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
