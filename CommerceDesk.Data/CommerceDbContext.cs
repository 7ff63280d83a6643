using CommerceDesk.Data.Conventions;
using CommerceDesk.Data.Identity;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Products;
using CommerceDesk.Domain.Workflows;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Data;

/// <summary>
/// The back office's database. Provider-specific subclasses (<see cref="SqliteCommerceDbContext"/>,
/// <see cref="SqlServerCommerceDbContext"/>, <see cref="PostgresCommerceDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class CommerceDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelApiKey> ChannelApiKeys => Set<ChannelApiKey>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountSettings> AccountSettings => Set<AccountSettings>();
    public DbSet<AccountSettingsChange> AccountSettingsChanges => Set<AccountSettingsChange>();
    public DbSet<AccountRelationRun> AccountRelationRuns => Set<AccountRelationRun>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<SalesValueDeduction> SalesValueDeductions => Set<SalesValueDeduction>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderStatusDefinition> OrderStatusDefinitions => Set<OrderStatusDefinition>();
    public DbSet<OrderStatusChange> OrderStatusHistory => Set<OrderStatusChange>();
    public DbSet<Domain.Orders.Billing.Invoice> Invoices => Set<Domain.Orders.Billing.Invoice>();
    public DbSet<Domain.Orders.Billing.CreditMemo> CreditMemos => Set<Domain.Orders.Billing.CreditMemo>();
    public DbSet<Domain.Orders.Billing.OrderBillingEntry> OrderBillingHistory => Set<Domain.Orders.Billing.OrderBillingEntry>();
    public DbSet<Domain.Returns.ReturnRequest> ReturnRequests => Set<Domain.Returns.ReturnRequest>();
    public DbSet<Domain.Returns.ReturnFormAttempt> ReturnFormAttempts => Set<Domain.Returns.ReturnFormAttempt>();
    public DbSet<WorkflowItem> WorkflowItems => Set<WorkflowItem>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Domain.Fulfilment.Delivery> Deliveries => Set<Domain.Fulfilment.Delivery>();
    public DbSet<Domain.Fulfilment.Carrier> Carriers => Set<Domain.Fulfilment.Carrier>();
    public DbSet<Domain.Fulfilment.FulfilmentSettings> FulfilmentSettings => Set<Domain.Fulfilment.FulfilmentSettings>();
    public DbSet<Domain.Assignment.SalesTeam> SalesTeams => Set<Domain.Assignment.SalesTeam>();
    public DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.Webhooks.WebhookDelivery>();
    public DbSet<OpportunityStageDefinition> OpportunityStageDefinitions => Set<OpportunityStageDefinition>();
    public DbSet<CrmSettingValue> CrmSettings => Set<CrmSettingValue>();
    public DbSet<CrmSettingChange> CrmSettingChanges => Set<CrmSettingChange>();
    public DbSet<CrmSyncQueueEntry> CrmSyncQueue => Set<CrmSyncQueueEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommerceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteCommerceDbContext(DbContextOptions<SqliteCommerceDbContext> options) : CommerceDbContext(options);

public sealed class SqlServerCommerceDbContext(DbContextOptions<SqlServerCommerceDbContext> options) : CommerceDbContext(options);

public sealed class PostgresCommerceDbContext(DbContextOptions<PostgresCommerceDbContext> options) : CommerceDbContext(options);
