using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Storefront.Validation;

namespace CommerceDesk.Web.Storefront.Customers;

[Description("A customer as the storefront knows it.")]
public sealed class CustomerRequest
{
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    [Description("The parent customer in a customer hierarchy; it may be pushed later.")]
    public string? ParentExternalId { get; init; }
    [Description("Guest checkouts get no account of their own. Default false.")]
    public bool? IsGuest { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    [Required, Description("The storefront's time of this version; older or equal versions are acknowledged and ignored. " +
                           "At most a day ahead of the server's clock.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    internal FieldErrors Validate(string externalId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        CommonValidation.ExternalId(errors, "externalId", externalId, required: true);
        CommonValidation.Email(errors, "email", Email);
        errors.MaxLength("firstName", FirstName, Customer.NameMaxLength);
        CommonValidation.ControlCharacters(errors, "firstName", FirstName);
        errors.MaxLength("lastName", LastName, Customer.NameMaxLength);
        CommonValidation.ControlCharacters(errors, "lastName", LastName);
        errors.MaxLength("phone", Phone, Customer.PhoneMaxLength);
        CommonValidation.ControlCharacters(errors, "phone", Phone);
        CommonValidation.ExternalId(errors, "parentExternalId", ParentExternalId, required: false);
        if (ParentExternalId is not null && ParentExternalId == externalId)
            errors.Add("parentExternalId", "A customer cannot be its own parent.");
        CommonValidation.StorefrontTime(errors, "updatedAt", UpdatedAt, now);
        return errors;
    }

    internal CustomerDetails ToDetails() =>
        new(Email, FirstName, LastName, Phone, string.IsNullOrWhiteSpace(ParentExternalId) ? null : ParentExternalId.Trim(),
            IsGuest ?? false, RegisteredAt?.UtcDateTime);
}
