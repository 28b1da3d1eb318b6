using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

/// <summary>The store's own fixtures under <c>Fixtures/Store</c>.</summary>
internal static class StoreFixtures
{
    /// <summary>Example Gears Inc.: 10-K 2024, its 10-K/A, 10-K 2025 and a response promising a backlog disclosure.</summary>
    public static string ExampleGears => Corpus.Fixture(Path.Combine("Store", "example-gears"));

    /// <summary>Two Forms 4 of one owner with a gift left out between them.</summary>
    public static string HoldingsBreak => Corpus.Fixture(Path.Combine("Store", "holdings-break"));

    /// <summary>Two Forms 4 of one owner whose holdings agree.</summary>
    public static string HoldingsConsistent => Corpus.Fixture(Path.Combine("Store", "holdings-consistent"));
}
