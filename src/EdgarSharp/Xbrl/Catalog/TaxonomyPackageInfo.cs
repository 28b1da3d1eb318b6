namespace EdgarSharp.Xbrl;

/// <summary>
/// What a taxonomy package says about itself in <c>META-INF/taxonomyPackage.xml</c> (XBRL Taxonomy Packages 1.0),
/// plus the URL rewrites of its <c>META-INF/catalog.xml</c>. Where the file gives a text in several languages,
/// the English one is kept (else the first).
/// </summary>
/// <param name="Identifier">The package's <c>tp:identifier</c> (a URI).</param>
/// <param name="Name">The package's <c>tp:name</c>; the zip's file name when absent.</param>
/// <param name="Version">The package's <c>tp:version</c>, or null.</param>
/// <param name="Description">The package's <c>tp:description</c>, or null.</param>
/// <param name="Publisher">The package's <c>tp:publisher</c>, or null.</param>
/// <param name="PublicationDate">The package's <c>tp:publicationDate</c> as written (<c>2024-01-31</c>), or null.</param>
/// <param name="EntryPoints">The package's entry points, in document order.</param>
/// <param name="ZipPath">The full path of the package file.</param>
/// <param name="TopLevelFolder">The name of the package's single top-level folder.</param>
/// <param name="Rewrites">The catalog's rewrites in effect (a rewrite refused with a diagnostic is absent).</param>
public sealed record TaxonomyPackageInfo(
    string Identifier,
    string Name,
    string? Version,
    string? Description,
    string? Publisher,
    string? PublicationDate,
    IReadOnlyList<TaxonomyEntryPoint> EntryPoints,
    string ZipPath,
    string TopLevelFolder,
    IReadOnlyList<TaxonomyPackageRewrite> Rewrites);

/// <summary>One <c>tp:entryPoint</c> of a taxonomy package: a name and the documents that make up the DTS.</summary>
/// <param name="Name">The entry point's <c>tp:name</c> (English when several), or an empty string when absent.</param>
/// <param name="Description">The entry point's <c>tp:description</c>, or null.</param>
/// <param name="Version">The entry point's <c>tp:version</c>, or null.</param>
/// <param name="Urls">The <c>tp:entryPointDocument/@href</c> URLs as written (after <c>xml:base</c>), in document order;
/// resolve them with <see cref="TaxonomyCatalog.TryResolve"/>.</param>
public sealed record TaxonomyEntryPoint(string Name, string? Description, string? Version, IReadOnlyList<string> Urls);

/// <summary>One URL rewrite of a package's catalog: URLs starting with <see cref="StartString"/> are read from
/// <see cref="Target"/> plus the rest of the URL.</summary>
/// <param name="StartString">The <c>@uriStartString</c> (or <c>@systemIdStartString</c>) as written.</param>
/// <param name="RewritePrefix">The <c>@rewritePrefix</c> as written.</param>
/// <param name="Target">Where it points: a folder inside the zip (<c>srt-2024/</c>) or an absolute URL.</param>
public sealed record TaxonomyPackageRewrite(string StartString, string RewritePrefix, string Target);
