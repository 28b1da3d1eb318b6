using System.Globalization;

namespace EdgarSharp.Edgar.Internal;

/// <summary>
/// Parses header lines of either syntax into a <see cref="HeaderField"/> tree, then into a typed
/// <see cref="SubmissionHeader"/>. Text syntax: <c>KEY: value</c>, nesting by leading tabs, a key without a value
/// opens a block. Tag syntax: <c>&lt;TAG&gt;value</c> is a leaf; <c>&lt;TAG&gt;</c> alone opens a block when a
/// <c>&lt;/TAG&gt;</c> follows somewhere in the header, else it is an empty leaf (<c>&lt;PRIVATE-TO-PUBLIC&gt;</c>,
/// <c>&lt;ORGANIZATION-NAME&gt;</c>). A tag line ends the text blocks open inside the current tag block, which is
/// how the 1990s headers mix the two.
/// </summary>
internal static class HeaderParser
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ACCESSION-NUMBER"] = "ACCESSION-NUMBER",
        ["CONFORMED-SUBMISSION-TYPE"] = "TYPE",
        ["PUBLIC-DOCUMENT-COUNT"] = "PUBLIC-DOCUMENT-COUNT",
        ["CONFORMED-PERIOD-OF-REPORT"] = "PERIOD",
        ["FILED-AS-OF-DATE"] = "FILING-DATE",
        ["DATE-AS-OF-CHANGE"] = "DATE-OF-FILING-DATE-CHANGE",
        ["ITEM-INFORMATION"] = "ITEMS",
        ["COMPANY-CONFORMED-NAME"] = "CONFORMED-NAME",
        ["CENTRAL-INDEX-KEY"] = "CIK",
        ["STANDARD-INDUSTRIAL-CLASSIFICATION"] = "ASSIGNED-SIC",
        ["EIN"] = "IRS-NUMBER",
        ["SEC-ACT"] = "ACT",
        ["SEC-FILE-NUMBER"] = "FILE-NUMBER",
        ["STREET-1"] = "STREET1",
        ["STREET-2"] = "STREET2",
        ["BUSINESS-PHONE"] = "PHONE",
        ["DATE-OF-NAME-CHANGE"] = "DATE-CHANGED",
    };

    private static readonly Dictionary<string, PartyRole> Roles = new(StringComparer.Ordinal)
    {
        ["FILER"] = PartyRole.Filer,
        ["SUBJECT-COMPANY"] = PartyRole.SubjectCompany,
        ["FILED-BY"] = PartyRole.FiledBy,
        ["REPORTING-OWNER"] = PartyRole.ReportingOwner,
        ["ISSUER"] = PartyRole.Issuer,
        ["FILED-FOR"] = PartyRole.FiledFor,
        ["SERIAL-COMPANY"] = PartyRole.SerialCompany,
        ["DEPOSITOR"] = PartyRole.Other,
        ["SECURITIZER"] = PartyRole.Other,
        ["REGISTERED-ENTITY"] = PartyRole.Other,
        ["SPONSOR"] = PartyRole.Other,
        ["ISSUING_ENTITY"] = PartyRole.Other,
        ["ISSUING-ENTITY"] = PartyRole.Other,
    };

    /// <summary>The blocks of a party; 1990s headers write them at the depth of the party itself.</summary>
    private static readonly HashSet<string> PartyBlocks = new(StringComparer.Ordinal)
    {
        "COMPANY-DATA", "OWNER-DATA", "FILING-VALUES", "BUSINESS-ADDRESS", "MAIL-ADDRESS", "FORMER-COMPANY", "FORMER-NAME",
    };

    /// <summary>The canonical key of a name of either syntax.</summary>
    public static string Key(string name)
    {
        // Field names repeat in every header: the normalised form is looked up without allocating, in a bounded cache.
        var trimmed = name.AsSpan().Trim();
        if (trimmed.Length <= 64)
        {
            Span<char> normalised = stackalloc char[trimmed.Length];
            trimmed.ToUpperInvariant(normalised);
            normalised.Replace(' ', '-');
            if (KeyCache.TryGetValue(normalised, out var cached))
            {
                return cached;
            }
        }
        var key = name.Trim().ToUpperInvariant().Replace(' ', '-');
        var result = Aliases.TryGetValue(key, out var alias) ? alias : key;
        if (key.Length <= 64 && KeyCache.Dictionary.Count < 4096)
        {
            KeyCache.Dictionary.TryAdd(key, result);
        }
        return result;
    }

    /// <summary>Normalised field name to key (after aliases), shared by all readers; bounded so that odd headers cannot grow it without end.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KeyCache =
        new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A text field's name (trimmed) as a string and its key. Names repeat in every header and in every party, so both come
    /// from a bounded cache shared by all readers instead of being made again for each line.
    /// </summary>
    private static (string Name, string Key) NameAndKey(ReadOnlySpan<char> name)
    {
        if (NameCache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var text = name.ToString();
        var entry = (text, Key(text));
        if (text.Length <= 64 && NameCache.Dictionary.Count < 4096)
        {
            NameCache.Dictionary.TryAdd(text, entry);
        }
        return entry;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Name, string Key)>.AlternateLookup<ReadOnlySpan<char>> NameCache =
        new System.Collections.Concurrent.ConcurrentDictionary<string, (string Name, string Key)>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private enum FrameKind { Root, Tag, Text }

    /// <summary>An open block: its field (null for the root) and the list its children go to as they are read.</summary>
    private readonly record struct Frame(HeaderField? Field, List<HeaderField> Children, FrameKind Kind, int Depth)
    {
        public string Name => Field?.Name ?? string.Empty;

        public string Key => Field?.Key ?? string.Empty;
    }

    /// <summary>Builds the field tree from header lines (without the <c>&lt;SEC-HEADER&gt;</c> line itself).</summary>
    public static IReadOnlyList<HeaderField> ParseFields(HeaderLines lines, string document, DiagnosticBag diagnostics)
    {
        var closers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines.Text(i).Trim();
            if (t.StartsWith("</", StringComparison.Ordinal) && t.EndsWith(">", StringComparison.Ordinal))
            {
                closers.Add(t[2..^1].ToString());
            }
        }

        var root = new List<HeaderField>();
        var stack = new List<Frame> { new(null, root, FrameKind.Root, -1) };
        var unrecognised = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines.Text(i);
            var line = lines.Line(i);
            var trimmed = text.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }
            if (trimmed.StartsWith("</", StringComparison.Ordinal))
            {
                var close = trimmed.EndsWith(">", StringComparison.Ordinal) ? trimmed[2..^1].ToString() : trimmed[2..].ToString();
                var index = stack.FindLastIndex(f => f.Kind == FrameKind.Tag && string.Equals(f.Name, close, StringComparison.Ordinal));
                if (index > 0)
                {
                    stack.RemoveRange(index, stack.Count - index);
                }
                continue;
            }
            if (trimmed[0] == '<' && TryTag(trimmed, out var tag, out var tagValue))
            {
                PopText(stack);
                if (tagValue.Length == 0 && closers.Contains(tag))
                {
                    var children = new List<HeaderField>();
                    var block = new HeaderField(tag, Key(tag), tagValue, children, line);
                    stack[^1].Children.Add(block);
                    stack.Add(new Frame(block, children, FrameKind.Tag, -1));
                }
                else
                {
                    stack[^1].Children.Add(new HeaderField(tag, Key(tag), tagValue, [], line));
                }
                continue;
            }
            var colon = trimmed.IndexOf(':');
            if (colon <= 0 || !IsKey(trimmed[..colon]))
            {
                if (unrecognised++ == 0)
                {
                    diagnostics.Warning(EdgarCodes.UnrecognisedHeaderLine,
                        $"The header line '{Shorten(trimmed.ToString())}' is neither 'KEY: value' nor a tag; it was skipped.",
                        new SourceLocation(document, (int)Math.Min(line, int.MaxValue), 1));
                }
                continue;
            }
            var depth = 0;
            while (depth < text.Length && text[depth] == '\t')
            {
                depth++;
            }
            var (name, key) = NameAndKey(trimmed[..colon].Trim());
            var value = trimmed[(colon + 1)..].Trim().ToString();
            // "ITEM INFORMATION:		<ITEMS>06c": a tag of the same field inside the value.
            if (value.StartsWith('<') && TryTag(value, out var inner, out var innerValue) && string.Equals(Key(inner), key, StringComparison.Ordinal))
            {
                value = innerValue;
            }
            while (stack[^1].Kind == FrameKind.Text && stack[^1].Depth >= depth)
            {
                // "SERIAL COMPANY:" then "COMPANY DATA:" at the same depth: the block belongs to the party.
                if (stack[^1].Depth == depth && PartyBlocks.Contains(key) && Roles.ContainsKey(stack[^1].Key))
                {
                    break;
                }
                stack.RemoveAt(stack.Count - 1);
            }
            if (value.Length == 0)
            {
                var children = new List<HeaderField>();
                var block = new HeaderField(name, key, value, children, line);
                stack[^1].Children.Add(block);
                stack.Add(new Frame(block, children, FrameKind.Text, depth));
            }
            else
            {
                stack[^1].Children.Add(new HeaderField(name, key, value, [], line));
            }
        }
        if (unrecognised > 1)
        {
            diagnostics.Warning(EdgarCodes.UnrecognisedHeaderLine,
                $"{unrecognised} header lines in all were neither 'KEY: value' nor a tag and were skipped.", new SourceLocation(document));
        }
        return root.ToArray();
    }

    private static void PopText(List<Frame> stack)
    {
        while (stack[^1].Kind == FrameKind.Text)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static bool TryTag(ReadOnlySpan<char> s, out string name, out string value)
    {
        name = value = string.Empty;
        var end = s.IndexOf('>');
        if (end <= 1)
        {
            return false;
        }
        var tag = s[1..end];
        foreach (var c in tag)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }
        name = tag.ToString();
        value = s[(end + 1)..].Trim().ToString();
        return true;
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        var letters = 0;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                letters++;
            }
            else if (!(c is ' ' or '\t' or '-' or '/' or '&' or '(' or ')' or '.' or ',' or '\'' || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }
        return letters > 0;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    /// <summary>Builds the typed header from the field tree; bad or missing values are reported.</summary>
    public static SubmissionHeader Build(IReadOnlyList<HeaderField> fields, string document, DiagnosticBag diagnostics, bool requireFields = true)
    {
        string? accession = null, type = null;
        int? count = null;
        DateOnly? period = null, filed = null, changed = null, effective = null;
        DateTimeOffset? accepted = null;
        var items = new List<string>();
        var members = new List<string>();
        var parties = new List<HeaderParty>();
        var privateToPublic = false;
        foreach (var f in fields)
        {
            switch (f.Key)
            {
                case "ACCESSION-NUMBER":
                    accession ??= NullIfEmpty(f.Value);
                    break;
                case "TYPE":
                    type ??= NullIfEmpty(f.Value);
                    break;
                case "PUBLIC-DOCUMENT-COUNT":
                    if (int.TryParse(f.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        count ??= n;
                    }
                    else
                    {
                        Bad(f, "public document count", "a whole number", document, diagnostics);
                    }
                    break;
                case "PERIOD":
                    period ??= Date(f, document, diagnostics);
                    break;
                case "FILING-DATE":
                    filed ??= Date(f, document, diagnostics);
                    break;
                case "DATE-OF-FILING-DATE-CHANGE":
                    changed ??= Date(f, document, diagnostics);
                    break;
                case "EFFECTIVENESS-DATE":
                    effective ??= Date(f, document, diagnostics);
                    break;
                case "ACCEPTANCE-DATETIME":
                    accepted ??= AcceptanceTime(f, document, diagnostics);
                    break;
                case "ITEMS":
                    if (f.Value.Length > 0)
                    {
                        items.Add(f.Value);
                    }
                    break;
                case "GROUP-MEMBERS":
                    if (f.Value.Length > 0)
                    {
                        members.Add(f.Value);
                    }
                    break;
                case "PRIVATE-TO-PUBLIC":
                    privateToPublic = true;
                    break;
                default:
                    if (Roles.TryGetValue(f.Key, out var role) && f.Children.Count > 0)
                    {
                        parties.Add(Party(f, role, document, diagnostics));
                    }
                    break;
            }
        }
        if (requireFields)
        {
            var at = new SourceLocation(document);
            if (accession is null)
            {
                diagnostics.Error(EdgarCodes.MissingHeaderField, "The header has no accession number (ACCESSION NUMBER / <ACCESSION-NUMBER>); the submission cannot be keyed.", at);
            }
            if (type is null)
            {
                diagnostics.Error(EdgarCodes.MissingHeaderField, "The header has no form type (CONFORMED SUBMISSION TYPE / <TYPE>).", at);
            }
            if (filed is null && !fields.Any(f => f.Key == "FILING-DATE"))
            {
                diagnostics.Error(EdgarCodes.MissingHeaderField, "The header has no filing date (FILED AS OF DATE / <FILING-DATE>).", at);
            }
            if (count is null && !fields.Any(f => f.Key == "PUBLIC-DOCUMENT-COUNT"))
            {
                diagnostics.Warning(EdgarCodes.MissingOptionalHeaderField, "The header has no public document count; the number of documents cannot be checked.", at);
            }
        }
        return new SubmissionHeader(accession, type, count, period, filed, changed, effective, accepted, items, members, parties, privateToPublic, fields);
    }

    private static HeaderParty Party(HeaderField block, PartyRole role, string document, DiagnosticBag diagnostics)
    {
        var company = ChildOf(block, "COMPANY-DATA") ?? ChildOf(block, "OWNER-DATA");
        var values = ChildOf(block, "FILING-VALUES");
        var business = ChildOf(block, "BUSINESS-ADDRESS");
        var mail = ChildOf(block, "MAIL-ADDRESS");
        var formers = block.Children
            .Where(c => c.Key is "FORMER-COMPANY" or "FORMER-NAME")
            .Select(c => new FormerName(ValueOf(c, "FORMER-CONFORMED-NAME") ?? ValueOf(c, "FORMER-NAME") ?? string.Empty,
                ChildOf(c, "DATE-CHANGED") is { Value.Length: > 0 } d ? Date(d, document, diagnostics) : null))
            .ToArray();
        return new HeaderParty(role, block.Name, Company(company), values is null ? null : new FilingValues(
                ValueOf(values, "FORM-TYPE"), ValueOf(values, "ACT"), ValueOf(values, "FILE-NUMBER"), ValueOf(values, "FILM-NUMBER")),
            AddressOf(business), AddressOf(mail), formers, ValueOf(block, "RELATIONSHIP"));
    }

    private static CompanyData Company(HeaderField? block)
    {
        if (block is null)
        {
            return CompanyData.Empty;
        }
        int? sicCode = null;
        string? sicDescription = null;
        var sic = ValueOf(block, "ASSIGNED-SIC");
        if (sic is not null)
        {
            // "ELECTRONIC COMPUTERS [3571]" in headers, "3571" in feed files, " []" for none.
            var open = sic.LastIndexOf('[');
            var digits = open >= 0 && sic.EndsWith(']') ? sic[(open + 1)..^1] : sic;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                sicCode = code;
            }
            var description = open >= 0 ? sic[..open].Trim() : null;
            sicDescription = string.IsNullOrEmpty(description) ? null : description;
        }
        return new CompanyData(ValueOf(block, "CONFORMED-NAME"), ValueOf(block, "CIK"), sicCode, sicDescription,
            ValueOf(block, "ORGANIZATION-NAME"), ValueOf(block, "IRS-NUMBER"), ValueOf(block, "STATE-OF-INCORPORATION"),
            ValueOf(block, "FISCAL-YEAR-END"));
    }

    private static Address? AddressOf(HeaderField? block) => block is null
        ? null
        : new Address(ValueOf(block, "STREET1"), ValueOf(block, "STREET2"), ValueOf(block, "CITY"), ValueOf(block, "STATE"),
            ValueOf(block, "ZIP"), ValueOf(block, "PHONE"));

    /// <summary>The first child of <paramref name="block"/> with <paramref name="key"/> (as <see cref="HeaderField.Child"/>, without a delegate per call).</summary>
    private static HeaderField? ChildOf(HeaderField block, string key)
    {
        var children = block.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (string.Equals(children[i].Key, key, StringComparison.Ordinal))
            {
                return children[i];
            }
        }
        return null;
    }

    /// <summary>The non-empty value of the child with <paramref name="key"/>, or null (as <see cref="HeaderField.ChildValue"/>).</summary>
    private static string? ValueOf(HeaderField block, string key) => ChildOf(block, key)?.Value is { Length: > 0 } v ? v : null;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static DateOnly? Date(HeaderField f, string document, DiagnosticBag diagnostics)
    {
        if (f.Value.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(f.Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Bad(f, f.Name, "a date as YYYYMMDD", document, diagnostics);
        return null;
    }

    private static DateTimeOffset? AcceptanceTime(HeaderField f, string document, DiagnosticBag diagnostics)
    {
        if (DateTime.TryParseExact(f.Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return UsEastern.ToOffset(local);
        }
        Bad(f, "acceptance date-time", "YYYYMMDDhhmmss", document, diagnostics);
        return null;
    }

    private static void Bad(HeaderField f, string what, string expected, string document, DiagnosticBag diagnostics) =>
        diagnostics.Error(EdgarCodes.BadHeaderValue,
            $"The {what} '{Shorten(f.Value)}' is not {expected}; it was left out.",
            new SourceLocation(document, (int)Math.Min(f.Line, int.MaxValue), 1));
}

/// <summary>
/// The lines of a header as Latin-1 characters in one pooled buffer (not a string per line): a header with hundreds of
/// parties has thousands of lines. <see cref="Release"/> gives the buffer back.
/// </summary>
internal sealed class HeaderLines
{
    private char[] _chars = System.Buffers.ArrayPool<char>.Shared.Rent(4096);
    private int _used;
    private readonly List<(int Start, int Length, long Line)> _lines = new(64);

    public int Count => _lines.Count;

    public ReadOnlySpan<char> Text(int index)
    {
        var (start, length, _) = _lines[index];
        return _chars.AsSpan(start, length);
    }

    public long Line(int index) => _lines[index].Line;

    /// <summary>Adds a line of bytes, read as Latin-1 (one character per byte).</summary>
    public void Add(ReadOnlySpan<byte> bytes, long line)
    {
        Ensure(bytes.Length);
        System.Text.Encoding.Latin1.GetChars(bytes, _chars.AsSpan(_used));
        _lines.Add((_used, bytes.Length, line));
        _used += bytes.Length;
    }

    public void Add(string text, long line)
    {
        Ensure(text.Length);
        text.CopyTo(_chars.AsSpan(_used));
        _lines.Add((_used, text.Length, line));
        _used += text.Length;
    }

    private void Ensure(int more)
    {
        if (_chars.Length - _used >= more)
        {
            return;
        }
        var larger = System.Buffers.ArrayPool<char>.Shared.Rent((int)Math.Min(Math.Max(2L * _chars.Length, (long)_used + more), Array.MaxLength));
        _chars.AsSpan(0, _used).CopyTo(larger);
        System.Buffers.ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }

    public void Release()
    {
        System.Buffers.ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        _used = 0;
        _lines.Clear();
    }
}
