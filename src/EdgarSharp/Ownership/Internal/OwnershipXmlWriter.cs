using System.Text;
using System.Xml;

namespace EdgarSharp.Ownership.Internal;

/// <summary>Writes the model back as ownershipDocument XML in the schema's element order.</summary>
internal static class OwnershipXmlWriter
{
    public static string Write(OwnershipDocument d)
    {
        var sb = new StringBuilder(4096);
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 };
        using (var w = XmlWriter.Create(sb, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("ownershipDocument");
            Simple(w, "schemaVersion", d.SchemaVersion);
            Simple(w, "documentType", d.DocumentType);
            Date(w, "periodOfReport", d.PeriodOfReport);
            Date(w, "dateOfOriginalSubmission", d.DateOfOriginalSubmission);
            Bool(w, "noSecuritiesOwned", d.NoSecuritiesOwned);
            Bool(w, "notSubjectToSection16", d.NotSubjectToSection16);
            Bool(w, "form3HoldingsReported", d.Form3HoldingsReported);
            Bool(w, "form4TransactionsReported", d.Form4TransactionsReported);
            w.WriteStartElement("issuer");
            Simple(w, "issuerCik", d.Issuer.Cik);
            Simple(w, "issuerName", d.Issuer.Name);
            Simple(w, "issuerTradingSymbol", d.Issuer.TradingSymbol);
            w.WriteEndElement();
            foreach (var owner in d.ReportingOwners)
            {
                Owner(w, owner);
            }
            Bool(w, "aff10b5One", d.Aff10b5One);
            Table(w, "nonDerivativeTable", d.NonDerivativeTable);
            Table(w, "derivativeTable", d.DerivativeTable);
            if (d.Footnotes is { } notes)
            {
                w.WriteStartElement("footnotes");
                foreach (var note in notes)
                {
                    w.WriteStartElement("footnote");
                    w.WriteAttributeString("id", note.Id);
                    w.WriteString(note.Text);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            Simple(w, "remarks", d.Remarks);
            foreach (var s in d.Signatures)
            {
                w.WriteStartElement("ownerSignature");
                Simple(w, "signatureName", s.Name);
                if (s.Date is { } date)
                {
                    Date(w, "signatureDate", date);
                }
                else
                {
                    Simple(w, "signatureDate", s.DateText);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return sb.ToString();
    }

    private static void Owner(XmlWriter w, ReportingOwner owner)
    {
        w.WriteStartElement("reportingOwner");
        w.WriteStartElement("reportingOwnerId");
        Simple(w, "rptOwnerCik", owner.Cik);
        Simple(w, "rptOwnerCcc", owner.Ccc);
        Simple(w, "rptOwnerName", owner.Name);
        w.WriteEndElement();
        if (owner.Address is { } a)
        {
            w.WriteStartElement("reportingOwnerAddress");
            Simple(w, "rptOwnerStreet1", a.Street1);
            Simple(w, "rptOwnerStreet2", a.Street2);
            Simple(w, "rptOwnerCity", a.City);
            Simple(w, "rptOwnerState", a.State);
            Simple(w, "rptOwnerZipCode", a.ZipCode);
            Simple(w, "rptOwnerStateDescription", a.StateDescription);
            Bool(w, "rptOwnerGoodAddress", a.GoodAddress);
            w.WriteEndElement();
        }
        if (owner.Relationship is { } r)
        {
            w.WriteStartElement("reportingOwnerRelationship");
            Bool(w, "isDirector", r.IsDirector);
            Bool(w, "isOfficer", r.IsOfficer);
            Bool(w, "isTenPercentOwner", r.IsTenPercentOwner);
            Bool(w, "isOther", r.IsOther);
            Simple(w, "officerTitle", r.OfficerTitle);
            Simple(w, "otherText", r.OtherText);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Table(XmlWriter w, string name, IReadOnlyList<OwnershipRow>? rows)
    {
        if (rows is null)
        {
            return;
        }
        w.WriteStartElement(name);
        foreach (var row in rows)
        {
            Row(w, row);
        }
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, OwnershipRow row)
    {
        var derivative = row.Table == OwnershipTable.Derivative;
        w.WriteStartElement((derivative ? "derivative" : "nonDerivative") + (row.IsHolding ? "Holding" : "Transaction"));
        Field(w, "securityTitle", row.SecurityTitle);
        Field(w, "conversionOrExercisePrice", row.ConversionOrExercisePrice);
        Field(w, "transactionDate", row.TransactionDate);
        Field(w, "deemedExecutionDate", row.DeemedExecutionDate);
        if (row.Coding is { } c)
        {
            w.WriteStartElement("transactionCoding");
            Simple(w, "transactionFormType", c.FormType);
            Simple(w, "transactionCode", c.Code);
            Bool(w, "equitySwapInvolved", c.EquitySwapInvolved);
            Ids(w, c.FootnoteIds);
            w.WriteEndElement();
        }
        Field(w, "transactionTimeliness", row.Timeliness);
        if (row.Shares.IsPresent || row.TotalValue.IsPresent || row.PricePerShare.IsPresent || row.AcquiredDisposed.IsPresent)
        {
            w.WriteStartElement("transactionAmounts");
            Field(w, "transactionShares", row.Shares);
            Field(w, "transactionTotalValue", row.TotalValue);
            Field(w, "transactionPricePerShare", row.PricePerShare);
            Field(w, "transactionAcquiredDisposedCode", row.AcquiredDisposed);
            w.WriteEndElement();
        }
        Field(w, "exerciseDate", row.ExerciseDate);
        Field(w, "expirationDate", row.ExpirationDate);
        if (row.UnderlyingSecurityTitle.IsPresent || row.UnderlyingSecurityShares.IsPresent || row.UnderlyingSecurityValue.IsPresent)
        {
            w.WriteStartElement("underlyingSecurity");
            Field(w, "underlyingSecurityTitle", row.UnderlyingSecurityTitle);
            Field(w, "underlyingSecurityShares", row.UnderlyingSecurityShares);
            Field(w, "underlyingSecurityValue", row.UnderlyingSecurityValue);
            w.WriteEndElement();
        }
        if (row.SharesOwnedFollowing.IsPresent || row.ValueOwnedFollowing.IsPresent)
        {
            w.WriteStartElement("postTransactionAmounts");
            Field(w, "sharesOwnedFollowingTransaction", row.SharesOwnedFollowing);
            Field(w, "valueOwnedFollowingTransaction", row.ValueOwnedFollowing);
            w.WriteEndElement();
        }
        if (row.DirectOrIndirect.IsPresent || row.NatureOfOwnership.IsPresent)
        {
            w.WriteStartElement("ownershipNature");
            Field(w, "directOrIndirectOwnership", row.DirectOrIndirect);
            Field(w, "natureOfOwnership", row.NatureOfOwnership);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Field<T>(XmlWriter w, string name, Footnoted<T> field) where T : struct
    {
        if (!field.IsPresent)
        {
            return;
        }
        w.WriteStartElement(name);
        if (field.Value is { } v)
        {
            w.WriteElementString("value", Footnoted<T>.Format(v));
        }
        else if (field.Text is not null)
        {
            w.WriteElementString("value", field.Text);
        }
        Ids(w, field.FootnoteIds);
        w.WriteEndElement();
    }

    private static void Field(XmlWriter w, string name, FootnotedText field)
    {
        if (!field.IsPresent)
        {
            return;
        }
        w.WriteStartElement(name);
        if (field.Text is not null)
        {
            w.WriteElementString("value", field.Text);
        }
        Ids(w, field.FootnoteIds);
        w.WriteEndElement();
    }

    private static void Ids(XmlWriter w, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            w.WriteStartElement("footnoteId");
            w.WriteAttributeString("id", id);
            w.WriteEndElement();
        }
    }

    private static void Simple(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }

    private static void Bool(XmlWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteElementString(name, b ? "1" : "0");
        }
    }

    private static void Date(XmlWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteElementString(name, Footnoted<DateOnly>.Format(d));
        }
    }
}
