namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// XML Schema validity of the DTS's schemas as a whole, by compiling them with <see cref="System.Xml.Schema.XmlSchemaSet"/>
/// (local files and the catalog only): the constraints on components that reading a schema element by element cannot
/// judge, Unique Particle Attribution (cos-nonambig) among them, as in a content model <c>(T1?, T2?, T1)</c>.
/// </summary>
/// <remarks>
/// Runs when a schema of a namespace other than the XBRL specifications' defines content models (sequence or choice
/// groups), and only on a complete DTS (a partial one cannot be compiled). Compiled sets are cached per process, so an
/// instance validated against the same DTS does not compile again.
/// </remarks>
internal static class SchemaCompilation
{
    public static void Check(IReadOnlyList<TaxonomyDocument> documents, TaxonomyCatalog catalog, DiagnosticBag diagnostics) =>
        SchemaValidation.Build(documents, catalog, diagnostics, requireInstanceSchema: false);
}
