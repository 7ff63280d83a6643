namespace CommerceDesk.Web.Storefront.Infrastructure;

internal static class StorefrontResults
{
    /// <summary>201 with a Location for a new record, otherwise 200 (also for an acknowledged stale push).</summary>
    public static IResult Upserted<TView>(HttpContext http, TView view, bool created) =>
        created ? Results.Created(http.Request.Path.Value, view) : Results.Ok(view);

    /// <summary>Standard metadata of a PUT upsert, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder DescribeUpsert<TRequest, TView>(this RouteHandlerBuilder builder, string name, string what) where TRequest : notnull =>
        builder.WithName(name)
            .WithSummary($"Create or update a {what}")
            .WithDescription(
                $"Idempotent upsert of the {what} with this external id. Returns 201 when created, otherwise 200 with the stored " +
                $"{what}; a push whose updatedAt is not newer than the stored one is acknowledged with 200 and \"applied\": false " +
                "and changes nothing, so retries and reordered webhooks are harmless. Records named by id that have not arrived " +
                "yet are linked when they do. 503 with Retry-After: too many writes are waiting, nothing was stored; send it again later.")
            .Accepts<TRequest>("application/json")
            .Produces<TView>(StatusCodes.Status200OK)
            .Produces<TView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteHandlerBuilder DescribeGet<TView>(this RouteHandlerBuilder builder, string name, string what) =>
        builder.WithName(name)
            .WithSummary($"Get a {what} with its back-office view")
            .WithDescription(
                $"The stored {what} as CommerceDesk sees it: status, CRM sync state and links. " +
                "workflow is where the managers' workflow stands (its name, current step and the transitions a manager can fire now; " +
                "null for a record without one); opportunityId is the CRM opportunity a manager made from it, or null.")
            .Produces<TView>(StatusCodes.Status200OK);
}
