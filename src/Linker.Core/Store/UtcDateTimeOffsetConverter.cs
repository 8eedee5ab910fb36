using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OkrLinker.Core.Store;

/// <summary>Writes a <see cref="DateTimeOffset"/> as the same instant at offset zero, as PostgreSQL's timestamptz wants it.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
