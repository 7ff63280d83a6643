using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>Turns a broken business rule or a malformed request into a problem document instead of a 500.</summary>
internal sealed class StorefrontErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return StorefrontProblems.BusinessRule(ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: "The request could not be read.", detail: ex.Message);
        }
    }
}
