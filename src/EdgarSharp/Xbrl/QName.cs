namespace EdgarSharp.Xbrl;

/// <summary>
/// An XML qualified name: a namespace URI and a local name, compared ordinally. The prefix a document used
/// is not part of the name; display prefixes come from <see cref="Concept.Prefix"/> or EDGAR's table.
/// </summary>
/// <param name="Namespace">The namespace URI; empty for no namespace.</param>
/// <param name="LocalName">The local name.</param>
public readonly record struct QName(string Namespace, string LocalName)
{
    /// <summary>Clark notation: <c>{namespace}local</c>.</summary>
    public override string ToString() => Namespace.Length == 0 ? LocalName : "{" + Namespace + "}" + LocalName;
}
