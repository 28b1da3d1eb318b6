using System.Runtime.CompilerServices;

namespace EdgarSharp.Xbrl;

/// <summary>
/// An XML qualified name: a namespace URI and a local name, compared ordinally. The prefix a document used
/// is not part of the name; display prefixes come from <see cref="Concept.Prefix"/> or EDGAR's table.
/// </summary>
/// <param name="Namespace">The namespace URI; empty for no namespace.</param>
/// <param name="LocalName">The local name.</param>
public readonly record struct QName(string Namespace, string LocalName)
{
    private const int NamespaceSlots = 64;

    /// <summary>The hashes of the namespace strings met last, by the string instance: a handful of namespaces name every concept.</summary>
    private static readonly HashedNamespace?[] s_namespaceHashes = new HashedNamespace?[NamespaceSlots];

    /// <summary>Clark notation: <c>{namespace}local</c>.</summary>
    public override string ToString() => Namespace.Length == 0 ? LocalName : "{" + Namespace + "}" + LocalName;

    /// <summary>
    /// From both strings' randomized hashes (a name read from a document cannot be chosen to collide), the namespace's
    /// remembered per string instance: namespace URIs are long, few and shared, and hashing one costs as much as the
    /// local name.
    /// </summary>
    public override int GetHashCode() =>
        (NamespaceHash(Namespace) * -1521134295) + (LocalName is null ? 0 : LocalName.GetHashCode(StringComparison.Ordinal));

    /// <summary>Ordinal equality of both parts.</summary>
    public bool Equals(QName other) =>
        string.Equals(Namespace, other.Namespace, StringComparison.Ordinal) && string.Equals(LocalName, other.LocalName, StringComparison.Ordinal);

    private static int NamespaceHash(string? ns)
    {
        if (ns is null)
        {
            return 0;
        }
        // A slot is replaced whole (an immutable pair), so readers on other threads see either pair, both right.
        ref var slot = ref s_namespaceHashes[RuntimeHelpers.GetHashCode(ns) & (NamespaceSlots - 1)];
        var cached = slot;
        if (cached is not null && ReferenceEquals(cached.Value, ns))
        {
            return cached.Hash;
        }
        var hash = ns.GetHashCode(StringComparison.Ordinal);
        slot = new HashedNamespace(ns, hash);
        return hash;
    }

    private sealed class HashedNamespace(string value, int hash)
    {
        public string Value { get; } = value;

        public int Hash { get; } = hash;
    }
}
