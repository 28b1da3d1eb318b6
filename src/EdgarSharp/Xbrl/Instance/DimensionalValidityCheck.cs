using System.Xml;
using System.Xml.Schema;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// XBRL Dimensions 1.0 at the instance level (section 3.1.4 and the <c>xbrldie</c> errors): every dimension of a
/// context is a dimension of the right kind (<c>ExplicitMemberNotExplicitDimensionError</c>,
/// <c>TypedMemberNotTypedDimensionError</c>), every explicit member a declared element
/// (<c>ExplicitMemberUndefinedQNameError</c>) that is not the dimension's default
/// (<c>DefaultValueUsedInInstanceError</c>), every typed member one element of the typedDomainRef's declaration,
/// schema-valid when the schemas are at hand (<c>IllegalTypedDimensionContentError</c>); and every item is
/// dimensionally valid (<c>PrimaryItemDimensionallyInvalidError</c>, see <see cref="DimensionalModel.Validate"/>).
/// Repeated dimensions are reported by the instance reader.
/// </summary>
/// <remarks>
/// On a partial DTS nothing is reported about what has no declaration at hand: a dimension or member whose
/// namespace has no schema read is skipped, and a fact whose concept, context dimensions or hypercube dimensions
/// are not declared is not judged (the reader's one <c>edgar:incompleteDts</c> warning covers them).
/// </remarks>
internal static class DimensionalValidityCheck
{
    public static void Run(XbrlInstance instance, XmlSchemaSet? schemas, DiagnosticBag diagnostics)
    {
        var dts = instance.Dts;
        var model = instance.Dimensions;
        foreach (var context in instance.Contexts)
        {
            CheckContext(dts, model, context, schemas, diagnostics);
        }
        if (model.RelationshipSets.Count == 0)
        {
            return;
        }
        foreach (var fact in instance.AllFacts())
        {
            if (fact.IsTuple || fact.Context is null)
            {
                continue;
            }
            if (model.Validate(fact).Status == DimensionalValidityStatus.Invalid)
            {
                diagnostics.Error("xbrldie:PrimaryItemDimensionallyInvalidError",
                    $"{fact.PrefixedName} in context '{fact.ContextRef}' is dimensionally invalid: no link role's hypercubes of {fact.Concept} all hold for its dimensions.", fact.Location);
            }
        }
    }

    private static void CheckContext(Dts dts, DimensionalModel model, XbrlContext context, XmlSchemaSet? schemas, DiagnosticBag diagnostics)
    {
        foreach (var dv in context.Dimensions)
        {
            var code = dv.IsExplicit ? "xbrldie:ExplicitMemberNotExplicitDimensionError" : "xbrldie:TypedMemberNotTypedDimensionError";
            var kind = dv.IsExplicit ? "an explicit" : "a typed";
            var dimension = dts.FindConcept(dv.Dimension);
            if (dimension is null)
            {
                if (CanJudgeUndeclared(dts, dv.Dimension.Namespace))
                {
                    diagnostics.Error(code, $"The context '{context.Id}' gives {kind} member for {dv.Dimension}, which no schema of the DTS declares.", context.Location);
                }
                continue;
            }
            if (!dimension.IsDeclared)
            {
                continue;
            }
            var isTyped = dimension.TypedDomainRef is not null;
            if (!dimension.IsDimension || isTyped == dv.IsExplicit)
            {
                var what = !dimension.IsDimension ? "not a dimension" : isTyped ? "a typed dimension" : "an explicit dimension";
                diagnostics.Error(code, $"The context '{context.Id}' gives {kind} member for {dimension}, which is {what}.", context.Location);
                continue;
            }
            if (dv.Member is { } memberName)
            {
                var member = dts.FindConcept(memberName);
                if (member is null)
                {
                    if (CanJudgeUndeclared(dts, memberName.Namespace))
                    {
                        diagnostics.Error("xbrldie:ExplicitMemberUndefinedQNameError", $"The context '{context.Id}' gives {dimension} the member {memberName}, which no schema of the DTS declares.", context.Location);
                    }
                    continue;
                }
                if (member.IsDeclared && model.DefaultOf(dimension) is { } def && def.Name == member.Name)
                {
                    diagnostics.Error("xbrldie:DefaultValueUsedInInstanceError", $"The context '{context.Id}' gives {dimension} its default member {member}; a default is never written in a context.", context.Location);
                }
                continue;
            }
            var domain = model.TypedDomains?.Resolve(dimension);
            if (TypedContentProblem(dv.TypedValue ?? "", domain, schemas) is { } problem)
            {
                diagnostics.Error("xbrldie:IllegalTypedDimensionContentError", $"The context '{context.Id}' gives the typed dimension {dimension} content that is not an instance of its typedDomainRef{(domain is null ? "" : " " + domain)}: {problem}.", context.Location);
            }
        }
    }

    /// <summary>What is wrong with a typed member's content: not exactly one element, not the typed domain's element, or not schema-valid; null when nothing is.</summary>
    private static string? TypedContentProblem(string xml, Concept? domain, XmlSchemaSet? schemas)
    {
        var elements = 0;
        QName? name = null;
        var settings = SafeXml.Settings();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (reader.Depth != 0)
                {
                    continue;
                }
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements++;
                    name ??= new QName(reader.NamespaceURI, reader.LocalName);
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Trim().Length > 0)
                {
                    return "it has text outside an element";
                }
            }
        }
        catch (XmlException e)
        {
            return e.Message;
        }
        if (elements != 1)
        {
            return elements == 0 ? "it has no element" : "it has more than one element";
        }
        if (domain is null)
        {
            return null;
        }
        if (name != domain.Name)
        {
            return $"its element is {name}, not {domain.Name}";
        }
        if (schemas is null || !domain.IsDeclared)
        {
            return null;
        }
        string? invalid = null;
        var validating = SafeXml.Settings();
        validating.ConformanceLevel = ConformanceLevel.Fragment;
        validating.ValidationType = ValidationType.Schema;
        validating.Schemas = schemas;
        validating.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                invalid ??= e.Message;
            }
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), validating);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            return e.Message;
        }
        catch (XmlSchemaException e)
        {
            return e.Message;
        }
        return invalid;
    }

    /// <summary>
    /// True when a name of <paramref name="ns"/> that the DTS does not declare is surely undeclared: a schema of that
    /// namespace was read, or the DTS misses no document. A partial DTS may hold the declaration in what it misses.
    /// </summary>
    private static bool CanJudgeUndeclared(Dts dts, string ns) =>
        dts.Documents.All(d => !d.IsMissing)
        || dts.Documents.Any(d => !d.IsMissing && d.Type == TaxonomyDocumentType.Schema && string.Equals(d.TargetNamespace, ns, StringComparison.Ordinal));
}
