namespace CommerceDesk.Web.Grids;

/// <summary>A grid's row names its record, so rows can be picked for a mass action.</summary>
public interface IGridRow
{
    long Id { get; }
}
