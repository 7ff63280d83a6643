using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Channel.CodeMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength);
        builder.Property(c => c.Currency).HasMaxLength(Currency.CodeLength).IsUnicode(false);
        builder.Property(c => c.TimeZone).HasMaxLength(100);
        builder.Property(c => c.StaffEmail).HasMaxLength(Channel.StaffEmailMaxLength);
        builder.Property(c => c.ReminderTemplateKey).HasMaxLength(100);
        builder.HasMany(c => c.ApiKeys).WithOne(k => k.Channel).HasForeignKey(k => k.ChannelId);
        builder.Navigation(c => c.ApiKeys).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class ChannelApiKeyConfiguration : IEntityTypeConfiguration<ChannelApiKey>
{
    public void Configure(EntityTypeBuilder<ChannelApiKey> builder)
    {
        builder.Property(k => k.Hash).HasMaxLength(ChannelApiKey.HashLength).IsUnicode(false);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.Label).HasMaxLength(100);
        builder.Ignore(k => k.DomainEvents);
    }
}
