using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.BadInput;

/// <summary>A generated value and a short description of why it is bad, for the failure listing.</summary>
public sealed record BadValue(string Description, object? Value);

/// <summary>
/// Bad values for an entry point's inputs: every wrong type, null, out-of-range numbers and dates, unknown and
/// mistyped ids, empty and 10,000-character strings, plus a few values drawn from a seeded <see cref="Random"/>
/// so each run tries the same inputs.
/// </summary>
public sealed class BadValues(Random random)
{
    public const int HugeStringLength = 10_000;

    /// <summary>One sample of every value type the SDK carries in a Target or a request parameter.</summary>
    public static IReadOnlyList<BadValue> EveryType { get; } = new[]
    {
        new BadValue("string", "Gold"),
        new BadValue("int", 1),
        new BadValue("long", 1L),
        new BadValue("decimal", 1.5m),
        new BadValue("double", 1.5d),
        new BadValue("bool", true),
        new BadValue("DateTime", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        new BadValue("Guid", new Guid("0b0e0000-0000-4000-8000-0000000000aa")),
        new BadValue("OptionSetValue", new OptionSetValue(1)),
        new BadValue("Money", new Money(1m)),
        new BadValue("EntityReference", new EntityReference("contact", new Guid("0b0e0000-0000-4000-8000-0000000000bb"))),
        new BadValue("Entity", new Entity("contact")),
        new BadValue("string[]", new[] { "a" }),
    };

    /// <summary>Samples whose runtime type is not <paramref name="expected"/> (nullable types count as their underlying type).</summary>
    public static IEnumerable<BadValue> WrongTypes(Type expected) =>
        EveryType.Where(v => v.Value is not null && !expected.IsInstanceOfType(v.Value));

    public IEnumerable<BadValue> Integers()
    {
        yield return new BadValue("int -1", -1);
        yield return new BadValue("int 0", 0);
        yield return new BadValue("int.MinValue", int.MinValue);
        yield return new BadValue("int.MaxValue", int.MaxValue);
        var drawn = random.Next(int.MinValue, -1);
        yield return new BadValue($"int {drawn}", drawn);
    }

    public IEnumerable<BadValue> Decimals()
    {
        yield return new BadValue("decimal -1", -1m);
        yield return new BadValue("decimal.MinValue", decimal.MinValue);
        yield return new BadValue("decimal.MaxValue", decimal.MaxValue);
        var drawn = (decimal)(random.NextDouble() * -1e9);
        yield return new BadValue($"decimal {drawn}", drawn);
    }

    public IEnumerable<BadValue> Dates()
    {
        yield return new BadValue("DateTime.MinValue", DateTime.MinValue);
        yield return new BadValue("DateTime.MaxValue", DateTime.MaxValue);
        yield return new BadValue("year 1753", new DateTime(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        yield return new BadValue("year 2999", new DateTime(2999, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        var drawn = new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(-3650, -400));
        yield return new BadValue($"past {drawn:yyyy-MM-dd}", drawn);
    }

    public IEnumerable<BadValue> Strings()
    {
        yield return new BadValue("empty string", string.Empty);
        yield return new BadValue("blank string", "   ");
        yield return new BadValue("10,000-character string", new string('x', HugeStringLength));
        yield return new BadValue("period 9999-12", "9999-12");
        yield return new BadValue("period 2025-13", "2025-13");
        var drawn = new string(Enumerable.Range(0, 12).Select(_ => (char)random.Next(33, 0x2FF)).ToArray());
        yield return new BadValue("random text", drawn);
    }

    /// <summary>Ids that resolve to nothing, or to a row of a table the input does not take.</summary>
    public IEnumerable<BadValue> References(string? table, EntityReference wrongTable)
    {
        var known = table ?? "contact";
        yield return new BadValue($"unknown {known} id", new EntityReference(known, NextGuid()));
        yield return new BadValue("empty id", new EntityReference(known, Guid.Empty));
        yield return new BadValue("no table name", new EntityReference { Id = NextGuid() });
        yield return new BadValue("unknown table", new EntityReference("cx_nosuchtable", NextGuid()));
        yield return new BadValue($"a {wrongTable.LogicalName} row", wrongTable);
    }

    public IEnumerable<BadValue> Choices()
    {
        yield return new BadValue("choice -1", new OptionSetValue(-1));
        yield return new BadValue("choice 0", new OptionSetValue(0));
        yield return new BadValue("choice int.MaxValue", new OptionSetValue(int.MaxValue));
    }

    public Guid NextGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
