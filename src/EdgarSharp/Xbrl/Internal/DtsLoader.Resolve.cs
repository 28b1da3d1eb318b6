namespace EdgarSharp.Xbrl.Internal;

internal sealed partial class DtsLoader
{
    private readonly Dictionary<(string Url, string Fragment), Concept> _phantoms = [];

    /// <summary>Locators whose target could not be resolved, with the reason (for the validator).</summary>
    internal List<(Locator Locator, string Code, string Message)> UnresolvedLocators { get; } = [];

    /// <summary>Every relationship, effective or not, in document order.</summary>
    internal List<Relationship> AllRelationships { get; } = [];

    private Dts Finish(IReadOnlyList<string> entryUrls)
    {
        ResolveSubstitutionGroups();
        foreach (var link in _links)
        {
            foreach (var locator in link.Locators)
            {
                ResolveLocator(locator);
            }
        }
        BuildRelationships();
        var effective = EffectiveRelationships(AllRelationships);
        if (options.Validate)
        {
            new TaxonomyValidator(this, effective, _diagnostics).Validate();
            new DimensionValidator(this, effective, _diagnostics).Validate();
        }
        return new Dts(entryUrls, _documentOrder, _concepts, _roleTypes, _arcroleTypes, _links, effective, _diagnostics.ToList());
    }

    internal IReadOnlyList<TaxonomyDocument> DocumentOrder => _documentOrder;

    internal IReadOnlyDictionary<QName, Concept> ConceptsByName => _concepts;

    internal IReadOnlyList<RoleType> RoleTypeList => _roleTypes;

    internal IReadOnlyList<ArcroleType> ArcroleTypeList => _arcroleTypes;

    internal IReadOnlyList<ExtendedLink> Links => _links;

    internal TaxonomyDocument? FindDocument(string url) =>
        _documents.TryGetValue(Redirected(UrlUtil.Key(url)), out var d) ? d : null;

    internal DocumentIndex? FindIndex(string url) =>
        _indexes.TryGetValue(Redirected(UrlUtil.Key(url)), out var i) ? i : null;

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

    private void ResolveLocator(Locator locator)
    {
        if (locator.Url.Length == 0)
        {
            return;
        }
        var key = Redirected(UrlUtil.Key(locator.Url));
        var doc = _documents.GetValueOrDefault(key);
        if (doc is null)
        {
            return;
        }
        if (doc.IsMissing)
        {
            locator.Target = Phantom(locator);
            return;
        }
        var index = _indexes.GetValueOrDefault(key);
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

    private static XbrlElement? ResolveElementScheme(DocumentIndex index, string data)
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
        var key = (UrlUtil.Key(locator.Url), fragment);
        if (_phantoms.TryGetValue(key, out var known))
        {
            return known;
        }
        var underscore = fragment.IndexOf('_', StringComparison.Ordinal);
        var idPrefix = underscore > 0 ? fragment[..underscore] : "";
        var local = underscore > 0 ? fragment[(underscore + 1)..] : fragment;
        string ns;
        string prefix;
        var namespaceKnown = true;
        if (EdgarTaxonomies.TryGetBySchemaUrl(locator.Url, out var taxonomy))
        {
            ns = taxonomy.Namespace;
            prefix = taxonomy.Prefix;
        }
        else
        {
            ns = UnknownNamespacePrefix + locator.Url;
            prefix = idPrefix;
            namespaceKnown = false;
        }
        var name = new QName(ns, local);
        if (_concepts.TryGetValue(name, out var declared))
        {
            _phantoms[key] = declared;
            return declared;
        }
        var concept = new Concept(name, prefix, locator.Url, fragment)
        {
            IsDeclared = false,
            IsNamespaceKnown = namespaceKnown,
        };
        _phantoms[key] = concept;
        _concepts[name] = concept;
        _conceptList.Add(concept);
        return concept;
    }

    private void BuildRelationships()
    {
        var byLabel = new Dictionary<string, List<XbrlElement>>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var remoteLabels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in _links)
        {
            byLabel.Clear();
            labels.Clear();
            remoteLabels.Clear();
            foreach (var locator in link.Locators)
            {
                labels.Add(locator.Label);
                remoteLabels.Add(locator.Label);
                if (locator.Target is { } target)
                {
                    AddLabel(byLabel, locator.Label, target);
                }
            }
            foreach (var resource in link.Resources)
            {
                labels.Add(resource.Label);
                AddLabel(byLabel, resource.Label, resource);
            }
            var pairs = new HashSet<(string, string)>();
            foreach (var arc in link.Arcs)
            {
                if (!labels.Contains(arc.From) || !labels.Contains(arc.To))
                {
                    var missing = !labels.Contains(arc.From) ? arc.From : arc.To;
                    _diagnostics.Error("xlink:arcLabelUndefined",
                        $"The arc's {(missing == arc.From ? "from" : "to")} label '{missing}' is not the label of any locator or resource in its extended link; the arc was ignored.",
                        arc.Location);
                    continue;
                }
                if (!pairs.Add((arc.From, arc.To)))
                {
                    _diagnostics.Error("xlink:arcDuplicate",
                        $"Two arcs in one extended link join '{arc.From}' to '{arc.To}'; XLink allows one arc per from and to pair in a link.",
                        arc.Location);
                }
                if (!byLabel.TryGetValue(arc.From, out var froms) || !byLabel.TryGetValue(arc.To, out var tos))
                {
                    continue;
                }
                var toIsRemote = remoteLabels.Contains(arc.To);
                foreach (var from in froms)
                {
                    foreach (var to in tos)
                    {
                        AllRelationships.Add(new Relationship(arc, from, to) { ToViaLocator = toIsRemote });
                    }
                }
            }
        }
    }

    private static void AddLabel(Dictionary<string, List<XbrlElement>> byLabel, string label, XbrlElement element)
    {
        if (!byLabel.TryGetValue(label, out var list))
        {
            byLabel[label] = list = [];
        }
        list.Add(element);
    }

    /// <summary>
    /// Prohibition and override (XBRL 2.1 section 3.5.3.9.7.5): among equivalent relationships, those of the
    /// highest priority win; a prohibiting one among them removes them all. Relationships that differ in any
    /// non-exempt attribute (<c>order</c> included) are not equivalent.
    /// </summary>
    internal static List<Relationship> EffectiveRelationships(List<Relationship> all)
    {
        var groups = new Dictionary<EquivalenceKey, Winner>();
        for (var i = 0; i < all.Count; i++)
        {
            var r = all[i];
            var key = new EquivalenceKey(new BaseSetKey(r.Arcrole, r.LinkRole, r.LinkElement, r.ArcElement), r.From, r.To, r.Arc.EquivalenceKey);
            if (!groups.TryGetValue(key, out var w))
            {
                groups[key] = new Winner(r.Priority, r.Arc.IsProhibited, r.Arc.IsProhibited ? -1 : i);
                continue;
            }
            if (r.Priority > w.Priority)
            {
                groups[key] = new Winner(r.Priority, r.Arc.IsProhibited, r.Arc.IsProhibited ? -1 : i);
            }
            else if (r.Priority == w.Priority)
            {
                groups[key] = new Winner(w.Priority, w.Prohibited || r.Arc.IsProhibited, w.Index >= 0 ? w.Index : (r.Arc.IsProhibited ? -1 : i));
            }
        }
        var keep = new bool[all.Count];
        foreach (var w in groups.Values)
        {
            if (!w.Prohibited && w.Index >= 0)
            {
                keep[w.Index] = true;
            }
        }
        var result = new List<Relationship>(groups.Count);
        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                result.Add(all[i]);
            }
        }
        return result;
    }

    private readonly record struct Winner(int Priority, bool Prohibited, int Index);

    private readonly struct EquivalenceKey(BaseSetKey set, XbrlElement from, XbrlElement to, string attributes) : IEquatable<EquivalenceKey>
    {
        private readonly BaseSetKey _set = set;
        private readonly XbrlElement _from = from;
        private readonly XbrlElement _to = to;
        private readonly string _attributes = attributes;

        public bool Equals(EquivalenceKey other) =>
            _set.Equals(other._set) && ReferenceEquals(_from, other._from) && ReferenceEquals(_to, other._to) && string.Equals(_attributes, other._attributes, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is EquivalenceKey k && Equals(k);

        public override int GetHashCode() => HashCode.Combine(_set, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_from), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_to), _attributes);
    }
}
