using System.Globalization;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Crm;

public enum CreateOpportunityMode { ForEveryOrder, Never }

/// <summary>
/// The admin's CRM settings (DESIGN §7), in two sections as the Magento↔Salesforce connector has them. Stored as
/// key/value rows (<see cref="ToValues"/>, <see cref="FromValues"/>) so a new setting needs no schema change, and
/// read on every sync, so a change applies at the next run without a restart.
/// </summary>
public sealed record CrmSettings
{
    public const int MaxDays = 3650;
    public const int RoleMaxLength = 100;
    public const string DefaultContactRole = "Decision Maker";

    // Carts
    public bool CartAutomaticSync { get; init; }
    /// <summary>The stage a cart's opportunity takes when checkout begins (the shipping step is filled); none keeps it.</summary>
    public string? AbandonedCartStage { get; init; } = OpportunityStages.Qualification;
    public int CartExpectedCloseDays { get; init; } = 30;

    // Orders
    public bool OrderAutomaticSync { get; init; }
    public CreateOpportunityMode CreateOpportunity { get; init; } = CreateOpportunityMode.ForEveryOrder;
    public bool ContactRolesEnabled { get; init; }
    public string OpportunityCustomerRole { get; init; } = DefaultContactRole;
    public int SalesCycleDays { get; init; } = Opportunity.DefaultSalesCycleDays;
    /// <summary>The stage an opportunity passes through while an order change is applied; none skips it.</summary>
    public string? DraftStage { get; init; }
    public bool ConvertOpportunity { get; init; } = true;
    public string ConvertedStage { get; init; } = OpportunityStages.ClosedWon;
    public bool UseInvoiceDateAsCloseDate { get; init; }
    /// <summary>Order status (or sub-status) code → stage, applied when Convert opportunity is No.</summary>
    public IReadOnlyDictionary<string, string> StageMapping { get; init; } = new Dictionary<string, string>();

    public static CrmSettings Defaults { get; } = new();

    /// <summary>The message an admin reads for each value that cannot be saved; empty when all is well.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> stages, IReadOnlyCollection<string> orderStatusCodes)
    {
        var errors = new List<string>();
        if (CartExpectedCloseDays is < 1 or > MaxDays) errors.Add($"Expected close in N days must be between 1 and {MaxDays}.");
        if (SalesCycleDays is < 1 or > MaxDays) errors.Add($"Sales cycle length must be between 1 and {MaxDays} days.");
        if (AbandonedCartStage is { } a && !stages.Contains(a)) errors.Add($"Abandoned cart stage '{a}' is not a stage.");
        if (DraftStage is { } d && !stages.Contains(d)) errors.Add($"Default opportunity draft stage '{d}' is not a stage.");
        if (!stages.Contains(ConvertedStage)) errors.Add($"Converted opportunity stage '{ConvertedStage}' is not a stage.");
        if (ContactRolesEnabled && string.IsNullOrWhiteSpace(OpportunityCustomerRole)) errors.Add("Choose the opportunity customer role.");
        if (OpportunityCustomerRole.Length > RoleMaxLength) errors.Add($"The opportunity customer role must be at most {RoleMaxLength} characters.");
        foreach (var (status, stage) in StageMapping)
        {
            if (!orderStatusCodes.Contains(status)) errors.Add($"'{status}' is not an order status.");
            if (!stages.Contains(stage)) errors.Add($"'{stage}' (mapped from {status}) is not a stage.");
        }
        return errors;
    }

    public IReadOnlyDictionary<string, string> ToValues()
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Keys.CartAutomaticSync] = Bool(CartAutomaticSync),
            [Keys.AbandonedCartStage] = AbandonedCartStage ?? "",
            [Keys.CartExpectedCloseDays] = CartExpectedCloseDays.ToString(CultureInfo.InvariantCulture),
            [Keys.OrderAutomaticSync] = Bool(OrderAutomaticSync),
            [Keys.CreateOpportunity] = CreateOpportunity.ToString(),
            [Keys.ContactRolesEnabled] = Bool(ContactRolesEnabled),
            [Keys.OpportunityCustomerRole] = OpportunityCustomerRole,
            [Keys.SalesCycleDays] = SalesCycleDays.ToString(CultureInfo.InvariantCulture),
            [Keys.DraftStage] = DraftStage ?? "",
            [Keys.ConvertOpportunity] = Bool(ConvertOpportunity),
            [Keys.ConvertedStage] = ConvertedStage,
            [Keys.UseInvoiceDateAsCloseDate] = Bool(UseInvoiceDateAsCloseDate),
        };
        foreach (var (status, stage) in StageMapping) values[Keys.StageMappingPrefix + status] = stage;
        return values;
    }

    /// <summary>Reads stored rows; a missing or unreadable value keeps its default, so an older database still works.</summary>
    public static CrmSettings FromValues(IReadOnlyDictionary<string, string> values)
    {
        var d = Defaults;
        return new CrmSettings
        {
            CartAutomaticSync = ReadBool(values, Keys.CartAutomaticSync, d.CartAutomaticSync),
            AbandonedCartStage = values.TryGetValue(Keys.AbandonedCartStage, out var a) ? Blank(a) : d.AbandonedCartStage,
            CartExpectedCloseDays = ReadInt(values, Keys.CartExpectedCloseDays, d.CartExpectedCloseDays),
            OrderAutomaticSync = ReadBool(values, Keys.OrderAutomaticSync, d.OrderAutomaticSync),
            CreateOpportunity = values.TryGetValue(Keys.CreateOpportunity, out var c) && Enum.TryParse<CreateOpportunityMode>(c, out var mode) ? mode : d.CreateOpportunity,
            ContactRolesEnabled = ReadBool(values, Keys.ContactRolesEnabled, d.ContactRolesEnabled),
            OpportunityCustomerRole = values.TryGetValue(Keys.OpportunityCustomerRole, out var r) && r.Length > 0 ? r : d.OpportunityCustomerRole,
            SalesCycleDays = ReadInt(values, Keys.SalesCycleDays, d.SalesCycleDays),
            DraftStage = values.TryGetValue(Keys.DraftStage, out var draft) ? Blank(draft) : d.DraftStage,
            ConvertOpportunity = ReadBool(values, Keys.ConvertOpportunity, d.ConvertOpportunity),
            ConvertedStage = values.TryGetValue(Keys.ConvertedStage, out var cs) && cs.Length > 0 ? cs : d.ConvertedStage,
            UseInvoiceDateAsCloseDate = ReadBool(values, Keys.UseInvoiceDateAsCloseDate, d.UseInvoiceDateAsCloseDate),
            StageMapping = values.Where(v => v.Key.StartsWith(Keys.StageMappingPrefix, StringComparison.Ordinal) && v.Value.Length > 0)
                .ToDictionary(v => v.Key[Keys.StageMappingPrefix.Length..], v => v.Value),
        };
    }

    /// <summary>What an admin's save changes, one entry per key: the audit list's "old → new".</summary>
    public static IReadOnlyList<(string Key, string? Old, string? New)> Changes(CrmSettings before, CrmSettings after)
    {
        var old = before.ToValues();
        var next = after.ToValues();
        return old.Keys.Union(next.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, old.GetValueOrDefault(k), next.GetValueOrDefault(k)))
            .Where(c => c.Item2 != c.Item3)
            .ToList();
    }

    private static string Bool(bool value) => value ? "true" : "false";
    private static string? Blank(string value) => value.Length == 0 ? null : value;
    private static bool ReadBool(IReadOnlyDictionary<string, string> v, string key, bool fallback) =>
        v.TryGetValue(key, out var s) && bool.TryParse(s, out var b) ? b : fallback;
    private static int ReadInt(IReadOnlyDictionary<string, string> v, string key, int fallback) =>
        v.TryGetValue(key, out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    /// <summary>Storage keys; also what the audit list names in "old → new" after <see cref="Label"/>.</summary>
    public static class Keys
    {
        public const int MaxLength = 200;
        public const string CartAutomaticSync = "carts.automaticSync";
        public const string AbandonedCartStage = "carts.abandonedCartStage";
        public const string CartExpectedCloseDays = "carts.expectedCloseDays";
        public const string OrderAutomaticSync = "orders.automaticSync";
        public const string CreateOpportunity = "orders.createOpportunity";
        public const string ContactRolesEnabled = "orders.contactRoles";
        public const string OpportunityCustomerRole = "orders.customerRole";
        public const string SalesCycleDays = "orders.salesCycleDays";
        public const string DraftStage = "orders.draftStage";
        public const string ConvertOpportunity = "orders.convertOpportunity";
        public const string ConvertedStage = "orders.convertedStage";
        public const string UseInvoiceDateAsCloseDate = "orders.useInvoiceDate";
        public const string StageMappingPrefix = "orders.stageMapping.";
    }

    /// <summary>The setting's name as the settings page shows it.</summary>
    public static string Label(string key) => key switch
    {
        Keys.CartAutomaticSync => "Carts: Automatic synchronization",
        Keys.AbandonedCartStage => "Carts: Abandoned cart stage",
        Keys.CartExpectedCloseDays => "Carts: Expected close in N days",
        Keys.OrderAutomaticSync => "Orders: Automatic synchronization",
        Keys.CreateOpportunity => "Orders: Create opportunity",
        Keys.ContactRolesEnabled => "Orders: Enable contact roles",
        Keys.OpportunityCustomerRole => "Orders: Opportunity customer role",
        Keys.SalesCycleDays => "Orders: Sales cycle length",
        Keys.DraftStage => "Orders: Default opportunity draft stage",
        Keys.ConvertOpportunity => "Orders: Convert opportunity",
        Keys.ConvertedStage => "Orders: Converted opportunity stage",
        Keys.UseInvoiceDateAsCloseDate => "Orders: Use invoice date as close date",
        _ when key.StartsWith(Keys.StageMappingPrefix, StringComparison.Ordinal) => $"Orders: Stage for status {key[Keys.StageMappingPrefix.Length..]}",
        _ => key,
    };
}

/// <summary>One stored setting.</summary>
public sealed class CrmSettingValue
{
    public const int ValueMaxLength = 200;

    private CrmSettingValue() { }

    public CrmSettingValue(string key, string value)
    {
        Key = Guard.Required(key, "Setting", CrmSettings.Keys.MaxLength);
        Set(value);
    }

    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";

    public void Set(string value) =>
        Value = value.Length <= ValueMaxLength ? value : throw new DomainException($"A setting's value must be at most {ValueMaxLength} characters.");
}

/// <summary>One audited change of a CRM setting: who, when, old → new.</summary>
public sealed class CrmSettingChange : Entity
{
    private CrmSettingChange() { }

    public CrmSettingChange(string key, string? oldValue, string? newValue, Actor by, DateTime at)
    {
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedBy = by.Name;
        ChangedAt = Guard.Utc(at);
    }

    public string Key { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}
