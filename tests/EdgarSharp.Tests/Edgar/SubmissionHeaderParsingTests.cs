using System.Text;
using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>
/// The header parser that reads fields straight from the header's bytes: odd spacing, repeated blocks, missing and bad
/// fields, Latin-1 values, bare CR line endings, many distinct field names, and the field tree made on first read.
/// </summary>
public class SubmissionHeaderParsingTests
{
    private static Submission Read(string text) => SubmissionReader.Read(Encoding.Latin1.GetBytes(text), "test.txt");

    private static string Header(string fields, string newline = "\n") =>
        ("<SEC-DOCUMENT>\n<SEC-HEADER>\n" + fields + "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<TEXT>\nbody\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
            .Replace("\n", newline, StringComparison.Ordinal);

    [Fact]
    public void Odd_spacing_around_names_colons_and_values_is_trimmed_as_white_space()
    {
        // Spaces before the colon, tabs after it, trailing spaces and a no-break space (0xA0), CRLF line endings.
        var s = Read(Header(
            "ACCESSION NUMBER  :\t\t0000000001-24-000009   \n" +
            "CONFORMED SUBMISSION TYPE:\t8-K\u00a0\n" +
            "PUBLIC DOCUMENT COUNT:\t\t 1\n" +
            "FILED AS OF DATE:\t\t20240105\n" +
            "FILER:\n" +
            "\n" +
            "\tCOMPANY DATA:\t\n" +
            "\t\tCOMPANY CONFORMED NAME:   \tSPACED  OUT  INC  \n" +
            "\t\tCENTRAL INDEX KEY:\t\t\t0000000042\n", "\r\n"));

        var h = s.Header;
        Assert.Equal("0000000001-24-000009", h.AccessionNumber);
        Assert.Equal("8-K", h.FormType);
        Assert.Equal(1, h.PublicDocumentCount);
        Assert.Equal(new DateOnly(2024, 1, 5), h.FilingDate);
        var filer = Assert.Single(h.Filers);
        Assert.Equal("SPACED  OUT  INC", filer.Company.Name);
        Assert.Equal("0000000042", filer.Company.Cik);
        var accession = h.Find("ACCESSION-NUMBER")!;
        Assert.Equal("ACCESSION NUMBER", accession.Name);
        Assert.Equal(3, accession.Line);
        Assert.DoesNotContain(s.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Repeated_fields_and_blocks_keep_the_first_value_and_every_party()
    {
        var s = Read(Header(
            "ACCESSION NUMBER:\t0000000001-24-000010\n" +
            "ACCESSION NUMBER:\t0000000001-24-999999\n" +
            "CONFORMED SUBMISSION TYPE:\tSC 13D\n" +
            "PUBLIC DOCUMENT COUNT:\t2\n" +
            "CONFORMED PERIOD OF REPORT:\t20241301\n" +
            "CONFORMED PERIOD OF REPORT:\t20240229\n" +
            "FILED AS OF DATE:\t20240105\n" +
            "GROUP MEMBERS:\tA LLC\n" +
            "GROUP MEMBERS:\tB LP\n" +
            "SUBJECT COMPANY:\n" +
            "\tCOMPANY DATA:\n" +
            "\t\tCOMPANY CONFORMED NAME:\tTARGET CORP\n" +
            "\tFORMER COMPANY:\n" +
            "\t\tFORMER CONFORMED NAME:\tTARGET OLD\n" +
            "\t\tDATE OF NAME CHANGE:\t19990101\n" +
            "\tFORMER COMPANY:\n" +
            "\t\tFORMER CONFORMED NAME:\tTARGET OLDER\n" +
            "\t\tDATE OF NAME CHANGE:\t19990231\n" +
            "FILED BY:\n" +
            "\tCOMPANY DATA:\n" +
            "\t\tCOMPANY CONFORMED NAME:\tFIRST HOLDER\n" +
            "\t\tCOMPANY CONFORMED NAME:\tIGNORED SECOND NAME\n" +
            "FILED BY:\n" +
            "\tCOMPANY DATA:\n" +
            "\t\tCOMPANY CONFORMED NAME:\tSECOND HOLDER\n"));

        var h = s.Header;
        Assert.Equal("0000000001-24-000010", h.AccessionNumber);
        // The first period is not a date (month 13): reported, and the next one is read.
        Assert.Equal(new DateOnly(2024, 2, 29), h.Period);
        Assert.Equal(["A LLC", "B LP"], h.GroupMembers);
        Assert.Equal(["FIRST HOLDER", "SECOND HOLDER"], h.FiledBy.Select(p => p.Company.Name));
        Assert.Equal("TARGET CORP", h.SubjectCompany!.Company.Name);
        // February 31st is not a date: the former name is kept without it, and reported.
        Assert.Equal([new FormerName("TARGET OLD", new DateOnly(1999, 1, 1)), new FormerName("TARGET OLDER", null)], h.SubjectCompany.FormerNames);
        var bad = s.Diagnostics.Where(d => d.Code == EdgarCodes.BadHeaderValue).ToList();
        Assert.Equal(2, bad.Count);
        Assert.Contains("'20241301'", bad[0].Message, StringComparison.Ordinal);
        Assert.Equal(7, bad[0].Location!.Value.Line);
        Assert.Contains("'19990231'", bad[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Fields.Count(f => f.Key == "FILED-BY"));
        Assert.Equal(2, h.Fields.Count(f => f.Key == "ACCESSION-NUMBER"));
    }

    [Fact]
    public void Missing_fields_are_reported_and_present_but_bad_ones_are_reported_as_bad()
    {
        var missing = Read(Header("GROUP MEMBERS:\tONLY ME\n"));
        Assert.Null(missing.Header.AccessionNumber);
        Assert.Null(missing.Header.FilingDate);
        Assert.Equal(3, missing.Diagnostics.Count(d => d.Code == EdgarCodes.MissingHeaderField));
        Assert.Single(missing.Diagnostics, d => d.Code == EdgarCodes.MissingOptionalHeaderField);

        var bad = Read(Header(
            "ACCESSION NUMBER:\t0000000001-24-000011\n" +
            "CONFORMED SUBMISSION TYPE:\t4\n" +
            "PUBLIC DOCUMENT COUNT:\t1x\n" +
            "PUBLIC DOCUMENT COUNT:\t0000000001\n" +
            "ACCEPTANCE-DATETIME:\t20240105250000\n" +
            "FILED AS OF DATE:\t2024-01-05\n"));
        // A count of ten digits with leading zeros is still a whole number; a bad date is reported once, not as missing.
        Assert.Equal(1, bad.Header.PublicDocumentCount);
        Assert.Null(bad.Header.AcceptedAt);
        Assert.Null(bad.Header.FilingDate);
        Assert.DoesNotContain(bad.Diagnostics, d => d.Code == EdgarCodes.MissingHeaderField);
        Assert.Equal(3, bad.Diagnostics.Count(d => d.Code == EdgarCodes.BadHeaderValue));
    }

    [Fact]
    public void Latin1_values_and_names_keep_their_characters_in_the_typed_header_and_the_tree()
    {
        var s = Read(Header(
            "ACCESSION NUMBER:\t0000000001-24-000012\n" +
            "CONFORMED SUBMISSION TYPE:\t6-K\n" +
            "FILED AS OF DATE:\t20240105\n" +
            "FILER:\n" +
            "\tCOMPANY DATA:\n" +
            "\t\tCOMPANY CONFORMED NAME:\tSOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE \u00a7 C\u00cfE\n" +
            "\tBUSINESS ADDRESS:\n" +
            "\t\tCITY:\tZ\u00dcRICH\n"));

        var filer = Assert.Single(s.Header.Filers);
        Assert.Equal("SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE \u00a7 C\u00cfE", filer.Company.Name);
        Assert.Equal("Z\u00dcRICH", filer.BusinessAddress!.City);
        var tree = s.Header.Find("FILER")!;
        Assert.Equal("SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE \u00a7 C\u00cfE", tree.Child("COMPANY-DATA")!.ChildValue("CONFORMED-NAME"));
        // The typed header and the tree share the string made from the bytes.
        Assert.Same(filer.Company.Name, tree.Child("COMPANY-DATA")!.ChildValue("CONFORMED-NAME"));
    }

    [Fact]
    public void A_tag_header_with_bare_cr_line_endings_reads_blocks_and_empty_tags()
    {
        var text = "<SUBMISSION>\r<ACCESSION-NUMBER>0000000001-24-000013\r<TYPE>4\r<PUBLIC-DOCUMENT-COUNT>1\r" +
            "<FILING-DATE>20240105\r<PRIVATE-TO-PUBLIC>\r<ITEMS>2.02\r<ITEMS>9.01\r" +
            "<REPORTING-OWNER>\r<OWNER-DATA>\r<CONFORMED-NAME>M\u00dcLLER HANS\r<CIK>0000000077\r</OWNER-DATA>\r" +
            "<ORGANIZATION-NAME>\r</REPORTING-OWNER>\r" +
            "<ISSUER>\r<COMPANY-DATA>\r<CONFORMED-NAME>ISSUER INC\r<ASSIGNED-SIC>3571\r</COMPANY-DATA>\r</ISSUER>\r" +
            "<DOCUMENT>\r<TYPE>4\r<SEQUENCE>1\r<TEXT>\rbody\r</TEXT>\r</DOCUMENT>\r</SUBMISSION>\r";
        var s = SubmissionReader.Read(Encoding.Latin1.GetBytes(text), "test.nc");

        var h = s.Header;
        Assert.Equal("0000000001-24-000013", h.AccessionNumber);
        Assert.True(h.IsPrivateToPublic);
        Assert.Equal(["2.02", "9.01"], h.Items);
        var owner = Assert.Single(h.ReportingOwners);
        Assert.Equal("M\u00dcLLER HANS", owner.Company.Name);
        Assert.Equal(3571, h.SubjectCompany!.Company.SicCode);
        // <ORGANIZATION-NAME> has no closing tag, so it is an empty leaf, not a block that swallows what follows.
        var ownerField = h.Find("REPORTING-OWNER")!;
        Assert.Equal(["OWNER-DATA", "ORGANIZATION-NAME"], ownerField.Children.Select(c => c.Key));
        Assert.Empty(ownerField.Child("ORGANIZATION-NAME")!.Children);
        Assert.Equal(3, h.Find("TYPE")!.Line);
    }

    [Fact]
    public void The_field_tree_is_made_once_and_nests_text_blocks_by_tabs()
    {
        var s = Read(Header(
            "ACCESSION NUMBER:\t0000000001-24-000014\n" +
            "SERIAL COMPANY:\n" +
            "COMPANY DATA:\n" +
            "\tCOMPANY CONFORMED NAME:\tSERIAL ONE\n" +
            "FILING VALUES:\n" +
            "\tFORM TYPE:\tN-CSR\n" +
            "ITEM INFORMATION:\t\t<ITEMS>06c\n"));

        var fields = s.Header.Fields;
        Assert.Same(fields[0], s.Header.Fields[0]);
        Assert.Equal(["ACCESSION-NUMBER", "SERIAL-COMPANY", "ITEMS"], fields.Select(f => f.Key));
        // 1990s headers write a party's blocks at the depth of the party itself: they still belong to it.
        var serial = fields[1];
        Assert.Equal(["COMPANY-DATA", "FILING-VALUES"], serial.Children.Select(c => c.Key));
        Assert.Equal("SERIAL ONE", Assert.Single(s.Header.Parties).Company.Name);
        Assert.Equal("N-CSR", s.Header.Parties[0].FilingValues!.FormType);
        Assert.Equal(["06c"], s.Header.Items);
    }

    [Fact]
    public void More_distinct_field_names_than_the_shared_name_table_holds_still_parse()
    {
        var fields = new StringBuilder("ACCESSION NUMBER:\t0000000001-24-000015\n");
        for (var i = 0; i < 10_000; i++)
        {
            fields.Append("EXTRA FIELD ").Append(((char)('A' + (i % 26))).ToString()).Append(' ')
                .Append(((char)('A' + (i / 26 % 26))).ToString()).Append(((char)('A' + (i / 676))).ToString())
                .Append(":\tvalue ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        var s = Read(Header(fields.ToString()));

        Assert.Equal(10_001, s.Header.Fields.Count);
        Assert.Equal("value 9999", s.Header.Fields[^1].Value);
        Assert.Equal("EXTRA-FIELD-P-UO", s.Header.Fields[^1].Key);
        Assert.Equal(10_000, s.Header.Fields.Select(f => f.Key).Distinct().Count() - 1);
    }
}
