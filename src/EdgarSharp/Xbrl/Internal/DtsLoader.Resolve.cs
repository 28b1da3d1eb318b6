using System.Numerics;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

internal sealed partial class DtsLoader
{
    /// <summary>A missing document whose concepts locators name: the standard taxonomy it is, if any.</summary>
    private sealed class MissingDocumentConcepts(StandardTaxonomy? taxonomy)
    {
        public StandardTaxonomy? Taxonomy { get; } = taxonomy;

        private string? _unknownNamespaceUrl, _unknownNamespace;

        /// <summary>The made-up namespace of a document outside EDGAR's table, named by the URL as a locator wrote it.</summary>
        public string UnknownNamespace(string url)
        {
            if (!ReferenceEquals(url, _unknownNamespaceUrl))
            {
                (_unknownNamespaceUrl, _unknownNamespace) = (url, UnknownNamespacePrefix + url);
            }
            return _unknownNamespace!;
        }
    }

    private readonly Dictionary<string, MissingDocumentConcepts> _phantoms = new(StringComparer.Ordinal);
    private string? _lastPhantomUrl;
    private string _lastPhantomPrefix = "";
    private MissingDocumentConcepts? _lastPhantoms;
    private string? _lastLocatorUrl;
    private TaxonomyDocument? _lastLocatorDocument;
    private DocumentIndex? _lastLocatorIndex;

    /// <summary>Locators whose target could not be resolved, with the reason (for the validator).</summary>
    internal List<(Locator Locator, string Code, string Message)> UnresolvedLocators { get; } = [];

    /// <summary>Every relationship, effective or not, in document order.</summary>
    internal List<Relationship> AllRelationships { get; } = [];

    private Dts Finish(IReadOnlyList<string> entryUrls)
    {
        ResolveSubstitutionGroups();
        var locatorCount = 0;
        foreach (var link in _links)
        {
            locatorCount += link.Locators.Count;
        }
        // Room for the targets locators name (at most one per locator; a large DTS names each a few times) without growth.
        var targets = Math.Min(locatorCount, 1024 + locatorCount / 4);
        _resolvedTargets = new Dictionary<SameString, (string Url, XbrlElement Target)>(targets);
        _concepts.EnsureCapacity(_concepts.Count + targets);
        foreach (var link in _links)
        {
            foreach (var locator in link.Locators)
            {
                ResolveLocator(locator);
            }
        }
        BuildRelationships();
        var effective = EffectiveRelationships(AllRelationships, AttributeBuiltInType);
        DimensionalModel? dimensionalModel = null;
        if (options.Validate)
        {
            new TaxonomyValidator(this, effective, _diagnostics).Validate();
            ConceptDeclarationChecks.Check(_concepts.Values, _diagnostics);
            var dimensions = new DimensionValidator(this, effective, _diagnostics);
            dimensions.Validate();
            dimensionalModel = dimensions.Model;
        }
        if (options.Validate && _laxSchemaDocuments.Count > 0)
        {
            LaxSchemaContentValidation.Check(_documentOrder, _laxSchemaDocuments, options.Catalog, _diagnostics);
        }
        if (options.Validate && _contentModelDocuments.Count > 0)
        {
            SchemaCompilation.Check(_documentOrder, options.Catalog, _diagnostics);
        }
        var dts = new Dts(entryUrls, _documentOrder, _concepts, _roleTypes, _arcroleTypes, _links, effective, _diagnostics.ToList()) { TypeBases = _typeBases };
        if (dimensionalModel is not null)
        {
            dimensionalModel.Attach(dts);
            dts.DimensionalModel = dimensionalModel;
        }
        return dts;
    }

    internal IReadOnlyList<TaxonomyDocument> DocumentOrder => _documentOrder;

    /// <summary>True when <paramref name="type"/> is or derives from <paramref name="ancestor"/> through the named types read so far.</summary>
    internal bool TypeDerivesFrom(QName type, QName ancestor)
    {
        var seen = 0;
        for (QName? t = type; t is { } current && seen < 64; seen++)
        {
            if (current == ancestor)
            {
                return true;
            }
            t = _typeBases.TryGetValue(current, out var b) ? b : null;
        }
        return false;
    }

    internal IReadOnlyDictionary<QName, Concept> ConceptsByName => _concepts;

    internal IReadOnlyList<RoleType> RoleTypeList => _roleTypes;

    internal IReadOnlyList<ArcroleType> ArcroleTypeList => _arcroleTypes;

    internal IReadOnlyList<ExtendedLink> Links => _links;

    internal TaxonomyDocument? FindDocument(string url) =>
        _documents.TryGetValue(Redirected(KeyOf(url)), out var d) ? d : null;

    internal DocumentIndex? FindIndex(string url) =>
        _indexes.TryGetValue(Redirected(KeyOf(url)), out var i) ? i : null;

    internal (TaxonomyDocument? Document, DocumentIndex? Index) FindDocumentAndIndex(string url)
    {
        var key = Redirected(KeyOf(url));
        return (_documents.GetValueOrDefault(key), _indexes.GetValueOrDefault(key));
    }

    private string Redirected(string key) => _redirects.TryGetValue(key, out var to) ? to : key;

    private void ResolveSubstitutionGroups()
    {
        foreach (var concept in _conceptList)
        {
            concept.BaseSubstitutionGroup = BaseGroupOf(concept);
        }
    }

    private QName? BaseGroupOf(Concept concept)
    {
        var seen = new HashSet<QName>();
        QName? current = concept.SubstitutionGroup;
        while (current is { } g)
        {
            if (g == XbrlNames.HypercubeItem || g == XbrlNames.DimensionItem || g == XbrlNames.Item || g == XbrlNames.Tuple)
            {
                return g;
            }
            if (!seen.Add(g) || !_concepts.TryGetValue(g, out var head))
            {
                return g;
            }
            current = head.SubstitutionGroup;
        }
        return null;
    }

    /// <summary>
    /// Resolves a locator's target. Locators repeat the same href in link after link, and their URL strings are shared
    /// (one instance per document): a resolved target is remembered by its fragment (ids are nearly always unique
    /// across documents) with the URL instance it was found under, which must match.
    /// </summary>
    private void ResolveLocator(Locator locator)
    {
        ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_resolvedTargets, new SameString(locator.Fragment), out var exists);
        if (exists && ReferenceEquals(known.Url, locator.Url))
        {
            locator.Target = known.Target;
            return;
        }
        ResolveLocatorTarget(locator);
        if (locator.Target is { } target)
        {
            known = (locator.Url, target);
        }
        else if (!exists)
        {
            _resolvedTargets.Remove(new SameString(locator.Fragment));
        }
    }

    private Dictionary<SameString, (string Url, XbrlElement Target)> _resolvedTargets = [];

    /// <summary>
    /// A string compared by identity: fragments are shared strings (one instance per id), so a fragment met again is
    /// found without hashing or comparing its characters; another instance of the same id only misses the cache.
    /// </summary>
    private readonly struct SameString(string value) : IEquatable<SameString>
    {
        private readonly string _value = value;

        public bool Equals(SameString other) => ReferenceEquals(_value, other._value);

        public override bool Equals(object? obj) => obj is SameString other && Equals(other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_value);
    }

    private void ResolveLocatorTarget(Locator locator)
    {
        if (locator.Url.Length == 0)
        {
            return;
        }
        TaxonomyDocument? doc;
        DocumentIndex? index;
        if (ReferenceEquals(locator.Url, _lastLocatorUrl))
        {
            (doc, index) = (_lastLocatorDocument, _lastLocatorIndex);
        }
        else
        {
            var key = Redirected(KeyOf(locator.Url));
            doc = _documents.GetValueOrDefault(key);
            index = _indexes.GetValueOrDefault(key);
            (_lastLocatorUrl, _lastLocatorDocument, _lastLocatorIndex) = (locator.Url, doc, index);
        }
        if (doc is null)
        {
            return;
        }
        if (doc.IsMissing)
        {
            locator.Target = Phantom(locator);
            return;
        }
        if (index is null)
        {
            return;
        }
        var fragment = locator.Fragment;
        if (fragment.Length == 0)
        {
            // No fragment: the whole document, i.e. its root element (the arc-end checks judge whether that is allowed).
            if (index.ByPath.TryGetValue("/1", out var root))
            {
                locator.Target = root;
            }
            return;
        }
        if (!fragment.Contains('(', StringComparison.Ordinal))
        {
            if (index.ById.TryGetValue(fragment, out var byId))
            {
                locator.Target = byId;
            }
            else
            {
                UnresolvedLocators.Add((locator, "xbrl.3.5.3.7.2", $"The locator href '{locator.Href}' points to the id '{fragment}', which no element of '{UrlUtil.FileName(locator.Url)}' has."));
            }
            return;
        }
        // XPointer: a sequence of element() scheme parts; XBRL 2.1 section 3.5.4 allows no other scheme.
        var parts = SplitPointerParts(fragment);
        if (parts is null || parts.Any(p => !string.Equals(p.Scheme, "element", StringComparison.Ordinal)))
        {
            UnresolvedLocators.Add((locator, "xbrl.3.5.4", $"The locator href '{locator.Href}' uses an XPointer other than a shorthand pointer or the element() scheme, which XBRL 2.1 section 3.5.4 does not allow."));
            return;
        }
        foreach (var (_, data) in parts)
        {
            var target = ResolveElementScheme(index, data);
            if (target is not null)
            {
                locator.Target = target;
                return;
            }
        }
        UnresolvedLocators.Add((locator, "xbrl.3.5.3.7.2", $"The locator href '{locator.Href}' points to no concept or resource of '{UrlUtil.FileName(locator.Url)}'."));
    }

    /// <summary>Resolves the data of one <c>element()</c> scheme part: <c>/1/2</c>, <c>id</c> or <c>id/3</c>.</summary>
    internal static XbrlElement? ResolveElementScheme(DocumentIndex index, string data)
    {
        string path;
        if (data.StartsWith('/'))
        {
            path = data;
        }
        else
        {
            var slash = data.IndexOf('/', StringComparison.Ordinal);
            var id = slash < 0 ? data : data[..slash];
            if (!index.IdToPath.TryGetValue(id, out var idPath))
            {
                return null;
            }
            path = slash < 0 ? idPath : idPath + data[slash..];
        }
        return index.ByPath.TryGetValue(path, out var e) ? e : null;
    }

    /// <summary>Splits <c>element(a)element(/1/2)</c> into scheme parts; null when malformed.</summary>
    private static List<(string Scheme, string Data)>? SplitPointerParts(string fragment)
    {
        var parts = new List<(string, string)>();
        var i = 0;
        while (i < fragment.Length)
        {
            while (i < fragment.Length && char.IsWhiteSpace(fragment[i]))
            {
                i++;
            }
            if (i >= fragment.Length)
            {
                break;
            }
            var open = fragment.IndexOf('(', i);
            if (open < 0)
            {
                return null;
            }
            var close = fragment.IndexOf(')', open);
            if (close < 0)
            {
                return null;
            }
            parts.Add((fragment[i..open].Trim(), fragment[(open + 1)..close]));
            i = close + 1;
        }
        return parts.Count == 0 ? null : parts;
    }

    /// <summary>A concept of a schema that could not be read, named from EDGAR's table and the <c>prefix_LocalName</c> id rule.</summary>
    private Concept? Phantom(Locator locator)
    {
        var fragment = locator.Fragment;
        if (fragment.Length == 0 || fragment.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }
        if (!ReferenceEquals(locator.Url, _lastPhantomUrl))
        {
            var documentKey = KeyOf(locator.Url);
            if (!_phantoms.TryGetValue(documentKey, out var concepts))
            {
                _phantoms[documentKey] = concepts = new MissingDocumentConcepts(EdgarTaxonomies.TryGetBySchemaUrl(locator.Url, out var found) ? found : null);
            }
            (_lastPhantomUrl, _lastPhantoms) = (locator.Url, concepts);
        }
        // Each fragment comes here about once: ResolveLocator remembers the target of the fragments it has seen.
        var underscore = fragment.IndexOf('_', StringComparison.Ordinal);
        var local = underscore > 0 ? _strings.Get(fragment.AsSpan(underscore + 1)) : fragment;
        string ns;
        string prefix;
        var namespaceKnown = true;
        var taxonomy = _lastPhantoms!.Taxonomy;
        if (taxonomy is not null)
        {
            ns = taxonomy.Namespace;
            prefix = taxonomy.Prefix;
        }
        else
        {
            ns = _lastPhantoms.UnknownNamespace(locator.Url);
            // The ids of one missing schema share their prefix: the last one is kept and compared first.
            var idPrefix = underscore > 0 ? fragment.AsSpan(0, underscore) : [];
            if (!idPrefix.SequenceEqual(_lastPhantomPrefix))
            {
                _lastPhantomPrefix = idPrefix.Length == 0 ? "" : _strings.Get(idPrefix);
            }
            prefix = _lastPhantomPrefix;
            namespaceKnown = false;
        }
        var name = new QName(ns, local);
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_concepts, name, out var exists);
        if (exists)
        {
            return entry;
        }
        var concept = new Concept(name, prefix, locator.Url, fragment)
        {
            IsDeclared = false,
            IsNamespaceKnown = namespaceKnown,
        };
        entry = concept;
        _conceptList.Add(concept);
        return concept;
    }

    private void BuildRelationships()
    {
        // Per link: label -> chain of the elements carrying it (most labels carry one), in flat lists reused across links.
        // Labels hashed by their ends in links of ordinary size; a link with more labels gets the ordinal comparer.
        var smallLinkHeads = new Dictionary<string, LabelChain>(EndWeightedStringComparer.Instance);
        Dictionary<string, LabelChain>? largeLinkHeads = null;
        var heads = smallLinkHeads;
        var elements = new List<XbrlElement?>();
        var next = new List<int>();
        var pairs = new HashSet<long>();
        // The scratch collections sized once for the largest link: they do not grow link after link.
        var arcCount = 0;
        var mostLabels = 0;
        var mostArcs = 0;
        foreach (var link in _links)
        {
            arcCount += link.Arcs.Count;
            mostLabels = Math.Max(mostLabels, link.Locators.Count + link.Resources.Count);
            mostArcs = Math.Max(mostArcs, link.Arcs.Count);
        }
        smallLinkHeads.EnsureCapacity(Math.Min(mostLabels, EndWeightedStringComparer.MaxKeys));
        elements.EnsureCapacity(mostLabels);
        next.EnsureCapacity(mostLabels);
        pairs.EnsureCapacity(mostArcs);
        AllRelationships.EnsureCapacity(arcCount);
        foreach (var link in _links)
        {
            heads = link.Locators.Count + link.Resources.Count <= EndWeightedStringComparer.MaxKeys
                ? smallLinkHeads
                : largeLinkHeads ??= new Dictionary<string, LabelChain>(mostLabels, StringComparer.Ordinal);
            heads.Clear();
            elements.Clear();
            next.Clear();
            pairs.Clear();
            foreach (var locator in link.Locators)
            {
                AddLabel(locator.Label, locator.Target, remote: true);
            }
            foreach (var resource in link.Resources)
            {
                AddLabel(resource.Label, resource, remote: false);
            }
            foreach (var arc in link.Arcs)
            {
                if (!heads.TryGetValue(arc.From, out var fromChain) || !heads.TryGetValue(arc.To, out var toChain))
                {
                    var missing = !heads.ContainsKey(arc.From) ? arc.From : arc.To;
                    _diagnostics.Error("xlink:arcLabelUndefined",
                        $"The arc's {(missing == arc.From ? "from" : "to")} label '{missing}' is not the label of any locator or resource in its extended link; the arc was ignored.",
                        arc.Location);
                    continue;
                }
                // A chain's head index stands for its label.
                if (!pairs.Add(((long)fromChain.Head << 32) | (uint)toChain.Head))
                {
                    _diagnostics.Error("xlink:arcDuplicate",
                        $"Two arcs in one extended link join '{arc.From}' to '{arc.To}'; XLink allows one arc per from and to pair in a link.",
                        arc.Location);
                }
                var toIsRemote = toChain.Remote;
                for (var f = fromChain.Head; f >= 0; f = next[f])
                {
                    if (elements[f] is not { } from)
                    {
                        continue;
                    }
                    for (var t = toChain.Head; t >= 0; t = next[t])
                    {
                        if (elements[t] is { } to)
                        {
                            AllRelationships.Add(new Relationship(arc, from, to) { ToViaLocator = toIsRemote });
                        }
                    }
                }
            }
        }

        void AddLabel(string label, XbrlElement? element, bool remote)
        {
            // Unresolved locators still define their label (an arc to them is not an undefined-label error).
            var index = elements.Count;
            elements.Add(element);
            next.Add(-1);
            ref var chain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(heads, label, out var exists);
            if (exists)
            {
                next[chain.Tail] = index;
                chain = new LabelChain(chain.Head, index, chain.Remote || remote);
            }
            else
            {
                chain = new LabelChain(index, index, remote);
            }
        }
    }

    /// <summary>The elements of one label in a link: first and last in the chain, and whether a locator carries it.</summary>
    private readonly record struct LabelChain(int Head, int Tail, bool Remote);

    /// <summary>
    /// Prohibition and override (XBRL 2.1 section 3.5.3.9.7.5): among equivalent relationships, those of the
    /// highest priority win; a prohibiting one among them removes them all. Relationships that differ in any
    /// non-exempt attribute (<c>order</c> included) are not equivalent.
    /// </summary>
    internal static List<Relationship> EffectiveRelationships(List<Relationship> all, Func<QName, QName?> attributeBuiltInType)
    {
        // Most (from, to) pairs are joined by one arc only: those need no comparison at all. The others are grouped
        // into classes of equivalent relationships, chained per pair (a pair has a handful of relationships at most).
        var pairHeads = new Dictionary<ElementPair, int>(all.Count);
        // The relationships of pairs joined more than once: at most one class each.
        var shared = 0;
        foreach (var r in all)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pairHeads, new ElementPair(r.From, r.To), out _);
            count++;
            shared += count switch { 1 => 0, 2 => 2, _ => 1 };
        }
        var keep = new bool[all.Count];
        List<EquivalenceClass>? classes = null;
        for (var i = 0; i < all.Count; i++)
        {
            var r = all[i];
            ref var head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(pairHeads, new ElementPair(r.From, r.To));
            if (head == 1)
            {
                keep[i] = !r.Arc.IsProhibited;
                continue;
            }
            classes ??= new List<EquivalenceClass>(shared);
            // A count above 1 becomes a chain head: -1 - index of the first class (negative), or -1 - Count when empty.
            if (head > 1)
            {
                head = int.MinValue;
            }
            var found = -1;
            for (var c = head == int.MinValue ? -1 : -2 - head; c >= 0; c = classes[c].Next)
            {
                var candidate = all[classes[c].Representative];
                if (SameBaseSet(candidate, r) && ArcsEquivalent(candidate.Arc, r.Arc, attributeBuiltInType))
                {
                    found = c;
                    break;
                }
            }
            var prohibited = r.Arc.IsProhibited;
            if (found < 0)
            {
                classes.Add(new EquivalenceClass(i, head == int.MinValue ? -1 : -2 - head, r.Priority, prohibited, prohibited ? -1 : i));
                head = -2 - (classes.Count - 1);
                continue;
            }
            var w = classes[found];
            if (r.Priority > w.Priority)
            {
                classes[found] = w with { Priority = r.Priority, Prohibited = prohibited, Winner = prohibited ? -1 : i };
            }
            else if (r.Priority == w.Priority)
            {
                classes[found] = w with { Prohibited = w.Prohibited || prohibited, Winner = w.Winner >= 0 ? w.Winner : (prohibited ? -1 : i) };
            }
        }
        if (classes is not null)
        {
            foreach (var w in classes)
            {
                if (!w.Prohibited && w.Winner >= 0)
                {
                    keep[w.Winner] = true;
                }
            }
        }
        var result = new List<Relationship>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                result.Add(all[i]);
            }
        }
        return result;
    }

    private static bool SameBaseSet(Relationship a, Relationship b) =>
        string.Equals(a.Arcrole, b.Arcrole, StringComparison.Ordinal) && string.Equals(a.LinkRole, b.LinkRole, StringComparison.Ordinal)
        && a.LinkElement == b.LinkElement && a.ArcElement == b.ArcElement;

    /// <summary>
    /// Whether two arcs agree on every non-exempt attribute (XBRL 2.1 section 3.5.3.9.7.4), compared by value with
    /// defaults filled in: the typed attributes directly, anything else through <see cref="Arc.EquivalenceKey"/>, custom
    /// attributes typed by their declarations (<paramref name="attributeBuiltInType"/>).
    /// </summary>
    internal static bool ArcsEquivalent(Arc a, Arc b, Func<QName, QName?> attributeBuiltInType)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.OtherAttributes.Count > 0 || b.OtherAttributes.Count > 0)
        {
            a.EquivalenceKey ??= EquivalenceText(a, attributeBuiltInType);
            b.EquivalenceKey ??= EquivalenceText(b, attributeBuiltInType);
            return string.Equals(a.EquivalenceKey, b.EquivalenceKey, StringComparison.Ordinal);
        }
        return string.Equals(a.InvalidOrderText, b.InvalidOrderText, StringComparison.Ordinal) && (a.InvalidOrderText is not null || a.Order == b.Order)
            && string.Equals(a.InvalidWeightText, b.InvalidWeightText, StringComparison.Ordinal) && (a.InvalidWeightText is not null || a.Weight == b.Weight)
            && string.Equals(a.PreferredLabel ?? "", b.PreferredLabel ?? "", StringComparison.Ordinal)
            && (a.Closed == true) == (b.Closed == true) && (a.Usable == false) == (b.Usable == false)
            && string.Equals(a.ContextElement ?? "", b.ContextElement ?? "", StringComparison.Ordinal)
            && string.Equals(a.TargetRole ?? "", b.TargetRole ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// A (from, to) pair of elements, compared by identity and hashed by the elements' own hashes (numbers given in
    /// order of creation, which no document chooses); a struct the dictionary compares without a comparer object.
    /// </summary>
    private readonly struct ElementPair(XbrlElement from, XbrlElement to) : IEquatable<ElementPair>
    {
        private readonly XbrlElement _from = from;
        private readonly XbrlElement _to = to;

        public bool Equals(ElementPair other) => ReferenceEquals(_from, other._from) && ReferenceEquals(_to, other._to);

        public override bool Equals(object? obj) => obj is ElementPair other && Equals(other);

        public override int GetHashCode() => (int)BitOperations.RotateLeft((uint)_from.GetHashCode() * 0x9E3779B1u, 15) ^ _to.GetHashCode();
    }

    /// <summary>Equivalent relationships of one pair: the first met, the next class of the pair, and who wins so far.</summary>
    private readonly record struct EquivalenceClass(int Representative, int Next, int Priority, bool Prohibited, int Winner);
}
