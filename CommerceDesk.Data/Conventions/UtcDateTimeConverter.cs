using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommerceDesk.Data.Conventions;

/// <summary>Every time we store is UTC; this makes what we read back say so.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
