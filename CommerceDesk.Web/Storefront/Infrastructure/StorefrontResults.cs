using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Storefront.Infrastructure;

internal static class StorefrontResults
{
    /// <summary>
    /// 201 with a Location for a new record, otherwise 200 (also for an acknowledged stale push). The Location is the
    /// request's path percent-encoded: a header carries only ASCII, and ids may be "café" or "注文-1".
    /// </summary>
    public static IResult Upserted<TView>(HttpContext http, TView view, bool created) =>
        created ? Results.Created((http.Request.PathBase + http.Request.Path).ToUriComponent(), view) : Results.Ok(view);

    /// <summary>The documented amount limits (Domain <see cref="AmountLimits"/>), so storefront developers know them up front.</summary>
    private static readonly string AmountLimitsText =
        $" Amounts: quantity 1 to {AmountLimits.Format(AmountLimits.MaxQuantity)}; unitPrice 0 to {AmountLimits.Format(AmountLimits.MaxUnitPrice)} " +
        $"with at most {AmountLimits.MaxDecimals} decimals (more are refused, never rounded); a line total (quantity × unitPrice) and " +
        $"the record's subtotal at most {AmountLimits.Format(AmountLimits.MaxTotal)}. Anything beyond is a 400 naming the field, e.g. lines[0].unitPrice.";

    /// <summary>Standard metadata of a PUT upsert, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder DescribeUpsert<TRequest, TView>(
        this RouteHandlerBuilder builder, string name, string what, bool hasLines = false) where TRequest : notnull =>
        builder.WithName(name)
            .WithSummary($"Create or update a {what}")
            .WithDescription(
                $"Idempotent upsert of the {what} with this external id. Returns 201 when created, otherwise 200 with the stored " +
                $"{what}; a push whose updatedAt is not newer than the stored one is acknowledged with 200 and \"applied\": false " +
                "and changes nothing, so retries and reordered webhooks are harmless. Records named by id that have not arrived " +
                "yet are linked when they do. External ids and the other texts (names, SKUs, numbers, phone) may hold any text except control characters (line feed, tab, NUL …); " +
                "updatedAt (and an order's placedAt) may be at most a day ahead of the server's clock. 503 with Retry-After: too many writes are waiting, nothing was stored; send it again later." + (hasLines ? AmountLimitsText : ""))
            .Accepts<TRequest>("application/json")
            .Produces<TView>(StatusCodes.Status200OK)
            .Produces<TView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>A customer's GET: the record and its back-office links.</summary>
    public static RouteHandlerBuilder DescribeGet<TView>(this RouteHandlerBuilder builder, string name, string what, string links) =>
        builder.WithName(name)
            .WithSummary($"Get a {what} with its back-office view")
            .WithDescription($"The stored {what} as CommerceDesk sees it, with {links}.")
            .Produces<TView>(StatusCodes.Status200OK);

    /// <summary>A cart's or order's GET: the record, where the managers' workflow stands and the opportunity made from it.</summary>
    public static RouteHandlerBuilder DescribeWorkedGet<TView>(this RouteHandlerBuilder builder, string name, string what) =>
        builder.WithName(name)
            .WithSummary($"Get a {what} with its back-office view")
            .WithDescription(
                $"The stored {what} as CommerceDesk sees it: status, CRM sync state and links. " +
                "workflow is where the managers' workflow stands: its name, current step and the transitions a manager can fire now " +
                $"(never null here: a {what} nobody has worked on yet is at its workflow's first step); " +
                "opportunityId is the CRM opportunity made from it, by a manager or by the CRM sync, or null while there is none.")
            .Produces<TView>(StatusCodes.Status200OK);
}
