using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The taxonomy rules of XBRL 2.1 (sections 3.5, 4.3 and 5.2) over a loaded DTS, reported with the section
/// numbers as codes. Checks that need a declaration the DTS lacks (a partial DTS) are skipped, not reported.
/// </summary>
internal sealed partial class TaxonomyValidator(DtsLoader loader, List<Relationship> effective, DiagnosticBag diagnostics)
{
    private static readonly QName LinkLabel = new(XbrlNamespaces.Link, "label");
    private static readonly QName LinkReference = new(XbrlNamespaces.Link, "reference");
    private static readonly QName LabelArc = new(XbrlNamespaces.Link, "labelArc");
    private static readonly QName ReferenceArc = new(XbrlNamespaces.Link, "referenceArc");
    private static readonly QName PresentationArc = new(XbrlNamespaces.Link, "presentationArc");
    private static readonly QName CalculationArc = new(XbrlNamespaces.Link, "calculationArc");
    private static readonly QName DefinitionArc = new(XbrlNamespaces.Link, "definitionArc");
    private static readonly QName FootnoteArc = new(XbrlNamespaces.Link, "footnoteArc");

    private static readonly Dictionary<string, QName> StandardArcElementOfArcrole = new(StringComparer.Ordinal)
    {
        [XbrlArcroles.ConceptLabel] = LabelArc,
        [XbrlArcroles.ConceptReference] = ReferenceArc,
        [XbrlArcroles.ParentChild] = PresentationArc,
        [XbrlArcroles.SummationItem] = CalculationArc,
        [XbrlArcroles.GeneralSpecial] = DefinitionArc,
        [XbrlArcroles.EssenceAlias] = DefinitionArc,
        [XbrlArcroles.SimilarTuples] = DefinitionArc,
        [XbrlArcroles.RequiresElement] = DefinitionArc,
        [XbrlArcroles.FactFootnote] = FootnoteArc,
    };

    private static readonly HashSet<string> StandardLinkNames = new(StringComparer.Ordinal)
    {
        "labelLink", "referenceLink", "presentationLink", "calculationLink", "definitionLink", "footnoteLink",
    };

    private static readonly HashSet<string> StandardArcNames = new(StringComparer.Ordinal)
    {
        "labelArc", "referenceArc", "presentationArc", "calculationArc", "definitionArc", "footnoteArc",
    };

    public void Validate()
    {
        ReportUnresolvedLocators();
        CheckSchemaRefs();
        CheckLinkbaseRefs();
        CheckRoleAndArcroleRefs();
        CheckTypeDeclarations();
        CheckLinks();
        CheckArcEndpoints();
        CheckCycles();
        CheckLabels();
        CheckLanguages();
        CheckConceptDeclarations();
    }

    private static bool IsStandardLink(ExtendedLink link) =>
        string.Equals(link.ElementName.Namespace, XbrlNamespaces.Link, StringComparison.Ordinal) && StandardLinkNames.Contains(link.ElementName.LocalName);

    private bool IsStandardArc(Arc arc)
    {
        // Arcs come in runs of one element name (its strings shared through the reader's name table): judge each name once per run.
        var name = arc.ElementName;
        if (!ReferenceEquals(name.LocalName, _lastArcName.LocalName) || !ReferenceEquals(name.Namespace, _lastArcName.Namespace))
        {
            _lastArcName = name;
            _lastArcIsStandard = string.Equals(name.Namespace, XbrlNamespaces.Link, StringComparison.Ordinal) && StandardArcNames.Contains(name.LocalName);
        }
        return _lastArcIsStandard;
    }

    private QName _lastArcName;
    private bool _lastArcIsStandard;

    private void ReportUnresolvedLocators()
    {
        foreach (var (locator, code, message) in loader.UnresolvedLocators)
        {
            diagnostics.Error(code, message, locator.Location);
        }
        var linkLoc = new QName(XbrlNamespaces.Link, "loc");
        foreach (var link in loader.Links.Where(IsStandardLink))
        {
            foreach (var locator in link.Locators)
            {
                if (locator.Target is OtherElement other && locator.ElementName == linkLoc)
                {
                    diagnostics.Error("xbrl.3.5.3.7.2", $"The locator href '{locator.Href}' points to a {other.ElementName.LocalName} element; a link:loc must point to an element declaration (a concept) or a resource.", locator.Location);
                }
            }
        }
    }

    /// <summary>XBRL 2.1 section 4.2.2: a schemaRef's href (resolved against its <c>xml:base</c>) must name an XML Schema.</summary>
    private void CheckSchemaRefs()
    {
        foreach (var (location, href, targetUrl) in loader.SchemaRefs)
        {
            var doc = loader.FindDocument(UrlUtil.SplitFragment(targetUrl).Url);
            if (doc is { IsMissing: false } && doc.Type != TaxonomyDocumentType.Schema)
            {
                diagnostics.Error("xbrl.4.2.2", $"The schemaRef href '{href}' resolves to {doc.Url}, which is not an XML Schema (its root is not xs:schema).", location);
            }
        }
    }

    private void CheckLinkbaseRefs()
    {
        foreach (var lr in loader.LinkbaseRefs)
        {
            if (lr.XlinkType != "simple")
            {
                diagnostics.Error("xbrl.4.3.1", "A linkbaseRef must have xlink:type=\"simple\".", lr.Location);
            }
            if (!string.Equals(lr.Arcrole, "http://www.w3.org/1999/xlink/properties/linkbase", StringComparison.Ordinal))
            {
                diagnostics.Error("xbrl.4.3.3", $"A linkbaseRef must have xlink:arcrole=\"http://www.w3.org/1999/xlink/properties/linkbase\"; it has '{lr.Arcrole}'.", lr.Location);
            }
            if (lr.Href is null || lr.TargetUrl is null)
            {
                diagnostics.Error("xbrl.4.3.2", "A linkbaseRef must have an xlink:href that is a valid URI.", lr.Location);
                continue;
            }
            var (url, fragment) = UrlUtil.SplitFragment(lr.TargetUrl);
            var doc = loader.FindDocument(url);
            if (doc is not null && doc.IsMissing && UrlUtil.IsFile(url))
            {
                diagnostics.Error("xbrl.4.3.2", $"The linkbaseRef href '{lr.Href}' names a linkbase that does not exist; correct the href or add the file.", lr.Location);
                continue;
            }
            if (doc is null || doc.IsMissing)
            {
                continue;
            }
            if (doc.Type != TaxonomyDocumentType.Linkbase && fragment.Length == 0)
            {
                diagnostics.Error("xbrl.4.3.2", $"The linkbaseRef href '{lr.Href}' points to a document that is not a linkbase.", lr.Location);
                continue;
            }
            if (fragment.Length > 0)
            {
                var index = loader.FindIndex(url);
                var target = index is null ? null : ResolveFragment(index, fragment);
                if (target is null || !(target.ElementName.LocalName == "linkbase" && string.Equals(target.ElementName.Namespace, XbrlNamespaces.Link, StringComparison.Ordinal)))
                {
                    diagnostics.Error("xbrl.4.3.2", $"The linkbaseRef href '{lr.Href}' must point to a linkbase element.", lr.Location);
                    continue;
                }
            }
            if (lr.Role is not null && XbrlRoles.LinkbaseRefRoles.TryGetValue(lr.Role, out var allowedLink))
            {
                foreach (var link in loader.Links)
                {
                    if (ReferenceEquals(link.Document, doc) && string.Equals(link.ElementName.Namespace, XbrlNamespaces.Link, StringComparison.Ordinal)
                        && StandardLinkNames.Contains(link.ElementName.LocalName) && link.ElementName.LocalName != allowedLink)
                    {
                        diagnostics.Error("xbrl.4.3.4", $"The linkbaseRef has role '{lr.Role}', so its linkbase may hold only {allowedLink} elements; it holds a {link.ElementName.LocalName}.", lr.Location);
                        break;
                    }
                }
            }
        }
    }

    private static XbrlElement? ResolveFragment(DtsLoader.DocumentIndex index, string fragment)
    {
        if (!fragment.StartsWith("element(", StringComparison.Ordinal))
        {
            if (index.ById.TryGetValue(fragment, out var e))
            {
                return e;
            }
            return index.IdToPath.TryGetValue(fragment, out var p) && index.ByPath.TryGetValue(p, out var byPath) ? byPath : null;
        }
        return DtsLoader.ResolveElementScheme(index, fragment["element(".Length..].TrimEnd(')'));
    }

    private void CheckRoleAndArcroleRefs()
    {
        CheckRefs(loader.RoleRefs, isRole: true);
        CheckRefs(loader.ArcroleRefs, isRole: false);
    }

    private void CheckRefs(List<DtsLoader.RefInfo> refs, bool isRole)
    {
        // The refs of one linkbase are listed together: the URIs seen are kept for the current linkbase only.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? seenDocument = null;
        var seenLinkbase = -1;
        Dictionary<(string DocumentKey, string Id), string>? declaredById = null;
        string? lastTargetUrl = null;
        (TaxonomyDocument? Document, DtsLoader.DocumentIndex? Index) lastTarget = default;
        foreach (var rr in refs)
        {
            if (!ReferenceEquals(rr.DocumentUrl, seenDocument) || rr.Linkbase != seenLinkbase)
            {
                if (!string.Equals(rr.DocumentUrl, seenDocument, StringComparison.Ordinal) || rr.Linkbase != seenLinkbase)
                {
                    seen.Clear();
                }
                (seenDocument, seenLinkbase) = (rr.DocumentUrl, rr.Linkbase);
            }
            if (!seen.Add(rr.Uri))
            {
                diagnostics.Error(isRole ? "xbrl.3.5.2.4.5" : "xbrl.3.5.2.5.5",
                    $"The linkbase has two {(isRole ? "roleRef" : "arcroleRef")} elements for '{rr.Uri}'; keep one.", rr.Location);
            }
            if (rr.TargetUrl is null)
            {
                continue;
            }
            if (!ReferenceEquals(rr.TargetUrl, lastTargetUrl))
            {
                (lastTargetUrl, lastTarget) = (rr.TargetUrl, loader.FindDocumentAndIndex(rr.TargetUrl));
            }
            var (doc, index) = lastTarget;
            if (doc is null || doc.IsMissing)
            {
                continue;
            }
            var target = index is null || string.IsNullOrEmpty(rr.Fragment) ? null : ResolveFragment(index, rr.Fragment!);
            var expected = isRole ? "roleType" : "arcroleType";
            if (target is null || target.ElementName.LocalName != expected)
            {
                diagnostics.Error(isRole ? "xbrl.3.5.2.4.2" : "xbrl.3.5.2.5.2",
                    $"The {(isRole ? "roleRef" : "arcroleRef")} href '{rr.Href}' must point to a {expected} element.", rr.Location);
                continue;
            }
            declaredById ??= DeclaredUrisById(isRole);
            var declaredUri = declaredById.TryGetValue((UrlUtil.Key(doc.Url), ((OtherElement)target).Id ?? NoId), out var declared) ? declared : null;
            if (declaredUri is not null && !string.Equals(declaredUri, rr.Uri, StringComparison.Ordinal))
            {
                diagnostics.Error(isRole ? "xbrl.3.5.2.4.5" : "xbrl.3.5.2.5.5",
                    $"The {(isRole ? "roleRef" : "arcroleRef")} names '{rr.Uri}' but its href points to the declaration of '{declaredUri}'.", rr.Location);
            }
        }
    }

    /// <summary>Stands for a missing id in <see cref="DeclaredUrisById"/> (no XML id can be this).</summary>
    private const string NoId = "\0";

    /// <summary>The URI of the first role (or arcrole) type declared with each id in each document.</summary>
    private Dictionary<(string DocumentKey, string Id), string> DeclaredUrisById(bool isRole)
    {
        var byId = new Dictionary<(string, string), string>();
        if (isRole)
        {
            foreach (var t in loader.RoleTypeList)
            {
                byId.TryAdd((UrlUtil.Key(t.DocumentUrl), t.Id ?? NoId), t.RoleUri);
            }
        }
        else
        {
            foreach (var t in loader.ArcroleTypeList)
            {
                byId.TryAdd((UrlUtil.Key(t.DocumentUrl), t.Id ?? NoId), t.ArcroleUri);
            }
        }
        return byId;
    }

    private void CheckTypeDeclarations()
    {
        foreach (var group in loader.RoleTypeList.GroupBy(t => t.RoleUri, StringComparer.Ordinal))
        {
            var list = group.ToList();
            CheckUsedOnDuplicates(list.Select(t => (t.UsedOn, t.Location)), "xbrl.5.1.3.4");
            for (var i = 1; i < list.Count; i++)
            {
                var a = list[0];
                var b = list[i];
                var sameDoc = UrlUtil.Key(a.DocumentUrl) == UrlUtil.Key(b.DocumentUrl);
                if (sameDoc || !string.Equals(Normalize(a.Definition), Normalize(b.Definition), StringComparison.Ordinal) || !SameSet(a.UsedOn, b.UsedOn))
                {
                    diagnostics.Error("xbrl.5.1.3", $"The role '{group.Key}' is declared more than once{(sameDoc ? " in one schema" : " with different definitions or usedOn")}; a role may be declared once, or again only identically in another schema.", b.Location);
                }
            }
        }
        foreach (var group in loader.ArcroleTypeList.GroupBy(t => t.ArcroleUri, StringComparer.Ordinal))
        {
            var list = group.ToList();
            CheckUsedOnDuplicates(list.Select(t => (t.UsedOn, t.Location)), "xbrl.5.1.4.4");
            for (var i = 1; i < list.Count; i++)
            {
                var a = list[0];
                var b = list[i];
                var sameDoc = UrlUtil.Key(a.DocumentUrl) == UrlUtil.Key(b.DocumentUrl);
                if (sameDoc || a.CyclesAllowed != b.CyclesAllowed || !string.Equals(Normalize(a.Definition), Normalize(b.Definition), StringComparison.Ordinal) || !SameSet(a.UsedOn, b.UsedOn))
                {
                    diagnostics.Error("xbrl.5.1.4", $"The arcrole '{group.Key}' is declared more than once{(sameDoc ? " in one schema" : " with different definitions, cycles or usedOn")}; an arcrole may be declared once, or again only identically in another schema.", b.Location);
                }
            }
        }
    }

    private void CheckUsedOnDuplicates(IEnumerable<(IReadOnlyList<QName> UsedOn, SourceLocation? Location)> declarations, string code)
    {
        foreach (var (usedOn, location) in declarations)
        {
            if (usedOn.Distinct().Count() != usedOn.Count)
            {
                diagnostics.Error(code, "A type declaration lists the same element twice in its usedOn elements.", location);
            }
        }
    }

    private static string Normalize(string? text) => text is null ? "" : WhitespaceRun().Replace(text.Trim(), " ");

    private static bool SameSet(IReadOnlyList<QName> a, IReadOnlyList<QName> b) => a.ToHashSet().SetEquals(b);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    /// <summary>Roles and arcroles used in extended links, resources and arcs: declared, referenced and used where allowed.</summary>
    private void CheckLinks()
    {
        var roleRefsByDoc = UrisByDocument(loader.RoleRefs);
        var arcroleRefsByDoc = UrisByDocument(loader.ArcroleRefs);
        // The first declaration of each URI.
        var roleTypes = new Dictionary<string, RoleType>(loader.RoleTypeList.Count, StringComparer.Ordinal);
        foreach (var t in loader.RoleTypeList)
        {
            roleTypes.TryAdd(t.RoleUri, t);
        }
        var arcroleTypes = new Dictionary<string, ArcroleType>(loader.ArcroleTypeList.Count, StringComparer.Ordinal);
        foreach (var t in loader.ArcroleTypeList)
        {
            arcroleTypes.TryAdd(t.ArcroleUri, t);
        }
        var hasMissingSchemas = false;
        foreach (var d in loader.DocumentOrder)
        {
            hasMissingSchemas |= d.IsMissing;
        }

        var passed = new List<Arc>();
        // A linkbase's links come together: its refs are looked up once for them all.
        string? lastDocument = null;
        HashSet<string>? roleRefs = null, arcroleRefs = null;
        foreach (var link in loader.Links)
        {
            if (!ReferenceEquals(link.DocumentUrl, lastDocument))
            {
                lastDocument = link.DocumentUrl;
                var docKey = UrlUtil.Key(link.DocumentUrl);
                roleRefs = roleRefsByDoc.GetValueOrDefault(docKey);
                arcroleRefs = arcroleRefsByDoc.GetValueOrDefault(docKey);
            }
            var standard = IsStandardLink(link);
            if (standard && loader.MissingLinkRoles.Contains(link))
            {
                diagnostics.Error("xbrl.3.5.3.3", $"The {link.ElementName.LocalName} has no xlink:role; standard extended links must have one.", link.Location);
            }
            else if (standard && !string.Equals(link.Role, XbrlRoles.Link, StringComparison.Ordinal))
            {
                CheckCustomRole(link.Role, link.ElementName, link.Location, roleRefs, roleTypes, "xbrl.3.5.3.3", hasMissingSchemas);
            }
            foreach (var resource in link.Resources)
            {
                if (!standard || resource.Role is null)
                {
                    continue;
                }
                var isStandardRole = resource.ElementName == LinkLabel ? XbrlRoles.StandardLabelRoles.Contains(resource.Role)
                    : resource.ElementName == LinkReference ? XbrlRoles.StandardReferenceRoles.Contains(resource.Role)
                    : string.Equals(resource.Role, XbrlRoles.Footnote, StringComparison.Ordinal);
                if (!isStandardRole)
                {
                    CheckCustomRole(resource.Role, resource.ElementName, resource.Location, roleRefs, roleTypes,
                        resource.ElementName == LinkLabel ? "xbrl.5.2.2.2.2" : resource.ElementName == LinkReference ? "xbrl.5.2.3.2.1" : "xbrl.4.11.1.2", hasMissingSchemas);
                }
            }
            // The rules below depend on the arcrole and the arc element only: an arc like one that passed in this link
            // passes too (a link holds a handful of kinds, interleaved: all, hypercube-dimension, domain-member...).
            passed.Clear();
            foreach (var arc in link.Arcs)
            {
                if (!IsStandardArc(arc))
                {
                    // XBRL 2.1 constrains standard arcs only; a custom vocabulary's arcs answer to their own specification.
                    continue;
                }
                if (HasPassed(passed, arc))
                {
                    continue;
                }
                var reported = diagnostics.Count;
                CheckArcrole(arc, arcroleRefs, arcroleTypes, hasMissingSchemas);
                if (diagnostics.Count == reported && passed.Count < 16)
                {
                    passed.Add(arc);
                }
            }
        }
    }

    private static Dictionary<string, HashSet<string>> UrisByDocument(List<DtsLoader.RefInfo> refs)
    {
        var byDocument = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in refs)
        {
            var key = UrlUtil.Key(r.DocumentUrl);
            if (!byDocument.TryGetValue(key, out var uris))
            {
                byDocument[key] = uris = new HashSet<string>(StringComparer.Ordinal);
            }
            uris.Add(r.Uri);
        }
        return byDocument;
    }

    private static bool HasPassed(List<Arc> passed, Arc arc)
    {
        foreach (var p in passed)
        {
            if (string.Equals(arc.Arcrole, p.Arcrole, StringComparison.Ordinal) && arc.ElementName == p.ElementName)
            {
                return true;
            }
        }
        return false;
    }

    private void CheckArcrole(Arc arc, HashSet<string>? arcroleRefs, Dictionary<string, ArcroleType> arcroleTypes, bool hasMissingSchemas)
    {
        if (StandardArcElementOfArcrole.TryGetValue(arc.Arcrole, out var allowed))
        {
            if (arc.ElementName != allowed)
            {
                diagnostics.Error("xbrl.5.2.1", $"The arcrole '{arc.Arcrole}' belongs on {allowed.LocalName}, not on {arc.ElementName.LocalName}.", arc.Location);
            }
            return;
        }
        if (arcroleTypes.TryGetValue(arc.Arcrole, out var type))
        {
            if (arcroleRefs is null || !arcroleRefs.Contains(arc.Arcrole))
            {
                diagnostics.Error("xbrl.3.5.3.9.4", $"The arcrole '{arc.Arcrole}' is used without an arcroleRef for it in the linkbase; add one.", arc.Location);
            }
            if (!type.UsedOn.Contains(arc.ElementName))
            {
                diagnostics.Error("xbrl.5.1.4.5", $"The arcrole '{arc.Arcrole}' is not declared for use on {arc.ElementName.LocalName}; add a usedOn for it to its arcroleType.", arc.Location);
            }
        }
        else if (XbrlArcroles.DimensionCycles.ContainsKey(arc.Arcrole) && hasMissingSchemas)
        {
            // The xbrldt schema declares these; offline it may be missing. Its arcroleRef is still required.
            if (arcroleRefs is null || !arcroleRefs.Contains(arc.Arcrole))
            {
                diagnostics.Error("xbrl.3.5.3.9.4", $"The arcrole '{arc.Arcrole}' is used without an arcroleRef for it in the linkbase; add one.", arc.Location);
            }
        }
        else if (!hasMissingSchemas || arcroleRefs is null || !arcroleRefs.Contains(arc.Arcrole))
        {
            diagnostics.Error("xbrl.3.5.3.9.4", $"The arcrole '{arc.Arcrole}' is neither a standard arcrole nor declared by an arcroleType in the DTS with an arcroleRef in this linkbase.", arc.Location);
        }
    }

    private void CheckCustomRole(string role, QName usedOnElement, SourceLocation location, HashSet<string>? roleRefs, Dictionary<string, RoleType> roleTypes, string code, bool hasMissingSchemas)
    {
        if (!roleTypes.TryGetValue(role, out var type))
        {
            // Offline, a roleRef to a schema that is missing is the declaration we can see.
            if (hasMissingSchemas && roleRefs is not null && roleRefs.Contains(role))
            {
                return;
            }
            diagnostics.Error(code, $"The role '{role}' is neither standard nor declared by a roleType in the DTS; declare it and add a roleRef for it.", location);
            return;
        }
        if (roleRefs is null || !roleRefs.Contains(role))
        {
            diagnostics.Error("xbrl.3.5.2.4", $"The role '{role}' is used without a roleRef for it in the linkbase; add one.", location);
        }
        if (!type.UsedOn.Contains(usedOnElement))
        {
            diagnostics.Error("xbrl.5.1.3.4", $"The role '{role}' is not declared for use on {usedOnElement.LocalName}; add a usedOn for it to its roleType.", location);
        }
    }

    /// <summary>Which elements each standard arc may join (XBRL 2.1 section 5.2).</summary>
    /// <summary>The arcroles whose arcs <see cref="CheckArcEndpoints"/> has rules for.</summary>
    private static readonly HashSet<string> ArcrolesWithEndRules = new(StringComparer.Ordinal)
    {
        XbrlArcroles.ConceptLabel, XbrlArcroles.ConceptReference, XbrlArcroles.ParentChild, XbrlArcroles.GeneralSpecial,
        XbrlArcroles.SimilarTuples, XbrlArcroles.RequiresElement, XbrlArcroles.SummationItem, XbrlArcroles.EssenceAlias,
    };

    private void CheckArcEndpoints()
    {
        foreach (var link in loader.Links)
        {
            foreach (var arc in link.Arcs)
            {
                if (!IsStandardArc(arc))
                {
                    continue;
                }
                if (arc.ElementName == CalculationArc)
                {
                    if (arc.Weight is null)
                    {
                        if (!arc.OtherAttributes.Keys.Any(k => k.LocalName == "weight"))
                        {
                            diagnostics.Error("xbrl.5.2.5.2", "A calculationArc must have a weight.", arc.Location);
                        }
                    }
                    else if (arc.Weight == 0m)
                    {
                        diagnostics.Error("xbrl.5.2.5.2.1", "A calculationArc's weight must not be zero.", arc.Location);
                    }
                }
            }
        }
        // Relationships come in runs of one arcrole string: the arcrole is told apart once per run, and a run of
        // arcroles without end rules (the dimensional ones, custom ones) is passed over.
        string? lastArcrole = null;
        var hasEndRules = false;
        foreach (var r in loader.AllRelationships)
        {
            if (!ReferenceEquals(r.Arcrole, lastArcrole))
            {
                lastArcrole = r.Arcrole;
                hasEndRules = ArcrolesWithEndRules.Contains(r.Arcrole);
            }
            if (!hasEndRules || !IsStandardArc(r.Arc))
            {
                continue;
            }
            switch (r.Arcrole)
            {
                case XbrlArcroles.ConceptLabel:
                    RequireConcept(r, r.From, "from");
                    if (r.To is not Resource { } label || label.ElementName != LinkLabel)
                    {
                        diagnostics.Error("xbrl.5.2.2.3", "A concept-label arc must end at a label resource.", r.Arc.Location);
                    }
                    else if (r.ToViaLocator && !r.Arc.IsProhibited)
                    {
                        diagnostics.Error("xbrl.5.2.2.3", "A concept-label arc may reach a label in another link through a locator only to prohibit it; give the label its own resource in this link.", r.Arc.Location);
                    }
                    break;
                case XbrlArcroles.ConceptReference:
                    RequireConcept(r, r.From, "from");
                    if (r.To is not Resource { } reference || reference.ElementName != LinkReference)
                    {
                        diagnostics.Error("xbrl.5.2.3.3", "A concept-reference arc must end at a reference resource.", r.Arc.Location);
                    }
                    else if (r.ToViaLocator && !r.Arc.IsProhibited)
                    {
                        diagnostics.Error("xbrl.5.2.3.3", "A concept-reference arc may reach a reference in another link through a locator only to prohibit it; give the reference its own resource in this link.", r.Arc.Location);
                    }
                    break;
                case XbrlArcroles.ParentChild:
                case XbrlArcroles.GeneralSpecial:
                case XbrlArcroles.SimilarTuples:
                case XbrlArcroles.RequiresElement:
                    RequireConcept(r, r.From, "from");
                    RequireConcept(r, r.To, "to");
                    break;
                case XbrlArcroles.SummationItem:
                    var sum = RequireConcept(r, r.From, "from");
                    var item = RequireConcept(r, r.To, "to");
                    if (sum is { IsDeclared: true } && !IsNumeric(sum))
                    {
                        diagnostics.Error("xbrl.5.2.5.2", $"The summation concept {sum} of a calculation arc must be a numeric item.", r.Arc.Location);
                    }
                    if (item is { IsDeclared: true } && !IsNumeric(item))
                    {
                        diagnostics.Error("xbrl.5.2.5.2", $"The contributing concept {item} of a calculation arc must be a numeric item.", r.Arc.Location);
                    }
                    if (!r.Arc.IsProhibited && sum?.Balance is { } sb && item?.Balance is { } ib && r.Arc.Weight is { } w && w != 0
                        && (sb == ib) != (w > 0))
                    {
                        // XBRL 2.1 section 5.1.1.2, Table 6: same balances add (positive weight), opposite balances subtract.
                        diagnostics.Error("xbrl.5.1.1.2", $"{sum} ({sb.ToString().ToLowerInvariant()}) and {item} ({ib.ToString().ToLowerInvariant()}) are joined with weight {w}; {(sb == ib ? "equal balances need a positive weight" : "opposite balances need a negative weight")}.", r.Arc.Location);
                    }
                    break;
                case XbrlArcroles.EssenceAlias:
                    var essence = RequireConcept(r, r.From, "from");
                    var alias = RequireConcept(r, r.To, "to");
                    if (essence is { IsDeclared: true } e && alias is { IsDeclared: true } a)
                    {
                        if (!e.IsItem || !a.IsItem)
                        {
                            diagnostics.Error("xbrl.5.2.6.2.2", "Both ends of an essence-alias arc must be items.", r.Arc.Location);
                        }
                        else if (e.Type != a.Type || e.PeriodType != a.PeriodType || e.Balance != a.Balance)
                        {
                            diagnostics.Error("xbrl.5.2.6.2.2", $"The essence {e} and alias {a} must have the same type, period type and balance.", r.Arc.Location);
                        }
                    }
                    break;
            }
        }
    }

    private Concept? RequireConcept(Relationship r, XbrlElement end, string which)
    {
        if (end is Concept c)
        {
            if (c.IsDeclared && c.BaseSubstitutionGroup is { } g && g != XbrlNames.Item && g != XbrlNames.Tuple && g != XbrlNames.HypercubeItem && g != XbrlNames.DimensionItem
                && _xbrlSchemaLoaded.Value)
            {
                // In a substitution group that is not rooted in item or tuple: not a concept.
                diagnostics.Error("xbrl.5.2.1", $"The {which} end of the {r.Arc.ElementName.LocalName} is {c}, which is not an item or a tuple.", r.Arc.Location);
            }
            else if (c.IsDeclared && c.BaseSubstitutionGroup is null)
            {
                diagnostics.Error("xbrl.5.2.1", $"The {which} end of the {r.Arc.ElementName.LocalName} is {c}, which is not an item or a tuple.", r.Arc.Location);
            }
            return c;
        }
        diagnostics.Error("xbrl.5.2.1", $"The {which} end of the {r.Arc.ElementName.LocalName} must be a concept; it is {end}.", r.Arc.Location);
        return null;
    }

    private const string XbrlSchemaUrl = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd";

    private static readonly QName MonetaryItemType = new(XbrlNamespaces.Xbrli, "monetaryItemType");

    private Lazy<bool> _xbrlSchemaLoaded => _xbrlSchemaLoadedValue ??= new Lazy<bool>(() => loader.FindDocument(XbrlSchemaUrl) is { IsMissing: false });

    private Lazy<bool>? _xbrlSchemaLoadedValue;

    private bool IsNumeric(Concept c)
    {
        if (!c.IsItem)
        {
            return false;
        }
        return TypeDerivesFromNumeric(c.Type);
    }

    private static readonly HashSet<string> NumericItemTypes = new(StringComparer.Ordinal)
    {
        "decimalItemType", "floatItemType", "doubleItemType", "integerItemType", "nonPositiveIntegerItemType", "negativeIntegerItemType",
        "longItemType", "intItemType", "shortItemType", "byteItemType", "nonNegativeIntegerItemType", "unsignedLongItemType", "unsignedIntItemType",
        "unsignedShortItemType", "unsignedByteItemType", "positiveIntegerItemType", "monetaryItemType", "sharesItemType", "pureItemType", "fractionItemType",
    };

    private bool TypeDerivesFromNumeric(QName? type)
    {
        if (type is not { } t)
        {
            return false;
        }
        if (string.Equals(t.Namespace, XbrlNamespaces.Xbrli, StringComparison.Ordinal))
        {
            return NumericItemTypes.Contains(t.LocalName);
        }
        // A type of another namespace (dtr-types, num, a company's own): numeric unless its name says otherwise is not
        // knowable without the schema type graph; only the well-known non-numeric ones are refused.
        return !t.LocalName.Contains("string", StringComparison.OrdinalIgnoreCase) && !t.LocalName.Contains("date", StringComparison.OrdinalIgnoreCase)
            && !t.LocalName.Contains("boolean", StringComparison.OrdinalIgnoreCase) && !t.LocalName.Contains("textBlock", StringComparison.OrdinalIgnoreCase)
            && !t.LocalName.Contains("anyURI", StringComparison.OrdinalIgnoreCase) && !t.LocalName.Contains("QName", StringComparison.Ordinal);
    }

    /// <summary>Cycles the arcroles forbid (XBRL 2.1 section 5.1.4.3 and Table 10), per base set of effective relationships.</summary>
    private void CheckCycles()
    {
        var declared = new Dictionary<string, CyclesAllowed>(loader.ArcroleTypeList.Count, StringComparer.Ordinal);
        foreach (var t in loader.ArcroleTypeList)
        {
            declared.TryAdd(t.ArcroleUri, t.CyclesAllowed);
        }
        var candidates = new List<Relationship>();
        // Relationships come in runs of one arcrole string: the arcrole is judged once per run.
        string? lastArcrole = null;
        var lastRestricts = false;
        foreach (var r in effective)
        {
            if (!ReferenceEquals(r.Arcrole, lastArcrole))
            {
                // Only arcroles that restrict cycles (the dimensional ones are judged per DRS).
                lastArcrole = r.Arcrole;
                lastRestricts = !XbrlArcroles.DimensionCycles.ContainsKey(r.Arcrole)
                    && (XbrlArcroles.StandardCycles.TryGetValue(r.Arcrole, out var c) ? c != CyclesAllowed.Any : declared.ContainsKey(r.Arcrole));
            }
            // And only standard arcs.
            if (lastRestricts && IsStandardArc(r.Arc))
            {
                candidates.Add(r);
            }
        }
        // Base sets in the order they are first met.
        var keys = new List<BaseSetKey>();
        var baseSets = new Dictionary<BaseSetKey, List<Relationship>>();
        foreach (var r in candidates)
        {
            var key = new BaseSetKey(r.Arcrole, r.LinkRole, r.LinkElement, r.ArcElement);
            if (!baseSets.TryGetValue(key, out var members))
            {
                baseSets[key] = members = [];
                keys.Add(key);
            }
            members.Add(r);
        }
        foreach (var key in keys)
        {
            var group = (Key: key, List: baseSets[key]);
            CyclesAllowed rule;
            if (XbrlArcroles.StandardCycles.TryGetValue(group.Key.Arcrole, out var standardRule))
            {
                rule = standardRule;
            }
            else if (declared.TryGetValue(group.Key.Arcrole, out var declaredRule))
            {
                rule = declaredRule;
            }
            else
            {
                continue;
            }
            if (rule == CyclesAllowed.Any || XbrlArcroles.DimensionCycles.ContainsKey(group.Key.Arcrole))
            {
                // Dimensional arcroles: cycles are judged per DRS by the Dimensions checks.
                continue;
            }
            var list = group.List;
            if (rule == CyclesAllowed.Undirected)
            {
                if (FindDirectedCycle(list) is { } at)
                {
                    diagnostics.Error("xbrl.5.1.4.3", $"The relationships with arcrole '{group.Key.Arcrole}' in role '{group.Key.LinkRole}' form a directed cycle through {at.From}; the arcrole allows undirected cycles only.", at.Arc.Location);
                }
            }
            else if (FindUndirectedCycle(list) is { } at)
            {
                diagnostics.Error("xbrl.5.1.4.3", $"The relationships with arcrole '{group.Key.Arcrole}' in role '{group.Key.LinkRole}' form a cycle through {at.From}; the arcrole allows no cycles.", at.Arc.Location);
            }
        }
    }

    /// <summary>
    /// The relationship that closes a directed cycle, found by a depth-first walk from each source in the order the
    /// sources first appear, each node's relationships in list order; null when there is none. The nodes are numbered
    /// and the edges kept in arrays (a linked list per source), so a large base set costs a handful of allocations.
    /// </summary>
    internal static Relationship? FindDirectedCycle(List<Relationship> relationships)
    {
        var count = relationships.Count;
        var numbers = new Dictionary<XbrlElement, int>(Math.Min(count * 2, 1024 + count));
        var toNode = new int[count];
        var nextEdge = new int[count];
        var firstEdge = new List<int>();
        var lastEdge = new List<int>();
        var sources = new List<int>();
        int Number(XbrlElement e)
        {
            ref var n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, e, out var exists);
            if (!exists)
            {
                n = firstEdge.Count;
                firstEdge.Add(-1);
                lastEdge.Add(-1);
            }
            return n;
        }
        for (var i = 0; i < count; i++)
        {
            var r = relationships[i];
            var from = Number(r.From);
            toNode[i] = Number(r.To);
            nextEdge[i] = -1;
            if (firstEdge[from] < 0)
            {
                firstEdge[from] = i;
                sources.Add(from);
            }
            else
            {
                nextEdge[lastEdge[from]] = i;
            }
            lastEdge[from] = i;
        }
        var state = new byte[firstEdge.Count]; // 1 on the current path, 2 done
        var pathNode = new int[firstEdge.Count];
        var pathEdge = new int[firstEdge.Count];
        foreach (var start in sources)
        {
            if (state[start] != 0)
            {
                continue;
            }
            state[start] = 1;
            (pathNode[0], pathEdge[0]) = (start, firstEdge[start]);
            var depth = 1;
            while (depth > 0)
            {
                var top = depth - 1;
                var edge = pathEdge[top];
                if (edge < 0)
                {
                    state[pathNode[top]] = 2;
                    depth--;
                    continue;
                }
                pathEdge[top] = nextEdge[edge];
                var to = toNode[edge];
                if (state[to] == 1)
                {
                    return relationships[edge];
                }
                if (state[to] == 0)
                {
                    state[to] = 1;
                    (pathNode[depth], pathEdge[depth]) = (to, firstEdge[to]);
                    depth++;
                }
            }
        }
        return null;
    }

    private static Relationship? FindUndirectedCycle(List<Relationship> relationships)
    {
        // Union-find: an edge joining two nodes already connected closes a cycle (a self-loop or a repeated pair too).
        var parent = new Dictionary<XbrlElement, XbrlElement>();
        XbrlElement Find(XbrlElement x)
        {
            while (parent.TryGetValue(x, out var p) && !ReferenceEquals(p, x))
            {
                var gp = parent.GetValueOrDefault(p, p);
                parent[x] = gp;
                x = gp;
            }
            return x;
        }
        foreach (var r in relationships)
        {
            parent.TryAdd(r.From, r.From);
            parent.TryAdd(r.To, r.To);
            var a = Find(r.From);
            var b = Find(r.To);
            if (ReferenceEquals(a, b))
            {
                return r;
            }
            parent[a] = b;
        }
        return null;
    }

    /// <summary>Labels: one per concept, role and language; a preferredLabel must name a role the concept has a label in.</summary>
    private void CheckLabels()
    {
        // One set of (concept, role) pairs rather than a set per concept; languages compared lowercased, each lowercased once.
        var labelRoles = new HashSet<(Concept, string)>();
        var seen = new HashSet<(Concept, string, string, string)>();
        var lowercased = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in effective)
        {
            if (r.Arcrole != XbrlArcroles.ConceptLabel || r.From is not Concept c || r.To is not Resource label)
            {
                continue;
            }
            var role = label.Role ?? XbrlRoles.Label;
            labelRoles.Add((c, role));
            var language = label.Language ?? "";
            if (!lowercased.TryGetValue(language, out var languageKey))
            {
                lowercased[language] = languageKey = language.ToLowerInvariant();
            }
            if (!seen.Add((c, r.LinkRole, role, languageKey)))
            {
                diagnostics.Error("xbrl.5.2.2.2.3", $"The concept {c} has more than one label with role '{role}' and language '{label.Language}'; keep one.", r.Arc.Location);
            }
        }
        foreach (var r in effective)
        {
            if (r.Arc.PreferredLabel is not { } preferred || r.Arc.ElementName != PresentationArc)
            {
                continue;
            }
            if (r.To is not Concept target || !target.IsDeclared)
            {
                continue;
            }
            if (!labelRoles.Contains((target, preferred)))
            {
                var known = IsKnownLabelRole(preferred);
                diagnostics.Error("xbrl.5.2.4.2.1", $"The presentation arc prefers the label role '{preferred}', but {target} has no label with that role{(known ? "" : " (and the role is not declared)")}.", r.Arc.Location);
            }
        }
    }

    // Apart from its caller's loop: a lambda there would allocate its closure on every relationship.
    private bool IsKnownLabelRole(string role) =>
        XbrlRoles.StandardLabelRoles.Contains(role) || loader.RoleTypeList.Any(t => t.RoleUri == role);

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    /// <summary>Whether an xml:lang value is empty or a language tag (RFC 3066, xs:language).</summary>
    internal static bool IsValidLanguage(string lang) => lang.Length == 0 || LanguageTag().IsMatch(lang.Trim());

    private void CheckLanguages()
    {
        foreach (var (_, location, lang) in loader.LanguageValues)
        {
            if (!IsValidLanguage(lang))
            {
                diagnostics.Error("sche:XmlSchemaError", $"xml:lang '{lang}' is not a valid language tag (RFC 3066, xs:language).", location);
            }
        }
        foreach (var (location, value) in loader.XmlSpaceValues)
        {
            if (value is not ("default" or "preserve"))
            {
                diagnostics.Error("sche:XmlSchemaError", $"xml:space is '{value}'; it must be default or preserve.", location);
            }
        }
    }

    private void CheckConceptDeclarations()
    {
        foreach (var (concept, periodType, balance) in loader.PeriodTypeAttributes)
        {
            if (periodType is not null && periodType is not ("instant" or "duration"))
            {
                diagnostics.Error("sche:XmlSchemaError", $"The concept {concept} has xbrli:periodType '{periodType}'; it must be instant or duration.", concept.Location);
            }
            if (balance is not null && balance is not ("debit" or "credit"))
            {
                diagnostics.Error("sche:XmlSchemaError", $"The concept {concept} has xbrli:balance '{balance}'; it must be debit or credit.", concept.Location);
            }
            if (concept.IsTuple && periodType is not null)
            {
                diagnostics.Error("xbrl.5.1.1.1", $"The tuple {concept} has an xbrli:periodType; only items have one.", concept.Location);
            }
            if (balance is not null && concept.IsTuple)
            {
                diagnostics.Error("xbrl.5.1.1.2", $"The tuple {concept} has an xbrli:balance; only monetary items have one.", concept.Location);
            }
            else if (balance is not null && concept.Type is { } type && _xbrlSchemaLoaded.Value && !loader.TypeDerivesFrom(type, MonetaryItemType))
            {
                diagnostics.Error("xbrl.5.1.1.2", $"The concept {concept} has an xbrli:balance but its type {type.LocalName} is not monetary.", concept.Location);
            }
            if (concept.IsItem && periodType is null && loader.FindDocument(XbrlSchemaUrl) is { IsMissing: false })
            {
                diagnostics.Error("xbrl.5.1.1.1", $"The item {concept} has no xbrli:periodType; every item must have one.", concept.Location);
            }
        }
    }
}
