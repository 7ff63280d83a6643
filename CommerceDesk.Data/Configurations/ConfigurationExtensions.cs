using CommerceDesk.Data.Conventions;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

/// <summary>Mappings shared by several aggregates, so each value object is stored one way everywhere.</summary>
internal static class ConfigurationExtensions
{
    public static void MapStorefrontRecord<T>(this EntityTypeBuilder<T> builder) where T : StorefrontRecord
    {
        builder.Property(r => r.ExternalId).HasMaxLength(StorefrontRecord.ExternalIdMaxLength);
        builder.HasIndex(r => new { r.ChannelId, r.ExternalId }).IsUnique();
        builder.HasOne<Domain.Channels.Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.DomainEvents);
    }

    public static void MapMoney<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Money?>> money, string amountColumn)
        where T : class =>
        builder.ComplexProperty(money, m =>
        {
            m.Property(x => x.Amount).HasColumnName(amountColumn).HasConversion<MoneyAmountConverter>();
            m.Property(x => x.Currency).HasColumnName("Currency").HasMaxLength(Currency.CodeLength).IsUnicode(false);
        });

    public static void MapCrmSync<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, CrmSyncState?>> sync)
        where T : class =>
        builder.ComplexProperty(sync, s =>
        {
            s.Property(x => x.Status).HasColumnName("CrmSyncStatus").HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.ExternalId).HasColumnName("CrmExternalId").HasMaxLength(CrmSyncState.ExternalIdMaxLength);
            s.Property(x => x.LastError).HasColumnName("CrmSyncError").HasMaxLength(CrmSyncState.ErrorMaxLength);
            s.Property(x => x.SyncedAt).HasColumnName("CrmSyncedAt");
            s.Property(x => x.Attempts).HasColumnName("CrmSyncAttempts");
            s.Property(x => x.LastAttemptAt).HasColumnName("CrmSyncLastAttemptAt");
            s.Property(x => x.NextAttemptAt).HasColumnName("CrmSyncNextAttemptAt");
        });

}
