using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class AccountSettingsConfiguration : IEntityTypeConfiguration<AccountSettings>
{
    public void Configure(EntityTypeBuilder<AccountSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Strategy).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.ReportingCurrency).HasMaxLength(Currency.CodeLength).IsUnicode(false);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class AccountSettingsChangeConfiguration : IEntityTypeConfiguration<AccountSettingsChange>
{
    public void Configure(EntityTypeBuilder<AccountSettingsChange> builder)
    {
        builder.Property(c => c.Setting).HasMaxLength(AccountSettingsChange.SettingMaxLength);
        builder.Property(c => c.FromValue).HasMaxLength(AccountSettingsChange.ValueMaxLength);
        builder.Property(c => c.ToValue).HasMaxLength(AccountSettingsChange.ValueMaxLength);
        builder.Property(c => c.ChangedById).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(Actor.NameMaxLength);
        // The settings page lists the newest changes first.
        builder.HasIndex(c => c.ChangedAt).HasDatabaseName("IX_AccountSettingsChanges_ChangedAt");
    }
}

internal sealed class AccountRelationRunConfiguration : IEntityTypeConfiguration<AccountRelationRun>
{
    public void Configure(EntityTypeBuilder<AccountRelationRun> builder)
    {
        builder.Property(r => r.Strategy).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.StartedBy).HasMaxLength(AccountRelationRun.StartedByMaxLength);
        builder.Ignore(r => r.IsFinished);
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.HasKey(r => r.Currency);
        builder.Property(r => r.Currency).HasMaxLength(Currency.CodeLength).IsUnicode(false);
        builder.Property(r => r.Rate).HasPrecision(18, ExchangeRate.RateScale);
        builder.Property(r => r.UpdatedBy).HasMaxLength(Actor.NameMaxLength);
    }
}

internal sealed class SalesValueDeductionConfiguration : IEntityTypeConfiguration<SalesValueDeduction>
{
    public void Configure(EntityTypeBuilder<SalesValueDeduction> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reference).HasMaxLength(SalesValueDeduction.ReferenceMaxLength);
        builder.Property(d => d.Amount).HasConversion<Conventions.MoneyAmountConverter>();
        builder.HasOne<Domain.Orders.Order>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Cascade);
        // Handling the same refund or credit memo twice adds nothing; the lifetime value reads an order's deductions by it.
        builder.HasIndex(d => new { d.OrderId, d.Kind, d.Reference }).IsUnique().HasDatabaseName("IX_SalesValueDeductions_Order");
    }
}
