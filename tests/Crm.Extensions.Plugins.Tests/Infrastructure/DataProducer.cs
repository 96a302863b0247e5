using System;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

/// <summary>
/// Valid rows with sensible defaults, seeded as existing data (no steps fire). A test sets only the fact under test
/// through <paramref name="with"/>. Areas add their own producers in partial files (DataProducer.&lt;Area&gt;.cs).
/// </summary>
public sealed partial class DataProducer(DataverseEmulator crm)
{
    public DataverseEmulator Crm { get; } = crm;

    public Contact Contact(Action<Contact>? with = null)
    {
        var contact = new Contact { FirstName = "Ana", LastName = "García " + Guid.NewGuid().ToString("N")[..6] };
        return Seeded(contact, with);
    }

    public Account Account(Action<Account>? with = null)
    {
        var account = new Account { Name = "Contoso " + Guid.NewGuid().ToString("N")[..6] };
        return Seeded(account, with);
    }

    /// <summary>Applies the test's fact, seeds the row and returns it with its id.</summary>
    private T Seeded<T>(T row, Action<T>? with)
        where T : Entity
    {
        with?.Invoke(row);
        Crm.Seed(row);
        return row;
    }
}
