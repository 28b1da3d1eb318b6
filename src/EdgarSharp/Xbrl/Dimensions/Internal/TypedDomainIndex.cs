namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// Resolves a typed dimension's <c>xbrldt:typedDomainRef</c> (<c>schema.xsd#id</c>) to the global element
/// declaration it names, among the concepts of a DTS. Indexes the declared concepts by document and id on first
/// use only, so a DTS without typed dimensions pays nothing.
/// </summary>
internal sealed class TypedDomainIndex(IEnumerable<Concept> concepts)
{
    private Dictionary<(string Document, string Id), Concept>? _byId;

    /// <summary>The declaration <paramref name="dimension"/>'s typedDomainRef points to by id, or null when it names none (or uses an element() pointer).</summary>
    public Concept? Resolve(Concept dimension)
    {
        if (Split(dimension) is not { } target)
        {
            return null;
        }
        var byId = Volatile.Read(ref _byId);
        if (byId is null)
        {
            // Filled before it is published: a model (and this index) may be shared by threads checking facts.
            byId = [];
            foreach (var c in concepts)
            {
                if (c.IsDeclared && c.Id is { } id)
                {
                    byId.TryAdd((UrlUtil.Key(c.DocumentUrl), id), c);
                }
            }
            Volatile.Write(ref _byId, byId);
        }
        return byId.GetValueOrDefault((UrlUtil.Key(target.Url), target.Fragment));
    }

    /// <summary>The absolute document URL and fragment of a dimension's typedDomainRef; null when it has none, no fragment, or is not a URI.</summary>
    internal static (string Url, string Fragment)? Split(Concept dimension)
    {
        var href = dimension.TypedDomainRef?.Trim();
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || hash == href.Length - 1)
        {
            return null;
        }
        var absolute = UrlUtil.Resolve(dimension.DocumentUrl, href);
        if (absolute is null)
        {
            return null;
        }
        var (url, fragment) = UrlUtil.SplitFragment(absolute);
        return fragment.Length == 0 ? null : (url, fragment);
    }
}
