using System;
using System.Collections.Generic;
using System.Linq;
using Bogus;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Cli.Demo;

/// <summary>How a customer buys: a few heavy buyers, many one-off ones, so that a Pareto shape emerges.</summary>
public enum BuyerProfile
{
    Heavy,
    Regular,
    OneOff,
}

/// <summary>One synthetic customer as the simulation drives it (the row itself lives in the emulator).</summary>
public sealed record DemoCustomer(int Number, EntityReference Row, BuyerProfile Profile, int JoinDay, int StopDay, int FavouriteFamily,
    bool Consents);

/// <summary>A product line: its family row and the products under it, each with a list price and a cost.</summary>
public sealed record DemoFamily(string Name, EntityReference Row, IReadOnlyList<DemoProduct> Products);

public sealed record DemoProduct(string Name, EntityReference Row, decimal Price, decimal Cost);

/// <summary>
/// The synthetic company's master data, created through the service by the person who owns each table, so that every
/// registered step fires as it would on import day: the catalogue with families, cross-sell and up-sell links and a VIP
/// price list; a loyalty program with four tiers and rewards; partners; a strategy; then the customers.
/// </summary>
public sealed class DemoCompany
{
    private static readonly (string Family, (string Name, decimal Price, decimal Cost)[] Products)[] Catalogue =
    {
        ("Coffee",
            new[] { ("House blend 1 kg", 24m, 11m), ("Single origin 500 g", 19m, 8m), ("Decaf 500 g", 15m, 7m),
                ("Espresso pods x50", 17m, 6m) }),
        ("Tea", new[] { ("Green tea 250 g", 12m, 4m), ("Earl grey 250 g", 11m, 4m), ("Rooibos 250 g", 10m, 3m) }),
        ("Brewing equipment", new[] { ("Espresso machine", 420m, 260m), ("Grinder", 160m, 90m), ("Pour-over kit", 45m, 20m) }),
    };

    private DemoCompany(IReadOnlyList<DemoFamily> families, EntityReference program, IReadOnlyList<EntityReference> rewards,
        IReadOnlyList<int> rewardCosts, EntityReference strategy, IReadOnlyList<DemoCustomer> customers)
    {
        Families = families;
        Program = program;
        Rewards = rewards;
        RewardCosts = rewardCosts;
        Strategy = strategy;
        Customers = customers;
    }

    public IReadOnlyList<DemoFamily> Families { get; }

    public EntityReference Program { get; }

    /// <summary>Rewards from the cheapest to the dearest, with <see cref="RewardCosts"/> in the same order.</summary>
    public IReadOnlyList<EntityReference> Rewards { get; }

    public IReadOnlyList<int> RewardCosts { get; }

    public EntityReference Strategy { get; }

    public IReadOnlyList<DemoCustomer> Customers { get; }

    /// <param name="created">Told the number of customers created so far, after each one.</param>
    public static DemoCompany Create(DemoCast cast, DemoOptions options, Faker faker, Action<int> created)
    {
        var families = CreateCatalogue(cast.SalesOperations);
        var vipList = CreatePriceList(cast.SalesOperations, "VIP", families, 0.9m);
        CreatePriceList(cast.SalesOperations, "Retail", families, 1m);
        var program = CreateProgram(cast.LoyaltyManager, vipList);
        var (rewards, costs) = CreateRewards(cast.LoyaltyManager, program);
        var strategy = new EntityReference(CrmStrategy.EntityLogicalName, cast.Strategist.Create(new CrmStrategy
        {
            Name = options.Spanish ? "Estrategia CRM" : "CRM strategy",
            Objective = options.Spanish ? "Crecer con los mejores clientes" : "Grow with the best customers",
            PeriodStart = DemoOptions.FirstDay,
            PeriodEnd = DemoOptions.FirstDay.AddMonths(options.Months),
        }));
        var customers = CreateCustomers(cast, options, faker, families.Count, created);
        return new DemoCompany(families, program, rewards, costs, strategy, customers);
    }

    private static List<DemoFamily> CreateCatalogue(IOrganizationService sales)
    {
        var families = new List<DemoFamily>();
        var number = 0;
        foreach (var (familyName, items) in Catalogue)
        {
            var family = new EntityReference(Product.EntityLogicalName,
                sales.Create(new Product { Name = familyName, ProductNumber = "F-" + (++number) }));
            var products = items.Select(
                item => new DemoProduct(item.Name, new EntityReference(Product.EntityLogicalName, sales.Create(new Product
            {
                Name = item.Name,
                ProductNumber = "P-" + (++number),
                ParentProductId = family,
                Price = new Money(item.Price),
                CurrentCost = new Money(item.Cost),
            })), item.Price, item.Cost)).ToList();
            families.Add(new DemoFamily(familyName, family, products));
        }

        // Cross-sell inside a line (beans with pods, green tea with rooibos) and up-sell across lines (coffee to a machine).
        foreach (var family in families)
        {
            Link(sales, family.Products[0], family.Products[1], SalesRelationship.CrossSell);
        }

        Link(sales, families[0].Products[0], families[2].Products[0], SalesRelationship.UpSell);
        Link(sales, families[0].Products[1], families[2].Products[1], SalesRelationship.UpSell);
        return families;
    }

    /// <summary>productsubstitute.salesrelationshiptype values of Dynamics 365 Sales.</summary>
    private enum SalesRelationship
    {
        UpSell = 0,
        CrossSell = 1,
    }

    private static void Link(IOrganizationService sales, DemoProduct from, DemoProduct to, SalesRelationship type)
        => sales.Create(new ProductSubstitute
    {
        [ProductSubstitute.Fields.ProductId] = from.Row,
        [ProductSubstitute.Fields.SubstitutedProductId] = to.Row,
        [ProductSubstitute.Fields.SalesRelationshipType] = new OptionSetValue((int)type),
        [ProductSubstitute.Fields.Direction] = new OptionSetValue(0),
    });

    private static EntityReference CreatePriceList(IOrganizationService sales, string name, IEnumerable<DemoFamily> families,
        decimal factor)
    {
        var list = new EntityReference(PriceLevel.EntityLogicalName, sales.Create(new PriceLevel { [PriceLevel.Fields.Name] = name }));
        foreach (var product in families.SelectMany(f => f.Products))
        {
            sales.Create(new ProductPriceLevel
            {
                [ProductPriceLevel.Fields.PriceLevelId] = list,
                [ProductPriceLevel.Fields.ProductId] = product.Row,
                [ProductPriceLevel.Fields.Amount] = new Money(decimal.Round(product.Price * factor, 2)),
            });
        }

        return list;
    }

    private static EntityReference CreateProgram(IOrganizationService loyalty, EntityReference vipList)
    {
        var program = new EntityReference(LoyaltyProgram.EntityLogicalName, loyalty.Create(new LoyaltyProgram
        {
            [LoyaltyProgram.Fields.Name] = "Club",
            [LoyaltyProgram.Fields.QualificationWindowMonths] = 12,
            [LoyaltyProgram.Fields.DowngradeGraceDays] = 30,
            [LoyaltyProgram.Fields.PendingDays] = 14,
            [LoyaltyProgram.Fields.PointsPerCurrencyUnit] = 1m,
            [LoyaltyProgram.Fields.ExpiryPolicy] = new OptionSetValue((int)GlobalChoices.ExpiryPolicy.AfterNDays),
            [LoyaltyProgram.Fields.ExpiryDays] = 365,
            [LoyaltyProgram.Fields.MaxBalance] = 1_000_000,
            [LoyaltyProgram.Fields.BirthdayBonusPoints] = 50,
        }));
        var tiers = new (string Name, int Rank, int Points, decimal Multiplier, bool Vip)[]
        {
            ("Bronze", 1, 100, 1m, false), ("Silver", 2, 600, 1.1m, false), ("Gold", 3, 1500, 1.25m, true),
            ("Platinum", 4, 4000, 1.5m, true),
        };
        foreach (var tier in tiers)
        {
            loyalty.Create(new LoyaltyTier
            {
                [LoyaltyTier.Fields.Name] = tier.Name,
                [LoyaltyTier.Fields.Rank] = tier.Rank,
                [LoyaltyTier.Fields.MinQualifyingPoints] = tier.Points,
                [LoyaltyTier.Fields.PointsMultiplier] = tier.Multiplier,
                [LoyaltyTier.Fields.IsVip] = tier.Vip,
                [LoyaltyTier.Fields.PriceLevelId] = tier.Vip ? vipList : null,
                [LoyaltyTier.Fields.LoyaltyProgramId] = program,
            });
        }

        return program;
    }

    private static (List<EntityReference> Rewards, List<int> Costs) CreateRewards(IOrganizationService loyalty, EntityReference program)
    {
        var catalogue = new (string Name, int Cost, decimal Value)[] { ("Free coffee", 150, 5m), ("10 € voucher", 400, 10m),
            ("Tasting event", 1200, 40m) };
        var rewards = catalogue.Select(reward => new EntityReference(Reward.EntityLogicalName, loyalty.Create(new Reward
        {
            [Reward.Fields.Name] = reward.Name,
            [Reward.Fields.RewardType] = new OptionSetValue((int)GlobalChoices.RewardType.FixedVoucher),
            [Reward.Fields.PointsCost] = reward.Cost,
            [Reward.Fields.VoucherValue] = new Money(reward.Value),
            [Reward.Fields.LoyaltyProgramId] = program,
        }))).ToList();
        return (rewards, catalogue.Select(reward => reward.Cost).ToList());
    }

    /// <summary>
    /// 3% heavy buyers, 37% regular ones (a third of them stop buying at some point: the at-risk and lapsed of later
    /// months), 60% who buy once; they join evenly over the period, every fifth one a company (account).
    /// </summary>
    private static List<DemoCustomer> CreateCustomers(DemoCast cast, DemoOptions options, Faker faker, int familyCount, Action<int> created)
    {
        var days = (DemoOptions.FirstDay.AddMonths(options.Months) - DemoOptions.FirstDay).Days;
        var owner = new EntityReference(SystemUser.EntityLogicalName, cast.AccountManagerId);
        var customers = new List<DemoCustomer>(options.Customers);
        for (var number = 1; number <= options.Customers; number++)
        {
            var roll = faker.Random.Double();
            var profile = roll < 0.03 ? BuyerProfile.Heavy : roll < 0.40 ? BuyerProfile.Regular : BuyerProfile.OneOff;
            var joinDay = faker.Random.Int(0, Math.Max(0, (days * 3 / 4) - 1));
            var stopDay = profile == BuyerProfile.Regular && faker.Random.Bool(0.35f) ? faker.Random.Int(joinDay, days) : int.MaxValue;
            var consents = faker.Random.Bool(0.7f);
            var row = number % 5 == 0
                ? new Account { Name = faker.Company.CompanyName(), OwnerId = owner, ConsentMarketing = consents,
                    ConsentPreferences = consents }
                : (Entity)new Contact
                {
                    FirstName = faker.Name.FirstName(),
                    LastName = faker.Name.LastName(),
                    BirthDate = faker.Date.Between(new DateTime(1950, 1, 1), new DateTime(2004, 12, 31)).Date,
                    ["emailaddress1"] = faker.Internet.Email(),
                    ["telephone1"] = faker.Phone.PhoneNumber("+34 6## ### ###"),
                    OwnerId = owner,
                    ConsentMarketing = consents,
                    ConsentPreferences = consents,
                    ConsentProfiling = consents,
                };
            var id = cast.AccountManager.Create(row);
            customers.Add(
                new DemoCustomer(number, new EntityReference(row.LogicalName, id), profile, joinDay, stopDay,
                    faker.Random.Int(0, familyCount - 1), consents));
            created(number);
        }

        return customers;
    }
}
