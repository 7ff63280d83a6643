using System.ComponentModel;
using System.Text.Json.Serialization;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Web.Storefront.Customers;

[Description("The stored customer with its back-office links.")]
public sealed record CustomerView(
    long Id, string ExternalId, string? Email, string? FirstName, string? LastName, string? Phone,
    string? ParentExternalId,
    [property: Description("Set once the parent named by parentExternalId has been received.")] long? ParentCustomerId,
    bool IsGuest, DateTime? RegisteredAt,
    [property: Description("The CRM account; a registered customer gets one of its own name.")] long? AccountId,
    DateTime? UpdatedAt, DateTime CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("PUT only: false when the push was not newer than the stored version and so was ignored.")]
    public bool? Applied { get; init; }

    public static CustomerView Of(Customer c, bool? applied = null) =>
        new(c.Id, c.ExternalId, c.Email, c.FirstName, c.LastName, c.Phone, c.ParentExternalId, c.ParentCustomerId,
            c.IsGuest, c.RegisteredAt, c.AccountId, c.SourceUpdatedAt, c.CreatedAt) { Applied = applied };
}
