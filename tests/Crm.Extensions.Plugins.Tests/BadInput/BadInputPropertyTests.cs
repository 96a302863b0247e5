using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Plugins.Tests.BadInput;

/// <summary>
/// The property "every entry point refuses a bad input cleanly or succeeds; never a crash, never a partial write",
/// checked over generated inputs. Entry points come from the loaded solution's metadata, not from a list here: every
/// custom API with its declared parameters, and every table with a Create or Update step with each of its columns. So a
/// new API, step or column is covered without touching this test. Each input runs as an administrator and as a user with
/// the shipped role "Loyalty Administrator"; a plugin refusal runs again as a Spanish-speaking twin.
/// The seed is fixed, so every run tries the same inputs.
/// </summary>
public sealed class BadInputPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20250115;
    private const string LoyaltyAdministrator = "Loyalty Administrator";

    /// <summary>Custom API parameter types (customapirequestparameter.type) and the CLR type each carries.</summary>
    private static readonly Dictionary<int, Type> ParameterTypes = new()
    {
        [0] = typeof(bool), [1] = typeof(DateTime), [2] = typeof(decimal), [3] = typeof(Entity), [4] = typeof(EntityCollection),
        [5] = typeof(EntityReference), [6] = typeof(double), [7] = typeof(int), [8] = typeof(Money), [9] = typeof(OptionSetValue),
        [10] = typeof(string), [11] = typeof(string[]), [12] = typeof(Guid),
    };

    [Fact]
    public void Should_RefuseCleanlyOrSucceedWithoutPartialWrites_When_CustomApisGetBadParameters()
    {
        var apis = ProductSolution.Start().Metadata.CustomApis.Values.OrderBy(a => a.UniqueName, StringComparer.Ordinal).ToList();
        var tried = 0;
        var failures = new List<string>();
        foreach (var api in apis)
        {
            var world = new World(ProductSolution.Start());
            var values = new BadValues(new Random(Seed));
            foreach (var (label, parameters, mustRefuse) in Inputs(api, world, values))
            {
                foreach (var (user, twin) in world.Callers)
                {
                    world.Probe.Try($"{api.UniqueName} {label} as {world.NameOf(user)}", user, twin, service =>
                    {
                        var request = new OrganizationRequest(api.UniqueName);
                        foreach (var pair in parameters) request.Parameters[pair.Key] = pair.Value;
                        service.Execute(request);
                    }, mustRefuse);
                }
            }

            tried += world.Probe.Tried;
            failures.AddRange(world.Probe.Failures);
            output.WriteLine(
                $"{api.UniqueName}: {world.Probe.Tried} inputs, {world.Probe.Refused} refused, {world.Probe.Failures.Count} failures");
        }

        output.WriteLine($"The bad-input property test tried {tried} inputs on {apis.Count} custom APIs.");
        Assert.True(apis.Count > 0, "No custom API was loaded from the solution.");
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(80)));
    }

    [Fact]
    public void Should_RefuseCleanlyOrSucceedWithoutPartialWrites_When_TablesWithStepsGetBadColumnValues()
    {
        var metadata = ProductSolution.Start().Metadata;
        var tables = metadata.Steps
            .Where(s => s.Message is "Create" or "Update" && !string.IsNullOrEmpty(s.PrimaryEntity) && s.PrimaryEntity != "none")
            .Select(s => s.PrimaryEntity)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
        var tried = 0;
        var failures = new List<string>();
        foreach (var table in tables)
        {
            var world = new World(ProductSolution.Start());
            var values = new BadValues(new Random(Seed));
            var existing = world.Crm.Snapshot();
            var row = world.Existing(table);
            var columns = world.Crm.Metadata.Table(table).Columns.Values.OrderBy(c => c.LogicalName, StringComparer.Ordinal).ToList();
            foreach (var column in columns)
            {
                foreach (var (bad, mustRefuse) in ColumnValues(column, world, values))
                {
                    foreach (var (user, twin) in world.Callers)
                    {
                        var who = world.NameOf(user);
                        world.Probe.Try($"Create {table}.{column.LogicalName} = {bad.Description} as {who}", user, twin,
                            service => service.Create(new Entity(table) { [column.LogicalName] = bad.Value }), mustRefuse);
                        world.Probe.Try($"Update {table}.{column.LogicalName} = {bad.Description} as {who}", user, twin,
                            service => service.Update(new Entity(table, row.Id) { [column.LogicalName] = bad.Value }), mustRefuse);
                    }
                }
            }

            tried += world.Probe.Tried;
            failures.AddRange(world.Probe.Failures);
            output.WriteLine(
                $"{table}: {columns.Count} columns, {world.Probe.Tried} inputs, {world.Probe.Refused} refused, " +
                $"{world.Probe.Failures.Count} failures");
        }

        output.WriteLine($"The bad-input property test tried {tried} inputs on {tables.Count} tables with Create or Update steps.");
        Assert.True(tables.Count > 0, "No table with a Create or Update step was loaded from the solution.");
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(80)));
    }

    /// <summary>
    /// For each declared parameter: every wrong type, null, absent, and its type's out-of-range values, while the
    /// other parameters hold valid values. One all-valid input first, so a refusal of valid input shows as well.
    /// </summary>
    private static IEnumerable<(string Label, Dictionary<string, object?> Parameters, bool MustRefuse)> Inputs(CustomApiMetadata api,
        World world, BadValues values)
    {
        var valid = api.RequestParameters.ToDictionary(p => p.UniqueName, p => world.ValidParameter(p), StringComparer.Ordinal);
        yield return ("with valid parameters", new Dictionary<string, object?>(valid), false);
        foreach (var parameter in api.RequestParameters)
        {
            var type = ParameterTypes.TryGetValue(parameter.Type, out var clr) ? clr : typeof(object);
            var wrongTypes = BadValues.WrongTypes(type)
                .Select(v => (Value: v with { Description = "a " + v.Description }, MustRefuse: true));
            var others = RangeValues(type, valid[parameter.UniqueName] as EntityReference, world, values)
                .Prepend(new BadValue("null", null))
                .Select(v => (Value: v, MustRefuse: v.Value is EntityReference || v.Value is int and < 0
                    || v.Value is string { Length: BadValues.HugeStringLength }));
            foreach (var (value, mustRefuse) in wrongTypes.Concat(others))
            {
                yield return ($"{parameter.UniqueName} = {value.Description}",
                    new Dictionary<string, object?>(valid) { [parameter.UniqueName] = value.Value }, mustRefuse);
            }

            var without = new Dictionary<string, object?>(valid);
            without.Remove(parameter.UniqueName);
            yield return ($"without {parameter.UniqueName}", without, false);
        }
    }

    private static IEnumerable<BadValue> RangeValues(Type type, EntityReference? valid, World world, BadValues values) => type switch
    {
        _ when type == typeof(int) => values.Integers(),
        _ when type == typeof(decimal) => values.Decimals(),
        _ when type == typeof(double) => values.Decimals().Select(v => v with { Value = (double)(decimal)v.Value! }),
        _ when type == typeof(Money) => values.Decimals().Select(v => v with { Value = new Money((decimal)v.Value!) }),
        _ when type == typeof(DateTime) => values.Dates(),
        _ when type == typeof(string) => values.Strings(),
        _ when type == typeof(OptionSetValue) => values.Choices(),
        _ when type == typeof(EntityReference) => values.References(valid?.LogicalName, world.WrongTableRow),
        _ => Enumerable.Empty<BadValue>(),
    };

    private static IEnumerable<(BadValue Value, bool MustRefuse)> ColumnValues(ColumnMetadata column, World world, BadValues values) =>
        BadValues.WrongTypes(ClrType(column.Type)).Select(v => (v with { Description = "a " + v.Description }, true))
            .Concat(RangeColumnValues(column, world, values).Select(v => (v, false)));

    private static IEnumerable<BadValue> RangeColumnValues(ColumnMetadata column, World world, BadValues values)
    {
        var wrongTypes = Enumerable.Empty<BadValue>();
        return column.Type switch
        {
            ColumnType.String or ColumnType.Memo => wrongTypes.Concat(values.Strings()),
            ColumnType.Integer or ColumnType.BigInt => wrongTypes.Concat(values.Integers()),
            ColumnType.Decimal => wrongTypes.Concat(values.Decimals()),
            ColumnType.Double => wrongTypes.Concat(values.Decimals().Select(v => v with { Value = (double)(decimal)v.Value! })),
            ColumnType.Money => wrongTypes.Concat(values.Decimals().Select(v => v with { Value = new Money((decimal)v.Value!) })),
            ColumnType.DateTime => wrongTypes.Concat(values.Dates()),
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => wrongTypes.Concat(values.Choices()),
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner =>
                wrongTypes.Concat(
                    values.References(column.Targets.OrderBy(t => t, StringComparer.Ordinal).FirstOrDefault(), world.WrongTableRow)),
            _ => wrongTypes,
        };
    }

    private static Type ClrType(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => typeof(string),
        ColumnType.Integer => typeof(int),
        ColumnType.BigInt => typeof(long),
        ColumnType.Decimal => typeof(decimal),
        ColumnType.Double => typeof(double),
        ColumnType.Money => typeof(Money),
        ColumnType.DateTime => typeof(DateTime),
        ColumnType.Boolean => typeof(bool),
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => typeof(OptionSetValue),
        ColumnType.MultiSelectPicklist => typeof(OptionSetValueCollection),
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => typeof(EntityReference),
        ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => typeof(Guid),
        _ => typeof(object),
    };

    /// <summary>
    /// A small valid world: a loyalty program with a tier and a reward, a contact with spendable points, a strategy;
    /// an administrator and a Loyalty Administrator, each with a Spanish-speaking twin.
    /// </summary>
    private sealed class World
    {
        private readonly Dictionary<string, EntityReference> _rows = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<Guid, string> _names = new();

        public World(DataverseEmulator crm)
        {
            Crm = crm;
            Probe = new BadInputProbe(crm);
            var data = new DataProducer(crm);
            var program = data.Program();
            var contact = data.Contact();
            data.AvailablePoints(contact, program, 5_000);
            foreach (var row in new Entity[] { program, data.Tier(program), data.Reward(program), contact, data.Account(),
                         data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis) })
            {
                _rows[row.LogicalName] = row.ToEntityReference();
            }

            var admin = crm.Users.DefaultUserId;
            var adminEs = crm.CreateUser("Administrador", isAdministrator: true, uiLanguageId: 3082);
            var loyalty = crm.CreateUser("Loyalty Admin", roles: new[] { LoyaltyAdministrator });
            var loyaltyEs = crm.CreateUser("Administradora de fidelización", uiLanguageId: 3082, roles: new[] { LoyaltyAdministrator });
            _names[admin] = "administrator";
            _names[loyalty] = LoyaltyAdministrator;
            Callers = new[] { (admin, adminEs), (loyalty, loyaltyEs) };
            WrongTableRow = new EntityReference("systemuser", admin);
        }

        public DataverseEmulator Crm { get; }

        public BadInputProbe Probe { get; }

        public IReadOnlyList<(Guid User, Guid SpanishTwin)> Callers { get; }

        /// <summary>A row that exists but belongs to a table no input of the product takes.</summary>
        public EntityReference WrongTableRow { get; }

        public string NameOf(Guid user) => _names[user];

        /// <summary>A row of <paramref name="table"/> to update: one of the world's rows, else a new one with no columns.</summary>
        public EntityReference Existing(string table)
        {
            if (_rows.TryGetValue(table, out var row)) return row;
            var created = new Entity(table);
            Crm.Seed(created);
            return _rows[table] = created.ToEntityReference();
        }

        /// <summary>
        /// A valid value by declared type. A reference names the world's row whose table ends with the parameter's name
        /// (Reward: cx_reward, Strategy: cx_crmstrategy), else the contact (customers).
        /// </summary>
        public object? ValidParameter(CustomApiParameter parameter) => parameter.Type switch
        {
            0 => true,
            1 => Crm.Clock.UtcNow,
            2 => 80m,
            5 => _rows.FirstOrDefault(r => r.Key.EndsWith(parameter.UniqueName, StringComparison.OrdinalIgnoreCase)).Value
                ?? _rows["contact"],
            6 => 1d,
            7 => 10,
            8 => new Money(10m),
            9 => new OptionSetValue(1),
            10 => Crm.Clock.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            11 => new[] { "x" },
            12 => Guid.NewGuid(),
            _ => null,
        };
    }
}
