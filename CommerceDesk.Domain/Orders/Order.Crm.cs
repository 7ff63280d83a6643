namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>The latest invoice's date, kept for the CRM's "Use invoice date as close date".</summary>
    public DateTime? CrmInvoiceDate { get; private set; }

    public void RecordInvoiceDateForCrm(DateTime invoiceDate) => CrmInvoiceDate = Common.Guard.Utc(invoiceDate);
}
