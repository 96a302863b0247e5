using System;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    /// <summary>A contact who consented to storing preference data.</summary>
    public Contact ConsentingContact(Action<Contact>? with = null) => Contact(c =>
    {
        c.ConsentPreferences = true;
        with?.Invoke(c);
    });

    /// <summary>A valid interaction, not yet stored: a behavioural phone call an hour ago, 12 minutes long.</summary>
    public Interaction NewInteraction(Contact customer, Action<Interaction>? with = null)
    {
        var interaction = new Interaction
        {
            Name = "Call",
            CustomerId = customer.ToEntityReference(),
            Channel = GlobalChoices.InteractionChannel.Phone,
            Kind = GlobalChoices.InteractionDataKind.Behavioural,
            Reason = "Delivery question",
            OccurredOn = Crm.Clock.UtcNow.AddHours(-1),
            DurationMinutes = 12,
        };
        with?.Invoke(interaction);
        return interaction;
    }

    /// <summary>A valid preference, not yet stored.</summary>
    public Preference NewPreference(Contact customer, Action<Preference>? with = null)
    {
        var preference = new Preference
        {
            Name = "Prefers email",
            CustomerId = customer.ToEntityReference(),
            Category = Preference.CategoryChoice.Channel,
            Value = "Email",
        };
        with?.Invoke(preference);
        return preference;
    }

    /// <summary>A valid case (incident) of <paramref name="customer"/>, not yet stored.</summary>
    public Incident NewCase(Contact customer, Action<Incident>? with = null)
    {
        var incident = new Incident { Title = "Parcel arrived damaged", CustomerId = customer.ToEntityReference() };
        with?.Invoke(incident);
        return incident;
    }
}
