using System.Globalization;

namespace EdgarSharp.Edgar.Internal;

/// <summary>
/// Parses header lines of either syntax straight from their Latin-1 bytes into <see cref="HeaderNodes"/> (the fields in
/// file order, each value a place in the bytes), then fills the typed <see cref="SubmissionHeader"/> from them, making
/// strings only of the values it keeps; the <see cref="HeaderField"/> tree of <see cref="SubmissionHeader.Fields"/> is
/// made from the same nodes when first read (<see cref="HeaderFieldList"/>). Text syntax: <c>KEY: value</c>, nesting by leading tabs, a key without a value
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
    /// What the parser needs to know of a field name as written: the name as a string, its key, whether it is one of a
    /// party's blocks and the party role it opens (or null).
    /// </summary>
    internal sealed class Name(byte[] bytes, string text, string key)
    {
        public byte[] Bytes { get; } = bytes;

        public string Text { get; } = text;

        public string Key { get; } = key;

        public bool IsPartyBlock { get; } = PartyBlocks.Contains(key);

        public PartyRole? Role { get; } = Roles.TryGetValue(key, out var role) ? role : null;

        /// <summary>Which field of the typed header the key is, so that the header is built by switching on a number.</summary>
        public Field Field { get; } = Fields.TryGetValue(key, out var field) ? field : Field.Other;

        /// <summary>Whether the name is a <c>KEY</c> of the text syntax (capitals, digits, spaces and a few signs).</summary>
        public bool IsKey { get; } = HeaderParser.IsKey(bytes);
    }

    /// <summary>The keys the typed header reads (a block's or a value's, by where they are found).</summary>
    internal enum Field
    {
        Other, AccessionNumber, Type, PublicDocumentCount, Period, FilingDate, DateOfChange, EffectivenessDate, AcceptanceDateTime,
        Items, GroupMembers, PrivateToPublic, CompanyData, OwnerData, FilingValues, BusinessAddress, MailAddress, FormerCompany,
        FormerName, FormerConformedName, DateChanged, Relationship, AssignedSic, ConformedName, Cik, OrganizationName, IrsNumber,
        StateOfIncorporation, FiscalYearEnd, FormType, Act, FileNumber, FilmNumber, Street1, Street2, City, State, Zip, Phone,
    }

    private static readonly Dictionary<string, Field> Fields = new(StringComparer.Ordinal)
    {
        ["ACCESSION-NUMBER"] = Field.AccessionNumber, ["TYPE"] = Field.Type, ["PUBLIC-DOCUMENT-COUNT"] = Field.PublicDocumentCount,
        ["PERIOD"] = Field.Period, ["FILING-DATE"] = Field.FilingDate, ["DATE-OF-FILING-DATE-CHANGE"] = Field.DateOfChange,
        ["EFFECTIVENESS-DATE"] = Field.EffectivenessDate, ["ACCEPTANCE-DATETIME"] = Field.AcceptanceDateTime, ["ITEMS"] = Field.Items,
        ["GROUP-MEMBERS"] = Field.GroupMembers, ["PRIVATE-TO-PUBLIC"] = Field.PrivateToPublic, ["COMPANY-DATA"] = Field.CompanyData,
        ["OWNER-DATA"] = Field.OwnerData, ["FILING-VALUES"] = Field.FilingValues, ["BUSINESS-ADDRESS"] = Field.BusinessAddress,
        ["MAIL-ADDRESS"] = Field.MailAddress, ["FORMER-COMPANY"] = Field.FormerCompany, ["FORMER-NAME"] = Field.FormerName,
        ["FORMER-CONFORMED-NAME"] = Field.FormerConformedName, ["DATE-CHANGED"] = Field.DateChanged, ["RELATIONSHIP"] = Field.Relationship,
        ["ASSIGNED-SIC"] = Field.AssignedSic, ["CONFORMED-NAME"] = Field.ConformedName, ["CIK"] = Field.Cik,
        ["ORGANIZATION-NAME"] = Field.OrganizationName, ["IRS-NUMBER"] = Field.IrsNumber, ["STATE-OF-INCORPORATION"] = Field.StateOfIncorporation,
        ["FISCAL-YEAR-END"] = Field.FiscalYearEnd, ["FORM-TYPE"] = Field.FormType, ["ACT"] = Field.Act, ["FILE-NUMBER"] = Field.FileNumber,
        ["FILM-NUMBER"] = Field.FilmNumber, ["STREET1"] = Field.Street1, ["STREET2"] = Field.Street2, ["CITY"] = Field.City,
        ["STATE"] = Field.State, ["ZIP"] = Field.Zip, ["PHONE"] = Field.Phone,
    };

    private const int FieldCount = (int)Field.Phone + 1;

    /// <summary>
    /// Names as bytes to what they are: field names repeat in every header and every party, so they are matched as bytes
    /// against those seen before (open addressing, a cheap hash, eight probes) instead of being decoded and upper-cased
    /// again for each line. Shared by all readers; entries are only ever added, atomically, and the table is bounded,
    /// so odd headers cannot grow it (a name that finds no slot is simply made again).
    /// </summary>
    private static readonly Name?[] NameTable = new Name?[8192];

    /// <summary>The <see cref="Name"/> of a name written as the Latin-1 bytes <paramref name="name"/> (trimmed by the caller).</summary>
    internal static Name NameOf(ReadOnlySpan<byte> name)
    {
        if (name.Length <= 64)
        {
            var hash = Hash(name);
            for (var probe = 0; probe < 8; probe++)
            {
                ref var slot = ref NameTable[(hash + (uint)probe) & (NameTable.Length - 1)];
                var entry = Volatile.Read(ref slot);
                if (entry is null)
                {
                    var made = Make(name);
                    return Interlocked.CompareExchange(ref slot, made, null) is { } other && other.Bytes.AsSpan().SequenceEqual(name) ? other : made;
                }
                if (entry.Bytes.AsSpan().SequenceEqual(name))
                {
                    return entry;
                }
            }
        }
        return Make(name);

        static Name Make(ReadOnlySpan<byte> name)
        {
            var text = System.Text.Encoding.Latin1.GetString(name);
            return new Name(name.ToArray(), text, Key(text));
        }
    }

    private static uint Hash(ReadOnlySpan<byte> s)
    {
        ulong h = (ulong)s.Length * 0x9E3779B97F4A7C15UL;
        if (s.Length >= 8)
        {
            h ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(s) * 0xC2B2AE3D27D4EB4FUL;
            h = ((h << 31) | (h >> 33)) ^ (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]) * 0x165667B19E3779F9UL);
        }
        else
        {
            foreach (var b in s)
            {
                h = (h ^ b) * 0x100000001B3UL;
            }
        }
        h ^= h >> 29;
        return (uint)h;
    }

    private enum FrameKind : byte { Root, Tag, Text }

    /// <summary>An open block: its node (-1 for the root), its kind and, for text blocks, the tabs before its name.</summary>
    private readonly record struct Frame(int Node, FrameKind Kind, int Depth);

    /// <summary>
    /// Parses the header lines (without the <c>&lt;SEC-HEADER&gt;</c> line itself) straight from their bytes into
    /// <see cref="HeaderNodes"/>: the fields in file order, each with its name, the place of its value in the bytes and
    /// the end of its block, with no string made for a value until it is asked for.
    /// </summary>
    public static HeaderNodes ParseFields(HeaderLines lines, string document, DiagnosticBag diagnostics)
    {
        var bytes = lines.Bytes;
        var nodes = new HeaderNodes(lines, Math.Max(lines.Count, 1));
        HashSet<string>? closers = null;
        var stack = new FrameStack(nodes);
        var unrecognised = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var (lineStart, lineLength, line) = lines[i];
            var start = lineStart;
            var length = lineLength;
            Trim(bytes, ref start, ref length);
            if (length == 0)
            {
                continue;
            }
            var trimmed = bytes.AsSpan(start, length);
            if (trimmed.StartsWith("</"u8))
            {
                var close = trimmed[^1] == (byte)'>' ? trimmed[2..^1] : trimmed[2..];
                var index = stack.Count - 1;
                while (index >= 0 && !(stack[index].Kind == FrameKind.Tag && Same(nodes[stack[index].Node].Name.Text, close)))
                {
                    index--;
                }
                if (index > 0)
                {
                    while (stack.Count > index)
                    {
                        stack.Pop();
                    }
                }
                continue;
            }
            if (trimmed[0] == '<' && TryTag(bytes, start, length, out var tagStart, out var tagLength, out var valueStart, out var valueLength))
            {
                stack.PopText();
                var name = NameOf(bytes.AsSpan(tagStart, tagLength));
                closers ??= valueLength == 0 ? Closers(lines) : null;
                var isBlock = valueLength == 0 && closers!.Contains(name.Text);
                var node = nodes.Add(name, valueStart, valueLength, line, isBlock);
                if (isBlock)
                {
                    stack.Push(new Frame(node, FrameKind.Tag, -1));
                }
                continue;
            }
            var colon = trimmed.IndexOf((byte)':');
            var nameStart = start;
            var nameLength = colon;
            Name? field = null;
            if (colon > 0)
            {
                Trim(bytes, ref nameStart, ref nameLength);
                // The key as written up to the colon: the trimmed name, then only spaces and tabs (what IsKey allows of white space).
                field = nameLength > 0 && OnlySpacesAndTabs(trimmed[nameLength..colon]) ? NameOf(bytes.AsSpan(nameStart, nameLength)) : null;
            }
            if (colon <= 0 || !(field?.IsKey ?? IsKey(trimmed[..colon])))
            {
                if (unrecognised++ == 0)
                {
                    diagnostics.Warning(EdgarCodes.UnrecognisedHeaderLine,
                        $"The header line '{Shorten(System.Text.Encoding.Latin1.GetString(trimmed))}' is neither 'KEY: value' nor a tag; it was skipped.",
                        new SourceLocation(document, (int)Math.Min(line, int.MaxValue), 1));
                }
                continue;
            }
            var depth = 0;
            while (depth < lineLength && bytes[lineStart + depth] == '\t')
            {
                depth++;
            }
            field ??= NameOf(bytes.AsSpan(nameStart, nameLength));
            var valueAt = start + colon + 1;
            var valueLong = length - colon - 1;
            Trim(bytes, ref valueAt, ref valueLong);
            // "ITEM INFORMATION:		<ITEMS>06c": a tag of the same field inside the value.
            if (valueLong > 0 && bytes[valueAt] == '<'
                && TryTag(bytes, valueAt, valueLong, out var innerStart, out var innerLength, out var innerValueStart, out var innerValueLength)
                && string.Equals(NameOf(bytes.AsSpan(innerStart, innerLength)).Key, field.Key, StringComparison.Ordinal))
            {
                valueAt = innerValueStart;
                valueLong = innerValueLength;
            }
            while (stack.Top.Kind == FrameKind.Text && stack.Top.Depth >= depth)
            {
                // "SERIAL COMPANY:" then "COMPANY DATA:" at the same depth: the block belongs to the party.
                if (stack.Top.Depth == depth && field.IsPartyBlock && nodes[stack.Top.Node].Name.Role is not null)
                {
                    break;
                }
                stack.Pop();
            }
            var added = nodes.Add(field, valueAt, valueLong, line, valueLong == 0);
            if (valueLong == 0)
            {
                stack.Push(new Frame(added, FrameKind.Text, depth));
            }
        }
        while (stack.Count > 1)
        {
            stack.Pop();
        }
        if (unrecognised > 1)
        {
            diagnostics.Warning(EdgarCodes.UnrecognisedHeaderLine,
                $"{unrecognised} header lines in all were neither 'KEY: value' nor a tag and were skipped.", new SourceLocation(document));
        }
        return nodes;
    }

    /// <summary>The names of the closing tags (<c>&lt;/FILER&gt;</c>) anywhere in the header: a tag without a value opens a block only when it is closed somewhere.</summary>
    private static HashSet<string> Closers(HeaderLines lines)
    {
        var closers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, length, _) = lines[i];
            Trim(lines.Bytes, ref start, ref length);
            var t = lines.Bytes.AsSpan(start, length);
            if (t.Length >= 3 && t.StartsWith("</"u8) && t[^1] == '>')
            {
                closers.Add(NameOf(t[2..^1]).Text);
            }
        }
        return closers;
    }

    /// <summary>The open blocks, the root at the bottom; popping one ends its block in the nodes.</summary>
    private sealed class FrameStack(HeaderNodes nodes)
    {
        private Frame[] _frames = [new(-1, FrameKind.Root, -1), default, default, default, default, default, default, default];

        public int Count { get; private set; } = 1;

        public ref Frame Top => ref _frames[Count - 1];

        public Frame this[int index] => _frames[index];

        public void Push(Frame frame)
        {
            if (Count == _frames.Length)
            {
                Array.Resize(ref _frames, 2 * Count);
            }
            _frames[Count++] = frame;
        }

        public void Pop()
        {
            nodes.Close(_frames[Count - 1].Node);
            Count--;
        }

        public void PopText()
        {
            while (Top.Kind == FrameKind.Text)
            {
                Pop();
            }
        }
    }

    private static bool OnlySpacesAndTabs(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the Latin-1 bytes <paramref name="bytes"/> spell <paramref name="text"/>.</summary>
    private static bool Same(string text, ReadOnlySpan<byte> bytes)
    {
        if (text.Length != bytes.Length)
        {
            return false;
        }
        for (var i = 0; i < bytes.Length; i++)
        {
            if (text[i] != bytes[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Trims what <see cref="char.IsWhiteSpace(char)"/> calls white space (in Latin-1, also NEL and the no-break space), as the character parser did.</summary>
    private static void Trim(byte[] bytes, ref int start, ref int length)
    {
        while (length > 0 && char.IsWhiteSpace((char)bytes[start]))
        {
            start++;
            length--;
        }
        while (length > 0 && char.IsWhiteSpace((char)bytes[start + length - 1]))
        {
            length--;
        }
    }

    private static bool TryTag(byte[] bytes, int start, int length, out int tagStart, out int tagLength, out int valueStart, out int valueLength)
    {
        tagStart = tagLength = valueStart = valueLength = 0;
        var s = bytes.AsSpan(start, length);
        var end = s.IndexOf((byte)'>');
        if (end <= 1)
        {
            return false;
        }
        foreach (var b in s[1..end])
        {
            if (!(char.IsAsciiLetterUpper((char)b) || char.IsAsciiDigit((char)b) || b == '-' || b == '_'))
            {
                return false;
            }
        }
        tagStart = start + 1;
        tagLength = end - 1;
        valueStart = start + end + 1;
        valueLength = length - end - 1;
        Trim(bytes, ref valueStart, ref valueLength);
        return true;
    }

    private static bool IsKey(ReadOnlySpan<byte> key)
    {
        var letters = 0;
        foreach (var b in key)
        {
            var c = (char)b;
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

    /// <summary>
    /// Builds the typed header straight from the parsed fields; bad or missing values are reported. Only the values the
    /// typed header keeps are made into strings (once: <see cref="SubmissionHeader.Fields"/>, built when first read,
    /// uses the same strings).
    /// </summary>
    public static SubmissionHeader Build(HeaderNodes nodes, string document, DiagnosticBag diagnostics, bool requireFields = true)
    {
        string? accession = null, type = null;
        int? count = null;
        DateOnly? period = null, filed = null, changed = null, effective = null;
        DateTimeOffset? accepted = null;
        List<string>? items = null, members = null;
        List<HeaderParty>? parties = null;
        var privateToPublic = false;
        bool anyFilingDate = false, anyCount = false;
        for (var i = 0; i < nodes.Count; i = nodes.End(i))
        {
            var name = nodes[i].Name;
            switch (name.Field)
            {
                case Field.AccessionNumber:
                    accession ??= NullIfEmpty(nodes.Value(i));
                    break;
                case Field.Type:
                    type ??= NullIfEmpty(nodes.Value(i));
                    break;
                case Field.PublicDocumentCount:
                    anyCount = true;
                    if (TryCount(nodes, i, out var n))
                    {
                        count ??= n;
                    }
                    else
                    {
                        Bad(nodes, i, "public document count", "a whole number", document, diagnostics);
                    }
                    break;
                case Field.Period:
                    period ??= Date(nodes, i, document, diagnostics);
                    break;
                case Field.FilingDate:
                    anyFilingDate = true;
                    filed ??= Date(nodes, i, document, diagnostics);
                    break;
                case Field.DateOfChange:
                    changed ??= Date(nodes, i, document, diagnostics);
                    break;
                case Field.EffectivenessDate:
                    effective ??= Date(nodes, i, document, diagnostics);
                    break;
                case Field.AcceptanceDateTime:
                    accepted ??= AcceptanceTime(nodes, i, document, diagnostics);
                    break;
                case Field.Items:
                    if (nodes[i].ValueLength > 0)
                    {
                        (items ??= []).Add(nodes.Value(i));
                    }
                    break;
                case Field.GroupMembers:
                    if (nodes[i].ValueLength > 0)
                    {
                        (members ??= []).Add(nodes.Value(i));
                    }
                    break;
                case Field.PrivateToPublic:
                    privateToPublic = true;
                    break;
                default:
                    if (name.Role is { } role && nodes.End(i) > i + 1)
                    {
                        (parties ??= []).Add(Party(nodes, i, role, document, diagnostics));
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
            if (filed is null && !anyFilingDate)
            {
                diagnostics.Error(EdgarCodes.MissingHeaderField, "The header has no filing date (FILED AS OF DATE / <FILING-DATE>).", at);
            }
            if (count is null && !anyCount)
            {
                diagnostics.Warning(EdgarCodes.MissingOptionalHeaderField, "The header has no public document count; the number of documents cannot be checked.", at);
            }
        }
        return new SubmissionHeader(accession, type, count, period, filed, changed, effective, accepted,
            items ?? (IReadOnlyList<string>)[], members ?? (IReadOnlyList<string>)[], parties ?? (IReadOnlyList<HeaderParty>)[], privateToPublic,
            nodes.Count == 0 ? [] : new HeaderFieldList(nodes));
    }

    private static HeaderParty Party(HeaderNodes nodes, int block, PartyRole role, string document, DiagnosticBag diagnostics)
    {
        Span<int> at = stackalloc int[FieldCount];
        Span<int> former = stackalloc int[FieldCount];
        List<FormerName>? formers = null;
        at.Fill(-1);
        for (var c = block + 1; c < nodes.End(block); c = nodes.End(c))
        {
            var field = nodes[c].Name.Field;
            if (field is Field.FormerCompany or Field.FormerName)
            {
                First(nodes, c, former);
                var name = ValueAt(nodes, former[(int)Field.FormerConformedName]) ?? ValueAt(nodes, former[(int)Field.FormerName]) ?? string.Empty;
                var changed = former[(int)Field.DateChanged];
                (formers ??= []).Add(new FormerName(name, changed >= 0 && nodes[changed].ValueLength > 0 ? Date(nodes, changed, document, diagnostics) : null));
            }
            if (at[(int)field] < 0)
            {
                at[(int)field] = c;
            }
        }
        var company = at[(int)Field.CompanyData] >= 0 ? at[(int)Field.CompanyData] : at[(int)Field.OwnerData];
        var values = at[(int)Field.FilingValues];
        FilingValues? filingValues = null;
        if (values >= 0)
        {
            Span<int> v = stackalloc int[FieldCount];
            First(nodes, values, v);
            filingValues = new FilingValues(ValueAt(nodes, v[(int)Field.FormType]), ValueAt(nodes, v[(int)Field.Act]),
                ValueAt(nodes, v[(int)Field.FileNumber]), ValueAt(nodes, v[(int)Field.FilmNumber]));
        }
        return new HeaderParty(role, nodes[block].Name.Text, Company(nodes, company), filingValues,
            AddressOf(nodes, at[(int)Field.BusinessAddress]), AddressOf(nodes, at[(int)Field.MailAddress]),
            formers is null ? [] : formers.ToArray(), ValueAt(nodes, at[(int)Field.Relationship]));
    }

    private static CompanyData Company(HeaderNodes nodes, int block)
    {
        if (block < 0)
        {
            return CompanyData.Empty;
        }
        Span<int> at = stackalloc int[FieldCount];
        First(nodes, block, at);
        int? sicCode = null;
        string? sicDescription = null;
        var sic = ValueAt(nodes, at[(int)Field.AssignedSic]);
        if (sic is not null)
        {
            // "ELECTRONIC COMPUTERS [3571]" in headers, "3571" in feed files, " []" for none.
            var open = sic.LastIndexOf('[');
            var digits = open >= 0 && sic.EndsWith(']') ? sic.AsSpan((open + 1)..^1) : sic;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                sicCode = code;
            }
            var description = open >= 0 ? sic.AsSpan(..open).Trim() : default;
            sicDescription = description.IsEmpty ? null : description.ToString();
        }
        return new CompanyData(ValueAt(nodes, at[(int)Field.ConformedName]), ValueAt(nodes, at[(int)Field.Cik]), sicCode, sicDescription,
            ValueAt(nodes, at[(int)Field.OrganizationName]), ValueAt(nodes, at[(int)Field.IrsNumber]),
            ValueAt(nodes, at[(int)Field.StateOfIncorporation]), ValueAt(nodes, at[(int)Field.FiscalYearEnd]));
    }

    private static Address? AddressOf(HeaderNodes nodes, int block)
    {
        if (block < 0)
        {
            return null;
        }
        Span<int> at = stackalloc int[FieldCount];
        First(nodes, block, at);
        return new Address(ValueAt(nodes, at[(int)Field.Street1]), ValueAt(nodes, at[(int)Field.Street2]), ValueAt(nodes, at[(int)Field.City]),
            ValueAt(nodes, at[(int)Field.State]), ValueAt(nodes, at[(int)Field.Zip]), ValueAt(nodes, at[(int)Field.Phone]));
    }

    /// <summary>
    /// The first child of <paramref name="block"/> for each field (-1 where there is none), in one pass over the children:
    /// what <see cref="HeaderField.Child"/> gives for each key.
    /// </summary>
    private static void First(HeaderNodes nodes, int block, Span<int> at)
    {
        at.Fill(-1);
        for (var c = block + 1; c < nodes.End(block); c = nodes.End(c))
        {
            var field = (int)nodes[c].Name.Field;
            if (at[field] < 0)
            {
                at[field] = c;
            }
        }
    }

    /// <summary>The value of the field at <paramref name="index"/> when there is one and it is not empty, else null (as <see cref="HeaderField.ChildValue"/>).</summary>
    private static string? ValueAt(HeaderNodes nodes, int index) => index >= 0 && nodes[index].ValueLength > 0 ? nodes.Value(index) : null;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>A whole number as <see cref="int.TryParse(string, NumberStyles, IFormatProvider, out int)"/> with <see cref="NumberStyles.None"/> reads it; up to nine digits straight from the bytes.</summary>
    private static bool TryCount(HeaderNodes nodes, int i, out int value)
    {
        var digits = nodes.ValueBytes(i);
        if (digits.Length is > 0 and <= 9 && Digits(digits, 0, digits.Length, out value))
        {
            return true;
        }
        return int.TryParse(nodes.Value(i), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int length, out int value)
    {
        value = 0;
        for (var k = start; k < start + length; k++)
        {
            var d = s[k] - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        return true;
    }

    /// <summary>A valid date in eight digits (YYYYMMDD) straight from the bytes; anything else is left to <c>TryParseExact</c>.</summary>
    private static bool TryDigitsDate(ReadOnlySpan<byte> s, out int year, out int month, out int day)
    {
        month = day = 0;
        return Digits(s, 0, 4, out year) && Digits(s, 4, 2, out month) && Digits(s, 6, 2, out day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static DateOnly? Date(HeaderNodes nodes, int i, string document, DiagnosticBag diagnostics)
    {
        var bytes = nodes.ValueBytes(i);
        if (bytes.Length == 0)
        {
            return null;
        }
        if (bytes.Length == 8 && TryDigitsDate(bytes, out var year, out var month, out var day))
        {
            return new DateOnly(year, month, day);
        }
        if (DateOnly.TryParseExact(nodes.Value(i), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Bad(nodes, i, nodes[i].Name.Text, "a date as YYYYMMDD", document, diagnostics);
        return null;
    }

    private static DateTimeOffset? AcceptanceTime(HeaderNodes nodes, int i, string document, DiagnosticBag diagnostics)
    {
        var bytes = nodes.ValueBytes(i);
        if (bytes.Length == 14 && TryDigitsDate(bytes, out var year, out var month, out var day)
            && Digits(bytes, 8, 2, out var hour) && Digits(bytes, 10, 2, out var minute) && Digits(bytes, 12, 2, out var second)
            && hour <= 23 && minute <= 59 && second <= 59)
        {
            return UsEastern.ToOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));
        }
        if (DateTime.TryParseExact(nodes.Value(i), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return UsEastern.ToOffset(local);
        }
        Bad(nodes, i, "acceptance date-time", "YYYYMMDDhhmmss", document, diagnostics);
        return null;
    }

    private static void Bad(HeaderNodes nodes, int i, string what, string expected, string document, DiagnosticBag diagnostics) =>
        diagnostics.Error(EdgarCodes.BadHeaderValue,
            $"The {what} '{Shorten(nodes.Value(i))}' is not {expected}; it was left out.",
            new SourceLocation(document, (int)Math.Min(nodes[i].Line, int.MaxValue), 1));
}

/// <summary>One parsed header field: its name, where its value lies in the header's bytes, its block and line.</summary>
internal struct HeaderNode
{
    public HeaderParser.Name Name;
    public int ValueStart;
    public int ValueLength;
    /// <summary>The value as a string, once made.</summary>
    public string? Value;
    /// <summary>The index after the field's last descendant (the next field for a leaf).</summary>
    public int End;
    public long Line;
    public bool IsBlock;
}

/// <summary>
/// The fields of a header in file order (a block's descendants follow it, up to <see cref="End"/>), over the header's
/// Latin-1 bytes, which it keeps (an exact copy) so that values can be made into strings when asked for.
/// </summary>
internal sealed class HeaderNodes
{
    private HeaderNode[] _nodes;
    private byte[] _bytes;

    public HeaderNodes(HeaderLines lines, int capacity)
    {
        _nodes = new HeaderNode[capacity];
        _bytes = lines.Bytes;
    }

    public int Count { get; private set; }

    public ref HeaderNode this[int index] => ref _nodes[index];

    public int End(int index) => _nodes[index].End;

    public int Add(HeaderParser.Name name, int valueStart, int valueLength, long line, bool isBlock)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }
        _nodes[Count] = new HeaderNode { Name = name, ValueStart = valueStart, ValueLength = valueLength, End = Count + 1, Line = line, IsBlock = isBlock };
        return Count++;
    }

    /// <summary>Ends the block <paramref name="index"/> (-1, the root, is ignored) before the next field.</summary>
    public void Close(int index)
    {
        if (index >= 0)
        {
            _nodes[index].End = Count;
        }
    }

    public ReadOnlySpan<byte> ValueBytes(int index) => _bytes.AsSpan(_nodes[index].ValueStart, _nodes[index].ValueLength);

    public string Value(int index)
    {
        ref var node = ref _nodes[index];
        return node.Value ??= node.ValueLength == 0 ? string.Empty : System.Text.Encoding.Latin1.GetString(_bytes, node.ValueStart, node.ValueLength);
    }

    /// <summary>Keeps the header's bytes as an exact copy of their used part, once the pooled buffer they are in is given back.</summary>
    public void Detach(int used)
    {
        _bytes = _bytes.AsSpan(0, used).ToArray();
    }

    /// <summary>The field tree (<see cref="HeaderField"/>s), made in one pass without recursion.</summary>
    public HeaderField[] ToFields()
    {
        var root = new List<HeaderField>();
        var open = new List<(int End, List<HeaderField> Children)>();
        for (var i = 0; i < Count; i++)
        {
            while (open.Count > 0 && open[^1].End <= i)
            {
                open.RemoveAt(open.Count - 1);
            }
            var into = open.Count > 0 ? open[^1].Children : root;
            ref var node = ref _nodes[i];
            if (node.IsBlock)
            {
                var children = new List<HeaderField>();
                into.Add(new HeaderField(node.Name.Text, node.Name.Key, Value(i), children, node.Line));
                open.Add((node.End, children));
            }
            else
            {
                into.Add(new HeaderField(node.Name.Text, node.Name.Key, Value(i), [], node.Line));
            }
        }
        return root.ToArray();
    }
}

/// <summary>
/// <see cref="SubmissionHeader.Fields"/>: the field tree, made from the parsed fields the first time it is read
/// (most readers only use the typed header). Thread-safe; every read gives the same fields.
/// </summary>
internal sealed class HeaderFieldList(HeaderNodes nodes) : IReadOnlyList<HeaderField>
{
    private HeaderField[]? _fields;

    private HeaderField[] Fields => _fields ?? Interlocked.CompareExchange(ref _fields, nodes.ToFields(), null) ?? _fields!;

    public HeaderField this[int index] => Fields[index];

    public int Count => Fields.Length;

    public IEnumerator<HeaderField> GetEnumerator() => ((IEnumerable<HeaderField>)Fields).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Fields.GetEnumerator();
}

/// <summary>
/// The lines of a header as Latin-1 bytes in one pooled buffer (not a string per line): a header with hundreds of
/// parties has thousands of lines. <see cref="Release"/> gives the buffers back.
/// </summary>
internal sealed class HeaderLines
{
    private byte[] _bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
    private (int Start, int Length, long Line)[] _lines = System.Buffers.ArrayPool<(int, int, long)>.Shared.Rent(128);

    public int Count { get; private set; }

    /// <summary>The bytes used (<see cref="Used"/> of them).</summary>
    public byte[] Bytes => _bytes;

    public int Used { get; private set; }

    public (int Start, int Length, long Line) this[int index] => _lines[index];

    /// <summary>Adds a line of bytes, read as Latin-1 (one character per byte).</summary>
    public void Add(ReadOnlySpan<byte> bytes, long line)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Used));
        AddLine(bytes.Length, line);
    }

    /// <summary>Adds a line already read as Latin-1 characters.</summary>
    public void Add(string text, long line)
    {
        Ensure(text.Length);
        System.Text.Encoding.Latin1.GetBytes(text, _bytes.AsSpan(Used));
        AddLine(text.Length, line);
    }

    private void AddLine(int length, long line)
    {
        if (Count == _lines.Length)
        {
            var larger = System.Buffers.ArrayPool<(int, int, long)>.Shared.Rent(2 * _lines.Length);
            _lines.AsSpan(0, Count).CopyTo(larger);
            System.Buffers.ArrayPool<(int, int, long)>.Shared.Return(_lines);
            _lines = larger;
        }
        _lines[Count++] = (Used, length, line);
        Used += length;
    }

    private void Ensure(int more)
    {
        if (_bytes.Length - Used >= more)
        {
            return;
        }
        var larger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(2L * _bytes.Length, (long)Used + more), Array.MaxLength));
        _bytes.AsSpan(0, Used).CopyTo(larger);
        System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }

    public void Release()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        System.Buffers.ArrayPool<(int, int, long)>.Shared.Return(_lines);
        _bytes = [];
        _lines = [];
        Used = 0;
        Count = 0;
    }
}
