using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Validation;

/// <summary>
/// Refuses a URL whose channel or external id decodes to a control character (<c>%0A</c>, <c>%00</c>) with a
/// problem document, on reads as on writes, before the value reaches a query or a header.
/// </summary>
internal sealed class RouteValueFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new FieldErrors();
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            CommonValidation.ControlCharacters(errors, name, value as string);
        return errors.Any ? StorefrontProblems.Validation(errors) : await next(context);
    }
}
