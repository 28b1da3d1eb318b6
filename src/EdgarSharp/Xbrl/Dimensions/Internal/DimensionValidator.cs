namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The taxonomy rules of XBRL Dimensions 1.0 over a loaded DTS, reported with the specification's
/// <c>xbrldte:</c> codes: the declarations (abstract hypercubes and dimensions, <c>xbrldt:typedDomainRef</c>),
/// <c>xbrldt:targetRole</c> values, and, through <see cref="DrsBuilder"/>, the relationships and the DRSs they
/// form. Run by the loader after the XBRL 2.1 checks. Declarations of schemas that were not read are skipped,
/// not reported.
/// </summary>
internal sealed class DimensionValidator(DtsLoader loader, List<Relationship> effective, DiagnosticBag diagnostics)
{
    private readonly Dictionary<Concept, Concept> _typedDomains = new();

    /// <summary>
    /// The dimensional model the checks built, kept for <see cref="DimensionalModel.Build"/> when it is the model that
    /// method would build (no typed dimension's domain was looked up, the one step where the two resolve differently); else null.
    /// </summary>
    public DimensionalModel? Model { get; private set; }

    public void Validate()
    {
        CheckDeclarations();
        CheckTargetRoles();
        var ownDiagnostics = new DiagnosticBag();
        var typedLookups = 0;
        var model = new DrsBuilder(effective, d =>
        {
            typedLookups++;
            return _typedDomains.GetValueOrDefault(d);
        }, ownDiagnostics).Build();
        foreach (var d in ownDiagnostics)
        {
            diagnostics.Add(d);
        }
        Model = typedLookups == 0 ? model : null;
    }

    /// <summary>Hypercubes and dimensions are abstract; typedDomainRef is on dimensions only and names a non-abstract global element declaration of the DTS.</summary>
    private void CheckDeclarations()
    {
        foreach (var concept in loader.ConceptsByName.Values)
        {
            if (!concept.IsDeclared)
            {
                continue;
            }
            var kind = DrsBuilder.KindOf(concept);
            if (kind == DimensionalKind.Hypercube && !concept.IsAbstract)
            {
                diagnostics.Error("xbrldte:HypercubeElementIsNotAbstractError",
                    $"The hypercube {concept.PrefixedName} is not abstract; declare it with abstract=\"true\".", concept.Location);
            }
            if (kind == DimensionalKind.Dimension && !concept.IsAbstract)
            {
                diagnostics.Error("xbrldte:DimensionElementIsNotAbstractError",
                    $"The dimension {concept.PrefixedName} is not abstract; declare it with abstract=\"true\".", concept.Location);
            }
            if (concept.TypedDomainRef is null)
            {
                continue;
            }
            if (kind == DimensionalKind.Dimension)
            {
                CheckTypedDomainRef(concept);
            }
            else if (kind != DimensionalKind.Unknown)
            {
                diagnostics.Error("xbrldte:TypedDomainRefError",
                    $"{concept.PrefixedName} has an xbrldt:typedDomainRef but is not a dimension; only elements in the xbrldt:dimensionItem substitution group may have one.", concept.Location);
            }
        }
    }

    private void CheckTypedDomainRef(Concept dimension)
    {
        var href = dimension.TypedDomainRef!;
        if (TypedDomainIndex.Split(dimension) is not { } target)
        {
            diagnostics.Error("xbrldte:TypedDimensionURIError",
                $"The typed dimension {dimension.PrefixedName} has xbrldt:typedDomainRef '{href}', which is not a URI with a fragment identifier; point it at an element declaration (schema.xsd#id).", dimension.Location);
            return;
        }
        var document = loader.FindDocument(target.Url);
        if (document is null)
        {
            diagnostics.Error("xbrldte:OutOfDTSSchemaError",
                $"The typed dimension {dimension.PrefixedName} has xbrldt:typedDomainRef '{href}', which names a schema outside the DTS; import that schema so that discovery reaches it.", dimension.Location);
            return;
        }
        if (document.IsMissing)
        {
            // Offline, the schema is in the DTS but could not be read: nothing to check against.
            return;
        }
        var element = loader.FindIndex(target.Url) is { } index ? Find(index, target.Fragment) : null;
        if (element is Concept { IsAbstract: false } declaration)
        {
            _typedDomains[dimension] = declaration;
            return;
        }
        var problem = element switch
        {
            null => "points to no element",
            Concept => "points to an abstract element declaration",
            _ => $"points to a {element.ElementName.LocalName} that is not a global element declaration",
        };
        diagnostics.Error("xbrldte:TypedDimensionError",
            $"The typed dimension {dimension.PrefixedName} has xbrldt:typedDomainRef '{href}', which {problem}; it must name a non-abstract global element declaration.", dimension.Location);
    }

    /// <summary>The element a fragment names in a read document: a shorthand id or element() scheme pointers.</summary>
    private static XbrlElement? Find(DtsLoader.DocumentIndex index, string fragment)
    {
        if (!fragment.StartsWith("element(", StringComparison.Ordinal))
        {
            return index.ById.GetValueOrDefault(fragment);
        }
        var rest = fragment.AsSpan();
        while (rest.StartsWith("element(", StringComparison.Ordinal))
        {
            var close = rest.IndexOf(')');
            if (close < 0)
            {
                return null;
            }
            var data = rest["element(".Length..close].ToString();
            string? path;
            if (data.StartsWith('/'))
            {
                path = data;
            }
            else
            {
                var slash = data.IndexOf('/', StringComparison.Ordinal);
                path = index.IdToPath.GetValueOrDefault(slash < 0 ? data : data[..slash]);
                if (path is not null && slash >= 0)
                {
                    path += data[slash..];
                }
            }
            if (path is not null && index.ByPath.TryGetValue(path, out var found))
            {
                return found;
            }
            rest = rest[(close + 1)..].TrimStart();
        }
        return null;
    }

    /// <summary>
    /// A dimensional arc's <c>xbrldt:targetRole</c> must be the standard link role or a role its linkbase names in a
    /// roleRef (xbrldte:TargetRoleNotResolvedError).
    /// </summary>
    private void CheckTargetRoles()
    {
        HashSet<(string Document, string Role)>? roleRefs = null;
        foreach (var link in loader.Links)
        {
            foreach (var arc in link.Arcs)
            {
                if (arc.TargetRole is not { } targetRole || string.Equals(targetRole, XbrlRoles.Link, StringComparison.Ordinal)
                    || !Uri.TryCreate(targetRole, UriKind.Absolute, out _))
                {
                    // No target role, the standard one, or a value that is not a URI (the loader reports that as a schema error).
                    continue;
                }
                var index = DrsBuilder.ArcroleIndex(arc.Arcrole);
                if (index < 0 || string.Equals(arc.Arcrole, XbrlArcroles.DimensionDefault, StringComparison.Ordinal))
                {
                    continue;
                }
                if (roleRefs is null)
                {
                    roleRefs = [];
                    foreach (var rr in loader.RoleRefs)
                    {
                        roleRefs.Add((UrlUtil.Key(rr.DocumentUrl), rr.Uri));
                    }
                }
                if (!roleRefs.Contains((UrlUtil.Key(link.DocumentUrl), targetRole)))
                {
                    diagnostics.Error("xbrldte:TargetRoleNotResolvedError",
                        $"The {ArcroleName(arc.Arcrole)} arc from '{arc.From}' to '{arc.To}' has xbrldt:targetRole '{targetRole}', but its linkbase has no roleRef for that role; add a roleRef to the roleType that declares it.",
                        arc.Location);
                }
            }
        }
    }

    private static string ArcroleName(string arcrole)
    {
        var slash = arcrole.LastIndexOf('/');
        return slash < 0 ? arcrole : arcrole[(slash + 1)..];
    }
}
