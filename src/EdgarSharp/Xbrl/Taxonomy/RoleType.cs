namespace EdgarSharp.Xbrl;

/// <summary>A <c>link:roleType</c> declaration: a custom role URI, its definition and where it may be used.</summary>
/// <param name="RoleUri">The role URI.</param>
/// <param name="Id">The element's id (what roleRef hrefs point to).</param>
/// <param name="Definition">The <c>link:definition</c> text, or null.</param>
/// <param name="UsedOn">The elements it may be used on.</param>
/// <param name="DocumentUrl">The declaring schema.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record RoleType(string RoleUri, string? Id, string? Definition, IReadOnlyList<QName> UsedOn, string DocumentUrl, SourceLocation? Location);

/// <summary>A <c>link:arcroleType</c> declaration.</summary>
/// <param name="ArcroleUri">The arcrole URI.</param>
/// <param name="Id">The element's id.</param>
/// <param name="CyclesAllowed">The cycles the arcrole allows.</param>
/// <param name="Definition">The <c>link:definition</c> text, or null.</param>
/// <param name="UsedOn">The arc elements it may be used on.</param>
/// <param name="DocumentUrl">The declaring schema.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record ArcroleType(string ArcroleUri, string? Id, CyclesAllowed CyclesAllowed, string? Definition, IReadOnlyList<QName> UsedOn, string DocumentUrl, SourceLocation? Location);
