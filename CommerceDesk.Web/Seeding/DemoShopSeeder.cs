using Bogus;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Products;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Seeding;

/// <summary>
/// Development demo shop: customers with accounts, carts at every checkout step (some idle long enough to be
/// abandoned, some lost, some purchased) and orders in every payment state. Same data on every machine
/// (fixed seed); runs only when channel <c>web</c> has no customers yet, so restarts add nothing.
/// </summary>
internal sealed class DemoShopSeeder(
    IDbContextFactory<CommerceDbContext> factory, DemoShopOptions options, TimeProvider time, ILogger<DemoShopSeeder> logger) : IStartupSeeder
{
    private const int Seed = 20261122;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Seed) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Code == DemoShopOptions.ChannelCode, cancellationToken);
        if (await db.Customers.AnyAsync(c => c.ChannelId == channel.Id, cancellationToken)) return;

        var now = time.GetUtcNow().UtcDateTime;
        var faker = new Faker("en") { Random = new Randomizer(Seed) };

        var products = Products(faker, channel.Id, channel.Currency, now);
        db.Products.AddRange(products);
        db.Carriers.AddRange(DemoCarriers());
        if (await db.FulfilmentSettings.FindAsync([FulfilmentSettings.SingletonId], cancellationToken) is null)
            db.FulfilmentSettings.Add(new FulfilmentSettings(DeliveryRoute.PickPackShip));

        // Every fourth customer past the first ten belongs to an earlier one (a company and its buyers): a hierarchy
        // the customer page shows through the parent.
        var customers = new List<Customer>();
        for (var i = 1; i <= options.Customers; i++)
            customers.Add(NewCustomer(faker, channel.Id, i, now, i > 10 && i % 4 == 0 ? customers[i / 4 - 1] : null));
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken);
        var byExternalId = customers.ToDictionary(c => c.ExternalId);
        foreach (var child in customers.Where(c => c.ParentExternalId is not null)) child.LinkParent(byExternalId[child.ParentExternalId!]);

        // Registered customers get their accounts (DESIGN §8) from the account relation job started after seeding.
        await db.SaveChangesAsync(cancellationToken);

        var carts = new List<Cart>();
        var cartNumber = 0;
        foreach (var customer in customers)
        {
            foreach (var _ in Enumerable.Range(0, faker.Random.Int(1, 2)))
            {
                // A third are live right now; the rest have been idle from an hour to three weeks.
                var idleMinutes = faker.Random.Bool(0.3f) ? faker.Random.Int(2, 55) : faker.Random.Int(61, 60 * 24 * 20);
                var lastActivity = now - TimeSpan.FromMinutes(idleMinutes);
                var cart = new Cart(channel.Id, $"C-{++cartNumber:D6}", new CartSnapshot(
                    customer.ExternalId, customer.Email, channel.Currency, Lines(faker, products),
                    faker.PickRandom<CheckoutStep>()), lastActivity, lastActivity);
                cart.LinkCustomer(customer.Id);
                carts.Add(cart);
            }
        }
        db.Carts.AddRange(carts);
        await db.SaveChangesAsync(cancellationToken);

        var orders = new List<(Order Order, Cart? Cart)>();
        var orderNumber = 100_000;
        foreach (var cart in carts.Where(_ => faker.Random.Bool(0.45f)))
        {
            var customer = customers.Single(c => c.Id == cart.CustomerId);
            // Within half an hour of the cart's last activity, and never ahead of now.
            var placedAt = Min(cart.LastActivityAt.AddMinutes(faker.Random.Int(1, 30)), now);
            var kind = faker.Random.Bool(0.8f) ? PaymentKind.Online : PaymentKind.Offline;
            var method = new PaymentMethod(kind == PaymentKind.Online ? faker.PickRandom("card", "paypal") : faker.PickRandom("bank-transfer", "pay-in-store"), kind);
            var order = new Order(channel.Id, $"O-{++orderNumber}", new OrderSnapshot(
                orderNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), cart.ExternalId, customer.ExternalId, customer.Email,
                channel.Currency, cart.Items.Select(i => new LineInput(i.Sku, i.Name, i.Quantity, i.UnitPrice)).ToList(),
                method, faker.Random.WeightedRandom([PaymentStatus.Paid, PaymentStatus.Pending, PaymentStatus.Failed], [0.6f, 0.3f, 0.1f]),
                placedAt), placedAt, placedAt);
            order.LinkCustomer(customer.Id);
            order.LinkCart(cart.Id);
            order.ClearDomainEvents(); // history, not news: demo orders send no confirmations or staff notices
            if (faker.Random.Bool(0.05f)) order.Cancel();
            orders.Add((order, cart));
        }
        db.Orders.AddRange(orders.Select(o => o.Order));
        await db.SaveChangesAsync(cancellationToken);

        // Confirmed orders wait in the warehouse with their quantities reserved (some beyond the stock: oversold).
        var productsBySku = products.ToDictionary(p => p.Sku);
        // A few best-sellers ran low: their confirmed orders promise more than is on hand, which the products page shows in red.
        foreach (var product in products.Take(3)) product.Update(product.Details() with { OnHand = 1 }, now);
        foreach (var (order, _) in orders.Where(o => o.Order.CommercialState == CommercialState.SalesOrder))
        {
            var delivery = Delivery.ForConfirmed(order, DeliveryRoute.PickPackShip, order.PlacedAt);
            foreach (var movement in delivery.Reservation) productsBySku[movement.Sku].Apply(movement);
            db.Deliveries.Add(delivery);
        }

        foreach (var (order, cart) in orders) cart!.MarkPurchased(order.Id);

        // Carts idle past the channel's delay are abandoned; a few of those a manager has already given up on.
        foreach (var cart in carts.Where(c => c.IsAbandonedAt(now, channel.AbandonmentDelay)))
        {
            cart.MarkAbandoned(now, channel.AbandonmentDelay);
            if (faker.Random.Bool(0.15f)) cart.MarkLost();
        }
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Demo shop seeded: {Customers} customers, {Carts} carts, {Orders} orders, {Products} products",
            customers.Count, carts.Count, orders.Count, products.Count);
    }

    private static List<Product> Products(Faker faker, long channelId, string currency, DateTime now) =>
        Enumerable.Range(1, 40)
            .Select(i => new Product(channelId, $"SKU-{i:D4}",
                new ProductDetails(faker.Commerce.ProductName(), new Money(faker.Random.Decimal(4, 250), currency), faker.Random.Int(0, 200)), now.AddDays(-1), now))
            .ToList();

    private static IEnumerable<Carrier> DemoCarriers() =>
    [
        new("DHL", "https://www.dhl.com/en/express/tracking.html?AWB={tracking}"),
        new("UPS", "https://www.ups.com/track?tracknum={tracking}"),
        new("DPD", "https://tracking.dpd.de/status/en_US/parcel/{tracking}"),
    ];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>A registered or guest customer; a registered one under a registered <paramref name="parent"/> names it.</summary>
    private static Customer NewCustomer(Faker faker, long channelId, int index, DateTime now, Customer? parent)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var isGuest = faker.Random.Bool(0.15f);
        var registeredAt = now - TimeSpan.FromDays(faker.Random.Int(1, 900));
        var details = new CustomerDetails(
            faker.Internet.Email(first, last, uniqueSuffix: index.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToLowerInvariant(),
            first, last, faker.Phone.PhoneNumber("+49 30 #######"), parent is { IsGuest: false } && !isGuest ? parent.ExternalId : null, isGuest, isGuest ? null : registeredAt);
        return new Customer(channelId, $"CU-{index:D5}", details, registeredAt, registeredAt);
    }

    private static List<LineInput> Lines(Faker faker, IReadOnlyList<Product> products) =>
        faker.PickRandom(products, faker.Random.Int(1, 4))
            .Select(p => new LineInput(p.Sku, p.Name, faker.Random.Int(1, 3), p.Price.Amount))
            .ToList();
}
