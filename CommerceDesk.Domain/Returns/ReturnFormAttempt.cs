namespace CommerceDesk.Domain.Returns;

/// <summary>
/// One use of the public return form, counted against a limit per client address and per order number. Each attempt
/// in a window takes the next slot and (key, window, slot) is unique, so two nodes can never both take the last one.
/// </summary>
public sealed class ReturnFormAttempt
{
    public const int KeyMaxLength = 100;

    private ReturnFormAttempt() { }

    public ReturnFormAttempt(string key, DateTime windowStart, int slot)
    {
        Key = key.Length <= KeyMaxLength ? key : key[..KeyMaxLength];
        WindowStart = windowStart;
        Slot = slot;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public DateTime WindowStart { get; private set; }
    public int Slot { get; private set; }
}
