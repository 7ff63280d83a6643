using CommerceDesk.Data.Conventions;
using CommerceDesk.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Account.NameMaxLength);
        builder.HasIndex(a => a.Name);
        builder.Property(a => a.LifetimeSalesValue).HasConversion<MoneyAmountConverter>();
        builder.Ignore(a => a.DomainEvents);
    }
}
