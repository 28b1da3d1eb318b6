using EdgarSharp.Xbrl.Inline.Internal;

namespace EdgarSharp.Xbrl;

/// <summary>
/// The outcome of one inline XBRL transformation: the value in the XBRL lexical space of its output type, or
/// the code and sentence of why the input could not be transformed.
/// </summary>
/// <param name="Succeeded">True when <see cref="Value"/> holds the transformed value.</param>
/// <param name="Value">The transformed value (empty when the transformation failed).</param>
/// <param name="ErrorCode">
/// <c>ix11.11.1.2:invalidTransformation</c> when the format is in no registry EDGAR accepts,
/// <c>ixt:invalidValue</c> when the text is outside the function's input pattern; null on success.
/// </param>
/// <param name="Message">A whole sentence for a person; null on success.</param>
public readonly record struct TransformResult(bool Succeeded, string Value, string? ErrorCode, string? Message)
{
    internal static TransformResult Ok(string value) => new(true, value, null, null);

    internal static TransformResult Invalid(string ns, string local, string input) =>
        new(false, string.Empty, InlineTransformRegistry.InvalidValueCode,
            $"The text '{input}' is not a valid input of the transformation {local} ({ns}); correct the text or choose the format that matches it.");
}

/// <summary>
/// The transformation registries EDGAR accepts for inline XBRL formats, each complete: Transformation Registry 3
/// (2015-02-26, 31 functions), 4 (2020-02-12, 95) and 5 (2022-02-16, 101), and the SEC's own registry (2015-08-31)
/// with all 18 of its functions. Dates with month names in 22 languages, Roman numeral months, Hindi months,
/// the Indian national (Saka) calendar and Japanese eras (Meiji to Reiwa) are read, besides numbers and
/// numeric dates. A function is named by namespace and local name because local names change meaning across
/// registries: <c>ixt:datemonthdayyearen</c> of TR3 is <c>ixt:date-monthname-day-year-en</c> of TR4, TR3's
/// <c>numdotdecimal</c> checks groups of three while TR4's <c>num-dot-decimal</c> does not and gives the
/// canonical decimal, and <c>numdotdecimalin</c> keeps its name in TR4 but not its leading zeros.
/// Input whitespace is trimmed and collapsed as XML Schema whitespace only (space, tab, CR, LF): a
/// non-breaking space is text, valid only where a function's pattern allows it (TR4's group separators).
/// Never throws on bad input; each call costs a few string operations (regular expressions built once).
/// </summary>
public static class InlineTransformRegistry
{
    /// <summary>Transformation Registry 1 (2010-04-20), not accepted by EDGAR; recognised to say so.</summary>
    public const string Tr1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20";
    /// <summary>Transformation Registry 2 (2011-07-31), not accepted by EDGAR; recognised to say so.</summary>
    public const string Tr2 = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31";
    /// <summary>Transformation Registry 3 (2015-02-26).</summary>
    public const string Tr3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26";
    /// <summary>Transformation Registry 4 (2020-02-12).</summary>
    public const string Tr4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";
    /// <summary>Transformation Registry 5 (2022-02-16).</summary>
    public const string Tr5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16";
    /// <summary>The SEC's transformation registry (2015-08-31).</summary>
    public const string Sec = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31";

    /// <summary>The code of a format that is in no registry EDGAR accepts.</summary>
    public const string UnknownTransformationCode = "ix11.11.1.2:invalidTransformation";
    /// <summary>The code of a text outside the input pattern of its transformation.</summary>
    public const string InvalidValueCode = "ixt:invalidValue";

    /// <summary>True when <paramref name="localName"/> is a function of the registry <paramref name="namespaceUri"/>.</summary>
    public static bool IsKnown(string namespaceUri, string localName) => Transforms.Find(namespaceUri, localName) is not null;

    /// <summary>
    /// The local names of every function of the registry <paramref name="namespaceUri"/>, sorted: 31 for TR3, 95 for
    /// TR4, 101 for TR5, 18 for the SEC's; none for a registry EDGAR does not accept.
    /// </summary>
    public static IReadOnlyList<string> FunctionNames(string namespaceUri)
    {
        ArgumentNullException.ThrowIfNull(namespaceUri);
        return Transforms.Names(namespaceUri);
    }

    /// <summary>
    /// Applies the function <paramref name="localName"/> of registry <paramref name="namespaceUri"/> to the text
    /// content <paramref name="text"/>. An unknown function gives <see cref="UnknownTransformationCode"/>.
    /// </summary>
    public static TransformResult Apply(string namespaceUri, string localName, string text)
    {
        ArgumentNullException.ThrowIfNull(namespaceUri);
        ArgumentNullException.ThrowIfNull(localName);
        ArgumentNullException.ThrowIfNull(text);
        return Apply(Transforms.Find(namespaceUri, localName), namespaceUri, localName, text);
    }

    /// <summary>Applies the function found for <paramref name="namespaceUri"/> and <paramref name="localName"/> (null when there is none).</summary>
    internal static TransformResult Apply(Func<string, string?>? function, string namespaceUri, string localName, string text)
    {
        if (function is null)
        {
            return new TransformResult(false, string.Empty, UnknownTransformationCode,
                $"The format {localName} in {namespaceUri} is in no transformation registry EDGAR accepts (TR3, TR4, TR5, ixt-sec); use a format of one of them.");
        }
        var value = function(text);
        return value is null ? TransformResult.Invalid(namespaceUri, localName, text) : TransformResult.Ok(value);
    }
}
