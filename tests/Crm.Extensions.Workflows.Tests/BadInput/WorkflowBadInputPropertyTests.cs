using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Framework;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Crm.Extensions.Workflows.Tests.Metadata;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Workflows.Tests.BadInput;

/// <summary>
/// The property "every workflow activity refuses a bad input cleanly (an InvalidPluginExecutionException in the user's
/// language) or succeeds; never a crash, never a partial write", over generated inputs. Each activity's inputs are read
/// from the net462 build's [Input] properties, and the test fails when an input is not fed here, so a new input cannot
/// escape it. Every input gets: missing, a reference of the wrong table or an unknown, empty or table-less id, numbers out
/// of range, empty, blank, random and 10,000-character text, and choice values outside the choice. A classic workflow
/// argument is typed (InArgument&lt;int&gt; cannot hold text), so "wrong type" for it is a row of another table or a
/// value of another choice. Each input runs as users of the three shipped roles; a refusal runs again as a Spanish twin.
/// The seed is fixed, so every run tries the same inputs.
/// </summary>
public sealed class WorkflowBadInputPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20250115;
    private const int HugeStringLength = 10_000;
    private const string Contact = "Contact";
    private const string Account = "Account";

    private static readonly string[] Roles = { "Customer Relationship User", "Loyalty Administrator", "CRM Strategy Manager" };

    [Fact]
    public void Should_RefuseCleanlyOrSucceedWithoutPartialWrites_When_WorkflowActivitiesGetBadInputs()
    {
        var tried = 0;
        var failures = new List<string>();
        foreach (var activity in Activities)
        {
            var world = new World();
            var random = new Random(Seed);
            foreach (var (label, inputs, mustRefuse) in Inputs(activity, world, random))
            {
                foreach (var (user, twin, role) in world.Callers)
                {
                    world.Probe.Try($"{activity.Name} {label} as {role}", user, twin, runAs =>
                    {
                        world.Runner.UserId = runAs;
                        world.Runner.Run(context => activity.Run(context, new Arguments(inputs)), activity: activity.Name);
                    }, mustRefuse);
                }
            }

            tried += world.Probe.Tried;
            failures.AddRange(world.Probe.Failures);
            output.WriteLine($"{activity.Name}: {world.Probe.Tried} inputs, {world.Probe.Refused} refused "
                + $"({world.Probe.PrivilegeRefusals} by the platform's privilege check), {world.Probe.Failures.Count} failures");
        }

        output.WriteLine($"The workflow bad-input property test tried {tried} inputs on {Activities.Count} workflow activities.");
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(80)));
    }

    [Fact]
    public void Should_FeedEveryDeclaredInput_When_TheNet462ActivitiesAreRead()
    {
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);
        const string ns = "Crm.Extensions.Workflows.Activities";

        var declared = metadata.PublicConcreteTypes(ns).Select(type =>
        {
            var inputs = metadata.Arguments(ns, type)
                .Where(a => a.Contains("InArgument", StringComparison.Ordinal))
                .Select(a => a.Split(':')[0]);
            return type + "(" + string.Join(",", inputs.Order(StringComparer.Ordinal)) + ")";
        });
        var fed = Activities.Select(a => a.Name + "(" + string.Join(",", a.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal)) + ")");

        Assert.Equal(declared.Order(StringComparer.Ordinal), fed.Order(StringComparer.Ordinal));
    }

    /// <summary>One [Input] of an activity: its name, CLR type and, for a reference or a choice, its table (and column).</summary>
    private sealed record ActivityInput(string Name, Type Type, string? Table = null, string? Column = null, bool Required = false);

    /// <summary>An activity as its net462 Execute calls its use case, from the arguments by name.</summary>
    private sealed record ActivitySpec(string Name, ActivityInput[] Inputs, Func<WorkflowActivityContext, Arguments, object?> Run);

    private sealed class Arguments(IReadOnlyDictionary<string, object?> values)
    {
        /// <summary>What InArgument&lt;T&gt;.Get returns: the value, or default(T) when the argument is not set.</summary>
        public T Get<T>(string name) => values.TryGetValue(name, out var value) && value is not null ? (T)value : default!;

        public EntityReference? Customer() => CustomerArguments.Customer(Get<EntityReference?>(Contact), Get<EntityReference?>(Account));
    }

    private static readonly ActivityInput ContactInput = new(Contact, typeof(EntityReference), "contact");
    private static readonly ActivityInput AccountInput = new(Account, typeof(EntityReference), "account");

    private static readonly IReadOnlyList<ActivitySpec> Activities = new ActivitySpec[]
    {
        new("AdvanceLoyaltyPhase",
            new[] { ContactInput, AccountInput, new ActivityInput("Product", typeof(EntityReference), "product", Required: true) },
            (context, a) => Application.Loyalty.AdvanceLoyaltyPhase.Run(
                context, context.Workflow.UserId, a.Customer(), a.Get<EntityReference?>("Product"))),
        new("CalculateRfm", new[] { ContactInput, AccountInput },
            (context, a) => Application.Portfolio.CalculateRfm.Run(context, context.Workflow.UserId, a.Customer())),
        new("EvaluateLifecycleStage", new[] { ContactInput, AccountInput },
            (context, a) => Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId, a.Customer())),
        new("GetNextBestOffer", new[] { ContactInput, AccountInput },
            (context, a) => Application.Propositions.GetNextBestOffer.Run(
                context, CustomerArguments.Existing(context, a.Customer(), Application.Propositions.GetNextBestOffer.CustomerRequired))),
        new("GrantLoyaltyPoints",
            new[]
            {
                ContactInput, AccountInput, new ActivityInput("Points", typeof(int), Required: true),
                new ActivityInput("Reason", typeof(string)), new ActivityInput("SourceKey", typeof(string), Required: true),
            },
            (context, a) => Application.Loyalty.GrantPoints.Run(
                context, context.Workflow.UserId, a.Customer(), a.Get<int>("Points"), a.Get<string?>("Reason"),
                a.Get<string?>("SourceKey"))),
        new("IsBirthdayToday", new[] { ContactInput with { Required = true } },
            (context, a) => Application.Intimacy.IsBirthdayToday.Run(context, context.Workflow.UserId, a.Get<EntityReference?>(Contact))),
        new("LogInteraction",
            new[]
            {
                ContactInput, AccountInput,
                new ActivityInput("Channel", typeof(OptionSetValue), Interaction.EntityLogicalName, Interaction.Fields.Channel),
                new ActivityInput("Reason", typeof(string)),
                new ActivityInput("Kind", typeof(OptionSetValue), Interaction.EntityLogicalName, Interaction.Fields.Kind),
                new ActivityInput("DurationMinutes", typeof(int)),
            },
            (context, a) => Application.Intimacy.LogInteraction.Run(
                context, a.Customer(), a.Get<OptionSetValue?>("Channel"), a.Get<string?>("Reason"), a.Get<OptionSetValue?>("Kind"),
                a.Get<int>("DurationMinutes"))),
        new("RedeemReward",
            new[] { ContactInput, AccountInput, new ActivityInput("Reward", typeof(EntityReference), "cx_reward", Required: true) },
            (context, a) =>
            {
                var customer = a.Customer();
                if (CustomerRecords.IsCustomer(customer))
                {
                    customer = CustomerArguments.Existing(context, customer, Application.Loyalty.RedeemReward.CustomerRequired);
                }

                return Application.Loyalty.RedeemReward.Run(
                    context, context.Workflow.UserId, customer, a.Get<EntityReference?>("Reward"), context.Workflow.IsInTransaction);
            }),
    };

    /// <summary>
    /// One all-valid input first (so a refusal of valid input shows too), then for each input every bad value while the
    /// others stay valid. The customer is one input in two arguments: a bad Contact is tried without an Account and the
    /// other way round, and "no customer" leaves both empty.
    /// </summary>
    private static IEnumerable<(string Label, Dictionary<string, object?> Inputs, bool MustRefuse)> Inputs(
        ActivitySpec activity, World world, Random random)
    {
        var valid = activity.Inputs.ToDictionary(i => i.Name, i => world.Valid(activity.Name, i), StringComparer.Ordinal);
        yield return ("with valid inputs", new Dictionary<string, object?>(valid), false);
        foreach (var input in activity.Inputs)
        {
            var isCustomer = input.Name is Contact or Account && activity.Inputs.Contains(AccountInput);
            foreach (var (description, value, mustRefuse) in Values(input, world, random, isCustomer))
            {
                var inputs = new Dictionary<string, object?>(valid) { [input.Name] = value };
                if (isCustomer) inputs[input.Name == Contact ? Account : Contact] = null;
                // A grant is idempotent by its source key: each input names its own event, so none is a replay of another.
                if (input.Name != "SourceKey" && inputs.ContainsKey("SourceKey")) inputs["SourceKey"] = $"event-{input.Name}-{description}";
                yield return ($"{input.Name} = {description}", inputs, mustRefuse);
            }
        }
    }

    private static IEnumerable<(string Description, object? Value, bool MustRefuse)> Values(
        ActivityInput input, World world, Random random, bool isCustomer)
    {
        yield return ("missing", null, input.Required || isCustomer);
        if (input.Type == typeof(EntityReference))
        {
            var table = input.Table!;
            yield return ($"unknown {table} id", new EntityReference(table, NextGuid(random)), true);
            yield return ("empty id", new EntityReference(table, Guid.Empty), true);
            yield return ("no table name", new EntityReference { Id = NextGuid(random) }, true);
            yield return ("unknown table", new EntityReference("cx_nosuchtable", NextGuid(random)), true);
            yield return ("a systemuser row", new EntityReference("systemuser", world.Runner.Crm.Users.DefaultUserId), true);
            var other = table == "contact" ? world.Row("account") : world.Row("contact");
            yield return ($"a {other.LogicalName} row", other, true);
        }
        else if (input.Type == typeof(int))
        {
            var drawn = random.Next(int.MinValue, -1);
            foreach (var number in new[] { -1, 0, int.MinValue, int.MaxValue, drawn })
            {
                // No count, duration or number of points is negative; points are also granted only when positive and within the cap.
                var mustRefuse = number < 0 || (input.Name == "Points" && (number == 0 || number == int.MaxValue));
                yield return ($"int {number.ToString(CultureInfo.InvariantCulture)}", number, mustRefuse);
            }
        }
        else if (input.Type == typeof(string))
        {
            yield return ("empty string", string.Empty, input.Required);
            yield return ("blank string", "   ", input.Required);
            yield return ("10,000-character string", new string('x', HugeStringLength), true);
            yield return ("random text", new string(Enumerable.Range(0, 12).Select(_ => (char)random.Next(33, 0x2FF)).ToArray()), false);
        }
        else if (input.Type == typeof(OptionSetValue))
        {
            // 100000000: the first option of a choice made under the default publisher, a value of another choice.
            foreach (var option in new[] { -1, 0, int.MaxValue, 100_000_000 })
            {
                yield return ($"choice {option.ToString(CultureInfo.InvariantCulture)}", new OptionSetValue(option), true);
            }
        }
    }

    private static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>
    /// A small valid world: an active program with a tier and a reward, a contact (owned by the customer relationship user)
    /// with spendable points and a journey in a product family, an account, a completed portfolio analysis; a user of
    /// each shipped role with a Spanish-speaking twin.
    /// </summary>
    private sealed class World
    {
        private readonly Dictionary<string, EntityReference> _rows = new(StringComparer.OrdinalIgnoreCase);

        public World()
        {
            Runner = new WorkflowRunner();
            Probe = new WorkflowInputProbe(Runner.Crm);
            var crm = Runner.Crm;
            var callers = new List<(Guid, Guid, string)>();
            foreach (var role in Roles)
            {
                var english = crm.CreateUser(role, roles: new[] { role });
                var spanish = crm.CreateUser(role + " (es)", uiLanguageId: 3082, roles: new[] { role });
                callers.Add((english, spanish, role));
            }

            Callers = callers;
            var data = Runner.Data;
            var program = data.Program();
            data.Tier(program);
            var contact = data.Contact(c => c[EarlyBound.Contact.Fields.OwnerId] = new EntityReference("systemuser", callers[0].Item1));
            data.AvailablePoints(contact, program, 5_000);
            var family = data.Product();
            var product = data.ProductIn(family);
            data.Journey(contact, family);
            data.CompletedAnalysis();
            foreach (var row in new Entity[] { program, data.Reward(program), contact, data.Account(), product })
            {
                _rows[row.LogicalName] = row.ToEntityReference();
            }
        }

        public WorkflowRunner Runner { get; }

        public WorkflowInputProbe Probe { get; }

        public IReadOnlyList<(Guid User, Guid SpanishTwin, string Role)> Callers { get; }

        public EntityReference Row(string table) => _rows[table];

        /// <summary>A valid value of the input; the customer is the contact, the Account argument stays empty.</summary>
        public object? Valid(string activity, ActivityInput input) => input.Name switch
        {
            Contact => Row("contact"),
            Account => null,
            "Product" => Row("product"),
            "Reward" => Row("cx_reward"),
            "Points" => 250,
            "Reason" => "Goodwill",
            "SourceKey" => "complaint-" + activity,
            "Channel" => new OptionSetValue((int)GlobalChoices.InteractionChannel.Phone),
            "Kind" => new OptionSetValue((int)GlobalChoices.InteractionDataKind.Behavioural),
            "DurationMinutes" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Name, "No valid value for this input."),
        };
    }
}
