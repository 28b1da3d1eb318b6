using System.Collections.Frozen;

namespace EdgarSharp.Ownership;

/// <summary>Column 4 (Table I) or 5 (Table II): whether the securities were acquired (A) or disposed of (D).</summary>
public enum AcquiredDisposed
{
    /// <summary><c>A</c>: acquired.</summary>
    Acquired,

    /// <summary><c>D</c>: disposed of.</summary>
    Disposed,
}

/// <summary>Ownership form: direct (D) or indirect (I).</summary>
public enum OwnershipForm
{
    /// <summary><c>D</c>: owned directly.</summary>
    Direct,

    /// <summary><c>I</c>: owned indirectly (the nature of ownership says how).</summary>
    Indirect,
}

/// <summary>Transaction timeliness: reported early (E, the form's V column) or late (L).</summary>
public enum Timeliness
{
    /// <summary><c>E</c>: reported earlier than required (voluntarily).</summary>
    Early,

    /// <summary><c>L</c>: reported late.</summary>
    Late,
}

/// <summary>
/// The one-letter codes of the ownership forms (A/D, D/I, E/L) and the SEC's transaction codes (General
/// Instruction 8 of Form 4) with their meaning. Lookups are ordinal and culture-free.
/// </summary>
public static class OwnershipCodes
{
    private static readonly FrozenDictionary<string, string> Transactions = new Dictionary<string, string>
    {
        ["P"] = "Open market or private purchase of non-derivative or derivative security",
        ["S"] = "Open market or private sale of non-derivative or derivative security",
        ["V"] = "Transaction voluntarily reported earlier than required",
        ["A"] = "Grant, award or other acquisition pursuant to Rule 16b-3(d)",
        ["D"] = "Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)",
        ["F"] = "Payment of exercise price or tax liability by delivering or withholding securities incident to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3",
        ["I"] = "Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition or disposition of issuer securities",
        ["M"] = "Exercise or conversion of derivative security exempted pursuant to Rule 16b-3",
        ["C"] = "Conversion of derivative security",
        ["E"] = "Expiration of short derivative position",
        ["H"] = "Expiration (or cancellation) of long derivative position with value received",
        ["O"] = "Exercise of out-of-the-money derivative security",
        ["X"] = "Exercise of in-the-money or at-the-money derivative security",
        ["G"] = "Bona fide gift",
        ["L"] = "Small acquisition under Rule 16a-6",
        ["W"] = "Acquisition or disposition by will or the laws of descent and distribution",
        ["Z"] = "Deposit into or withdrawal from voting trust",
        ["J"] = "Other acquisition or disposition (described in the footnotes)",
        ["K"] = "Transaction in equity swap or instrument with similar characteristics",
        ["U"] = "Disposition pursuant to a tender of shares in a change of control transaction",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every transaction code the SEC defines, in the order of its instructions.</summary>
    public static IReadOnlyList<string> TransactionCodes { get; } =
        ["P", "S", "V", "A", "D", "F", "I", "M", "C", "E", "H", "O", "X", "G", "L", "W", "Z", "J", "K", "U"];

    /// <summary>The meaning of a transaction code (<c>M</c>: exercise or conversion ...); null for a code the SEC does not define.</summary>
    public static string? DescribeTransaction(string? code) =>
        code is not null && Transactions.TryGetValue(code, out var text) ? text : null;

    /// <summary>True when <paramref name="code"/> is one of the SEC's transaction codes (case-sensitive).</summary>
    public static bool IsTransactionCode(string? code) => code is not null && Transactions.ContainsKey(code);

    /// <summary>The one-letter code of an enumeration value (<c>A</c>, <c>D</c>, <c>I</c>, <c>E</c>, <c>L</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of this namespace's code enumerations.</exception>
    public static string ToCode<T>(T value) where T : struct => value switch
    {
        AcquiredDisposed.Acquired => "A",
        AcquiredDisposed.Disposed => "D",
        OwnershipForm.Direct => "D",
        OwnershipForm.Indirect => "I",
        Timeliness.Early => "E",
        Timeliness.Late => "L",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "The value has no one-letter code."),
    };

    /// <summary>Parses <c>A</c>/<c>D</c> (ordinal, after trimming); false for anything else.</summary>
    public static bool TryParse(string? text, out AcquiredDisposed value)
    {
        switch (text?.Trim())
        {
            case "A": value = AcquiredDisposed.Acquired; return true;
            case "D": value = AcquiredDisposed.Disposed; return true;
            default: value = default; return false;
        }
    }

    /// <summary>Parses <c>D</c>/<c>I</c> (ordinal, after trimming); false for anything else.</summary>
    public static bool TryParse(string? text, out OwnershipForm value)
    {
        switch (text?.Trim())
        {
            case "D": value = OwnershipForm.Direct; return true;
            case "I": value = OwnershipForm.Indirect; return true;
            default: value = default; return false;
        }
    }

    /// <summary>Parses <c>E</c>/<c>L</c> (ordinal, after trimming); false for anything else.</summary>
    public static bool TryParse(string? text, out Timeliness value)
    {
        switch (text?.Trim())
        {
            case "E": value = Timeliness.Early; return true;
            case "L": value = Timeliness.Late; return true;
            default: value = default; return false;
        }
    }
}
