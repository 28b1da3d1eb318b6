namespace EdgarSharp.Xbrl;

/// <summary>Where the bytes of a <see cref="ResolvedDocument"/> live.</summary>
public enum ResolvedDocumentSource
{
    /// <summary>A file under a cache folder registered with <see cref="TaxonomyCatalog.AddCacheFolder"/>.</summary>
    File,

    /// <summary>An entry of a taxonomy package registered with <see cref="TaxonomyCatalog.AddPackage"/>.</summary>
    PackageEntry,
}

/// <summary>
/// A URL that a <see cref="TaxonomyCatalog"/> found locally. Open its bytes with <see cref="TaxonomyCatalog.Open"/>
/// on the catalog that resolved it. Relative references inside the document resolve against <see cref="Url"/>
/// (the public URL), never against <see cref="Location"/>, so that a DTS keeps the same URLs wherever its files are.
/// </summary>
/// <param name="Url">The absolute URL that was resolved, without its fragment.</param>
/// <param name="Location">
/// For a file, its full path; for a package entry, the package's full path, <c>!/</c> and the entry's name
/// (<c>/data/srt-2024.zip!/srt-2024/elts/srt-2024.xsd</c>). For messages and logs; not a URL.
/// </param>
/// <param name="Source">Whether the bytes are a file or a package entry.</param>
public sealed record ResolvedDocument(string Url, string Location, ResolvedDocumentSource Source)
{
    /// <summary>The separator between a package's path and an entry's name in <see cref="Location"/>.</summary>
    public const string PackageEntrySeparator = "!/";
}
