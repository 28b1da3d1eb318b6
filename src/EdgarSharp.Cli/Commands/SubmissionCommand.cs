using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Documents;
using EdgarSharp.Edgar;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar submission PATH</c>: the header and documents of an EDGAR submission (<c>.txt</c>, <c>.nc</c>, PEM-wrapped,
/// header-only). Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: one object <c>{ "path", "format", "pemWrapped", "accessionNumber", "formType",
/// "publicDocumentCount", "period", "filingDate", "dateOfChange", "effectivenessDate", "acceptedAt", "items",
/// "groupMembers", "filers", "reportingOwners", "subjectCompany", "filedBy", "otherParties", "documents",
/// "diagnostics" }</c>. Dates are ISO 8601 (<c>2025-04-28</c>); <c>acceptedAt</c> is ISO 8601 with the US Eastern
/// offset (<c>2025-04-28T16:37:35-04:00</c>); absent values are null. A party is <c>{ "role", "name", "cik", "sic",
/// "sicDescription", "organizationName", "irsNumber", "stateOfIncorporation", "fiscalYearEnd", "relationship",
/// "filingValues": { "formType", "act", "fileNumber", "filmNumber" }, "businessAddress", "mailAddress" (each
/// <c>{ "street1", "street2", "city", "state", "zip", "phone" }</c>), "formerNames": [{ "name", "dateChanged" }] }</c>.
/// A document is <c>{ "type", "sequence", "filename", "description", "wrapper", "uuencoded", "uuencodedName",
/// "size", "encodedSize", "truncated", "kind" }</c> (<c>size</c>: decoded bytes; <c>kind</c>: detected from the
/// content), plus <c>"extractedTo"</c> with <c>--extract</c>. A diagnostic is <c>{ "severity", "code", "message",
/// "line" }</c>.</item>
/// <item><c>--format text</c> (default): the header fields, then one row per document.</item>
/// </list>
/// <c>--extract DIR</c> writes each document into DIR under its sanitised file name (see
/// <see cref="SubmissionExtractor"/>). Diagnostics go to standard error in text mode. Exit code 0; 1 when an error
/// diagnostic was reported; 2 when the file cannot be read or the folder written.
/// </summary>
internal static class SubmissionCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "The submission file (.txt, .nc, .hdr.sgml)." };
        var extract = new Option<string?>("--extract") { Description = "Write the documents into this folder (created when missing)." };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var command = new Command("submission", "Reads an EDGAR submission: its header and its documents, uuencoded files decoded.");
        command.Arguments.Add(path);
        command.Options.Add(extract);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(extract), parse.GetValue(format), io));
        return command;
    }

    internal static int Run(string path, string? extractTo, OutputFormat format, CliIO io)
    {
        if (!File.Exists(path))
        {
            io.Err.WriteLine($"edgar submission: {path}: no such file.");
            return 2;
        }
        SubmissionHeader header;
        List<(SubmissionDocument Document, long Size, string Kind, string? Path)> documents = [];
        IReadOnlyList<Diagnostic> diagnostics;
        SubmissionFormat layout;
        bool pem;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            using var reader = SubmissionStreamReader.Open(stream, path);
            var root = extractTo is null ? null : Path.GetFullPath(extractTo);
            if (root is not null)
            {
                Directory.CreateDirectory(root);
            }
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in reader.ReadDocuments())
            {
                var kind = DocumentKindDetector.Detect(d.Content.Span, isWholeDocument: !d.IsTruncated).KindName;
                string? written = null;
                if (root is not null)
                {
                    written = Unique(EdgarFileNames.PathUnder(root, d.FileName ?? d.UuencodedName, d.Sequence), used);
                    File.WriteAllBytes(written, d.Content.ToArray());
                }
                // Keep the metadata and the size; release the body.
                documents.Add((d with { Content = ReadOnlyMemory<byte>.Empty }, d.Size, kind, written));
            }
            header = reader.Header;
            diagnostics = reader.Diagnostics.ToList();
            layout = reader.Format;
            pem = reader.IsPemWrapped;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Err.WriteLine($"edgar submission: {path}: {ex.Message}");
            return 2;
        }

        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, w => WriteJson(w, path, layout, pem, header, documents, diagnostics));
        }
        else
        {
            WriteText(io, path, layout, pem, header, documents);
            foreach (var d in diagnostics)
            {
                io.Err.WriteLine(d.ToString());
            }
        }
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
    }

    private static string Unique(string path, HashSet<string> used)
    {
        if (used.Add(path))
        {
            return path;
        }
        var directory = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        for (var i = 2; ; i++)
        {
            var candidate = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-{i}{extension}"));
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    internal static string FormatName(SubmissionFormat format) => format switch
    {
        SubmissionFormat.SecDocument => "sec-document",
        SubmissionFormat.SecHeader => "sec-header",
        SubmissionFormat.HeaderOnly => "header-only",
        SubmissionFormat.DisseminationFeed => "dissemination-feed",
        SubmissionFormat.DocumentsOnly => "documents-only",
        _ => "unknown",
    };

    internal static string WrapperName(BodyWrapper wrapper) => wrapper switch
    {
        BodyWrapper.Text => "text",
        BodyWrapper.Xml => "xml",
        BodyWrapper.Xbrl => "xbrl",
        BodyWrapper.Pdf => "pdf",
        _ => "none",
    };

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter w, string path, SubmissionFormat layout, bool pem, SubmissionHeader h,
        List<(SubmissionDocument Document, long Size, string Kind, string? Path)> documents, IReadOnlyList<Diagnostic> diagnostics)
    {
        w.WriteStartObject();
        w.WriteString("path", path);
        w.WriteString("format", FormatName(layout));
        w.WriteBoolean("pemWrapped", pem);
        NullableString(w, "accessionNumber", h.AccessionNumber);
        NullableString(w, "formType", h.FormType);
        if (h.PublicDocumentCount is { } count)
        {
            w.WriteNumber("publicDocumentCount", count);
        }
        else
        {
            w.WriteNull("publicDocumentCount");
        }
        NullableString(w, "period", Date(h.Period));
        NullableString(w, "filingDate", Date(h.FilingDate));
        NullableString(w, "dateOfChange", Date(h.DateOfChange));
        NullableString(w, "effectivenessDate", Date(h.EffectivenessDate));
        NullableString(w, "acceptedAt", h.AcceptedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        Output.Strings(w, "items", h.Items);
        Output.Strings(w, "groupMembers", h.GroupMembers);
        Parties(w, "filers", h.Filers);
        Parties(w, "reportingOwners", h.ReportingOwners);
        w.WritePropertyName("subjectCompany");
        if (h.SubjectCompany is { } subject)
        {
            Party(w, subject);
        }
        else
        {
            w.WriteNullValue();
        }
        Parties(w, "filedBy", h.FiledBy);
        Parties(w, "otherParties", h.Parties.Where(p => p.Role is not (PartyRole.Filer or PartyRole.ReportingOwner or PartyRole.FiledBy)
            && !ReferenceEquals(p, h.SubjectCompany)).ToList());
        w.WriteStartArray("documents");
        foreach (var (d, size, kind, written) in documents)
        {
            w.WriteStartObject();
            w.WriteString("type", d.Type);
            if (d.Sequence is { } seq)
            {
                w.WriteNumber("sequence", seq);
            }
            else
            {
                w.WriteNull("sequence");
            }
            NullableString(w, "filename", d.FileName);
            NullableString(w, "description", d.Description);
            w.WriteString("wrapper", WrapperName(d.Wrapper));
            w.WriteBoolean("uuencoded", d.IsUuencoded);
            NullableString(w, "uuencodedName", d.UuencodedName);
            w.WriteNumber("size", size);
            w.WriteNumber("encodedSize", d.EncodedLength);
            w.WriteBoolean("truncated", d.IsTruncated);
            w.WriteString("kind", kind);
            if (written is not null)
            {
                w.WriteString("extractedTo", written);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            w.WriteNumber("line", d.Location?.Line ?? 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Parties(Utf8JsonWriter w, string name, IReadOnlyList<HeaderParty> parties)
    {
        w.WriteStartArray(name);
        foreach (var p in parties)
        {
            Party(w, p);
        }
        w.WriteEndArray();
    }

    private static void Party(Utf8JsonWriter w, HeaderParty p)
    {
        w.WriteStartObject();
        w.WriteString("role", p.RoleName);
        NullableString(w, "name", p.Company.Name);
        NullableString(w, "cik", p.Company.Cik);
        if (p.Company.SicCode is { } sic)
        {
            w.WriteNumber("sic", sic);
        }
        else
        {
            w.WriteNull("sic");
        }
        NullableString(w, "sicDescription", p.Company.SicDescription);
        NullableString(w, "organizationName", p.Company.OrganizationName);
        NullableString(w, "irsNumber", p.Company.IrsNumber);
        NullableString(w, "stateOfIncorporation", p.Company.StateOfIncorporation);
        NullableString(w, "fiscalYearEnd", p.Company.FiscalYearEnd);
        NullableString(w, "relationship", p.Relationship);
        w.WritePropertyName("filingValues");
        if (p.FilingValues is { } v)
        {
            w.WriteStartObject();
            NullableString(w, "formType", v.FormType);
            NullableString(w, "act", v.Act);
            NullableString(w, "fileNumber", v.FileNumber);
            NullableString(w, "filmNumber", v.FilmNumber);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        AddressJson(w, "businessAddress", p.BusinessAddress);
        AddressJson(w, "mailAddress", p.MailAddress);
        w.WriteStartArray("formerNames");
        foreach (var f in p.FormerNames)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            NullableString(w, "dateChanged", Date(f.DateChanged));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void AddressJson(Utf8JsonWriter w, string name, Address? a)
    {
        w.WritePropertyName(name);
        if (a is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        NullableString(w, "street1", a.Street1);
        NullableString(w, "street2", a.Street2);
        NullableString(w, "city", a.City);
        NullableString(w, "state", a.State);
        NullableString(w, "zip", a.Zip);
        NullableString(w, "phone", a.Phone);
        w.WriteEndObject();
    }

    private static void WriteText(CliIO io, string path, SubmissionFormat layout, bool pem, SubmissionHeader h,
        List<(SubmissionDocument Document, long Size, string Kind, string? Path)> documents)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "path", path },
            new[] { "format", FormatName(layout) + (pem ? " (PEM-wrapped)" : string.Empty) },
            new[] { "accession number", h.AccessionNumber ?? "" },
            new[] { "form type", h.FormType ?? "" },
            new[] { "filing date", Date(h.FilingDate) ?? "" },
            new[] { "accepted at", h.AcceptedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "" },
            new[] { "period", Date(h.Period) ?? "" },
            new[] { "public documents", h.PublicDocumentCount?.ToString(CultureInfo.InvariantCulture) ?? "" },
        };
        foreach (var p in h.Parties)
        {
            rows.Add([p.RoleName.ToLowerInvariant(), $"{p.Company.Name} ({p.Company.Cik})"]);
        }
        Output.Columns(io.Out, rows);
        io.Out.WriteLine();
        var table = new List<IReadOnlyList<string>> { new[] { "SEQ", "TYPE", "FILENAME", "KIND", "SIZE", "DESCRIPTION" } };
        foreach (var (d, size, kind, written) in documents)
        {
            table.Add([
                d.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "",
                d.Type,
                written ?? d.FileName ?? d.UuencodedName ?? "",
                kind,
                size.ToString(CultureInfo.InvariantCulture),
                d.Description ?? "",
            ]);
        }
        Output.Columns(io.Out, table, new HashSet<int> { 4 });
    }
}
