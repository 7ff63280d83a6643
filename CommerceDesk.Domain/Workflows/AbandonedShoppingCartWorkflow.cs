using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Workflows;

/// <summary>OroCRM's "Abandoned Shopping Cart" workflow (DESIGN §4): a manager works a cart until it converts or is given up.</summary>
public static class AbandonedShoppingCartWorkflow
{
    public const string Name = "abandoned_shopping_cart";

    public static class Steps
    {
        public const string Open = "open";
        public const string Contacted = "contacted";
        public const string Abandoned = "abandoned";
        public const string ConvertedToOpportunity = "converted_to_opportunity";
        public const string Converted = "converted";
    }

    public static class Transitions
    {
        public const string LogCall = "log_call";
        public const string SendEmail = "send_email";
        public const string ConvertToOrder = "convert_to_order";
        public const string ConvertToOpportunity = "convert_to_opportunity";
        public const string Abandon = "abandon";
        public const string Reopen = "reopen";

        /// <summary>The storefront placed an order from the cart.</summary>
        public const string Purchased = "purchased";
    }

    public const string DefaultCallSubject = "Shopping cart status refresh";

    public static readonly WorkflowCondition HasContact = new("has_contact", "contacted at least once",
        "Log a call or send an e-mail first: a cart cannot be abandoned without at least one contact.",
        (item, _) => item.HasMade(Transitions.LogCall, Transitions.SendEmail));

    public static readonly WorkflowCondition HasItems = new("has_items", "cart has items",
        "The cart has no items.",
        (_, subject) => subject.RequireCart().Items.Count > 0);

    public static readonly WorkflowCondition NotPurchased = new("not_purchased", "no storefront order yet",
        "The storefront already placed an order from this cart.",
        (_, subject) => subject.RequireCart().Status != CartStatus.Purchased);

    public static WorkflowDefinition Definition { get; } = Build();

    private static WorkflowDefinition Build()
    {
        string[] working = [Steps.Open, Steps.Contacted];
        return new WorkflowDefinition(Name, "Abandoned Shopping Cart", WorkflowSubjectType.Cart,
        [
            new(Steps.Open, "Open", IsStart: true),
            new(Steps.Contacted, "Contacted"),
            new(Steps.Abandoned, "Abandoned", IsFinal: true),
            new(Steps.ConvertedToOpportunity, "Converted to opportunity", IsFinal: true),
            new(Steps.Converted, "Converted", IsFinal: true),
        ],
        [
            new()
            {
                Name = Transitions.LogCall, Label = "Log call", FromSteps = working, ToStep = Steps.Contacted,
                Form = ContactForms.Call(DefaultCallSubject), Actions = [ContactForms.RecordCall],
            },
            new()
            {
                Name = Transitions.SendEmail, Label = "Send email", FromSteps = working, ToStep = Steps.Contacted,
                Form = ContactForms.Email(_ => "Your shopping cart", CartEmailBody), Actions = [ContactForms.RecordEmail],
            },
            new()
            {
                Name = Transitions.ConvertToOrder, Label = "Convert to order", FromSteps = working, ToStep = Steps.Converted,
                Conditions = [HasItems, NotPurchased],
                Confirmation = "Create an order from this cart's items and send it to the customer as a quotation?",
                Actions = [new("Create an order (quotation sent) from the cart's items and e-mail the quotation", CreateQuotation)],
            },
            new()
            {
                Name = Transitions.ConvertToOpportunity, Label = "Convert to opportunity", FromSteps = working,
                ToStep = Steps.ConvertedToOpportunity, Conditions = [HasItems],
                Confirmation = "Create a CRM opportunity for this cart, owned by you?",
                Actions = [new("Create an opportunity owned by the current user for the cart's subtotal", CreateOpportunity)],
            },
            new()
            {
                // Offered from Open too, so the button shows there disabled with the reason until a contact is made.
                Name = Transitions.Abandon, Label = "Abandon", FromSteps = working, ToStep = Steps.Abandoned,
                Conditions = [HasContact], AllowsMassAction = true,
                Confirmation = "Abandon this cart? Its status becomes Lost.",
                Form = new([
                    new("confirm", "I want to abandon this cart", FormFieldType.Confirmation) { Required = true },
                    ContactForms.Note("Notes", required: true, "Why is the cart given up?"),
                ]),
                Actions = [new("Set the cart's status to Lost", c => c.Subject.RequireCart().MarkLost()), ContactForms.RecordNote],
            },
            new()
            {
                Name = Transitions.Reopen, Label = "Reopen", FromSteps = [Steps.Abandoned, Steps.ConvertedToOpportunity],
                ToStep = Steps.Open, AllowsMassAction = true,
                Form = new([ContactForms.Note("Notes", required: false)]),
                Actions = [new("Set the cart's status back to Open", ReopenCart), ContactForms.RecordNote],
            },
            new()
            {
                Name = Transitions.Purchased, Label = "Order placed on the storefront", IsSystem = true,
                FromSteps = [Steps.Open, Steps.Contacted, Steps.Abandoned, Steps.ConvertedToOpportunity], ToStep = Steps.Converted,
            },
        ]);
    }

    private static string CartEmailBody(WorkflowSubject subject)
    {
        var cart = subject.RequireCart();
        var greeting = subject.Customer?.FirstName is { } first ? $"Hello {first}," : "Hello,";
        var lines = string.Join("\n", cart.Items.Select(i => $"- {i.Quantity} × {i.Name}"));
        return $"{greeting}\n\nYou left these items in your shopping cart:\n{lines}\n\nCan we help you complete your order?";
    }

    private static void CreateQuotation(TransitionContext c)
    {
        var cart = c.Subject.RequireCart();
        var order = Order.QuotationFromCart(cart, c.Subject.Customer, c.Now);
        c.Created(order);
        if (order.Email is { } to)
        {
            var lines = string.Join("\n", order.Lines.Select(l => $"- {l.Quantity} × {l.Name}: {l.LineTotal:0.00} {order.Currency}"));
            c.Add(new EmailActivity(c.Target, to, $"Your quotation {order.Number}",
                $"Please find your quotation {order.Number}:\n{lines}\n\nTotal: {order.Subtotal}", c.Actor, c.Now));
        }
    }

    private static void CreateOpportunity(TransitionContext c) =>
        c.Created(Opportunity.FromCart(c.Subject.RequireCart(), c.Subject.Customer, c.Actor, c.Now, c.Subject.Crm));

    private static void ReopenCart(TransitionContext c)
    {
        var cart = c.Subject.RequireCart();
        // A cart converted to an opportunity may still be Open; only a Lost or Abandoned one changes.
        if (cart.Status is CartStatus.Lost or CartStatus.Abandoned) cart.Reopen();
    }
}
