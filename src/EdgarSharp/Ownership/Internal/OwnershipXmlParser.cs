using System.Globalization;
using System.Xml;
using EdgarSharp.Internal;

namespace EdgarSharp.Ownership.Internal;

/// <summary>
/// A forward-only recursive-descent reader of ownershipDocument XML over one <see cref="XmlReader"/>: every
/// element by local name, so that any X02nn to X05nn version reads; unknown elements are skipped with a warning;
/// values that do not parse keep their text and are reported. A break in the XML ends reading with an error, and
/// what was read before it is returned.
/// </summary>
internal sealed class OwnershipXmlParser
{
    private static readonly XmlReaderSettings Settings = SafeXml.Settings();
    private static readonly string[] KnownVersions = ["X0206", "X0306", "X0407", "X0508"];

    private readonly XmlReader _r;
    private readonly string _document;
    private readonly DiagnosticBag _diagnostics;
    private readonly int _lineOffset;

    private OwnershipXmlParser(XmlReader reader, string document, DiagnosticBag diagnostics, int lineOffset)
    {
        _r = reader;
        _document = document;
        _diagnostics = diagnostics;
        _lineOffset = lineOffset;
    }

    public static XmlReaderSettings ReaderSettings => Settings;

    /// <summary>Reads the document; never throws for bad input.</summary>
    public static OwnershipDocument Parse(XmlReader reader, OwnershipSource source, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        var parser = new OwnershipXmlParser(reader, source.Document, diagnostics, lineOffset);
        var builder = new DocumentBuilder();
        try
        {
            parser.ReadRoot(builder);
        }
        catch (XmlException ex)
        {
            diagnostics.Error(
                OwnershipDiagnosticCodes.MalformedXml,
                $"The XML is not well-formed ({ex.Message}); what was read before this point is kept. Check that the file is complete.",
                new SourceLocation(source.Document, ex.LineNumber + (ex.LineNumber > 0 ? lineOffset : 0), ex.LinePosition));
        }
        return builder.Build(source);
    }

    private SourceLocation Here()
    {
        var (line, column) = SafeXml.Position(_r);
        return new SourceLocation(_document, line == 0 ? 0 : line + _lineOffset, column);
    }

    private void ReadRoot(DocumentBuilder b)
    {
        while (_r.Read())
        {
            if (_r.NodeType == XmlNodeType.Element)
            {
                break;
            }
        }
        if (_r.NodeType != XmlNodeType.Element)
        {
            _diagnostics.Error(OwnershipDiagnosticCodes.NotOwnershipDocument, "The document holds no XML element; an ownershipDocument was expected.", Here());
            return;
        }
        if (_r.LocalName != "ownershipDocument")
        {
            _diagnostics.Error(
                OwnershipDiagnosticCodes.NotOwnershipDocument,
                $"The root element is '{_r.Name}', not ownershipDocument; this is not a Form 3, 4 or 5.",
                Here());
            return;
        }
        var rootAt = Here();
        var depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            CheckVersion(b, rootAt);
            return;
        }
        _r.Read();
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "schemaVersion":
                    b.SchemaVersion = Text();
                    break;
                case "documentType":
                    b.DocumentType = Text();
                    break;
                case "periodOfReport":
                    b.PeriodOfReport = Date(out _);
                    break;
                case "dateOfOriginalSubmission":
                    b.DateOfOriginalSubmission = Date(out _);
                    break;
                case "noSecuritiesOwned":
                    b.NoSecuritiesOwned = Bool();
                    break;
                case "notSubjectToSection16":
                    b.NotSubjectToSection16 = Bool();
                    break;
                case "form3HoldingsReported":
                    b.Form3HoldingsReported = Bool();
                    break;
                case "form4TransactionsReported":
                    b.Form4TransactionsReported = Bool();
                    break;
                case "aff10b5One":
                    b.Aff10b5One = Bool();
                    break;
                case "issuer":
                    b.Issuer = ReadIssuer();
                    break;
                case "reportingOwner":
                    b.Owners.Add(ReadOwner());
                    break;
                case "nonDerivativeTable":
                    b.NonDerivative = ReadTable(OwnershipTable.NonDerivative);
                    break;
                case "derivativeTable":
                    b.Derivative = ReadTable(OwnershipTable.Derivative);
                    break;
                case "footnotes":
                    b.Footnotes = ReadFootnotes();
                    break;
                case "remarks":
                    b.Remarks = Text();
                    break;
                case "ownerSignature":
                    b.Signatures.Add(ReadSignature());
                    break;
                default:
                    Unknown();
                    break;
            }
        }
        CheckVersion(b, rootAt);
    }

    private void CheckVersion(DocumentBuilder b, SourceLocation at)
    {
        var version = b.SchemaVersion;
        if (string.IsNullOrEmpty(version))
        {
            _diagnostics.Warning(OwnershipDiagnosticCodes.MissingSchemaVersion, "The document states no schemaVersion; it was read by element name.", at);
            return;
        }
        if (Array.IndexOf(KnownVersions, version) >= 0)
        {
            return;
        }
        if (version.Length == 5 && version[0] == 'X' && version[1] == '0' && version[2] is >= '2' and <= '5'
            && char.IsAsciiDigit(version[3]) && char.IsAsciiDigit(version[4]))
        {
            _diagnostics.Warning(
                OwnershipDiagnosticCodes.UnknownSchemaVersion,
                $"Schema version {version} is not one of X0206, X0306, X0407, X0508; the document was read by element name. Check the values against the SEC's specification for {version}.",
                at);
            return;
        }
        _diagnostics.Error(
            OwnershipDiagnosticCodes.UnsupportedSchemaVersion,
            $"Schema version '{version}' is outside X0200 to X0599; the document was read by element name and may be incomplete.",
            at);
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="depth"/> and returns true; at its end tag,
    /// consumes it and returns false.
    /// </summary>
    private bool NextChild(int depth)
    {
        while (true)
        {
            if (_r.EOF)
            {
                return false;
            }
            if (_r.Depth <= depth)
            {
                if (_r.NodeType == XmlNodeType.EndElement)
                {
                    _r.Read();
                }
                return false;
            }
            if (_r.NodeType == XmlNodeType.Element)
            {
                return true;
            }
            _r.Read();
        }
    }

    private void Unknown()
    {
        _diagnostics.Warning(
            OwnershipDiagnosticCodes.UnknownElement,
            $"Element '{_r.Name}' is not part of the ownership schemas here; it was skipped.",
            Here());
        _r.Skip();
    }

    /// <summary>The trimmed text of a simple element; empty for an empty element.</summary>
    private string Text() => _r.ReadElementContentAsString().Trim();

    private bool? Bool()
    {
        var at = Here();
        var text = Text();
        if (TryParseBool(text, out var value))
        {
            return value;
        }
        if (text.Length > 0)
        {
            _diagnostics.Error(OwnershipDiagnosticCodes.BadBoolean, $"'{text}' is not a flag (0, 1, true or false); it was left unset.", at);
        }
        return null;
    }

    internal static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private DateOnly? Date(out string text)
    {
        var at = Here();
        text = Text();
        if (TryParseDate(text, out var date))
        {
            return date;
        }
        if (text.Length > 0)
        {
            _diagnostics.Error(OwnershipDiagnosticCodes.BadDate, $"'{text}' is not a date (YYYY-MM-DD); its text is kept.", at);
        }
        return null;
    }

    /// <summary>An xs:date: <c>YYYY-MM-DD</c>, optionally with a time zone (<c>Z</c>, <c>-05:00</c>).</summary>
    internal static bool TryParseDate(string text, out DateOnly date)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > 10)
        {
            var zone = span[10..];
            if (!(zone is "Z" || (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':')))
            {
                date = default;
                return false;
            }
            span = span[..10];
        }
        return DateOnly.TryParseExact(span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    internal static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out value);

    private Issuer ReadIssuer()
    {
        string? cik = null, name = null, symbol = null;
        ReadChildren(local =>
        {
            switch (local)
            {
                case "issuerCik": cik = Text(); return true;
                case "issuerName": name = Text(); return true;
                case "issuerTradingSymbol": symbol = Text(); return true;
                default: return false;
            }
        });
        return new Issuer(cik, name, symbol);
    }

    /// <summary>Reads the children of the current element with <paramref name="child"/>; false from it means unknown.</summary>
    private void ReadChildren(Func<string, bool> child)
    {
        var depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return;
        }
        _r.Read();
        while (NextChild(depth))
        {
            if (!child(_r.LocalName))
            {
                Unknown();
            }
        }
    }

    private ReportingOwner ReadOwner()
    {
        string? cik = null, ccc = null, name = null;
        OwnerAddress? address = null;
        OwnerRelationship? relationship = null;
        ReadChildren(local =>
        {
            switch (local)
            {
                case "reportingOwnerId":
                    ReadChildren(id =>
                    {
                        switch (id)
                        {
                            case "rptOwnerCik": cik = Text(); return true;
                            case "rptOwnerCcc": ccc = Text(); return true;
                            case "rptOwnerName": name = Text(); return true;
                            default: return false;
                        }
                    });
                    return true;
                case "reportingOwnerAddress":
                    address = ReadAddress();
                    return true;
                case "reportingOwnerRelationship":
                    relationship = ReadRelationship();
                    return true;
                default:
                    return false;
            }
        });
        return new ReportingOwner(cik, ccc, name, address, relationship);
    }

    private OwnerAddress ReadAddress()
    {
        string? s1 = null, s2 = null, city = null, state = null, zip = null, description = null;
        bool? good = null;
        ReadChildren(local =>
        {
            switch (local)
            {
                case "rptOwnerStreet1": s1 = Text(); return true;
                case "rptOwnerStreet2": s2 = Text(); return true;
                case "rptOwnerCity": city = Text(); return true;
                case "rptOwnerState": state = Text(); return true;
                case "rptOwnerZipCode": zip = Text(); return true;
                case "rptOwnerStateDescription": description = Text(); return true;
                case "rptOwnerGoodAddress": good = Bool(); return true;
                default: return false;
            }
        });
        return new OwnerAddress(s1, s2, city, state, zip, description, good);
    }

    private OwnerRelationship ReadRelationship()
    {
        bool? director = null, officer = null, tenPercent = null, other = null;
        string? title = null, otherText = null;
        ReadChildren(local =>
        {
            switch (local)
            {
                case "isDirector": director = Bool(); return true;
                case "isOfficer": officer = Bool(); return true;
                case "isTenPercentOwner": tenPercent = Bool(); return true;
                case "isOther": other = Bool(); return true;
                case "officerTitle": title = Text(); return true;
                case "otherText": otherText = Text(); return true;
                default: return false;
            }
        });
        return new OwnerRelationship(director, officer, tenPercent, other, title, otherText);
    }

    private List<OwnershipRow> ReadTable(OwnershipTable table)
    {
        var rows = new List<OwnershipRow>();
        var transaction = table == OwnershipTable.NonDerivative ? "nonDerivativeTransaction" : "derivativeTransaction";
        var holding = table == OwnershipTable.NonDerivative ? "nonDerivativeHolding" : "derivativeHolding";
        var depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return rows;
        }
        _r.Read();
        while (NextChild(depth))
        {
            var local = _r.LocalName;
            if (local == transaction)
            {
                rows.Add(ReadRow(table, isHolding: false));
            }
            else if (local == holding)
            {
                rows.Add(ReadRow(table, isHolding: true));
            }
            else
            {
                Unknown();
            }
        }
        return rows;
    }

    /// <summary>Enters the current element; false (and the element consumed) when it is empty.</summary>
    private bool Enter(out int depth)
    {
        depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return false;
        }
        _r.Read();
        return true;
    }

    private OwnershipRow ReadRow(OwnershipTable table, bool isHolding)
    {
        var row = new RowBuilder { Table = table, IsHolding = isHolding, Location = Here() };
        var derivative = table == OwnershipTable.Derivative;
        if (!Enter(out var depth))
        {
            return row.Build();
        }
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "securityTitle":
                    row.SecurityTitle = FootnotedString();
                    break;
                case "conversionOrExercisePrice" when derivative:
                    row.ConversionOrExercisePrice = FootnotedDecimal();
                    break;
                case "transactionDate":
                    row.TransactionDate = FootnotedDate();
                    break;
                case "deemedExecutionDate":
                    row.DeemedExecutionDate = FootnotedDate();
                    break;
                case "transactionCoding":
                    row.Coding = ReadCoding();
                    break;
                case "transactionTimeliness":
                    row.Timeliness = FootnotedCode<Timeliness>(OwnershipCodes.TryParse);
                    break;
                case "transactionAmounts":
                    ReadAmounts(row);
                    break;
                case "exerciseDate" when derivative:
                    row.ExerciseDate = FootnotedDate();
                    break;
                case "expirationDate" when derivative:
                    row.ExpirationDate = FootnotedDate();
                    break;
                case "underlyingSecurity" when derivative:
                    ReadUnderlying(row);
                    break;
                case "postTransactionAmounts":
                    ReadPostAmounts(row);
                    break;
                case "ownershipNature":
                    ReadNature(row);
                    break;
                default:
                    Unknown();
                    break;
            }
        }
        return row.Build();
    }

    private void ReadAmounts(RowBuilder row)
    {
        if (!Enter(out var depth))
        {
            return;
        }
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "transactionShares": row.Shares = FootnotedDecimal(); break;
                case "transactionTotalValue": row.TotalValue = FootnotedDecimal(); break;
                case "transactionPricePerShare": row.PricePerShare = FootnotedDecimal(); break;
                case "transactionAcquiredDisposedCode": row.AcquiredDisposed = FootnotedCode<AcquiredDisposed>(OwnershipCodes.TryParse); break;
                default: Unknown(); break;
            }
        }
    }

    private void ReadUnderlying(RowBuilder row)
    {
        if (!Enter(out var depth))
        {
            return;
        }
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "underlyingSecurityTitle": row.UnderlyingSecurityTitle = FootnotedString(); break;
                case "underlyingSecurityShares": row.UnderlyingSecurityShares = FootnotedDecimal(); break;
                case "underlyingSecurityValue": row.UnderlyingSecurityValue = FootnotedDecimal(); break;
                default: Unknown(); break;
            }
        }
    }

    private void ReadPostAmounts(RowBuilder row)
    {
        if (!Enter(out var depth))
        {
            return;
        }
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "sharesOwnedFollowingTransaction": row.SharesOwnedFollowing = FootnotedDecimal(); break;
                case "valueOwnedFollowingTransaction": row.ValueOwnedFollowing = FootnotedDecimal(); break;
                default: Unknown(); break;
            }
        }
    }

    private void ReadNature(RowBuilder row)
    {
        if (!Enter(out var depth))
        {
            return;
        }
        while (NextChild(depth))
        {
            switch (_r.LocalName)
            {
                case "directOrIndirectOwnership": row.DirectOrIndirect = FootnotedCode<OwnershipForm>(OwnershipCodes.TryParse); break;
                case "natureOfOwnership": row.NatureOfOwnership = FootnotedString(); break;
                default: Unknown(); break;
            }
        }
    }

    private TransactionCoding ReadCoding()
    {
        string? formType = null, code = null;
        bool? swap = null;
        List<string>? ids = null;
        if (Enter(out var depth))
        {
            while (NextChild(depth))
            {
                switch (_r.LocalName)
                {
                    case "transactionFormType":
                        formType = Text();
                        break;
                    case "transactionCode":
                        var at = Here();
                        code = Text();
                        if (code.Length > 0 && !OwnershipCodes.IsTransactionCode(code))
                        {
                            _diagnostics.Warning(
                                OwnershipDiagnosticCodes.UnknownTransactionCode,
                                $"Transaction code '{code}' is not one of the SEC's codes; it is kept as written.",
                                at);
                        }
                        break;
                    case "equitySwapInvolved":
                        swap = Bool();
                        break;
                    case "footnoteId":
                        (ids ??= []).Add(FootnoteId());
                        break;
                    default:
                        Unknown();
                        break;
                }
            }
        }
        return new TransactionCoding(formType, code, swap, ids ?? (IReadOnlyList<string>)[]);
    }

    private string FootnoteId()
    {
        var id = _r.GetAttribute("id") ?? string.Empty;
        _r.Skip();
        return id;
    }

    /// <summary>
    /// Reads a <c>...WithFootnote</c> element: an optional <c>value</c> and any <c>footnoteId</c>s. Returns the value
    /// text (null when no value element), the footnote ids and where the value was.
    /// </summary>
    private (string? Text, List<string>? Ids, SourceLocation At) FootnotedParts()
    {
        string? text = null;
        List<string>? ids = null;
        var at = Here();
        var depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return (null, null, at);
        }
        _r.Read();
        while (true)
        {
            if (_r.EOF)
            {
                break;
            }
            if (_r.Depth <= depth)
            {
                if (_r.NodeType == XmlNodeType.EndElement)
                {
                    _r.Read();
                }
                break;
            }
            if (_r.NodeType == XmlNodeType.Element)
            {
                switch (_r.LocalName)
                {
                    case "value":
                        at = Here();
                        text = Text();
                        continue;
                    case "footnoteId":
                        (ids ??= []).Add(FootnoteId());
                        continue;
                    default:
                        Unknown();
                        continue;
                }
            }
            if (_r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && _r.Depth == depth + 1)
            {
                // A value written directly in the field, without <value>: kept as the value.
                at = Here();
                text = _r.Value.Trim();
            }
            _r.Read();
        }
        return (text, ids, at);
    }

    private FootnotedText FootnotedString()
    {
        var (text, ids, _) = FootnotedParts();
        return new FootnotedText(text, ids ?? (IReadOnlyList<string>)[]);
    }

    private Footnoted<decimal> FootnotedDecimal()
    {
        var (text, ids, at) = FootnotedParts();
        decimal? value = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (TryParseDecimal(text, out var d))
            {
                value = d;
            }
            else
            {
                _diagnostics.Error(OwnershipDiagnosticCodes.BadNumber, $"'{text}' is not a number; its text is kept and it has no value. Correct the amount in the source.", at);
            }
        }
        return new Footnoted<decimal>(value, text, ids ?? (IReadOnlyList<string>)[]);
    }

    private Footnoted<DateOnly> FootnotedDate()
    {
        var (text, ids, at) = FootnotedParts();
        DateOnly? value = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (TryParseDate(text, out var d))
            {
                value = d;
            }
            else
            {
                _diagnostics.Error(OwnershipDiagnosticCodes.BadDate, $"'{text}' is not a date (YYYY-MM-DD); its text is kept.", at);
            }
        }
        return new Footnoted<DateOnly>(value, text, ids ?? (IReadOnlyList<string>)[]);
    }

    private delegate bool CodeParser<T>(string? text, out T value);

    private Footnoted<T> FootnotedCode<T>(CodeParser<T> parse) where T : struct
    {
        var (text, ids, at) = FootnotedParts();
        T? value = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (parse(text, out var v))
            {
                value = v;
            }
            else
            {
                _diagnostics.Error(OwnershipDiagnosticCodes.BadCode, $"'{text}' is not a valid {typeof(T).Name} code; its text is kept.", at);
            }
        }
        return new Footnoted<T>(value, text, ids ?? (IReadOnlyList<string>)[]);
    }

    private List<Footnote> ReadFootnotes()
    {
        var notes = new List<Footnote>();
        ReadChildren(local =>
        {
            if (local != "footnote")
            {
                return false;
            }
            var id = _r.GetAttribute("id") ?? string.Empty;
            notes.Add(new Footnote(id, _r.ReadElementContentAsString().Trim()));
            return true;
        });
        return notes;
    }

    private OwnerSignature ReadSignature()
    {
        string? name = null;
        DateOnly? date = null;
        string? dateText = null;
        ReadChildren(local =>
        {
            switch (local)
            {
                case "signatureName": name = Text(); return true;
                case "signatureDate":
                    date = Date(out var text);
                    dateText = date is null ? text : null;
                    return true;
                default: return false;
            }
        });
        return new OwnerSignature(name, date, dateText);
    }

    private sealed class RowBuilder
    {
        public OwnershipTable Table;
        public bool IsHolding;
        public SourceLocation? Location;
        public FootnotedText SecurityTitle = FootnotedText.Absent;
        public Footnoted<decimal> ConversionOrExercisePrice = Footnoted<decimal>.Absent;
        public Footnoted<DateOnly> TransactionDate = Footnoted<DateOnly>.Absent;
        public Footnoted<DateOnly> DeemedExecutionDate = Footnoted<DateOnly>.Absent;
        public TransactionCoding? Coding;
        public Footnoted<Timeliness> Timeliness = Footnoted<Timeliness>.Absent;
        public Footnoted<decimal> Shares = Footnoted<decimal>.Absent;
        public Footnoted<decimal> TotalValue = Footnoted<decimal>.Absent;
        public Footnoted<decimal> PricePerShare = Footnoted<decimal>.Absent;
        public Footnoted<AcquiredDisposed> AcquiredDisposed = Footnoted<AcquiredDisposed>.Absent;
        public Footnoted<DateOnly> ExerciseDate = Footnoted<DateOnly>.Absent;
        public Footnoted<DateOnly> ExpirationDate = Footnoted<DateOnly>.Absent;
        public FootnotedText UnderlyingSecurityTitle = FootnotedText.Absent;
        public Footnoted<decimal> UnderlyingSecurityShares = Footnoted<decimal>.Absent;
        public Footnoted<decimal> UnderlyingSecurityValue = Footnoted<decimal>.Absent;
        public Footnoted<decimal> SharesOwnedFollowing = Footnoted<decimal>.Absent;
        public Footnoted<decimal> ValueOwnedFollowing = Footnoted<decimal>.Absent;
        public Footnoted<OwnershipForm> DirectOrIndirect = Footnoted<OwnershipForm>.Absent;
        public FootnotedText NatureOfOwnership = FootnotedText.Absent;

        public OwnershipRow Build() => new()
        {
            Table = Table,
            IsHolding = IsHolding,
            Location = Location,
            SecurityTitle = SecurityTitle,
            ConversionOrExercisePrice = ConversionOrExercisePrice,
            TransactionDate = TransactionDate,
            DeemedExecutionDate = DeemedExecutionDate,
            Coding = Coding,
            Timeliness = Timeliness,
            Shares = Shares,
            TotalValue = TotalValue,
            PricePerShare = PricePerShare,
            AcquiredDisposed = AcquiredDisposed,
            ExerciseDate = ExerciseDate,
            ExpirationDate = ExpirationDate,
            UnderlyingSecurityTitle = UnderlyingSecurityTitle,
            UnderlyingSecurityShares = UnderlyingSecurityShares,
            UnderlyingSecurityValue = UnderlyingSecurityValue,
            SharesOwnedFollowing = SharesOwnedFollowing,
            ValueOwnedFollowing = ValueOwnedFollowing,
            DirectOrIndirect = DirectOrIndirect,
            NatureOfOwnership = NatureOfOwnership,
        };
    }

    private sealed class DocumentBuilder
    {
        public string? SchemaVersion;
        public string? DocumentType;
        public DateOnly? PeriodOfReport;
        public DateOnly? DateOfOriginalSubmission;
        public bool? NoSecuritiesOwned;
        public bool? NotSubjectToSection16;
        public bool? Form3HoldingsReported;
        public bool? Form4TransactionsReported;
        public bool? Aff10b5One;
        public Issuer Issuer = new(null, null, null);
        public readonly List<ReportingOwner> Owners = [];
        public List<OwnershipRow>? NonDerivative;
        public List<OwnershipRow>? Derivative;
        public List<Footnote>? Footnotes;
        public string? Remarks;
        public readonly List<OwnerSignature> Signatures = [];

        public OwnershipDocument Build(OwnershipSource source) => new()
        {
            SchemaVersion = SchemaVersion,
            DocumentType = DocumentType,
            PeriodOfReport = PeriodOfReport,
            DateOfOriginalSubmission = DateOfOriginalSubmission,
            NoSecuritiesOwned = NoSecuritiesOwned,
            NotSubjectToSection16 = NotSubjectToSection16,
            Form3HoldingsReported = Form3HoldingsReported,
            Form4TransactionsReported = Form4TransactionsReported,
            Aff10b5One = Aff10b5One,
            Issuer = Issuer,
            ReportingOwners = Owners,
            NonDerivativeTable = NonDerivative,
            DerivativeTable = Derivative,
            Footnotes = Footnotes,
            Remarks = Remarks,
            Signatures = Signatures,
            Source = source,
        };
    }
}
