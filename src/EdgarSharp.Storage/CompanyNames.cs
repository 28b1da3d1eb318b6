using System.Text;

namespace EdgarSharp.Storage;

/// <summary>
/// Company names compared the way people read them: <c>LivePerson, Inc.</c>, <c>LIVEPERSON INC</c> and
/// <c>LivePerson Inc</c> are one company. The key is the name upper-cased (invariant), punctuation dropped, and
/// trailing legal forms (<c>INC</c>, <c>CORP</c>, <c>LTD</c>, ...) and a leading <c>THE</c> removed.
/// </summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "LTD", "LIMITED", "LLC", "LP", "LLP", "PLC",
        "NV", "SA", "AG", "SE", "DE", "NEW",
    };

    /// <summary>The comparison key of <paramref name="name"/>, or null when it has no letters or digits.</summary>
    public static string? Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var text = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            text.Append(char.IsLetterOrDigit(ch) ? char.ToUpperInvariant(ch) : ch is '&' ? '&' : ' ');
        }
        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "THE")
        {
            words.RemoveAt(0);
        }
        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
