using CommerceDesk.Data;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Turns a broken business rule, a malformed request or a write the database cannot take now (full write queue, lock
/// given up on) into a problem document instead of a 500.
/// </summary>
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
        catch (WriteQueueFullException)
        {
            return StorefrontProblems.Busy(context.HttpContext, "Too many changes are waiting to be written.");
        }
        catch (Exception ex) when (DbErrors.IsLockConflict(ex))
        {
            return StorefrontProblems.Busy(context.HttpContext, "The database is busy with other writes.");
        }
    }
}
