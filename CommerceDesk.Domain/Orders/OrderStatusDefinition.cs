using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>
/// One step of the order lifecycle, kept as data an admin edits: a main status, or a sub-status of one
/// (Completed → Delivered). Its code is what orders store and never changes; the rest is the admin's.
/// </summary>
public sealed class OrderStatusDefinition : Entity, IVersioned
{
    public const int NameMaxLength = 100;
    public const int ColourMaxLength = 7;
    public const int TemplateKeyMaxLength = 100;

    private List<string> _allowedNext = [];

    private OrderStatusDefinition() { }

    public OrderStatusDefinition(string code, string name, string? parentCode, int position, string colour, bool customerVisible,
        IEnumerable<string> allowedNext, string? customerTemplateKey = null, bool emailStaff = false)
    {
        Code = Guard.Required(code, "Status code", OrderStatuses.MaxLength);
        ParentCode = Guard.Optional(parentCode, "Parent status", OrderStatuses.MaxLength);
        if (ParentCode == Code) throw new DomainException("A status cannot be its own parent.");
        Position = position;
        Edit(name, colour, customerVisible, allowedNext, customerTemplateKey, emailStaff);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int Position { get; private set; }
    /// <summary>A #RRGGBB colour for chips and the grid.</summary>
    public string Colour { get; private set; } = "#757575";
    /// <summary>Whether the customer sees this status (tracking page, status webhook) or only staff do.</summary>
    public bool CustomerVisible { get; private set; }
    /// <summary>Codes an order in this status may move to; a main status with sub-statuses allows any of them.</summary>
    public IReadOnlyList<string> AllowedNext => _allowedNext;
    /// <summary>Action: e-mail the customer with this template when an order reaches the status.</summary>
    public string? CustomerTemplateKey { get; private set; }
    /// <summary>Action: e-mail staff (the configured staff address) when an order reaches the status.</summary>
    public bool EmailStaff { get; private set; }
    public int Version { get; private set; }

    public bool IsSubStatus => ParentCode is not null;

    public void Edit(string name, string colour, bool customerVisible, IEnumerable<string> allowedNext, string? customerTemplateKey, bool emailStaff)
    {
        Name = Guard.Required(name, "Status name", NameMaxLength);
        colour = Guard.Required(colour, "Colour", ColourMaxLength);
        if (colour.Length != 7 || colour[0] != '#' || !colour[1..].All(char.IsAsciiHexDigit))
            throw new DomainException($"'{colour}' is not a colour; use #RRGGBB, e.g. #1E88E5.");
        Colour = colour.ToUpperInvariant();
        CustomerVisible = customerVisible;
        var next = allowedNext.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (next.Contains(Code)) throw new DomainException($"'{Name}' cannot lead to itself.");
        _allowedNext = next;
        CustomerTemplateKey = Guard.Optional(customerTemplateKey, "Customer e-mail template", TemplateKeyMaxLength);
        EmailStaff = emailStaff;
    }
}
