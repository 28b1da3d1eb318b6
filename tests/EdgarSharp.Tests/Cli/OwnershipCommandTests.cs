using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary>The real <c>edgar ownership</c> command in-process: text as a person reads the form, JSON, and TSV with the SEC's columns.</summary>
public class OwnershipCommandTests
{
    private static readonly string Seed = Corpus.Sample("lpsn-form4-2009-11-19.txt");
    private static readonly string Xml = Corpus.Fixture("Ownership/form4-exercise-and-sale.xml");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Text_shows_the_owner_both_tables_the_footnotes_beside_their_rows_and_the_checks()
    {
        var (exit, output, _) = Run("ownership", Seed);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal("FORM 4: Statement of Changes in Beneficial Ownership", lines[0]);
        Assert.Contains("Reporting owner: BIXBY TIMOTHY E: officer (President and CFO)", lines);
        var sale = Array.FindIndex(lines, l => l.StartsWith("  3  Common Stock  2009-11-17  S (1)  24,409  D    6.5 (2)  286,750 (4)", StringComparison.Ordinal));
        Assert.True(sale > 0, output);
        Assert.StartsWith("       (1) The sales reported in this Form 4 were effected pursuant to a Rule 10b5-1", lines[sale + 1], StringComparison.Ordinal);
        Assert.StartsWith("       (2) This price reported in column 4 is a weighted average price.", lines[sale + 2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Stock Option (right to buy)", StringComparison.Ordinal) && l.Contains("270,091", StringComparison.Ordinal));
        Assert.Contains("Checks:", lines);
        Assert.Contains(lines, l => l.StartsWith("  ok      edgar:ownership-holdings-chain-ok", StringComparison.Ordinal));
    }

    [Fact]
    public void Tsv_has_exactly_the_SEC_columns_one_row_per_transaction_or_holding_ISO_dates_and_plain_decimals()
    {
        var (exit, output, _) = Run("ownership", "--format", "tsv", Xml, "--accession", "0009990002-24-000001");

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(
            "ACCESSION_NUMBER\tTABLE\tSECURITY_TITLE\tSECURITY_TITLE_FN\tTRANS_DATE\tTRANS_DATE_FN\tDEEMED_EXECUTION_DATE\tDEEMED_EXECUTION_DATE_FN\t"
            + "TRANS_CODE\tTRANS_CODE_FN\tEQUITY_SWAP_INVOLVED\tEQUITY_SWAP_INVOLVED_FN\tTRANS_TIMELINESS\tTRANS_TIMELINESS_FN\tTRANS_SHARES\tTRANS_SHARES_FN\t"
            + "TRANS_PRICEPERSHARE\tTRANS_PRICEPERSHARE_FN\tTRANS_ACQUIRED_DISP_CD\tTRANS_ACQUIRED_DISP_CD_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\t"
            + "VALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN\t"
            + "CONV_EXERCISE_PRICE\tCONV_EXERCISE_PRICE_FN\tEXCERCISE_DATE\tEXCERCISE_DATE_FN\tEXPIRATION_DATE\tEXPIRATION_DATE_FN\tUNDLYNG_SEC_TITLE\tUNDLYNG_SEC_TITLE_FN\t"
            + "UNDLYNG_SEC_SHARES\tUNDLYNG_SEC_SHARES_FN\tUNDLYNG_SEC_VALUE\tUNDLYNG_SEC_VALUE_FN",
            lines[0]);
        Assert.Equal(5, lines.Length);
        var header = lines[0].Split('\t');
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        string Cell(int row, string column) => rows[row][Array.IndexOf(header, column)];
        Assert.Equal("0009990002-24-000001", Cell(0, "ACCESSION_NUMBER"));
        Assert.Equal("2024-03-14", Cell(1, "TRANS_DATE"));
        Assert.Equal("S", Cell(1, "TRANS_CODE"));
        Assert.Equal("F2", Cell(1, "TRANS_CODE_FN"));
        Assert.Equal("25.1234", Cell(1, "TRANS_PRICEPERSHARE"));
        Assert.Equal("F3", Cell(1, "TRANS_PRICEPERSHARE_FN"));
        Assert.Equal("270000.5", Cell(1, "SHRS_OWND_FOLWNG_TRANS"));
        // The holding: no TRANS_ columns, its own holdings and nature.
        Assert.All(header.Where(h => h.StartsWith("TRANS_", StringComparison.Ordinal)), h => Assert.Equal("", Cell(2, h)));
        Assert.Equal("5000", Cell(2, "SHRS_OWND_FOLWNG_TRANS"));
        Assert.Equal("By Trust", Cell(2, "NATURE_OF_OWNERSHIP"));
        Assert.Equal("F4", Cell(2, "NATURE_OF_OWNERSHIP_FN"));
        Assert.Equal("II", Cell(3, "TABLE"));
        Assert.Equal("", Cell(3, "EXCERCISE_DATE"));
        Assert.Equal("F5", Cell(3, "EXCERCISE_DATE_FN"));
        Assert.Equal("2030-01-15", Cell(3, "EXPIRATION_DATE"));
        Assert.Equal("10.25", Cell(3, "CONV_EXERCISE_PRICE"));
    }

    [Fact]
    public void Tsv_takes_the_accession_number_from_a_file_name_that_holds_one()
    {
        var file = Corpus.RequireCorpus("ownership-xml/edgar-app/000032012123000040_form4.xml");

        var (_, output, _) = Run("ownership", "--format", "tsv", file);

        Assert.All(Lines(output).Skip(1), l => Assert.StartsWith("0000320121-23-000040\t", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_is_an_array_of_forms_with_typed_values_and_footnotes_on_each_field()
    {
        var (exit, output, _) = Run("ownership", "--format", "json", Xml, "--filed", "2024-03-20");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var form = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("4", form.GetProperty("documentType").GetString());
        Assert.Equal("X0508", form.GetProperty("schemaVersion").GetString());
        Assert.Equal("2024-03-20", form.GetProperty("source").GetProperty("filingDate").GetString());
        Assert.True(form.GetProperty("aff10b5One").GetBoolean());
        Assert.Equal("EXWG", form.GetProperty("issuer").GetProperty("tradingSymbol").GetString());
        var owner = form.GetProperty("reportingOwners")[0];
        Assert.Equal("Chief Financial Officer", owner.GetProperty("relationship").GetProperty("officerTitle").GetString());
        var sale = form.GetProperty("nonDerivativeTable")[1];
        Assert.Equal("transaction", sale.GetProperty("kind").GetString());
        Assert.Equal(25.1234m, sale.GetProperty("transactionPricePerShare").GetProperty("value").GetDecimal());
        Assert.Equal("F3", sale.GetProperty("transactionPricePerShare").GetProperty("footnotes")[0].GetString());
        Assert.Equal("S", sale.GetProperty("transactionCoding").GetProperty("transactionCode").GetString());
        Assert.StartsWith("Open market or private sale", sale.GetProperty("transactionCoding").GetProperty("description").GetString(), StringComparison.Ordinal);
        var option = form.GetProperty("derivativeTable")[0];
        Assert.Equal(JsonValueKind.Null, option.GetProperty("exerciseDate").GetProperty("value").ValueKind);
        Assert.Equal("F5", option.GetProperty("exerciseDate").GetProperty("footnotes")[0].GetString());
        // Filed 2024-03-20 for transactions of 2024-03-14: due 2024-03-18, so late.
        Assert.Contains(form.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "edgar:ownership-late-filing");
    }

    [Fact]
    public void A_directory_reads_each_ownership_form_under_it_and_skips_other_files()
    {
        var folder = Corpus.RequireCorpus("ownership-xml");

        var (exit, output, _) = Run("ownership", "--format", "json", folder);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(24, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void A_form_with_an_error_exits_1_and_a_missing_path_exits_2()
    {
        var truncated = Corpus.Fixture("Ownership/bad-truncated.xml");
        Assert.Equal(1, Run("ownership", truncated).Exit);
        var (exit, _, error) = Run("ownership", Corpus.Fixture("Ownership/no-such.xml"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("ownership", Xml, "--filed", "03/20/2024").Exit);
    }
}
