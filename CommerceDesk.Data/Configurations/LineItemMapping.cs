using CommerceDesk.Data.Conventions;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal static class LineItemMapping
{
    public static void MapLineItem<TOwner, TLine>(this OwnedNavigationBuilder<TOwner, TLine> line)
        where TOwner : class where TLine : LineItem
    {
        line.Property(l => l.Sku).HasMaxLength(LineItem.SkuMaxLength);
        line.Property(l => l.Name).HasMaxLength(LineItem.NameMaxLength);
        line.Property(l => l.UnitPrice).HasConversion<MoneyAmountConverter>();
        line.Ignore(l => l.LineTotal);
    }
}
