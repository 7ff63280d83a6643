using CommerceDesk.Data.Conventions;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Customers;
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
        builder.Property(a => a.IsActive).HasDefaultValue(true);
        builder.Ignore(a => a.DomainEvents);
        // A customer opens at most one account: the claim that keeps two nodes relating the same customer from opening two.
        builder.HasIndex(a => a.OwnerCustomerId).IsUnique().HasDatabaseName("IX_Accounts_OwnerCustomer");
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.OwnerCustomerId).OnDelete(DeleteBehavior.NoAction);
        // Accounts grid: sorted by lifetime value or by number of customers.
        builder.HasIndex(a => a.LifetimeSalesValue).HasDatabaseName("IX_Accounts_LifetimeSalesValue");
        builder.HasIndex(a => a.CustomerCount).HasDatabaseName("IX_Accounts_CustomerCount");
        // Its status filter, by name (the default order) or by lifetime value, without counting every account.
        builder.HasIndex(a => new { a.IsActive, a.Name }).HasDatabaseName("IX_Accounts_Status_Name");
        builder.HasIndex(a => new { a.IsActive, a.LifetimeSalesValue }).HasDatabaseName("IX_Accounts_Status_LifetimeSalesValue");
    }
}
