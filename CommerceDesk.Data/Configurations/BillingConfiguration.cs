using CommerceDesk.Data.Conventions;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Orders.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

/// <summary>The order's billing columns: running totals, the refund and the billing sequence.</summary>
internal sealed class OrderBillingColumnsConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.InvoicedAmount).HasConversion<MoneyAmountConverter>();
        builder.Property(o => o.CreditedAmount).HasConversion<MoneyAmountConverter>();
        builder.Property(o => o.RefundedAmount).HasConversion<MoneyAmountConverter>();
        builder.Property(o => o.RefundReason).HasMaxLength(Order.RefundReasonMaxLength);
        builder.Ignore(o => o.Uninvoiced);
        builder.Ignore(o => o.IsRefunded);
        builder.Ignore(o => o.InvoiceState);
        builder.Ignore(o => o.AwaitsPaymentConfirmation);
        builder.Ignore(o => o.RefundableAmount);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.Property(i => i.Number).HasMaxLength(DocumentNumber.MaxLength);
        // One series per year across channels: a second node taking the same number fails here and retries.
        builder.HasIndex(i => i.Number).IsUnique().HasDatabaseName("IX_Invoices_Number");
        builder.HasIndex(i => new { i.Year, i.Sequence }).IsUnique().HasDatabaseName("IX_Invoices_Year_Sequence");
        builder.Property(i => i.Amount).HasConversion<MoneyAmountConverter>();
        builder.Property(i => i.CreditedAmount).HasConversion<MoneyAmountConverter>();
        builder.Property(i => i.Currency).HasMaxLength(Currency.CodeLength).IsUnicode(false);
        builder.Property(i => i.CreatedByUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(i => i.CreatedBy).HasMaxLength(Actor.NameMaxLength);
        builder.Ignore(i => i.Creditable);
        builder.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreditMemoConfiguration : IEntityTypeConfiguration<CreditMemo>
{
    public void Configure(EntityTypeBuilder<CreditMemo> builder)
    {
        builder.ToTable("CreditMemos");
        builder.Property(c => c.Number).HasMaxLength(DocumentNumber.MaxLength);
        builder.Property(c => c.InvoiceNumber).HasMaxLength(DocumentNumber.MaxLength);
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("IX_CreditMemos_Number");
        builder.HasIndex(c => new { c.Year, c.Sequence }).IsUnique().HasDatabaseName("IX_CreditMemos_Year_Sequence");
        builder.Property(c => c.Amount).HasConversion<MoneyAmountConverter>();
        builder.Property(c => c.Currency).HasMaxLength(Currency.CodeLength).IsUnicode(false);
        builder.Property(c => c.Reason).HasMaxLength(CreditMemo.ReasonMaxLength);
        builder.Property(c => c.IssuedByUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(c => c.IssuedBy).HasMaxLength(Actor.NameMaxLength);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: an invoice with credits is never deleted on its own (it goes only with its order).
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => c.OrderId).HasDatabaseName("IX_CreditMemos_OrderId");
    }
}

internal sealed class OrderBillingEntryConfiguration : IEntityTypeConfiguration<OrderBillingEntry>
{
    public void Configure(EntityTypeBuilder<OrderBillingEntry> builder)
    {
        builder.ToTable("OrderBillingHistory");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Summary).HasMaxLength(OrderBillingEntry.SummaryMaxLength);
        builder.Property(e => e.ByUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(e => e.By).HasMaxLength(Actor.NameMaxLength);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OrderId, e.Sequence }).IsUnique().HasDatabaseName("IX_OrderBillingHistory_Order_Sequence");
    }
}
