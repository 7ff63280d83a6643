using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

/// <summary>Calls, e-mails and notes in one table (TPH): the activity log reads them together, newest first.</summary>
internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.Kind);
        builder.Ignore(a => a.Summary);
        builder.HasDiscriminator<string>("ActivityType")
            .HasValue<CallActivity>(nameof(ActivityKind.Call))
            .HasValue<EmailActivity>(nameof(ActivityKind.Email))
            .HasValue<NoteActivity>(nameof(ActivityKind.Note));
        builder.Property("ActivityType").HasMaxLength(20);
        builder.Property(a => a.CreatedById).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(Actor.NameMaxLength);

        builder.HasOne<Cart>().WithMany().HasForeignKey(a => a.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        // No referential action: SQL Server refuses a third cascade path to the same table.
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.NoAction);

        // The cart, order and customer pages' activity logs, newest first.
        builder.HasIndex(a => new { a.CartId, a.CreatedAt }).HasDatabaseName("IX_Activities_Cart");
        builder.HasIndex(a => new { a.OrderId, a.CreatedAt }).HasDatabaseName("IX_Activities_Order");
        builder.HasIndex(a => new { a.CustomerId, a.CreatedAt }).HasDatabaseName("IX_Activities_Customer");
    }
}

internal sealed class CallActivityConfiguration : IEntityTypeConfiguration<CallActivity>
{
    public void Configure(EntityTypeBuilder<CallActivity> builder)
    {
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.Subject).HasColumnName("Subject").HasMaxLength(Activity.SubjectMaxLength);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Notes).HasColumnName("Notes").HasMaxLength(Activity.TextMaxLength);
    }
}

internal sealed class EmailActivityConfiguration : IEntityTypeConfiguration<EmailActivity>
{
    public void Configure(EntityTypeBuilder<EmailActivity> builder)
    {
        builder.Property(e => e.To).HasColumnName("EmailTo").HasMaxLength(Customer.EmailMaxLength);
        builder.Property(e => e.Subject).HasColumnName("Subject").HasMaxLength(Activity.SubjectMaxLength);
        builder.Property(e => e.Body).HasColumnName("EmailBody").HasMaxLength(EmailActivity.BodyMaxLength);
        builder.Property(e => e.Status).HasColumnName("EmailStatus").HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OutboxKey).HasMaxLength(200);
    }
}

internal sealed class NoteActivityConfiguration : IEntityTypeConfiguration<NoteActivity>
{
    public void Configure(EntityTypeBuilder<NoteActivity> builder) =>
        builder.Property(n => n.Text).HasColumnName("Notes").HasMaxLength(Activity.TextMaxLength);
}
